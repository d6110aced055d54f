import { findOperation, isGlobalPermission } from '../../catalog';
import type { NeedLine, NeedsReport, ReportAccount, StepRef, UnresolvedStep } from '../needs-report/model';

export const DEFAULT_ROLE = 'Integration';
/** Stands for the id Jira gives the new role, until the admin (or `--role-id`) fills it in. */
export const ROLE_ID_PLACEHOLDER = 'ROLE_ID';

export interface ProposalOptions {
  /** Name of the project role to create (default "Integration"). */
  readonly role?: string;
  /** Id of that role when it exists already; else the body names ROLE_ID. */
  readonly roleId?: string;
}

/** An any-of group and the alternative the proposal grants: the least one (a project permission, the "own" variant). */
export interface Choice {
  readonly alternatives: readonly string[];
  readonly chosen: string;
}

export interface GlobalGrant {
  readonly permission: string;
  readonly steps: readonly StepRef[];
  /** Needed only to register webhooks for real-time triggers (Administer Jira): there is a way round it. */
  readonly forWebhooks: boolean;
  /** Polling triggers that would do without it. */
  readonly pollingAlternatives: readonly string[];
}

/** Jira's permission grant as its create-permission-scheme call takes it (Cloud and Data Center alike). */
export interface PermissionGrantBody {
  readonly holder: { readonly type: 'projectRole'; readonly parameter: string };
  readonly permission: string;
}

export interface PermissionSchemeBody {
  readonly name: string;
  readonly description: string;
  readonly permissions: readonly PermissionGrantBody[];
}

export interface SiteProposal {
  readonly site: string;
  readonly siteKnown: boolean;
  readonly account?: ReportAccount;
  readonly role: { readonly name: string; readonly description: string; readonly id: string };
  /** Each project with exactly the project permissions it needs (for grants added to its current scheme). */
  readonly projects: readonly { readonly project: string; readonly permissions: readonly string[]; readonly securityLevels?: readonly string[] }[];
  readonly choices: readonly Choice[];
  /** Body of `POST /rest/api/3/permissionscheme` (Cloud) and `POST /rest/api/2/permissionscheme` (Data Center). */
  readonly permissionScheme: PermissionSchemeBody;
  readonly global: readonly GlobalGrant[];
  /** Steps the scheme can't cover until their project is set. */
  readonly unresolved: readonly UnresolvedStep[];
}

/**
 * What to grant a dedicated integration account so that every recipe of the report passes: per site a project
 * role holding exactly the project permissions needed, the scheme that grants them, and the global permissions.
 */
export function proposeSchemes(report: NeedsReport, options: ProposalOptions = {}): SiteProposal[] {
  const roleName = options.role?.trim() || DEFAULT_ROLE;
  const roleId = options.roleId ?? ROLE_ID_PLACEHOLDER;
  return report.sites.map((site) => {
    const choices: Choice[] = [];
    const choose = (line: NeedLine): string => {
      if (!line.anyOf) return line.permissions[0];
      const chosen = line.permissions.find((k) => !isGlobalPermission(k)) ?? line.permissions[0];
      if (!choices.some((c) => c.alternatives.join() === line.permissions.join())) choices.push({ alternatives: line.permissions, chosen });
      return chosen;
    };
    const projects = site.projects.map((p) => ({
      project: p.project,
      permissions: unique(p.needs.map(choose)),
      ...(p.securityLevels ? { securityLevels: p.securityLevels } : {}),
    }));
    const union = unique(projects.flatMap((p) => p.permissions));
    const global = new Map<string, StepRef[]>();
    for (const line of site.global) {
      const key = choose(line);
      global.set(key, [...(global.get(key) ?? []), ...line.steps]);
    }
    return {
      site: site.site,
      siteKnown: site.siteKnown,
      ...(site.account ? { account: site.account } : {}),
      role: { name: roleName, description: `The integration account of jira-recipe-lint recipes: exactly what they need.`, id: roleId },
      projects,
      choices,
      permissionScheme: {
        name: `${roleName} (least privilege)`,
        description: `Grants the project role ${roleName} exactly the project permissions its recipes need (proposed by jira-recipe-lint).`,
        permissions: union.map((permission) => ({ holder: { type: 'projectRole', parameter: roleId }, permission })),
      },
      global: [...global].sort(([a], [b]) => a.localeCompare(b)).map(([permission, steps]) => globalGrant(permission, steps)),
      unresolved: site.unresolved,
    };
  });
}

function globalGrant(permission: string, steps: StepRef[]): GlobalGrant {
  const operations = steps.map((s) => findOperation(s.operation));
  const forWebhooks = permission === 'ADMINISTER' && operations.every((op) => op?.triggerType === 'realtime');
  const pollingAlternatives = unique(operations.flatMap((op) => (forWebhooks && op?.pollingAlternative ? [op.pollingAlternative] : [])));
  return { permission, steps, forWebhooks, pollingAlternatives };
}

function unique(keys: readonly string[]): string[] {
  return [...new Set(keys)].sort();
}
