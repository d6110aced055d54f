import { describePermission } from '../catalog/permissions';
import type { PermissionHolder, ProjectSnapshot } from '../snapshot/types';
import type { Requirement } from './requirements';

/**
 * Holders that are a property of each issue: a grant to one of them reaches an account on some issues only. A
 * project answer counts such a grant as held whenever some issue could qualify, so a step acting on issues it
 * can't name beforehand may still fail on the others.
 */
const ISSUE_ROLES: ReadonlySet<string> = new Set(['reporter', 'assignee', 'userCustomField', 'groupCustomField']);

/**
 * When a held single-permission requirement reaches the account only through issue roles — every holder the
 * readable scheme names for it is one — the sentence that says so, e.g. "Edit Issues (EDIT_ISSUES) reaches Jan
 * Donyada only as the issue's Reporter: this step fails on issues Jan didn't report". Undefined otherwise,
 * including whenever the scheme wasn't read: then nothing is known, and nothing is said.
 */
export function conditionalGrant(requirement: Requirement, project: ProjectSnapshot, account: string): string | undefined {
  if (requirement.keys.length !== 1) return undefined;
  const [key] = requirement.keys;
  if (project.permissions?.[key] !== true) return undefined;
  const holders = project.permissionScheme?.readable ? project.permissionScheme.grants?.[key] : undefined;
  if (!holders?.length || !holders.every((h) => ISSUE_ROLES.has(h.type))) return undefined;
  const first = account.split(' ')[0] ?? account;
  const as = holders.map(roleOf).join(' or ');
  const fails = holders.length === 1 ? failsOn(holders[0], first) : `issues where ${first} is none of these`;
  return `${describePermission(key)} reaches ${account} only as ${as}: this step fails on ${fails}`;
}

function roleOf(holder: PermissionHolder): string {
  const field = holder.displayName ?? holder.parameter ?? 'a custom field';
  switch (holder.type) {
    case 'reporter':
      return "the issue's Reporter";
    case 'assignee':
      return "the issue's Current assignee";
    case 'userCustomField':
      return `a user named in the issue's field ${field}`;
    default:
      return `a member of a group named in the issue's field ${field}`;
  }
}

function failsOn(holder: PermissionHolder, first: string): string {
  const field = holder.displayName ?? holder.parameter ?? 'that field';
  switch (holder.type) {
    case 'reporter':
      return `issues ${first} didn't report`;
    case 'assignee':
      return `issues not assigned to ${first}`;
    case 'userCustomField':
      return `issues whose ${field} doesn't name ${first}`;
    default:
      return `issues whose ${field} names none of ${first}'s groups`;
  }
}
