/** Shape of the Jira operation catalog: what each trigger and action does and which permissions it needs. */

export type OperationKind = 'trigger' | 'action';
export type TriggerType = 'polling' | 'realtime';

/** A permission the operation needs only when an input is present (or, with `valuePattern`, has a matching value). */
export interface InputPermissionRule {
  readonly input: string;
  readonly adds: readonly string[];
  /** Case-insensitive regular expression the literal input value must match fully; absent: presence is enough. */
  readonly valuePattern?: string;
  readonly why: string;
}

export interface InputSpec {
  readonly key: string;
  readonly description: string;
  readonly required?: boolean;
}

export interface OperationSpec {
  readonly name: string;
  readonly kind: OperationKind;
  readonly triggerType?: TriggerType;
  readonly title: string;
  readonly description: string;
  /** The REST call it makes, e.g. `POST /rest/api/3/issue/{issueIdOrKey}/comment`. */
  readonly rest: string;
  /** Project permissions, all required, in every project the step touches. */
  readonly project?: readonly string[];
  /** Global permissions, all required. */
  readonly global?: readonly string[];
  /** Groups of alternatives: each group is satisfied by any one of its keys (project or global). */
  readonly anyOf?: readonly (readonly string[])[];
  readonly inputRules?: readonly InputPermissionRule[];
  readonly inputs?: readonly InputSpec[];
  /** The polling trigger that does the same job without registering a webhook. */
  readonly pollingAlternative?: string;
  readonly notes?: readonly string[];
}
