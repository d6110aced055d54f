import type { RecipeAnalysis } from '../core/check';
import { parseConnectionArg } from '../core/config/workspace-config';
import { siteOrigin } from '../core/snapshot';
import { UsageError } from './usage';

/**
 * `--site` must be a site some Jira step of the recipes runs on (or the account of a connection that names no
 * site): a mistyped site would otherwise leave every step unverified and the run green.
 */
export function assertSiteMatches(analyses: readonly RecipeAnalysis[], site: string): void {
  const hosts = new Set<string>();
  let hostless = false;
  for (const { connection } of analyses.flatMap((a) => a.jiraSteps)) {
    if (connection.host === undefined) hostless = true;
    else hosts.add(connection.host);
  }
  if (hostless || !hosts.size) return;
  const origin = siteOrigin(site);
  if ([...hosts].some((h) => siteOrigin(h) === origin)) return;
  throw new UsageError(
    `--site ${site} is a site no Jira connection of these recipes runs on; they name ${[...hosts].sort().join(', ')}. ` +
      'Give one of those, or map a connection to the site with --connection "NAME=URL".',
  );
}

/** Each `--connection NAME=URL` must name a connection of the recipes: a typo would map nothing. */
export function assertConnectionsMatch(analyses: readonly RecipeAnalysis[], connectionArgs: readonly string[]): void {
  const names = new Set(analyses.flatMap((a) => [...a.model.connections.keys()]));
  for (const arg of connectionArgs) {
    const [name] = parseConnectionArg(arg);
    if (names.has(name)) continue;
    const known = [...names].sort();
    throw new UsageError(
      `--connection "${arg}" names no connection of these recipes; ${known.length ? `they name ${known.map((n) => `"${n}"`).join(', ')}` : 'they define none'}.`,
    );
  }
}
