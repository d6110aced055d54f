import { findOperation } from '../catalog';
import { describePermission, permissionInfo } from '../catalog/permissions';
import type { Finding } from '../check/findings';
import { normalizeSnapshot, snapshotForHost } from '../snapshot/normalize';
import type { PermissionSnapshot } from '../snapshot/types';
import { accountLabel, holdersLabel } from './describe';

/** The findings of one recipe file, with the recipe's name for the request. */
export interface RecipeFindings {
  readonly recipe: string;
  readonly findings: readonly Finding[];
}

const REQUESTABLE = new Set(['missing-permission', 'missing-global-permission', 'project-not-visible', 'security-level-unavailable']);

/**
 * A ready-to-send request for a Jira administrator: per site, the account, then each global permission and each
 * project's permissions the recipes need, with which step needs it and who holds it now where that is known.
 */
export function accessRequestText(recipes: readonly RecipeFindings[], snapshots: readonly PermissionSnapshot[]): string | undefined {
  const bySite = new Map<string, { global: Map<string, string[]>; projects: Map<string, Map<string, string[]>> }>();
  for (const { recipe, findings } of recipes) {
    for (const f of findings) {
      if (!REQUESTABLE.has(f.code) || !f.site) continue;
      let site = bySite.get(f.site);
      if (!site) bySite.set(f.site, (site = { global: new Map(), projects: new Map() }));
      const need = f.code === 'security-level-unavailable' ? securityNeed(f) : f.permissions.map(describePermission).join(' or ');
      const target = f.project === null ? site.global : mapFor(site.projects, f.project);
      const reasons = target.get(need) ?? [];
      const reason = `recipe "${recipe}", ${stepName(f)} (${f.operation})`;
      if (!reasons.includes(reason)) reasons.push(reason);
      target.set(need, reasons);
    }
  }
  if (!bySite.size) return undefined;

  const sections: string[] = [];
  for (const [site, needs] of bySite) {
    const snapshot = snapshotForHost(site, snapshots);
    const account = snapshot ? accountLabel(snapshot) : 'our integration account';
    const lines = [`Site: ${site}`, `Account: ${account}${snapshot ? ` (${snapshot.deployment === 'cloud' ? 'Jira Cloud' : 'Jira Server/Data Center'})` : ''}`, ''];
    if (needs.global.size) {
      lines.push('Global permissions (Jira administration → System → Global permissions):');
      for (const [need, reasons] of needs.global) lines.push(`- ${need}, needed by ${reasons.join('; ')}`);
      lines.push('');
    }
    for (const [project, perms] of needs.projects) {
      const p = snapshot && normalizeSnapshot(snapshot).projects?.[project];
      lines.push(`Project ${project}${p && p.name ? ` (${p.name})` : ''}:`);
      for (const [need, reasons] of perms) {
        const key = need.match(/\(([A-Z_]+)\)$/)?.[1];
        const holders = key && p ? p.permissionScheme?.grants?.[key] : undefined;
        lines.push(`- ${need}, needed by ${reasons.join('; ')}${holders ? `. Currently granted to ${holdersLabel(holders)}` : ''}`);
      }
      lines.push('');
    }
    sections.push(lines.join('\n'));
  }
  return [
    'Hello,',
    '',
    'Our integration recipes run in Jira as the account below and will fail with "403 Forbidden" because it lacks these permissions. Could you grant them, for example by adding the account to a project role or group that holds them?',
    '',
    ...sections,
    'Thank you!',
    '',
    '(Prepared by jira-recipe-lint from the account\'s own permissions; it contains no credentials.)',
  ].join('\n');
}

function stepName(f: Finding): string {
  if (f.operation && findOperation(f.operation)?.kind === 'trigger') return f.step === 'trigger' ? 'the trigger' : `trigger ${f.step}`;
  return `step ${f.step}`;
}

function mapFor<K, V>(map: Map<K, Map<string, V>>, key: K): Map<string, V> {
  let inner = map.get(key);
  if (!inner) map.set(key, (inner = new Map()));
  return inner;
}

function securityNeed(f: Finding): string {
  const level = /security level "([^"]+)"/.exec(f.message)?.[1] ?? 'the level the recipe sets';
  return `membership of the issue security level "${level}" (so it can be set; ${permissionInfo('SET_ISSUE_SECURITY')?.name} is held)`;
}
