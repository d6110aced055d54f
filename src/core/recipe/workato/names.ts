import { closest } from '../../text/closest';

type Kind = 'trigger' | 'action';

/** A name a Jira step may have, and how it is checked. */
export interface WorkatoJiraName {
  readonly kind: Kind;
  /** The catalog operation it is checked as; absent when the catalog has none with the same permissions. */
  readonly catalog?: string;
  /** A real-time trigger: Workato registers a Jira webhook when the recipe starts. */
  readonly realtime?: RealtimeTrigger;
}

export interface RealtimeTrigger {
  /** Workato's polling trigger that does the same job without a webhook: its name and its title in Workato. */
  readonly polling?: { readonly name: string; readonly title: string };
}

const trigger = (catalog?: string, realtime?: RealtimeTrigger): WorkatoJiraName => ({ kind: 'trigger', catalog, ...(realtime ? { realtime } : {}) });
const action = (catalog?: string): WorkatoJiraName => ({ kind: 'action', catalog });

/**
 * Workato's internal names of its Jira connector's triggers and actions (the `name` of a step whose `provider` is
 * `jira`) and the catalog operation each is checked as. Names are case-sensitive, as in Workato. Sources:
 * - "lint-rules": workato-devs/recipe-skills, skills/jira-recipes/lint-rules.json (valid_trigger_names, valid_action_names)
 * - "skill": workato-devs/recipe-skills, skills/jira-recipes/SKILL_INSTRUCTIONS.md (the connector's trigger and action table)
 * - "salto": salto-io/salto, packages/workato-adapter (tests of exported Jira recipe code)
 * - "docs": docs.workato.com/connectors/jira/… (titles, "(real-time)", and the Administer Jira prerequisite; no internal names)
 * A mapping to a catalog operation of another name is inferred, and made only where both make the same REST calls.
 * The catalog's own names are accepted as they are (the catalog is named after this connector); a test keeps this
 * table and the catalog in step.
 */
