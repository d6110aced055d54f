import { inferred, permissionDescription, specText, workflowDependent } from './sources';
import type { InputPermissionRule, InputSpec, OperationSpec, OwnItemRule, RuleSource } from './types';

/**
 * Every Jira trigger and action recipes can use, named after Workato's Jira connector. Requirements follow the
 * "Permissions required" text of each operation in Atlassian's Jira Cloud OpenAPI spec and the shared notes on
 * Jira's REST behaviour. This is data: the check engine has no per-operation branches.
 */

// The transition and status names of Jira's classic default workflow. "Done" is left out: it is the status of
// simplified and team-managed workflows, which no permission condition guards.
const CLOSE_NAMES = 'close|closed|close issue';
const RESOLVE_NAMES = 'resolve|resolved|resolve issue';

const SEARCH_NOTE = "Search results silently omit issues the account can't see: a missing Browse Projects shows up as fewer issues, not as an error.";
const SECURITY_NOTE = 'Issues under an issue security level are invisible to accounts outside that level, whatever their project permissions.';
const WEBHOOK_NOTE =
  'Registering the webhook needs the Jira Administrators global permission. Without it, a Jira administrator can register the webhook by hand (Jira administration → System → WebHooks) and the recipe can use an HTTP webhook trigger instead.';

/** The first sentence of most issue operations' "Permissions required" text. */
const browseIssue = (operationId: string, also = ''): RuleSource =>
  specText(operationId, `Browse projects${also ? ` and ${also}` : ''} project permission for the project that the issue is in.`);
const WEBHOOK_SOURCE = inferred(
  [],
  "Atlassian's webhook documentation: registering an admin webhook (POST /rest/webhooks/1.0/webhook, in neither spec) needs the Jira Administrators global permission; the Cloud spec's registerDynamicWebhooks is for Connect and OAuth 2.0 apps only.",
);

const issueInput: InputSpec = { key: 'issue', description: 'Issue key or id, e.g. ENG-7 or {{ trigger.key }}.', required: true };
const projectInput: InputSpec = { key: 'project', description: 'Project key, e.g. ENG.' };
const jqlInput: InputSpec = { key: 'jql', description: 'JQL that selects the issues, e.g. project = ENG AND priority = Highest.' };

// A sprint belongs to a board: the projects that matter are the board's, whatever a project input says.
const SPRINT_PROJECT_INPUT: InputSpec = { key: 'project', description: "Not used to check: a sprint's projects are its board's (board_id)." };

// Jira answers 400 to a comment restricted to a group or role the account isn't in.
const VISIBILITY_INPUT: InputSpec = {
  key: 'visibility',
  description: 'Who may see the comment: { type: group, value: <group name> } or { type: role, value: <project role> }; the account must be in it.',
};

const RESOLVE_DESCRIPTION = 'Ability to resolve and reopen issues. This includes the ability to set a fix version.';

/** Inputs shared by create_issue and update_issue, and the permissions each adds. */
const issueFieldRules: InputPermissionRule[] = [
  {
    input: 'assignee',
    adds: ['ASSIGN_ISSUES'],
    why: 'Setting the assignee needs Assign Issues.',
    source: permissionDescription('Assign Issues', 'Ability to assign issues to other people.'),
  },
  {
    input: 'reporter',
    adds: ['MODIFY_REPORTER'],
    why: 'Setting the reporter needs Modify Reporter.',
    source: permissionDescription('Modify Reporter', 'Ability to modify the reporter when creating or editing an issue.'),
  },
  {
    input: 'duedate',
    adds: ['SCHEDULE_ISSUES'],
    why: 'Setting the due date needs Schedule Issues.',
    source: permissionDescription('Schedule Issues', "Ability to set or edit an issue's due date."),
  },
  {
    input: 'fixVersions',
    adds: ['RESOLVE_ISSUES'],
    why: "Setting the Fix Version needs Resolve Issues (Jira's description of that permission).",
    source: permissionDescription('Resolve Issues', RESOLVE_DESCRIPTION),
  },
  {
    input: 'security',
    adds: ['SET_ISSUE_SECURITY'],
    why: 'Setting a security level needs Set Issue Security, and the level must be one the account may set.',
    source: permissionDescription(
      'Set Issue Security',
      'Ability to set the level of security on an issue so that only people in that security level can see the issue.',
    ),
  },
];
const issueFieldInputs: InputSpec[] = [
  { key: 'summary', description: 'Summary (title) of the issue.' },
  { key: 'description', description: 'Description text.' },
  { key: 'issue_type', description: 'Issue type, e.g. Bug or Task.' },
  { key: 'priority', description: 'Priority name, e.g. Highest.' },
  { key: 'labels', description: 'Labels, comma-separated.' },
  { key: 'assignee', description: 'Assignee (account id or username). Needs Assign Issues.' },
  { key: 'reporter', description: 'Reporter (account id or username). Needs Modify Reporter.' },
  { key: 'duedate', description: 'Due date (YYYY-MM-DD). Needs Schedule Issues.' },
  { key: 'fixVersions', description: 'Fix versions, comma-separated. Needs Resolve Issues.' },
  { key: 'security', description: 'Issue security level name. Needs Set Issue Security.' },
  { key: 'fields', description: 'Other fields by id, e.g. customfield_10010.' },
];

