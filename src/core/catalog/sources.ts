import type { RuleSource } from './types';

/** Constructors for the `source` of catalog rules, so operations.ts reads as data. */

/** A sentence of the "Permissions required" text of the Atlassian operation(s) `operationIds`. */
export function specText(operationIds: string | readonly string[], text: string): RuleSource {
  return { kind: 'spec', operationIds: typeof operationIds === 'string' ? [operationIds] : operationIds, text };
}

/** A rule Atlassian's text doesn't state; `reason` says where it comes from. */
export function inferred(operationIds: string | readonly string[], reason: string): RuleSource {
  return { kind: 'inferred', operationIds: typeof operationIds === 'string' ? [operationIds] : operationIds, reason };
}

/** A rule that holds only where the workflow's conditions make it so. */
export function workflowDependent(operationIds: string | readonly string[], reason: string): RuleSource {
  return { kind: 'workflow-dependent', operationIds: typeof operationIds === 'string' ? [operationIds] : operationIds, reason };
}

/** Jira's own description of a permission (GET /rest/api/3/permissions), the source of rules a field adds. */
export function permissionDescription(permission: string, text: string): RuleSource {
  return inferred('getAllPermissions', `Jira's description of the ${permission} permission: "${text}"`);
}
