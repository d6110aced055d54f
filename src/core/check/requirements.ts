import { isGlobalPermission, type OperationSpec } from '../catalog';
import type { InputEntry } from '../recipe/model';
import type { AuthType } from '../snapshot/types';

/**
 * One thing a step needs: a single permission, or alternatives of which any one will do. `input` names the input
 * that adds it (its finding then sits on that input's key).
 */
export interface Requirement {
  readonly keys: readonly string[];
  readonly input?: string;
  readonly why?: string;
}

/** Everything an operation needs, given the step's inputs and, when known, how the account signs in. */
export function requirementsOf(op: OperationSpec, inputs: ReadonlyMap<string, InputEntry>, authType?: AuthType): Requirement[] {
  const requirements: Requirement[] = [];
  const seen = new Set<string>();
  const add = (r: Requirement) => {
    const id = r.keys.join('|');
    if (seen.has(id)) return;
    seen.add(id);
    requirements.push(r);
  };
  for (const key of op.global ?? []) if (!(key === 'ADMINISTER' && registersDynamicWebhook(op, authType))) add({ keys: [key] });
  for (const key of op.project ?? []) add({ keys: [key] });
  for (const group of op.anyOf ?? []) add({ keys: group });
  for (const rule of op.inputRules ?? []) {
    const entry = inputs.get(rule.input);
    if (!entry) continue;
    if (rule.valuePattern !== undefined && !(entry.literal !== undefined && new RegExp(`^(?:${rule.valuePattern})$`, 'i').test(entry.literal.trim()))) continue;
    for (const key of rule.adds) add({ keys: [key], input: rule.input, why: rule.why });
  }
  return requirements;
}

/** Whether checking a requirement needs to know the step's project. */
export function needsProject(requirement: Requirement): boolean {
  return requirement.keys.some((key) => !isGlobalPermission(key));
}

/**
 * An OAuth 2.0 app registers a real-time trigger's webhook through `POST /rest/api/3/webhook`
 * (registerDynamicWebhooks), which "only Connect and OAuth 2.0 apps can use" and which asks no global permission;
 * the scope manage:jira-webhook stands in for Administer Jira, and the missing-scope check covers it.
 */
export function registersDynamicWebhook(op: OperationSpec, authType: AuthType | undefined): boolean {
  return op.triggerType === 'realtime' && authType === 'oauth2';
}
