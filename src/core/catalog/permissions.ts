/**
 * Jira's permissions: key, display name, level, meaning, and the legacy Server keys (Jira ≤ 6.x, and Data Center's
 * `deprecatedKey` twins) that map onto the current ones. Source: shared notes on Jira REST facts and the
 * "Permissions required" text of Atlassian's OpenAPI specs.
 */

export type PermissionLevel = 'global' | 'project' | 'issue-security';

export interface PermissionInfo {
  readonly key: string;
  readonly name: string;
  readonly level: PermissionLevel;
  readonly description: string;
  /** Older key(s) for the same permission, still returned by Data Center with `deprecatedKey: true`. */
  readonly legacyKeys?: readonly string[];
}

const project = (key: string, name: string, description: string, legacyKeys?: string[]): PermissionInfo => ({
  key,
  name,
  level: 'project',
  description,
  legacyKeys,
});
const global = (key: string, name: string, description: string, legacyKeys?: string[]): PermissionInfo => ({
  key,
  name,
  level: 'global',
  description,
  legacyKeys,
});

export const PERMISSIONS: readonly PermissionInfo[] = [
  project('BROWSE_PROJECTS', 'Browse Projects', 'See the project and its issues. Without it the project looks as if it did not exist.', ['BROWSE']),
  project('CREATE_ISSUES', 'Create Issues', 'Create issues in the project.', ['CREATE_ISSUE']),
  project('EDIT_ISSUES', 'Edit Issues', "Change an issue's fields.", ['EDIT_ISSUE']),
  project('ASSIGN_ISSUES', 'Assign Issues', 'Set or change the assignee of an issue.', ['ASSIGN_ISSUE']),
  project('ASSIGNABLE_USER', 'Assignable User', 'Be chosen as the assignee of issues.'),
  project('RESOLVE_ISSUES', 'Resolve Issues', "Resolve and reopen issues, and set the issue's Fix Version.", ['RESOLVE_ISSUE']),
  project('CLOSE_ISSUES', 'Close Issues', 'Close issues (workflow transitions that close).', ['CLOSE_ISSUE']),
  project('TRANSITION_ISSUES', 'Transition Issues', 'Move issues through their workflow.', ['TRANSITION_ISSUE']),
  project('ADD_COMMENTS', 'Add Comments', 'Comment on issues.', ['COMMENT_ISSUE']),
  project('EDIT_ALL_COMMENTS', 'Edit All Comments', "Edit anyone's comments.", ['COMMENT_EDIT_ALL']),
  project('EDIT_OWN_COMMENTS', 'Edit Own Comments', 'Edit comments the account wrote.', ['COMMENT_EDIT_OWN']),
  project('DELETE_ALL_COMMENTS', 'Delete All Comments', "Delete anyone's comments.", ['COMMENT_DELETE_ALL']),
  project('DELETE_OWN_COMMENTS', 'Delete Own Comments', 'Delete comments the account wrote.', ['COMMENT_DELETE_OWN']),
  project('CREATE_ATTACHMENTS', 'Create Attachments', 'Attach files to issues.', ['CREATE_ATTACHMENT']),
  project('DELETE_ALL_ATTACHMENTS', 'Delete All Attachments', "Delete anyone's attachments.", ['ATTACHMENT_DELETE_ALL']),
  project('DELETE_OWN_ATTACHMENTS', 'Delete Own Attachments', 'Delete attachments the account added.', ['ATTACHMENT_DELETE_OWN']),
  project('DELETE_ISSUES', 'Delete Issues', 'Delete issues, with their comments and attachments.', ['DELETE_ISSUE']),
  project('LINK_ISSUES', 'Link Issues', 'Link issues together (issue linking must also be on for the site).', ['LINK_ISSUE']),
  project('MOVE_ISSUES', 'Move Issues', 'Move issues between projects or issue types.', ['MOVE_ISSUE']),
  project('SCHEDULE_ISSUES', 'Schedule Issues', "Set or change an issue's due date.", ['SCHEDULE_ISSUE']),
  project('MODIFY_REPORTER', 'Modify Reporter', "Set or change an issue's reporter."),
  project('SET_ISSUE_SECURITY', 'Set Issue Security', "Set an issue's security level, which limits who can see it."),
  project('VIEW_VOTERS_AND_WATCHERS', 'View Voters and Watchers', 'See who votes for and watches an issue.'),
  project('MANAGE_WATCHERS', 'Manage Watchers', 'Add and remove other people as watchers of an issue.', ['MANAGE_WATCHER_LIST']),
  project('WORK_ON_ISSUES', 'Work On Issues', 'Log work on issues.', ['WORK_ISSUE']),
  project('EDIT_OWN_WORKLOGS', 'Edit Own Worklogs', 'Edit work the account logged.', ['WORKLOG_EDIT_OWN']),
  project('EDIT_ALL_WORKLOGS', 'Edit All Worklogs', "Edit anyone's worklogs.", ['WORKLOG_EDIT_ALL']),
  project('DELETE_OWN_WORKLOGS', 'Delete Own Worklogs', 'Delete work the account logged.', ['WORKLOG_DELETE_OWN']),
  project('DELETE_ALL_WORKLOGS', 'Delete All Worklogs', "Delete anyone's worklogs.", ['WORKLOG_DELETE_ALL']),
  project('ADMINISTER_PROJECTS', 'Administer Projects', "Administer the project: its components, versions, roles' members and settings.", ['PROJECT_ADMIN']),
  project('VIEW_DEV_TOOLS', 'View Development Tools', 'See development information (commits, branches, builds) on issues.', ['VIEW_VERSION_CONTROL']),
  project('VIEW_READONLY_WORKFLOW', 'View Read-Only Workflow', "See a read-only view of an issue's workflow.", ['VIEW_WORKFLOW_READONLY']),
  project(
    'SERVICEDESK_AGENT',
    'Service Desk Agent',
    'Work on requests as an agent of a Jira Service Management project (Jira Service Management only); portal customers lack it.',
  ),
  project('MANAGE_SPRINTS_PERMISSION', 'Manage Sprints', 'Create, start, complete and change sprints on boards of the project (Jira Software).'),
  global('ADMINISTER', 'Administer Jira', 'The "Jira Administrators" global permission: site administration, including registering webhooks.'),
  global('SYSTEM_ADMIN', 'Jira System Administrators', 'Every administrative function, including system settings.'),
  global('USER_PICKER', 'Browse users and groups', 'Look up users and groups, e.g. in user pickers and user search.'),
  global('CREATE_SHARED_OBJECTS', 'Share dashboards and filters', 'Share dashboards and filters with other users.'),
  global('MANAGE_GROUP_FILTER_SUBSCRIPTIONS', 'Manage group filter subscriptions', 'Create and delete filter subscriptions for groups.'),
  global('BULK_CHANGE', 'Make bulk changes', 'Change many issues at once.'),
  global('CREATE_PROJECT', 'Create team-managed projects', 'Create team-managed projects (Jira Cloud).'),
];

const byKey = new Map<string, PermissionInfo>();
for (const p of PERMISSIONS) {
  byKey.set(p.key, p);
  for (const legacy of p.legacyKeys ?? []) byKey.set(legacy, p);
}

/** The current key for a permission key, legacy or not; unknown keys are returned unchanged. */
export function canonicalPermissionKey(key: string): string {
  return byKey.get(key)?.key ?? key;
}

export function permissionInfo(key: string): PermissionInfo | undefined {
  return byKey.get(key);
}

export function isLegacyPermissionKey(key: string): boolean {
  const info = byKey.get(key);
  return info !== undefined && info.key !== key;
}

/** "Add Comments (ADD_COMMENTS)" — how findings and hovers name a permission. */
export function describePermission(key: string): string {
  const info = permissionInfo(key);
  return info ? `${info.name} (${info.key})` : key;
}

/** Service Management's agent permission, needed for agent work in a project of type `service_desk` only. */
export const SERVICEDESK_AGENT = 'SERVICEDESK_AGENT';
/** Jira's projectTypeKey of a Jira Service Management project. */
export const SERVICE_DESK = 'service_desk';