export const WORKATO_JIRA_NAMES: Readonly<Record<string, WorkatoJiraName>> = {
  // Triggers
  new_issue: trigger('new_issue'), // seen in lint-rules and salto; docs "New issue"
  updated_issue: trigger('updated_issue'), // seen in lint-rules; docs "New/updated issue"
  new_issue_batch: trigger('new_issue_batch'), // seen in lint-rules; docs "New issue (batch)"
  updated_issue_batch: trigger('updated_issue_batch'), // seen in lint-rules; docs "Updated issue (batch)"
  updated_issue_webhook: trigger('updated_issue_webhook', { polling: { name: 'updated_issue', title: 'New/updated issue' } }), // seen in lint-rules; docs "New/updated issue (real-time)"
  updated_comment_webhook: trigger('updated_comment_webhook', {}), // seen in lint-rules
  updated_worklog_webhook: trigger('updated_worklog_webhook', {}), // seen in lint-rules; docs "New/updated worklog (real-time)"
  deleted_object: trigger('deleted_object', {}), // seen in lint-rules and skill; docs "Deleted object (real-time)"
  new_event: trigger('new_event', {}), // seen in lint-rules and skill ("webhook trigger for Jira events")
  issue_created_bulk: trigger('new_issue_batch'), // seen in lint-rules; mapping inferred: a bulk poll of new issues
  issue_created_or_updated_bulk: trigger('updated_issue_batch'), // seen in lint-rules; mapping inferred
  new_project: trigger(), // seen in skill; no catalog operation
  // Actions of the same name in the catalog: seen in lint-rules and skill (create_issue and update_issue in salto too)
  create_issue: action('create_issue'),
  update_issue: action('update_issue'),
  update_issue_status: action('update_issue_status'),
  assign_issue: action('assign_issue'),
  get_issue: action('get_issue'),
  search_issues: action('search_issues'),
  search_issues_by_JQL: action('search_issues_by_JQL'),
  create_comment: action('create_comment'),
  update_comment: action('update_comment'),
  get_issue_comments: action('get_issue_comments'),
  get_changelog: action('get_changelog'),
  upload_attachment: action('upload_attachment'),
  get_attachment: action('get_attachment'),
  create_user: action('create_user'),
  find_user: action('find_user'),
  search_assignable_users: action('search_assignable_users'),
  get_object_schema: action('get_object_schema'), // seen in lint-rules only
  get_comment: action('get_comment'), // seen in skill only
  // Actions of another name: seen in skill; mappings inferred
  get_issues_v3_jql: action('search_issues_by_JQL'), // a JQL search
  get_issues_v3_jql_paginated: action('search_issues_by_JQL'), // a JQL search, page by page
  get_issues_v3_jql_count: action('search_issues_by_JQL'), // counts what a JQL search finds
  get_paginated_issues: action('search_issues_by_JQL'), // a search, page by page
  get_transition_status: action('get_transitions'), // the transitions an issue may make
  search_single_user_by_email: action('find_user'), // a user search
  get_assignees: action('search_assignable_users'), // users assignable in a project
  // Actions seen in skill that the catalog has no operation for with the same permissions: left unchecked
  __adhoc_http_action: action(), // any Jira REST call: its permissions depend on the endpoint
  create_webhook: action(),
  delete_webhook: action(),
  get_current_user: action(),
  get_all_projects: action(),
  get_paginated_projects: action(),
  get_priorities: action(),
  get_statuses: action(),
  get_status: action(),
  get_all_resolutions: action(),
  // Catalog operations not seen in Workato's material, accepted under the catalog's names
  get_transitions: action('get_transitions'),
  delete_comment: action('delete_comment'),
  delete_attachment: action('delete_attachment'),
  delete_issue: action('delete_issue'),
  add_watcher: action('add_watcher'),
  link_issues: action('link_issues'),
  add_worklog: action('add_worklog'),
  create_sprint: action('create_sprint'),
  update_sprint: action('update_sprint'),
  create_version: action('create_version'),
  get_user: action('get_user'),
  notify_issue: action('notify_issue'),
  get_issue_attachments: action('get_issue_attachments'),
  get_attachment_metadata: action('get_attachment_metadata'),
  delete_user: action('delete_user'),
  add_labels: action('add_labels'),
  remove_labels: action('remove_labels'),
  create_subtask: action('create_subtask'),
  bulk_create_issues: action('bulk_create_issues'),
  move_issue: action('move_issue'),
  get_worklogs: action('get_worklogs'),
  update_worklog: action('update_worklog'),
  delete_worklog: action('delete_worklog'),
  remove_watcher: action('remove_watcher'),
  set_issue_property: action('set_issue_property'),
  delete_issue_link: action('delete_issue_link'),
  create_component: action('create_component'),
  update_component: action('update_component'),
  release_version: action('release_version'),
  get_project: action('get_project'),
  get_create_metadata: action('get_create_metadata'),
  get_edit_metadata: action('get_edit_metadata'),
  move_issues_to_sprint: action('move_issues_to_sprint'),
};

export type NameLookup =
  | { readonly found: 'operation'; readonly name: WorkatoJiraName & { readonly catalog: string } }
  | { readonly found: 'unchecked' }
  | { readonly found: 'other-kind'; readonly kind: Kind }
  | { readonly found: 'unknown'; readonly suggestion?: string };

/** What a Jira step's `name` is, for a step of the given kind. */
export function lookUpName(name: string, kind: Kind): NameLookup {
  const known = Object.hasOwn(WORKATO_JIRA_NAMES, name) ? WORKATO_JIRA_NAMES[name] : undefined;
  if (!known) return { found: 'unknown', suggestion: closestName(name, kind) };
  if (known.kind !== kind) return { found: 'other-kind', kind: known.kind };
  return known.catalog ? { found: 'operation', name: { ...known, catalog: known.catalog } } : { found: 'unchecked' };
}

const namesByKind = new Map<Kind, readonly string[]>();
function namesOfKind(kind: Kind): readonly string[] {
  let names = namesByKind.get(kind);
  if (!names) namesByKind.set(kind, (names = Object.keys(WORKATO_JIRA_NAMES).filter((n) => WORKATO_JIRA_NAMES[n].kind === kind)));
  return names;
}

/** Suggestions already worked out: a recipe tends to misspell one name many times. */
const suggestions = new Map<string, string | undefined>();
const MAX_REMEMBERED = 1000;

/** The closest name of the kind when it is close enough to be a typo, remembered. */
function closestName(name: string, kind: Kind): string | undefined {
  const memoKey = `${kind}:${name}`;
  if (suggestions.has(memoKey)) return suggestions.get(memoKey);
  const suggestion = closest(name, namesOfKind(kind));
  if (suggestions.size < MAX_REMEMBERED) suggestions.set(memoKey, suggestion);
  return suggestion;
}
