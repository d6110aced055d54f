import { describePermission, permissionInfo } from '../catalog/permissions';
import { isGrantable, type Finding } from '../check/findings';
import { accountLabel, holdersLabel } from '../check/labels';
import { snapshotForHost } from '../snapshot/normalize';
import type { PermissionSnapshot } from '../snapshot/types';
import { scopeRequestLines, stepName } from './scope-request';

/** The findings of one recipe file, with the recipe's name for the request. */
export interface RecipeFindings {
  readonly recipe: string;
  readonly findings: readonly Finding[];
}

/** One thing to grant, with the steps that need it; `key` when it is a single permission (to say who holds it). */
interface Need {
  readonly key?: string;
  readonly reasons: string[];
  /** conditional-permission: why a permission the account holds is asked for again. */
  condition?: string;
}

interface SiteNeeds {
  readonly global: Map<string, Need>;
  readonly projects: Map<string, Map<string, Need>>;
  /** missing-scope findings: said apart, as no Jira administrator grants scopes. */
  readonly scopes: { recipe: string; finding: Finding }[];
}

/**
 * A ready-to-send request for a Jira administrator: per site, the account, then each global permission and each
 * project's permissions the recipes need, with which step needs it and who holds it now where that is known.
 */
export function accessRequestText(recipes: readonly RecipeFindings[], snapshots: readonly PermissionSnapshot[]): string | undefined {
  const bySite = new Map<string, SiteNeeds>();
  const siteOf = (name: string): SiteNeeds => {
    let site = bySite.get(name);
    if (!site) bySite.set(name, (site = { global: new Map(), projects: new Map(), scopes: [] }));
    return site;
  };
  for (const { recipe, findings } of recipes) {
    for (const f of findings) {
      if (f.code === 'missing-scope' && f.site) siteOf(f.site).scopes.push({ recipe, finding: f });
      if (!isGrantable(f) || !f.site) continue;
      const site = siteOf(f.site);
      const text = f.code === 'security-level-unavailable' ? securityNeed(f) : f.permissions.map(describePermission).join(' or ');
      const target = f.project === null ? site.global : mapFor(site.projects, f.project);
      const need = target.get(text) ?? {
        key: f.code !== 'security-level-unavailable' && f.permissions.length === 1 ? f.permissions[0] : undefined,
        reasons: [],
      };
      const reason = `recipe "${recipe}", ${stepName(f)} (${f.operation})`;
      if (!need.reasons.includes(reason)) need.reasons.push(reason);
      if (f.condition) need.condition = f.condition;
      target.set(text, need);
    }
  }
  if (!bySite.size) return undefined;

  const sections: string[] = [];
  for (const [site, needs] of bySite) {
    const snapshot = snapshotForHost(site, snapshots);
    const account = snapshot ? accountLabel(snapshot) : 'our integration account';
    const lines = [
      `Site: ${site}`,
      `Account: ${account}${snapshot ? ` (${snapshot.deployment === 'cloud' ? 'Jira Cloud' : 'Jira Server/Data Center'})` : ''}`,
      '',
    ];
    if (needs.global.size) {
      lines.push('Global permissions (Jira administration → System → Global permissions):');
      for (const [text, need] of needs.global) lines.push(`- ${text}, needed by ${need.reasons.join('; ')}`);
      lines.push('');
    }
    lines.push(...scopeRequestLines(needs.scopes));
    for (const [project, perms] of needs.projects) {
      const p = snapshot?.projects?.[project];
      lines.push(`Project ${project}${p && p.name ? ` (${p.name})` : ''}:`);
      for (const [text, need] of perms) {
        const holders = need.key && p ? p.permissionScheme?.grants?.[need.key] : undefined;
        const condition = need.condition ? ` on every issue, not only some: ${need.condition}` : '';
        lines.push(`- ${text}, needed by ${need.reasons.join('; ')}${condition}${holders ? `. Currently granted to ${holdersLabel(holders)}` : ''}`);
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
    "(Prepared by jira-recipe-lint from the account's own permissions; it contains no credentials.)",
  ].join('\n');
}

function mapFor<K, V>(map: Map<K, Map<string, V>>, key: K): Map<string, V> {
  let inner = map.get(key);
  if (!inner) map.set(key, (inner = new Map()));
  return inner;
}

function securityNeed(f: Finding): string {
  const level = f.securityLevel ?? 'the level the recipe sets';
  return `membership of the issue security level "${level}" (so it can be set; ${describePermissionName('SET_ISSUE_SECURITY')} is held)`;
}

function describePermissionName(key: string): string {
  return permissionInfo(key)?.name ?? key;
}