/** A transition named like a close or a resolve needs those permissions on top of Transition Issues. */
const CLASSIC_WORKFLOW = workflowDependent(
  'doTransition',
  "Jira's classic default workflow guards its Close and Resolve transitions with conditions on Close Issues and Resolve Issues; other workflows may not.",
);
const transitionRules = (input: string): InputPermissionRule[] => [
  {
    input,
    adds: ['CLOSE_ISSUES'],
    valuePattern: CLOSE_NAMES,
    why: "This comes from the classic workflow's conditions: its close transitions need Close Issues (a custom workflow may differ).",
    source: CLASSIC_WORKFLOW,
  },
  {
    input,
    adds: ['RESOLVE_ISSUES'],
    valuePattern: RESOLVE_NAMES,
    why: "This comes from the classic workflow's conditions: its resolve transitions need Resolve Issues (a custom workflow may differ).",
    source: CLASSIC_WORKFLOW,
  },
];

/** An action on an item that is the account's own or anyone's: Own covers only items the account created. */
const ownOrAll = (item: OwnItemRule): Pick<OperationSpec, 'project' | 'anyOf' | 'ownItem'> => ({
  project: ['BROWSE_PROJECTS'],
  anyOf: [[item.own, item.all]],
  ownItem: item,
});

const readIssue = (name: string, title: string, description: string, rest: string, source: RuleSource, extra: InputSpec[] = []): OperationSpec => ({
  name,
  kind: 'action',
  title,
  description,
  rest,
  source,
  project: ['BROWSE_PROJECTS'],
  inputs: [issueInput, ...extra],
  notes: [SECURITY_NOTE],
});

const pollingTrigger = (name: string, title: string, description: string): OperationSpec => ({
  name,
  kind: 'trigger',
  triggerType: 'polling',
  title,
  description,
  rest: 'GET /rest/api/3/search/jql',
  source: specText('searchAndReconsileIssuesUsingJql', 'Browse projects project permission for the project containing the issue.'),
  project: ['BROWSE_PROJECTS'],
  inputs: [projectInput, jqlInput, { key: 'since', description: 'Only issues created or updated after this time.' }],
  notes: [SEARCH_NOTE],
});

const webhookTrigger = (name: string, title: string, description: string, pollingAlternative?: string): OperationSpec => ({
  name,
  kind: 'trigger',
  triggerType: 'realtime',
  title,
  description,
  rest: 'POST /rest/webhooks/1.0/webhook',
  source: WEBHOOK_SOURCE,
  // Registering needs no project permission: the JQL filter is the administrator's, not checked against projects.
  global: ['ADMINISTER'],
  inputs: [projectInput, jqlInput],
  pollingAlternative,
  notes: [WEBHOOK_NOTE],
});

