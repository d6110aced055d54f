import type { OwnItemRule } from '../catalog';
import type { OperationStep } from '../recipe/model';
import { snapshotForHost } from '../snapshot/normalize';
import type { PermissionSnapshot } from '../snapshot/types';
import type { Range } from '../text/range';
import type { JiraStep, RecipeAnalysis } from './analyze';
import { accountLabel, stepLabel } from './labels';
import type { ProjectResolver } from './projects';

/** The account each Jira step runs as: an item an earlier step created is "own" only for the same account. */
export function stepAccounts(analysis: RecipeAnalysis, snapshots: readonly PermissionSnapshot[]): Map<OperationStep, PermissionSnapshot | undefined> {
  return new Map(analysis.jiraSteps.map((j) => [j.step, snapshotForHost(j.connection.host, snapshots)]));
}

/**
 * Where the item an Own/All step acts on comes from, when Own may not cover it. An item an earlier step created is
 * the account's own when that step ran as the same account (then Own is enough, and this is undefined); created by
 * a step of another account it is provably not, and Own never covers it. Anything else may be anyone's.
 */
export function ownItemOrigin(
  { step, operation }: JiraStep,
  resolver: ProjectResolver,
  snapshot: PermissionSnapshot,
  stepAccounts: ReadonlyMap<OperationStep, PermissionSnapshot | undefined>,
): OwnItemOrigin | undefined {
  const rule = operation.ownItem;
  const entry = rule && step.inputs.get(rule.input);
  if (!rule || !entry) return undefined;
  const sources = resolver.stepsReferredBy(step, rule.input);
  const creators = sources.filter((s) => rule.createdBy.includes(s.operation));
  const creator = creators[0];
  if (creator) {
    const account = stepAccounts.get(creator);
    if (creator.connectionName === step.connectionName || (account && sameAccount(account, snapshot))) return undefined;
    const label = stepLabel(creator).replace(/^S/, 's');
    if (!account)
      return { rule, from: `${label} created it on another connection, whose account isn't known, so it may not be the account's own`, range: entry.keyRange };
    return { rule, from: `${label} created it as ${accountLabel(account)}`, range: entry.keyRange, notOwn: true };
  }
  const source = sources[0];
  const from = source
    ? `it comes from ${source.kind === 'trigger' ? 'the trigger' : stepLabel(source).replace(/^S/, 's')}, so it may be anyone's`
    : entry.dynamic
      ? 'it is known only when the recipe runs'
      : `${rule.item} ${entry.literal} was not created by this recipe`;
  return { rule, from, range: entry.keyRange };
}

function sameAccount(a: PermissionSnapshot, b: PermissionSnapshot): boolean {
  return a.site === b.site && a.account.id === b.account.id;
}

export interface OwnItemOrigin {
  readonly rule: OwnItemRule;
  /** "it comes from the trigger", for the message. */
  readonly from: string;
  readonly range: Range;
  /** A step of another account created the item: Own can't cover it. */
  readonly notOwn?: boolean;
}
