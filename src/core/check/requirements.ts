import { isGlobalPermission, SERVICE_DESK, SERVICEDESK_AGENT, type OperationSpec } from '../catalog';
import type { InputEntry } from '../recipe/model';
import type { AuthType, PermissionSnapshot, ProjectSnapshot, SnapshotAccount } from '../snapshot/types';

/**
 * One thing a step needs: a single permission, or alternatives of which any one will do. `input` names the input
 * that adds it (its finding then sits on that input's key).
 */
export interface Requirement {
  readonly keys: readonly string[];
  readonly input?: string;
  readonly why?: string;
  /** A guess from the classic workflow's conditions, which an issue's own transitions replace when known. */
  readonly workflowGuess?: true;
  /** Needed only in a Jira Service Management project (agent work); see `withAgentWork`. */
  readonly serviceDesk?: true;
}

/** What the requirements may depend on of the account a step runs as. */
export type RunningAccount = Partial<Pick<PermissionSnapshot, 'account' | 'authType'>>;

/**
 * Everything an operation needs, given the step's inputs and, when known, the account it runs as: a rule that
 * spares the account itself (adding oneself as a watcher) drops out, and an OAuth 2.0 account's real-time trigger
 * needs what a dynamic webhook needs.
 */
export function requirementsOf(op: OperationSpec, inputs: ReadonlyMap<string, InputEntry>, runningAs: RunningAccount = {}): Requirement[] {
  const { account, authType } = runningAs;
  const requirements: Requirement[] = [];
  const seen = new Set<string>();
  const add = (r: Requirement) => {
    const id = r.keys.join('|');
    if (seen.has(id)) return;
    seen.add(id);
    requirements.push(r);
  };
  if (registersDynamicWebhook(op, authType)) add({ keys: ['BROWSE_PROJECTS'], why: DYNAMIC_WEBHOOK_BROWSE });
  else for (const key of op.global ?? []) add({ keys: [key] });
  for (const key of op.project ?? []) add({ keys: [key] });
  for (const group of op.anyOf ?? []) add({ keys: group });
  for (const rule of op.inputRules ?? []) {
    const entry = inputs.get(rule.input);
    if (!entry) continue;
    if (rule.valuePattern !== undefined && !(entry.literal !== undefined && new RegExp(`^(?:${rule.valuePattern})$`, 'i').test(entry.literal.trim()))) continue;
    if (rule.exceptSelf && account && !entry.dynamic && isAccount(entry.literal, account)) continue;
    const guess = rule.source.kind === 'workflow-dependent' ? { workflowGuess: true as const } : {};
    for (const key of rule.adds) add({ keys: [key], input: rule.input, why: rule.why, ...guess });
  }
  return requirements;
}

/**
 * The keys a fetch must ask about for a step, whatever the account turns out to be: what is needed depends on how
 * it signs in (an OAuth 2.0 account's real-time trigger), which the needs of a fetch can't know yet.
 */
export function keysToFetch(op: OperationSpec, inputs: ReadonlyMap<string, InputEntry>): string[] {
  const keys = [requirementsOf(op, inputs), requirementsOf(op, inputs, { authType: 'oauth2' })].flat().flatMap((r) => r.keys);
  return [...new Set(keys)];
}

/** Service Desk Agent, for an operation that is agent work in a Service Management project. */
export function agentRequirement(op: OperationSpec): Requirement | undefined {
  return op.serviceDeskAgent && { keys: [SERVICEDESK_AGENT], why: op.serviceDeskAgent.why, serviceDesk: true };
}

/**
 * A step's requirements in one of its projects: agent work also needs Service Desk Agent in a project the snapshot
 * knows to be a Service Management one. A project of unknown type is judged as before (its type was not fetched).
 */
export function withAgentWork(op: OperationSpec, requirements: readonly Requirement[], project: ProjectSnapshot | undefined): Requirement[] {
  const agent = isServiceDeskProject(project) ? agentRequirement(op) : undefined;
  return agent ? [...requirements, agent] : [...requirements];
}

/** Whether the snapshot knows the project as a Jira Service Management one. */
export function isServiceDeskProject(project: ProjectSnapshot | undefined): boolean {
  return project?.projectTypeKey === SERVICE_DESK;
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

/**
 * An OAuth 2.0 app registers a real-time trigger's webhook through `POST /rest/api/3/webhook`
 * (registerDynamicWebhooks), which "only Connect and OAuth 2.0 apps can use" and which asks no global permission:
 * the scopes (read:jira-work, manage:jira-webhook), which the missing-scope check covers, stand in for Administer Jira.
 */
export function registersDynamicWebhook(op: OperationSpec, authType: AuthType | undefined): boolean {
  return op.triggerType === 'realtime' && authType === 'oauth2';
}

// Inferred: Jira sends a dynamic webhook's events as the user who registered it, so only for issues that user sees.
const DYNAMIC_WEBHOOK_BROWSE = 'A dynamic webhook delivers events only for issues the account can see.';
