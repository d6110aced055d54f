import { distance } from 'fastest-levenshtein';
import { findOperation, OPERATIONS, type OperationKind } from '../../catalog';

/**
 * Workato's internal names of its Jira connector's triggers and actions (the `name` of a step whose `provider` is
 * `jira`) and the catalog operation each is checked as. Our catalog is named after this connector, so most names are
 * the same; every catalog name is accepted as it is too. Sources:
 * - "lint-rules": workato-devs/recipe-skills, skills/jira-recipes/lint-rules.json (valid_trigger_names, valid_action_names)
 * - "skill": workato-devs/recipe-skills, skills/jira-recipes/SKILL_INSTRUCTIONS.md (the connector's action table)
 * - "salto": salto-io/salto, packages/workato-adapter (tests of exported Jira recipe code)
 * - "docs": docs.workato.com/connectors/jira/… (trigger and action pages; they give titles, not internal names)
 * A mapping between different names is always inferred: we map only where the two make the same REST calls and so
 * need the same permissions.
 */
interface KnownName {
  readonly kind: OperationKind;
  /** The catalog operation it is checked as. */
  readonly catalog: string;
}

const KNOWN: Readonly<Record<string, KnownName>> = {
  // Triggers
  new_issue: { kind: 'trigger', catalog: 'new_issue' }, // seen in lint-rules and salto; docs "New issue"
  updated_issue: { kind: 'trigger', catalog: 'updated_issue' }, // seen in lint-rules; docs "New/updated issue"
  new_issue_batch: { kind: 'trigger', catalog: 'new_issue_batch' }, // seen in lint-rules; docs "New issue (batch)"
  updated_issue_batch: { kind: 'trigger', catalog: 'updated_issue_batch' }, // seen in lint-rules; docs "Updated issue (batch)"
  updated_issue_webhook: { kind: 'trigger', catalog: 'updated_issue_webhook' }, // seen in lint-rules; docs "New/updated issue (real-time)"
  updated_comment_webhook: { kind: 'trigger', catalog: 'updated_comment_webhook' }, // seen in lint-rules
  updated_worklog_webhook: { kind: 'trigger', catalog: 'updated_worklog_webhook' }, // seen in lint-rules; docs "New/updated worklog (real-time)"
  deleted_object: { kind: 'trigger', catalog: 'deleted_object' }, // seen in lint-rules and skill; docs "Deleted object (real-time)"
  new_event: { kind: 'trigger', catalog: 'new_event' }, // seen in lint-rules and skill
  issue_created_bulk: { kind: 'trigger', catalog: 'new_issue_batch' }, // name seen in lint-rules; mapping inferred (a bulk poll of new issues)
  issue_created_or_updated_bulk: { kind: 'trigger', catalog: 'updated_issue_batch' }, // name seen in lint-rules; mapping inferred
  // Actions, named as in the catalog
  create_issue: { kind: 'action', catalog: 'create_issue' }, // seen in lint-rules, skill and salto
  update_issue: { kind: 'action', catalog: 'update_issue' }, // seen in lint-rules, skill and salto
  update_issue_status: { kind: 'action', catalog: 'update_issue_status' }, // seen in lint-rules and skill
  assign_issue: { kind: 'action', catalog: 'assign_issue' }, // seen in lint-rules and skill
  get_issue: { kind: 'action', catalog: 'get_issue' }, // seen in lint-rules and skill
  search_issues: { kind: 'action', catalog: 'search_issues' }, // seen in lint-rules and skill
  search_issues_by_JQL: { kind: 'action', catalog: 'search_issues_by_JQL' }, // seen in lint-rules and skill (case-sensitive)
  create_comment: { kind: 'action', catalog: 'create_comment' }, // seen in lint-rules and skill
  update_comment: { kind: 'action', catalog: 'update_comment' }, // seen in lint-rules and skill
  get_issue_comments: { kind: 'action', catalog: 'get_issue_comments' }, // seen in lint-rules and skill
  get_changelog: { kind: 'action', catalog: 'get_changelog' }, // seen in lint-rules and skill
  upload_attachment: { kind: 'action', catalog: 'upload_attachment' }, // seen in lint-rules and skill
  get_attachment: { kind: 'action', catalog: 'get_attachment' }, // seen in lint-rules and skill
  create_user: { kind: 'action', catalog: 'create_user' }, // seen in lint-rules and skill
  find_user: { kind: 'action', catalog: 'find_user' }, // seen in lint-rules and skill
  search_assignable_users: { kind: 'action', catalog: 'search_assignable_users' }, // seen in lint-rules and skill
  get_object_schema: { kind: 'action', catalog: 'get_object_schema' }, // seen in lint-rules
  // Actions under other names: names seen in skill, mappings inferred
  get_issues_v3_jql: { kind: 'action', catalog: 'search_issues_by_JQL' }, // a JQL search
  get_issues_v3_jql_paginated: { kind: 'action', catalog: 'search_issues_by_JQL' }, // a JQL search, page by page
  get_issues_v3_jql_count: { kind: 'action', catalog: 'search_issues_by_JQL' }, // counts what a JQL search finds
  get_paginated_issues: { kind: 'action', catalog: 'search_issues_by_JQL' }, // a search, page by page
  get_transition_status: { kind: 'action', catalog: 'get_transitions' }, // the transitions an issue may make
  get_comment: { kind: 'action', catalog: 'get_issue_comments' }, // one comment of an issue: the same permissions
  search_single_user_by_email: { kind: 'action', catalog: 'find_user' }, // a user search
  get_assignees: { kind: 'action', catalog: 'search_assignable_users' }, // users assignable in a project
};

