import type { RecipeAnalysis } from '../../core/check';
import { scopesToRequest } from '../../core/catalog/scopes';
import { matchSite } from '../../core/snapshot';

/**
 * The scopes to ask for when linking `site` with OAuth 2.0: those of every Jira step of the recipes that runs there
 * (its connection names the site, or no host at all), what the client needs to read permissions, and offline_access.
 */
export function scopesForSite(site: string, analyses: readonly RecipeAnalysis[]): string[] {
  const operations = analyses.flatMap((a) =>
    a.jiraSteps.filter((s) => s.connection.host === undefined || matchSite(s.connection.host, [site], (x) => x) !== undefined).map((s) => s.operation.name),
  );
  return scopesToRequest(operations);
}
