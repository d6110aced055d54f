import type { OperationSpec } from '../catalog';
import type { OperationStep } from '../recipe/model';
import type { SnapshotAccount } from '../snapshot/types';
import type { Range } from '../text/range';

/**
 * A comment restricted to a group or a project role (`visibility: { type: group, value: jira-developers }`): Jira
 * refuses it (400) when the account is not in that group or role. Groups are known from `/myself?expand=groups`;
 * role membership is not fetched, so a role is only ever unverified.
 */
export type VisibilityJudgement =
  | { readonly outcome: 'member' }
  | { readonly outcome: 'not-member'; readonly group: string; readonly range: Range; readonly groups: readonly string[] }
  | { readonly outcome: 'unknown'; readonly why: string };

export function judgeVisibility(op: OperationSpec, step: OperationStep, account: SnapshotAccount): VisibilityJudgement | undefined {
  const entry = op.visibilityInput ? step.inputs.get(op.visibilityInput) : undefined;
  if (!entry?.fields) return undefined;
  const type = literalOf(entry.fields.get('type'))?.toLowerCase();
  const value = entry.fields.get('value');
  const name = literalOf(value);
  if (type === 'role')
    return {
      outcome: 'unknown',
      why: `restricts the comment to the project role ${name ? `"${name}"` : 'given'}; whether the account is in it is not checked (Jira refuses a role it isn't in)`,
    };
  if (type !== 'group') return undefined;
  if (!name || !value)
    return { outcome: 'unknown', why: 'restricts the comment to a group known only when the recipe runs (or given by id); membership not checked' };
  if (!account.groups)
    return {
      outcome: 'unknown',
      why: `restricts the comment to the group "${name}"; the account's groups are not in the snapshot, so membership is not checked`,
    };
  const member = account.groups.some((g) => g.toLowerCase() === name.toLowerCase());
  return member ? { outcome: 'member' } : { outcome: 'not-member', group: name, range: value.valueRange, groups: account.groups };
}

function literalOf(entry: { readonly literal?: string; readonly dynamic: boolean } | undefined): string | undefined {
  const value = entry && !entry.dynamic ? entry.literal?.trim() : undefined;
  return value || undefined;
}