const CATALOG: readonly OperationSpec[] = [
  pollingTrigger('new_issue', 'New issue', 'Polls Jira for issues created since the last poll.'),
  pollingTrigger('updated_issue', 'New/updated issue', 'Polls Jira for issues created or updated since the last poll.'),
  pollingTrigger('new_issue_batch', 'New issues (batch)', 'Polls Jira for new issues and hands them over in batches.'),
  pollingTrigger('updated_issue_batch', 'New/updated issues (batch)', 'Polls Jira for new or updated issues and hands them over in batches.'),
  webhookTrigger(
    'updated_issue_webhook',
    'New/updated issue (real-time)',
    'Registers a Jira webhook that fires when an issue is created or updated.',
    'updated_issue',
  ),
  webhookTrigger('updated_comment_webhook', 'New/updated comment (real-time)', 'Registers a Jira webhook that fires when a comment is added or changed.'),
  webhookTrigger('updated_worklog_webhook', 'New/updated worklog (real-time)', 'Registers a Jira webhook that fires when work is logged or a worklog changes.'),
  {
    name: 'deleted_object',
    kind: 'trigger',
    triggerType: 'realtime',
    title: 'Deleted object (real-time)',
    description: 'Registers a Jira webhook that fires when an issue, comment, worklog or other object is deleted.',
    rest: 'POST /rest/webhooks/1.0/webhook',
    source: WEBHOOK_SOURCE,
    global: ['ADMINISTER'],
    inputs: [{ key: 'object', description: 'Kind of object: issue, comment, worklog, project, version…' }],
    notes: [WEBHOOK_NOTE],
  },
  {
    name: 'new_event',
    kind: 'trigger',
    triggerType: 'realtime',
    title: 'New event (real-time)',
    description: 'Registers a Jira webhook for any event you choose.',
    rest: 'POST /rest/webhooks/1.0/webhook',
    source: WEBHOOK_SOURCE,
    global: ['ADMINISTER'],
    inputs: [{ key: 'events', description: 'Webhook event names, e.g. jira:issue_created.' }, jqlInput],
    notes: [WEBHOOK_NOTE],
  },
  {
    name: 'create_issue',
    kind: 'action',
    title: 'Create issue',
    description: 'Creates an issue in a project.',
    rest: 'POST /rest/api/3/issue',
    source: specText('createIssue', 'Browse projects and Create issues project permissions for the project in which the issue or subtask is created.'),
    project: ['BROWSE_PROJECTS', 'CREATE_ISSUES'],
    inputRules: issueFieldRules,
    inputs: [
      { ...projectInput, required: true },
      ...issueFieldInputs.map((i) => (i.key === 'summary' || i.key === 'issue_type' ? { ...i, required: true } : i)),
    ],
  },
  {
    name: 'update_issue',
    kind: 'action',
    title: 'Update issue',
    description: "Changes an issue's fields, and its status when one is given.",
    rest: 'PUT /rest/api/3/issue/{issueIdOrKey}',
    source: browseIssue('editIssue', 'Edit issues'),
    project: ['BROWSE_PROJECTS', 'EDIT_ISSUES'],
    inputRules: [
      {
        input: 'status',
        adds: ['TRANSITION_ISSUES'],
        why: 'Changing the status is a workflow transition, which needs Transition Issues.',
        source: browseIssue('doTransition', 'Transition issues'),
      },
      ...transitionRules('status'),
      ...issueFieldRules,
    ],
    workflowInputs: [{ input: 'status', names: 'status' }],
    inputs: [issueInput, { key: 'status', description: 'New status; makes a transition. Needs Transition Issues.' }, ...issueFieldInputs],
    notes: [SECURITY_NOTE],
  },
  {
    name: 'update_issue_status',
    kind: 'action',
    title: 'Update issue status',
    description: 'Moves an issue through its workflow with a transition.',
    rest: 'POST /rest/api/3/issue/{issueIdOrKey}/transitions',
    source: browseIssue('doTransition', 'Transition issues'),
    project: ['BROWSE_PROJECTS', 'TRANSITION_ISSUES'],
    inputRules: [
      ...transitionRules('status'),
      ...transitionRules('transition'),
      {
        input: 'resolution',
        adds: ['RESOLVE_ISSUES'],
        why: 'Setting a resolution needs Resolve Issues.',
        source: permissionDescription('Resolve Issues', RESOLVE_DESCRIPTION),
      },
    ],
    workflowInputs: [
      { input: 'transition', names: 'transition' },
      { input: 'status', names: 'status' },
    ],
    inputs: [
      issueInput,
      { key: 'status', description: 'Target status name, e.g. Closed.' },
      { key: 'transition', description: 'Transition name or id, e.g. Close Issue.' },
      { key: 'resolution', description: 'Resolution to set, e.g. Fixed. Needs Resolve Issues.' },
      { key: 'comment', description: 'Comment added with the transition.' },
    ],
    notes: [
      "Which transitions exist depends on the workflow. Jira's classic workflow guards its close and resolve transitions with Close Issues and Resolve Issues on top of Transition Issues; simplified and team-managed workflows (status Done) guard none.",
      'On a literal issue, the live check asks Jira which transitions the account may make on it (getTransitions) and judges the transition or status by that list instead.',
    ],
  },
  {
    name: 'assign_issue',
    kind: 'action',
    title: 'Assign issue',
    description: 'Sets the assignee of an issue.',
    rest: 'PUT /rest/api/3/issue/{issueIdOrKey}/assignee',
    source: specText('assignIssue', 'Browse Projects and Assign Issues project permission for the project that the issue is in.'),
    project: ['BROWSE_PROJECTS', 'ASSIGN_ISSUES'],
    inputs: [
      issueInput,
      {
        key: 'assignee',
        description: 'Account id or username (the user must be an Assignable User); "-1" for the project\'s default assignee, null to unassign.',
        required: true,
      },
    ],
    notes: [
      'The new assignee must hold Assignable User in the project.',
      'Atlassian\'s spec: "-1" assigns the issue to the project\'s default assignee, null leaves it unassigned; either needs only Assign Issues.',
    ],
  },
  readIssue('get_issue', 'Get issue', 'Reads an issue with its fields.', 'GET /rest/api/3/issue/{issueIdOrKey}', browseIssue('getIssue'), [
    { key: 'fields', description: 'Fields to return.' },
  ]),
  readIssue(
    'get_changelog',
    'Get issue changelog',
    "Reads an issue's change history.",
    'GET /rest/api/3/issue/{issueIdOrKey}/changelog',
    browseIssue('getChangeLogs'),
  ),
  readIssue(
    'get_issue_comments',
    'Get issue comments',
    "Reads an issue's comments.",
    'GET /rest/api/3/issue/{issueIdOrKey}/comment',
    specText('getComments', 'Browse projects project permission for the project containing the comment.'),
  ),
  readIssue(
    'get_transitions',
    'Get issue transitions',
    'Lists the transitions the account can make on an issue.',
    'GET /rest/api/3/issue/{issueIdOrKey}/transitions',
    browseIssue('getTransitions'),
  ),
  readIssue(
    'get_attachment',
    'Download attachment',
    'Downloads the content of an attachment.',
    'GET /rest/api/3/attachment/content/{id}',
    browseIssue('getAttachmentContent'),
    [{ key: 'attachment_id', description: 'Attachment id.', required: true }],
  ),
  {
    name: 'search_issues',
    kind: 'action',
    title: 'Search issues',
    description: 'Finds issues by project and simple criteria.',
    rest: 'GET /rest/api/3/search/jql',
    source: specText('searchAndReconsileIssuesUsingJql', 'Browse projects project permission for the project containing the issue.'),
    project: ['BROWSE_PROJECTS'],
    inputs: [
      projectInput,
      { key: 'summary', description: 'Text the summary contains.' },
      { key: 'status', description: 'Status name.' },
      { key: 'limit', description: 'Most results to return.' },
    ],
    notes: [SEARCH_NOTE],
  },
  {
    name: 'search_issues_by_JQL',
    kind: 'action',
    title: 'Search issues by JQL',
    description: 'Finds issues with a JQL query.',
    rest: 'GET /rest/api/3/search/jql',
    source: specText('searchAndReconsileIssuesUsingJql', 'Browse projects project permission for the project containing the issue.'),
    project: ['BROWSE_PROJECTS'],
    inputs: [
      { ...jqlInput, required: true },
      { key: 'fields', description: 'Fields to return.' },
      { key: 'limit', description: 'Most results to return.' },
    ],
    notes: [SEARCH_NOTE],
  },
  {
    name: 'create_comment',
    kind: 'action',
    title: 'Create comment',
    description: 'Adds a comment to an issue.',
    rest: 'POST /rest/api/3/issue/{issueIdOrKey}/comment',
    source: specText('addComment', 'Browse projects and Add comments project permission for the project that the issue containing the comment is in.'),
    project: ['BROWSE_PROJECTS', 'ADD_COMMENTS'],
    visibilityInput: 'visibility',
    inputs: [issueInput, { key: 'comment', description: 'Comment text.', required: true }, VISIBILITY_INPUT],
  },
  {
    name: 'update_comment',
    kind: 'action',
    title: 'Update comment',
    description: 'Changes the text of a comment.',
    rest: 'PUT /rest/api/3/issue/{issueIdOrKey}/comment/{id}',
    source: specText('updateComment', 'Edit all comments project permission to update any comment or Edit own comments to update comment created by the user.'),
    ...ownOrAll({ input: 'comment_id', item: 'comment', own: 'EDIT_OWN_COMMENTS', all: 'EDIT_ALL_COMMENTS', createdBy: ['create_comment'] }),
    visibilityInput: 'visibility',
    inputs: [
      issueInput,
      { key: 'comment_id', description: 'Comment id.', required: true },
      { key: 'comment', description: 'New text.', required: true },
      VISIBILITY_INPUT,
    ],
    notes: ['Edit Own Comments covers only comments the account wrote.'],
  },
  {
    name: 'delete_comment',
    kind: 'action',
    title: 'Delete comment',
    description: 'Deletes a comment.',
    rest: 'DELETE /rest/api/3/issue/{issueIdOrKey}/comment/{id}',
    source: specText(
      'deleteComment',
      'Delete all comments project permission to delete any comment or Delete own comments to delete comment created by the user',
    ),
    ...ownOrAll({ input: 'comment_id', item: 'comment', own: 'DELETE_OWN_COMMENTS', all: 'DELETE_ALL_COMMENTS', createdBy: ['create_comment'] }),
    inputs: [issueInput, { key: 'comment_id', description: 'Comment id.', required: true }],
    notes: ['Delete Own Comments covers only comments the account wrote.'],
  },
  {
    name: 'upload_attachment',
    kind: 'action',
    title: 'Upload attachment',
    description: 'Attaches a file to an issue.',
    rest: 'POST /rest/api/3/issue/{issueIdOrKey}/attachments',
    source: specText('addAttachment', 'Browse Projects and Create attachments project permission for the project that the issue is in.'),
    project: ['BROWSE_PROJECTS', 'CREATE_ATTACHMENTS'],
    inputs: [issueInput, { key: 'file', description: 'File content.', required: true }, { key: 'file_name', description: 'File name.' }],
    notes: ['Attachments must also be enabled for the site.'],
  },
  {
    name: 'delete_attachment',
    kind: 'action',
    title: 'Delete attachment',
    description: 'Deletes an attachment.',
    rest: 'DELETE /rest/api/3/attachment/{id}',
    source: specText(
      'removeAttachment',
      'Delete own attachments project permission to delete an attachment created by the calling user. Delete all attachments project permission to delete an attachment created by any user.',
    ),
    ...ownOrAll({ input: 'attachment_id', item: 'attachment', own: 'DELETE_OWN_ATTACHMENTS', all: 'DELETE_ALL_ATTACHMENTS', createdBy: ['upload_attachment'] }),
    inputs: [issueInput, { key: 'attachment_id', description: 'Attachment id.', required: true }],
    notes: ['Delete Own Attachments covers only attachments the account added.'],
  },
  {
    name: 'delete_issue',
    kind: 'action',
    title: 'Delete issue',
    description: 'Deletes an issue.',
    rest: 'DELETE /rest/api/3/issue/{issueIdOrKey}',
    source: specText('deleteIssue', 'Browse projects and Delete issues project permission for the project containing the issue.'),
    project: ['BROWSE_PROJECTS', 'DELETE_ISSUES'],
    inputs: [issueInput, { key: 'delete_subtasks', description: 'Also delete its subtasks.' }],
  },
  {
    name: 'add_watcher',
    kind: 'action',
    title: 'Add watcher',
    description: 'Adds a watcher to an issue: the account itself, or the user given.',
    rest: 'POST /rest/api/3/issue/{issueIdOrKey}/watchers',
    source: browseIssue('addWatcher'),
    project: ['BROWSE_PROJECTS'],
    inputRules: [
      {
        input: 'user',
        adds: ['MANAGE_WATCHERS'],
        exceptSelf: true,
        why: 'Adding someone other than the account itself needs Manage Watchers.',
        source: specText(
          'addWatcher',
          'To add users other than themselves to the watchlist, Manage watcher list project permission for the project that the issue is in.',
        ),
      },
    ],
    inputs: [issueInput, { key: 'user', description: 'User to add; omit to add the account itself. Needs Manage Watchers.' }],
  },
  {
    name: 'link_issues',
    kind: 'action',
    title: 'Link issues',
    description: 'Links two issues, e.g. "blocks" or "relates to".',
    rest: 'POST /rest/api/3/issueLink',
    source: specText('linkIssues', 'Link issues project permission on the project containing the from (outward) issue'),
    project: ['BROWSE_PROJECTS', 'LINK_ISSUES'],
    otherProjects: [
      {
        input: 'linked_issue',
        names: 'issue',
        project: ['BROWSE_PROJECTS'],
        why: 'Jira needs Browse Projects in the projects of both issues.',
        source: specText('linkIssues', 'Browse project project permission for all the projects containing the issues to be linked'),
      },
    ],
    inputs: [
      { key: 'issue', description: 'The outward (from) issue; Link Issues is needed in its project.', required: true },
      { key: 'linked_issue', description: 'The inward (to) issue.', required: true },
      { key: 'link_type', description: 'Link type name, e.g. Blocks.', required: true },
    ],
    notes: ['Issue linking must be enabled for the site; Browse Projects is needed in the projects of both issues.'],
  },
  {
    name: 'add_worklog',
    kind: 'action',
    title: 'Add worklog',
    description: 'Logs work on an issue.',
    rest: 'POST /rest/api/3/issue/{issueIdOrKey}/worklog',
    source: browseIssue('addWorklog', 'Work on issues'),
    project: ['BROWSE_PROJECTS', 'WORK_ON_ISSUES'],
    inputs: [
      issueInput,
      { key: 'time_spent', description: 'Time spent, e.g. 1h 30m.', required: true },
      { key: 'started', description: 'When the work started.' },
      { key: 'comment', description: 'Worklog comment.' },
    ],
    notes: ['Time tracking must be enabled for the site.'],
  },
  {
    name: 'create_sprint',
    kind: 'action',
    title: 'Create sprint',
    description: 'Creates a sprint on a board (Jira Software).',
    rest: 'POST /rest/agile/1.0/sprint',
    source: inferred(
      ['createSprint', 'updateSprint'],
      "The Data Center spec gives no permission text for sprints; Jira Software's documentation: managing sprints needs Manage Sprints in every project of the board's filter.",
    ),
    project: ['MANAGE_SPRINTS_PERMISSION'],
    boardInput: 'board_id',
    inputs: [
      SPRINT_PROJECT_INPUT,
      { key: 'board_id', description: "Board id; Manage Sprints is checked in each of the board's projects.", required: true },
      { key: 'name', description: 'Sprint name.', required: true },
      { key: 'start_date', description: 'Start date.' },
      { key: 'end_date', description: 'End date.' },
    ],
    notes: ['Manage Sprints is needed in every project the board shows issues from.'],
  },
  {
    name: 'update_sprint',
    kind: 'action',
    title: 'Update sprint',
    description: "Changes a sprint's name, dates, goal or state (Jira Software).",
    rest: 'PUT /rest/agile/1.0/sprint/{sprintId}',
    source: inferred(
      ['createSprint', 'updateSprint'],
      "The Data Center spec gives no permission text for sprints; Jira Software's documentation: managing sprints needs Manage Sprints in every project of the board's filter.",
    ),
    project: ['MANAGE_SPRINTS_PERMISSION'],
    boardInput: 'board_id',
    inputs: [
      SPRINT_PROJECT_INPUT,
      { key: 'sprint_id', description: 'Sprint id.', required: true },
      { key: 'board_id', description: "The sprint's board id, to check Manage Sprints in each of the board's projects." },
      { key: 'name', description: 'Sprint name.' },
      { key: 'state', description: 'future, active or closed.' },
      { key: 'goal', description: 'Sprint goal.' },
    ],
    notes: ['Manage Sprints is needed in every project the board shows issues from.'],
  },
  {
    name: 'create_version',
    kind: 'action',
    title: 'Create version',
    description: 'Creates a version (release) in a project.',
    rest: 'POST /rest/api/3/version',
    source: specText('createVersion', 'Administer Jira global permission or Administer Projects project permission for the project the version is added to.'),
    anyOf: [['ADMINISTER_PROJECTS', 'ADMINISTER']],
    inputs: [
      { ...projectInput, required: true },
      { key: 'name', description: 'Version name.', required: true },
      { key: 'release_date', description: 'Release date.' },
      { key: 'released', description: 'Whether it is released.' },
    ],
  },
  {
    name: 'create_user',
    kind: 'action',
    title: 'Create user',
    description: 'Creates a Jira user.',
    rest: 'POST /rest/api/3/user',
    source: specText('createUser', 'Administer Jira global permission.'),
    global: ['ADMINISTER'],
    inputs: [
      { key: 'email', description: 'Email address.', required: true },
      { key: 'display_name', description: 'Display name.' },
      { key: 'products', description: 'Products to give access to (jira-software, jira-servicedesk…); Jira Cloud requires it, [] for none.' },
    ],
    notes: [
      "On Jira Cloud the call needs a products list (Atlassian's spec: emailAddress and products are required; an empty list creates a user without product access), and granting product access takes an organisation admin of the Atlassian organisation as well as Administer Jira.",
    ],
  },
  {
    name: 'find_user',
    kind: 'action',
    title: 'Find user',
    description: 'Searches users by name or email.',
    rest: 'GET /rest/api/3/user/search',
    source: specText('findUsers', 'Browse users and groups global permission.'),
    global: ['USER_PICKER'],
    inputs: [{ key: 'query', description: 'Name or email to search for.', required: true }],
    notes: ['Without Browse users and groups, Jira answers with an empty list rather than an error.'],
  },
  {
    name: 'get_user',
    kind: 'action',
    title: 'Get user',
    description: 'Reads a user by account id or username.',
    rest: 'GET /rest/api/3/user',
    source: specText('getUser', 'Browse users and groups global permission.'),
    global: ['USER_PICKER'],
    inputs: [{ key: 'user', description: 'Account id (Cloud) or username (Server/DC).', required: true }],
  },
  {
    name: 'search_assignable_users',
    kind: 'action',
    title: 'Search assignable users',
    description: 'Lists users who can be assigned issues in a project or to an issue.',
    rest: 'GET /rest/api/3/user/assignable/search',
    source: specText('findAssignableUsers', 'Browse users and groups global permission or Assign issues project permission'),
    // Atlassian's spec: "Browse users and groups global permission or Assign issues project permission".
    anyOf: [['USER_PICKER', 'ASSIGN_ISSUES']],
    inputs: [projectInput, { key: 'issue', description: 'Issue key, to list users assignable to it.' }, { key: 'query', description: 'Name to search for.' }],
  },
  {
    name: 'get_object_schema',
    kind: 'action',
    title: 'Get object schema',
    description: 'Reads the fields Jira knows (system and custom), to build dynamic inputs.',
    rest: 'GET /rest/api/3/field',
    source: specText('getFields', 'Permissions required: None.'),
    inputs: [],
  },
  // Operations users reach for beyond Workato's connector, each resting on its call's "Permissions required" text.
  {
    name: 'add_labels',
    kind: 'action',
    title: 'Add labels',
    description: 'Adds labels to an issue (an edit with update.labels "add").',
    rest: 'PUT /rest/api/3/issue/{issueIdOrKey}',
    source: browseIssue('editIssue', 'Edit issues'),
    project: ['BROWSE_PROJECTS', 'EDIT_ISSUES'],
    inputs: [issueInput, { key: 'labels', description: 'Labels to add, comma-separated.', required: true }],
    notes: [SECURITY_NOTE],
  },
  {
    name: 'remove_labels',
    kind: 'action',
    title: 'Remove labels',
    description: 'Removes labels from an issue (an edit with update.labels "remove").',
    rest: 'PUT /rest/api/3/issue/{issueIdOrKey}',
    source: browseIssue('editIssue', 'Edit issues'),
    project: ['BROWSE_PROJECTS', 'EDIT_ISSUES'],
    inputs: [issueInput, { key: 'labels', description: 'Labels to remove, comma-separated.', required: true }],
    notes: [SECURITY_NOTE],
  },
  {
    name: 'create_subtask',
    kind: 'action',
    title: 'Create subtask',
    description: "Creates a subtask of an issue, in the parent issue's project.",
    rest: 'POST /rest/api/3/issue',
    source: specText('createIssue', 'Browse projects and Create issues project permissions for the project in which the issue or subtask is created.'),
    project: ['BROWSE_PROJECTS', 'CREATE_ISSUES'],
    inputRules: issueFieldRules,
    inputs: [{ key: 'parent', description: 'Parent issue key, e.g. ENG-7; the subtask is created in its project.', required: true }, ...issueFieldInputs],
  },
  {
    name: 'bulk_create_issues',
    kind: 'action',
    title: 'Create issues (bulk)',
    description: 'Creates up to 50 issues in one call.',
    rest: 'POST /rest/api/3/issue/bulk',
    source: specText('createIssues', 'Browse projects and Create issues project permissions for the project in which each issue or subtask is created.'),
    project: ['BROWSE_PROJECTS', 'CREATE_ISSUES'],
    inputs: [
      { ...projectInput, required: true },
      { key: 'issues', description: 'The issues to create.', required: true },
    ],
  },
  {
    name: 'move_issue',
    kind: 'action',
    title: 'Move issue',
    description: 'Moves an issue to another project (a bulk move of one issue).',
    rest: 'POST /rest/api/3/bulk/issues/move',
    source: specText('submitBulkMove', 'Global bulk change permission. Move issues permission in source projects.'),
    global: ['BULK_CHANGE'],
    project: ['MOVE_ISSUES'],
    otherProjects: [
      {
        input: 'target_project',
        names: 'project',
        project: ['CREATE_ISSUES'],
        why: 'Moving an issue creates it in the target project.',
        source: specText('submitBulkMove', 'Create issues permission in destination projects.'),
      },
    ],
    inputs: [
      issueInput,
      { key: 'target_project', description: 'Project key to move the issue to.', required: true },
      { key: 'issue_type', description: 'Issue type in the target project.' },
    ],
    notes: [SECURITY_NOTE, 'Moving subtasks only also needs Browse Projects in the target project.'],
  },
  readIssue('get_worklogs', 'Get issue worklogs', "Reads an issue's worklogs.", 'GET /rest/api/3/issue/{issueIdOrKey}/worklog', browseIssue('getIssueWorklog')),
  {
    name: 'update_worklog',
    kind: 'action',
    title: 'Update worklog',
    description: 'Changes a worklog of an issue.',
    rest: 'PUT /rest/api/3/issue/{issueIdOrKey}/worklog/{id}',
    source: specText(
      'updateWorklog',
      'Edit all worklogs project permission to update any worklog or Edit own worklogs to update worklogs created by the user.',
    ),
    ...ownOrAll({ input: 'worklog_id', item: 'worklog', own: 'EDIT_OWN_WORKLOGS', all: 'EDIT_ALL_WORKLOGS', createdBy: ['add_worklog'] }),
    inputs: [issueInput, { key: 'worklog_id', description: 'Worklog id.', required: true }, { key: 'time_spent', description: 'Time spent, e.g. 2h.' }],
    notes: ['Edit Own Worklogs covers only work the account logged.'],
  },
  {
    name: 'delete_worklog',
    kind: 'action',
    title: 'Delete worklog',
    description: 'Deletes a worklog of an issue.',
    rest: 'DELETE /rest/api/3/issue/{issueIdOrKey}/worklog/{id}',
    source: specText(
      'deleteWorklog',
      'Delete all worklogs project permission to delete any worklog or Delete own worklogs to delete worklogs created by the user',
    ),
    ...ownOrAll({ input: 'worklog_id', item: 'worklog', own: 'DELETE_OWN_WORKLOGS', all: 'DELETE_ALL_WORKLOGS', createdBy: ['add_worklog'] }),
    inputs: [issueInput, { key: 'worklog_id', description: 'Worklog id.', required: true }],
    notes: ['Delete Own Worklogs covers only work the account logged.'],
  },
  {
    name: 'remove_watcher',
    kind: 'action',
    title: 'Remove watcher',
    description: 'Removes a watcher from an issue: the account itself, or the user given.',
    rest: 'DELETE /rest/api/3/issue/{issueIdOrKey}/watchers',
    source: browseIssue('removeWatcher'),
    project: ['BROWSE_PROJECTS'],
    inputRules: [
      {
        input: 'user',
        adds: ['MANAGE_WATCHERS'],
        exceptSelf: true,
        why: 'Removing someone other than the account itself needs Manage Watchers.',
        source: specText(
          'removeWatcher',
          'To remove users other than themselves from the watchlist, Manage watcher list project permission for the project that the issue is in.',
        ),
      },
    ],
    inputs: [issueInput, { key: 'user', description: 'User to remove (account id or username). Needs Manage Watchers unless it is the account itself.' }],
  },
  {
    name: 'set_issue_property',
    kind: 'action',
    title: 'Set issue property',
    description: 'Sets an entity property of an issue.',
    rest: 'PUT /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}',
    source: specText('setIssueProperty', 'Browse projects and Edit issues project permissions for the project containing the issue.'),
    project: ['BROWSE_PROJECTS', 'EDIT_ISSUES'],
    inputs: [issueInput, { key: 'property_key', description: 'Property key.', required: true }, { key: 'value', description: 'JSON value.', required: true }],
    notes: [SECURITY_NOTE],
  },
  {
    name: 'delete_issue_link',
    kind: 'action',
    title: 'Delete issue link',
    description: 'Deletes a link between two issues.',
    rest: 'DELETE /rest/api/3/issueLink/{linkId}',
    source: specText('deleteIssueLink', 'Link issues project permission for at least one of the projects containing issues in the link.'),
    project: ['BROWSE_PROJECTS', 'LINK_ISSUES'],
    inputs: [
      { key: 'link_id', description: 'Issue link id.', required: true },
      { key: 'issue', description: 'One of the linked issues, to tell its project.' },
    ],
    notes: ["Browse Projects is needed in the projects of both issues; the other issue's project can't be told from a link id."],
  },
  {
    name: 'create_component',
    kind: 'action',
    title: 'Create component',
    description: 'Creates a component in a project.',
    rest: 'POST /rest/api/3/component',
    source: specText(
      'createComponent',
      'Administer projects project permission for the project in which the component is created or Administer Jira global permission.',
    ),
    anyOf: [['ADMINISTER_PROJECTS', 'ADMINISTER']],
    inputs: [
      { ...projectInput, required: true },
      { key: 'name', description: 'Component name.', required: true },
      { key: 'lead', description: 'Component lead.' },
    ],
  },
  {
    name: 'update_component',
    kind: 'action',
    title: 'Update component',
    description: "Changes a component's name, lead or description.",
    rest: 'PUT /rest/api/3/component/{id}',
    source: specText(
      'updateComponent',
      'Administer projects project permission for the project containing the component or Administer Jira global permission.',
    ),
    anyOf: [['ADMINISTER_PROJECTS', 'ADMINISTER']],
    inputs: [
      { key: 'component_id', description: 'Component id.', required: true },
      { ...projectInput, description: 'Project key of the component, to tell where Administer Projects is needed.' },
      { key: 'name', description: 'Component name.' },
    ],
  },
  {
    name: 'release_version',
    kind: 'action',
    title: 'Release version',
    description: 'Marks a version as released (an update of the version).',
    rest: 'PUT /rest/api/3/version/{id}',
    source: specText('updateVersion', 'Administer Jira global permission or Administer Projects project permission for the project that contains the version.'),
    anyOf: [['ADMINISTER_PROJECTS', 'ADMINISTER']],
    inputs: [
      { key: 'version_id', description: 'Version id.', required: true },
      { ...projectInput, description: 'Project key of the version, to tell where Administer Projects is needed.' },
      { key: 'release_date', description: 'Release date.' },
    ],
  },
  {
    name: 'get_project',
    kind: 'action',
    title: 'Get project',
    description: 'Reads a project: its name, lead, components, issue types and versions.',
    rest: 'GET /rest/api/3/project/{projectIdOrKey}',
    source: specText('getProject', 'Browse projects project permission for the project.'),
    project: ['BROWSE_PROJECTS'],
    inputs: [{ ...projectInput, required: true }],
  },
  {
    name: 'get_create_metadata',
    kind: 'action',
    title: 'Get create metadata',
    description: 'Lists the issue types (and their fields) the account can create issues of in a project.',
    rest: 'GET /rest/api/3/issue/createmeta/{projectIdOrKey}/issuetypes',
    source: specText('getCreateIssueMetaIssueTypes', 'Create issues project permission in the requested projects.'),
    project: ['CREATE_ISSUES'],
    inputs: [{ ...projectInput, required: true }],
  },
  readIssue(
    'get_edit_metadata',
    'Get edit metadata',
    'Lists the fields of an issue the account can edit, and their allowed values.',
    'GET /rest/api/3/issue/{issueIdOrKey}/editmeta',
    browseIssue('getEditIssueMeta'),
  ),
  {
    name: 'move_issues_to_sprint',
    kind: 'action',
    title: 'Move issues to sprint',
    description: 'Adds issues to an open or active sprint (Jira Software), at most 50 per call.',
    rest: 'POST /rest/agile/1.0/sprint/{sprintId}/issue',
    source: inferred(
      'moveIssuesToSprint',
      "The Data Center spec gives no permission text; Jira Software's documentation: adding issues to a sprint needs Schedule Issues and Edit Issues in the issues' projects.",
    ),
    project: ['BROWSE_PROJECTS', 'SCHEDULE_ISSUES', 'EDIT_ISSUES'],
    inputs: [
      { key: 'sprint_id', description: 'Sprint id.', required: true },
      { key: 'issues', description: 'Issue keys to add, comma-separated.', required: true },
      { ...issueInput, required: false, description: 'One of the issues, to tell its project.' },
    ],
  },
  // The operations below are those of n8n's Jira node that the rest of the catalog lacks; each rests on the
  // "Permissions required" text of its call in Atlassian's Jira Cloud OpenAPI spec.
  {
    name: 'notify_issue',
    kind: 'action',
    title: 'Send issue notification',
    description: 'Emails a notification about an issue to the recipients given (reporter, assignee, watchers, voters, users, groups).',
    rest: 'POST /rest/api/3/issue/{issueIdOrKey}/notify',
    source: specText('notify', 'Browse Projects project permission for the project that the issue is in.'),
    // Atlassian's spec: "Browse Projects project permission for the project that the issue is in."
    project: ['BROWSE_PROJECTS'],
    inputs: [
      issueInput,
      { key: 'subject', description: 'Subject of the email.' },
      { key: 'text_body', description: 'Plain-text body.' },
      { key: 'html_body', description: 'HTML body.' },
    ],
    notes: [SECURITY_NOTE, 'Jira sends the email only if outgoing mail is enabled for the site.'],
  },
  readIssue(
    'get_comment',
    'Get comment',
    'Reads one comment of an issue.',
    'GET /rest/api/3/issue/{issueIdOrKey}/comment/{id}',
    specText('getComment', 'Browse projects project permission for the project containing the comment.'),
    [{ key: 'comment_id', description: 'Comment id.', required: true }],
  ),
  {
    ...readIssue(
      'get_issue_attachments',
      'Get issue attachments',
      "Lists an issue's attachments (the issue's attachment field).",
      'GET /rest/api/3/issue/{issueIdOrKey}',
      browseIssue('getIssue'),
    ),
    notes: [SECURITY_NOTE, "Atlassian's spec says of reading an attachment that one added in a restricted comment follows that comment's restriction."],
  },
  {
    name: 'get_attachment_metadata',
    kind: 'action',
    title: 'Get attachment',
    description: "Reads an attachment's metadata (file name, size, type, the link to its content) by id.",
    rest: 'GET /rest/api/3/attachment/{id}',
    source: browseIssue('getAttachment'),
    // Atlassian's spec: "Browse projects project permission for the project that the issue is in."
    project: ['BROWSE_PROJECTS'],
    inputs: [
      { key: 'attachment_id', description: 'Attachment id.', required: true },
      { key: 'issue', description: 'Issue the attachment belongs to, to tell its project.' },
    ],
    notes: [SECURITY_NOTE, 'An attachment added in a restricted comment follows the restriction of that comment.'],
  },
  {
    name: 'delete_user',
    kind: 'action',
    title: 'Delete user',
    description: "Removes a user from Jira's user base (on Cloud, not their Atlassian account).",
    rest: 'DELETE /rest/api/3/user',
    source: inferred(
      'removeUser',
      "Atlassian's text asks for site administration (membership of the site-admin group), which no Jira permission shows; Administer Jira is the least it takes.",
    ),
    global: ['ADMINISTER'],
    inputs: [{ key: 'user', description: 'Account id (Cloud) or username (Server/DC).', required: true }],
    notes: [
      "Atlassian's spec for Jira Cloud requires site administration (membership of the site-admin group), which no Jira permission shows: Administer Jira is checked as the least it takes.",
    ],
  },
];

