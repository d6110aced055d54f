/**
 * n8n's Jira node in catalog terms: each resource and operation as n8n stores them, the catalog operation it runs,
 * and which of its parameters are catalog inputs. Facts from n8n's public node definitions
 * (packages/nodes-base/nodes/Jira/: Jira.node.ts, IssueDescription.ts, IssueCommentDescription.ts,
 * IssueAttachmentDescription.ts, UserDescription.ts, JiraTrigger.node.ts); nothing here is n8n's code.
 */

/** How one n8n parameter becomes a catalog input. */
export interface ParameterMapping {
  /** Where it sits under the node's `parameters`, e.g. `['additionalFields', 'assignee']`. */
  readonly path: readonly string[];
  /** The catalog's input key. */
  readonly input: string;
  /**
   * For a resource locator picked from a list, read the name n8n cached rather than the id: a status is stored as
   * the id of a transition, and only its name ("Close Issue", "Done") tells a close or a resolve from other moves.
   */
  readonly preferCachedName?: boolean;
  /** n8n fills the parameter in when the JSON leaves it out (`binaryPropertyName` is `data`): absent is not missing. */
  readonly hasDefault?: boolean;
}

export interface N8nOperation {
  /** The catalog operation it runs. */
  readonly operation: string;
  readonly parameters: readonly ParameterMapping[];
}

export interface N8nResource {
  /** The operation n8n leaves out of the JSON when it holds its default. */
  readonly defaultOperation: string;
  readonly operations: Readonly<Record<string, N8nOperation>>;
}

/** The resource n8n leaves out of the JSON when it holds its default. */
export const DEFAULT_RESOURCE = 'issue';

const param = (path: string, input: string, options: Omit<ParameterMapping, 'path' | 'input'> = {}): ParameterMapping => ({
  path: path.split('.'),
  input,
  ...options,
});

const issueKey = param('issueKey', 'issue');

/**
 * Fields of the issue that create (`additionalFields`) and update (`updateFields`) share. Cloud stores labels as
 * `labels`, Server as `serverLabels`. n8n's definitions have no due date field today; `dueDate` is read should a
 * version or a hand-edited workflow carry one, since setting it needs Schedule Issues.
 */
const issueFields = (collection: string): ParameterMapping[] => [
  param(`${collection}.assignee`, 'assignee'),
  param(`${collection}.reporter`, 'reporter'),
  param(`${collection}.dueDate`, 'duedate'),
  param(`${collection}.priority`, 'priority'),
  param(`${collection}.labels`, 'labels'),
  param(`${collection}.serverLabels`, 'labels'),
  param(`${collection}.description`, 'description'),
];

/**
 * The catalog inputs whose absence from a node's JSON means the node really lacks them: those n8n reads from a
 * top-level parameter without a default (an empty `issueKey` or `summary` is left out of the file, and n8n refuses
 * to run the node). Parameters inside collections (`additionalFields`, `options`) are optional in n8n.
 */
export function inputsKnownAbsent(parameters: readonly ParameterMapping[]): ReadonlySet<string> {
  const inputs = new Set(parameters.map((p) => p.input));
  for (const p of parameters) if (p.path.length > 1 || p.hasDefault) inputs.delete(p.input);
  return inputs;
}

const op = (operation: string, ...parameters: ParameterMapping[]): N8nOperation => ({ operation, parameters });

/** n8n's comment body is `comment`, or an Atlassian document in `commentJson` when "JSON Parameters" is on. */
const commentBody = [param('comment', 'comment'), param('commentJson', 'comment')];

export const JIRA_RESOURCES: Readonly<Record<string, N8nResource>> = {
  issue: {
    defaultOperation: 'create',
    operations: {
      changelog: op('get_changelog', issueKey),
      create: op(
        'create_issue',
        param('project', 'project'),
        param('issueType', 'issue_type'),
        param('summary', 'summary'),
        ...issueFields('additionalFields'),
      ),
      delete: op('delete_issue', issueKey, param('deleteSubtasks', 'delete_subtasks')),
      get: op('get_issue', issueKey),
      getAll: op('search_issues_by_JQL', param('options.jql', 'jql')),
      notify: op(
        'notify_issue',
        issueKey,
        param('additionalFields.subject', 'subject'),
        param('additionalFields.textBody', 'text_body'),
        param('additionalFields.htmlBody', 'html_body'),
      ),
      transitions: op('get_transitions', issueKey),
      // A status change is a transition (n8n posts it before the edit): the catalog's `status` input adds Transition Issues.
      update: op(
        'update_issue',
        issueKey,
        param('updateFields.summary', 'summary'),
        param('updateFields.issueType', 'issue_type'),
        param('updateFields.statusId', 'status', { preferCachedName: true }),
        ...issueFields('updateFields'),
      ),
    },
  },
  issueAttachment: {
    defaultOperation: 'add',
    operations: {
      add: op('upload_attachment', issueKey, param('binaryPropertyName', 'file', { hasDefault: true })),
      get: op('get_attachment_metadata', param('attachmentId', 'attachment_id')),
      getAll: op('get_issue_attachments', issueKey),
      remove: op('delete_attachment', param('attachmentId', 'attachment_id')),
    },
  },
  issueComment: {
    defaultOperation: 'add',
    operations: {
      add: op('create_comment', issueKey, ...commentBody),
      get: op('get_comment', issueKey, param('commentId', 'comment_id')),
      getAll: op('get_issue_comments', issueKey),
      remove: op('delete_comment', issueKey, param('commentId', 'comment_id')),
      update: op('update_comment', issueKey, param('commentId', 'comment_id'), ...commentBody),
    },
  },
  user: {
    defaultOperation: 'create',
    operations: {
      create: op('create_user', param('emailAddress', 'email'), param('displayName', 'display_name')),
      delete: op('delete_user', param('accountId', 'user')),
      get: op('get_user', param('accountId', 'user')),
    },
  },
};

/** The Jira Trigger's parameters: its JQL filter tells the project, as a polling trigger's would. */
export const TRIGGER_PARAMETERS: readonly ParameterMapping[] = [param('additionalFields.filter', 'jql')];

/**
 * The catalog trigger for the Jira Trigger's `events`. Every choice registers a webhook and so needs Administer Jira;
 * they differ in what else is checked. Issue events (or `*`, which n8n expands to every event) come first because
 * the JQL filter scopes them to projects the account must see; comments next (the filter applies to them too), then
 * worklogs; a list of deletions only is the deleted-object trigger; anything else (boards, sprints, versions,
 * projects, users, or no events at all) is a plain webhook for events.
 */
export function triggerOperation(events: readonly string[] | undefined): string {
  const list = (events ?? []).map((e) => e.toLowerCase());
  if (list.some((e) => e === '*' || /^jira:issue_(created|updated)$/.test(e))) return 'updated_issue_webhook';
  if (list.some((e) => /^comment_(created|updated)$/.test(e))) return 'updated_comment_webhook';
  if (list.some((e) => /^worklog_(created|updated)$/.test(e))) return 'updated_worklog_webhook';
  if (list.length && list.every((e) => e.endsWith('_deleted'))) return 'deleted_object';
  return 'new_event';
}

/** What to do in n8n when the account may not register the Jira Trigger's webhook. */
export const N8N_WEBHOOK_ADVICE =
  'In n8n, ask a Jira administrator to register the webhook (Jira settings → System → WebHooks) and receive it with a Webhook node, or poll instead with a Schedule Trigger and the Jira node\'s "Get many issues".';