/**
 * Names seen in the skill's action table (and the trigger `new_project`) that the catalog has no operation for
 * with the same permissions. Their steps are left unchecked rather than reported as unknown: they exist. Once the
 * catalog has an operation of the same name, it is checked.
 */
const UNCATALOGUED: Readonly<Record<string, OperationKind>> = {
  new_project: 'trigger',
  __adhoc_http_action: 'action', // any Jira REST call: its permissions depend on the endpoint
  create_webhook: 'action',
  delete_webhook: 'action',
  get_current_user: 'action',
  get_all_projects: 'action',
  get_paginated_projects: 'action',
  get_priorities: 'action',
  get_statuses: 'action',
  get_status: 'action',
  get_all_resolutions: 'action',
};

export type NameLookup =
  | { readonly found: 'operation'; readonly catalog: string }
  | { readonly found: 'unchecked' }
  | { readonly found: 'other-kind'; readonly kind: OperationKind }
  | { readonly found: 'unknown'; readonly suggestion?: string };

/** What a Jira step's `name` is, for a step of the given kind. Names are case-sensitive, as in Workato. */
export function lookUpName(name: string, kind: OperationKind): NameLookup {
  const known = Object.hasOwn(KNOWN, name) ? KNOWN[name] : undefined;
  const catalogName = known?.catalog ?? name;
  const operation = findOperation(catalogName);
  if (operation) return operation.kind === kind ? { found: 'operation', catalog: catalogName } : { found: 'other-kind', kind: operation.kind };
  const uncatalogued = Object.hasOwn(UNCATALOGUED, name) ? UNCATALOGUED[name] : undefined;
  if (uncatalogued) return uncatalogued === kind ? { found: 'unchecked' } : { found: 'other-kind', kind: uncatalogued };
  return { found: 'unknown', suggestion: closestName(name, kind) };
}

/** Every name a step of this kind may have: Workato's, and the catalog's own. */
function namesOfKind(kind: OperationKind): string[] {
  const names = new Set<string>();
  for (const [name, known] of Object.entries(KNOWN)) if (known.kind === kind) names.add(name);
  for (const [name, k] of Object.entries(UNCATALOGUED)) if (k === kind) names.add(name);
  for (const op of OPERATIONS) if (op.kind === kind) names.add(op.name);
  return [...names];
}

/** The closest accepted name when it is close enough to be a typo (a wrong case counts as none). */
function closestName(name: string, kind: OperationKind): string | undefined {
  const lower = name.toLowerCase();
  let best: { name: string; d: number } | undefined;
  for (const candidate of namesOfKind(kind)) {
    const d = distance(lower, candidate.toLowerCase());
    if (!best || d < best.d) best = { name: candidate, d };
  }
  return best && best.d <= Math.max(2, Math.floor(name.length / 3)) ? best.name : undefined;
}
