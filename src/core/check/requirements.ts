import { isGlobalPermission, type OperationSpec } from '../catalog';
import type { InputEntry } from '../recipe/model';
import type { SnapshotAccount } from '../snapshot/types';

/**
 * One thing a step needs: a single permission, or alternatives of which any one will do. `input` names the input
 * that adds it (its finding then sits on that input's key).
 */
export interface Requirement {
  readonly keys: readonly string[];
  readonly input?: string;
  readonly why?: string;
}

/**
 * Everything an operation needs, given the step's inputs and, when known, the account it runs as (a rule that
 * spares the account itself, such as adding oneself as a watcher, then drops out).
 */
export function requirementsOf(op: OperationSpec, inputs: ReadonlyMap<string, InputEntry>, account?: SnapshotAccount): Requirement[] {
  const requirements: Requirement[] = [];
  const seen = new Set<string>();
  const add = (r: Requirement) => {
    const id = r.keys.join('|');
    if (seen.has(id)) return;
    seen.add(id);
    requirements.push(r);
  };
  for (const key of op.global ?? []) add({ keys: [key] });
  for (const key of op.project ?? []) add({ keys: [key] });
  for (const group of op.anyOf ?? []) add({ keys: group });
  for (const rule of op.inputRules ?? []) {
    const entry = inputs.get(rule.input);
    if (!entry) continue;
    if (rule.valuePattern !== undefined && !(entry.literal !== undefined && new RegExp(`^(?:${rule.valuePattern})$`, 'i').test(entry.literal.trim()))) continue;
    if (rule.exceptSelf && account && !entry.dynamic && isAccount(entry.literal, account)) continue;
    for (const key of rule.adds) add({ keys: [key], input: rule.input, why: rule.why });
  }
  return requirements;
}

/** Whether checking a requirement needs to know the step's project. */
export function needsProject(requirement: Requirement): boolean {
  return requirement.keys.some((key) => !isGlobalPermission(key));
}

/** Whether a literal names the account: its account id (Cloud) or user key, or its email or username. */
function isAccount(literal: string | undefined, account: SnapshotAccount): boolean {
  const value = literal?.trim().toLowerCase();
  return !!value && (value === account.id.toLowerCase() || value === account.name?.toLowerCase());
}
