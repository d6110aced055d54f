/** Shape of the Jira operation catalog: what each trigger and action does and which permissions it needs. */

export type OperationKind = 'trigger' | 'action';

/**
 * What a rule rests on. `spec`: a sentence of the "Permissions required" text of the Atlassian operation(s) named
 * (as it reads with the Markdown taken out). `workflow-dependent`: Jira decides through the workflow, not a fixed
 * permission. `inferred`: Atlassian's text says nothing usable; `reason` says where the rule comes from instead.
 * test/unit/catalog-sources.test.ts checks every operationId against the specs and every `spec` text against its
 * operation's description.
 */
export type RuleSource =
  | { readonly kind: 'spec'; readonly operationIds: readonly string[]; readonly text: string }
  | { readonly kind: 'workflow-dependent' | 'inferred'; readonly operationIds: readonly string[]; readonly reason: string };
export type TriggerType = 'polling' | 'realtime';

/** A permission the operation needs only when an input is present (or, with `valuePattern`, has a matching value). */
export interface InputPermissionRule {
  readonly input: string;
  readonly adds: readonly string[];
  /** Case-insensitive regular expression the literal input value must match fully; absent: presence is enough. */
  readonly valuePattern?: string;
  /** The rule does not apply when the literal value is the account itself (its account id or username). */
  readonly exceptSelf?: boolean;
  readonly why: string;
  readonly source: RuleSource;
}

/** Permissions needed in another project the step names: a linked issue's, or the target project of a move. */
export interface OtherProjectRule {
  readonly input: string;
  /** What the input holds: an issue (its project counts) or a project. */
  readonly names: 'issue' | 'project';
  readonly project: readonly string[];
  readonly why: string;
  readonly source: RuleSource;
}

/**
 * The step acts on an item (a comment, an attachment) through `input`: the Own permission covers it only when the
 * account created the item, which the recipe shows when the item comes from one of the `createdBy` operations.
 */
export interface OwnItemRule {
  readonly input: string;
  readonly item: string;
  readonly own: string;
  readonly all: string;
  readonly createdBy: readonly string[];
}

/** An input naming a transition (`names: 'transition'`: its name or id) or its target status (`'status'`). */
export interface WorkflowInput {
  readonly input: string;
  readonly names: 'transition' | 'status';
}

/** Why an operation is agent work in a Service Management project, and what that rests on. */
export interface ServiceDeskAgentRule {
  readonly why: string;
  readonly source: RuleSource;
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
  /** What the operation's own needs (`project`, `global`, `anyOf`) rest on; each input rule has its own. */
  readonly source: RuleSource;
  /** Project permissions, all required, in every project the step touches. */
  readonly project?: readonly string[];
  /** Global permissions, all required. */
  readonly global?: readonly string[];
  /** Groups of alternatives: each group is satisfied by any one of its keys (project or global). */
  readonly anyOf?: readonly (readonly string[])[];
  readonly inputRules?: readonly InputPermissionRule[];
  readonly otherProjects?: readonly OtherProjectRule[];
  readonly ownItem?: OwnItemRule;
  /**
   * Inputs that name a workflow transition (by name or id) or the status it leads to. On a literal issue whose
   * transitions the account sees are known, these are checked against them, and the classic workflow's rules
   * (`workflow-dependent` input rules on these inputs) give way to that exact answer.
   */
  readonly workflowInputs?: readonly WorkflowInput[];
  /**
   * The input naming the step's board (a sprint's): the step's projects are the board's, as Jira Software names them
   * (getProjects of the board), never `input.project` or `defaults.project`.
   */
  readonly boardInput?: string;
  /**
   * The input that restricts who may see the comment, `{ type: group | role, value: name }`: Jira refuses (400) a
   * group or project role the account isn't in.
   */
  readonly visibilityInput?: string;
  /**
   * Agent work in a Jira Service Management project (`projectTypeKey: service_desk`): there the step also needs
   * Service Desk Agent (SERVICEDESK_AGENT). Creating a request and a public comment, which portal customers do too,
   * are not marked.
   */
  readonly serviceDeskAgent?: ServiceDeskAgentRule;
  readonly inputs?: readonly InputSpec[];
  /** The polling trigger that does the same job without registering a webhook. */
  readonly pollingAlternative?: string;
  readonly notes?: readonly string[];
}
