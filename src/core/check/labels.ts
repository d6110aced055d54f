import { findOperation } from '../catalog';
import type { OperationSpec } from '../catalog/types';
import { describePermission, permissionInfo } from '../catalog/permissions';
import type { OperationStep } from '../recipe/model';
import { accountName } from '../snapshot/account';
import type { PermissionHolder, PermissionSnapshot } from '../snapshot/types';

/** How findings, hovers and access requests name things, so they read the same everywhere. */

/** The `step` of a finding: the step's id, else its path in the recipe. */
export function stepName(step: OperationStep): string {
  return step.id ?? step.path;
}

/** How messages name a step: by its label or id, else by its operation and line ("Create comment, line 23"). */
export function stepLabel(step: OperationStep): string {
  const name = step.label ?? step.id;
  if (step.kind === 'trigger') return name ? `Trigger "${name}"` : 'Trigger';
  if (name) return `Step "${name}"`;
  const title = findOperation(step.operation)?.title ?? step.operation;
  return `Step "${title}, line ${step.operationRange.start.line + 1}"`;
}

export function operationLabel(op: OperationSpec): string {
  return `${op.title} (${op.name})`;
}

export function accountLabel(snapshot: PermissionSnapshot): string {
  const { displayName, name } = snapshot.account;
  return displayName && name ? `${displayName} (${name})` : accountName(snapshot.account);
}

/** "Edit Own Comments (EDIT_OWN_COMMENTS) or Edit All Comments (EDIT_ALL_COMMENTS)". */
export function alternativesLabel(keys: readonly string[]): string {
  return keys.map(describePermission).join(' or ');
}

/**
 * Alternatives and where they are needed: "Administer Projects (ADMINISTER_PROJECTS) in project ENG or the global
 * permission Administer Jira (ADMINISTER)". A global permission is never named as being "in project ENG".
 */
export function alternativesWhere(keys: readonly string[], where: string): string {
  const projectKeys = keys.filter((k) => permissionInfo(k)?.level !== 'global');
  const globalKeys = keys.filter((k) => permissionInfo(k)?.level === 'global');
  const parts = projectKeys.length ? [`${alternativesLabel(projectKeys)} ${where}`] : [];
  if (globalKeys.length) parts.push(`the global permission ${alternativesLabel(globalKeys)}`);
  return parts.join(' or ');
}

export function holderLabel(holder: PermissionHolder): string {
  const name = holder.displayName ?? holder.parameter;
  switch (holder.type) {
    case 'anyone':
      return 'anyone (even anonymous users)';
    case 'group':
      return `the group ${name}`;
    case 'user':
      return `the user ${name}`;
    case 'projectRole':
      return `the project role ${name}`;
    case 'reporter':
      return "the issue's reporter";
    case 'assignee':
      return "the issue's current assignee";
    case 'projectLead':
      return 'the project lead';
    case 'applicationRole':
      return name ? `users of the application ${name}` : 'any logged-in user with product access';
    case 'userCustomField':
      return `users named in the field ${name}`;
    case 'groupCustomField':
      return `groups named in the field ${name}`;
    default:
      return name ? `${holder.type} ${name}` : holder.type;
  }
}

/** "the project role QA and the group jira-administrators". */
export function holdersLabel(holders: readonly PermissionHolder[]): string {
  const labels = holders.map(holderLabel);
  return labels.length <= 1 ? (labels[0] ?? 'no one') : `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}

/** Who can change a grant: role membership is a project administrator's job, schemes and global grants a Jira administrator's. */
export function whoCanGrant(level: 'global' | 'project', holders?: readonly PermissionHolder[]): string {
  if (level === 'global') return 'A Jira administrator can grant it (Jira administration → System → Global permissions).';
  if (holders?.some((h) => h.type === 'projectRole'))
    return 'A project administrator can add the account to that role (Project settings → People); a Jira administrator can change the permission scheme.';
  return 'A Jira administrator can change the permission scheme, or add the account to a group that holds it.';
}