/**
 * Agent work in a Jira Service Management project, by operation, with the operationId(s) of the call it makes.
 * Inferred: Atlassian's "Permissions required" texts name only the platform permissions, and the getMyPermissions
 * text lists SERVICEDESK_AGENT ("Jira Service Desk only") among project permissions without saying which calls
 * need it. A portal customer may appear to hold Browse Projects and Add Comments, yet can only raise requests and
 * comment publicly on them; working an issue (fields, workflow, assignee, links, watchers, time) is what the agent
 * licence adds. Creating issues and comments, attachments, reads and deletions (administrators') are not marked.
 */
const AGENT_WORK: Readonly<Record<string, readonly string[]>> = {
  update_issue: ['editIssue'],
  update_issue_status: ['doTransition'],
  assign_issue: ['assignIssue'],
  add_watcher: ['addWatcher'],
  remove_watcher: ['removeWatcher'],
  link_issues: ['linkIssues'],
  delete_issue_link: ['deleteIssueLink'],
  add_worklog: ['addWorklog'],
  update_worklog: ['updateWorklog'],
  delete_worklog: ['deleteWorklog'],
  add_labels: ['editIssue'],
  remove_labels: ['editIssue'],
  set_issue_property: ['setIssueProperty'],
};

const AGENT_WHY =
  "In a Jira Service Management project, working an issue is agent work: a portal customer, who may appear to hold Browse Projects and Add Comments, can't do it.";

export const OPERATIONS: readonly OperationSpec[] = CATALOG.map((op) => {
  const ids = AGENT_WORK[op.name];
  if (!ids) return op;
  const source = inferred(
    [...ids, 'getMyPermissions'],
    'getMyPermissions lists SERVICEDESK_AGENT ("Jira Service Desk only") among project permissions; that working an issue in a service project takes it, and a portal customer lacks it, is inferred from what Service Management licenses agents for.',
  );
  return { ...op, serviceDeskAgent: { why: AGENT_WHY, source } };
});
