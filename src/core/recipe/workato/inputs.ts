import { entriesOf, keyOf, scalarText, valueOf, type JsonNode } from '../json/tree';
import type { InputEntry } from '../model';
import type { RangeOf } from './part';
import { workatoShape } from './shape';

/**
 * Workato's Jira field names (keys of a step's `input`) → the catalog's input keys. A key not listed keeps its name
 * (`summary`, `description`, `priority`, `labels` are the same in both). Sources as in names.ts: "skill" is
 * workato-devs/recipe-skills (skills/jira-recipes), "salto" is salto-io/salto (packages/workato-adapter); everything
 * else is inferred from the field labels on docs.workato.com and kept here so such recipes still resolve.
 */
const FIELDS: Readonly<Record<string, string>> = {
  issue_id_or_key: 'issue', // seen in skill (update_issue, get_issue)
  issuekey: 'issue', // seen in salto (update_issue)
  issue_key: 'issue', // inferred
  issueKey: 'issue', // inferred
  issue_id: 'issue', // inferred
  issueIdOrKey: 'issue', // inferred
  project_key: 'project', // seen in skill (create_issue)
  projectKey: 'project', // seen in salto (project_issuetype split into its parts)
  project_id: 'project', // inferred
  issueType: 'issue_type', // seen in salto
  issuetype: 'issue_type', // inferred
  assignee_id: 'assignee', // inferred
  assignee_account_id: 'assignee', // inferred from the docs' "Assignee account ID"
  assignee_name: 'assignee', // inferred
  reporter_id: 'reporter', // seen in salto (update_issue)
  reporter_account_id: 'reporter', // inferred from the docs' "Reporter account ID"
  reporter_name: 'reporter', // inferred
  due_date: 'duedate', // inferred
  security_level: 'security', // inferred
  status_name: 'status', // inferred
  new_status: 'status', // inferred
  transition_id: 'transition', // inferred
  transition_name: 'transition', // inferred
  comment_body: 'comment', // inferred
  body: 'comment', // inferred
  jql_query: 'jql', // inferred (the skill: the JQL field is `jql`, not `query`)
  jql_where: 'jql', // inferred from the triggers' "JQL WHERE clause"
  file_content: 'file', // inferred
};

/** `KEY--Issue type name`: the create action's project and issue type in one field (seen in salto). */
const PROJECT_ISSUETYPE = 'project_issuetype';
const PROJECT_ISSUETYPE_SEPARATOR = '--';

/** Inputs that add a permission: looked for in nested objects too (a `fields` object of Jira field ids). */
const PERMISSION_INPUTS = new Set(['assignee', 'reporter', 'duedate', 'security', 'status', 'transition', 'resolution']);
const MAX_NESTING = 4;

/** `#{…}` interpolates a formula into text; a value starting with `=` is a formula (Workato's formula mode). */
const DYNAMIC = /#\{|^\s*=/;
/**
 * References to earlier steps: `_('data.<provider>.<as>.<path>')` and the `"line":"<as>"` of a `_dp('{…}')` pill,
 * whose inner JSON may arrive escaped (`\"line\":\"…\"`).
 */
const REFERENCE = /_\(\s*\\?['"]data\.[^.'"\\\s]+\.([^.'"\\\s]+)|\\*"line\\*"\s*:\s*\\*"([^"\\]+)/g;

export function catalogInputKey(workatoKey: string): string {
  return Object.hasOwn(FIELDS, workatoKey) ? FIELDS[workatoKey] : workatoKey;
}

/** Ids of the steps a value refers to, in order; `aliases` maps a loop's `as` to what its list came from. */
export function referencesIn(text: string, aliases: ReadonlyMap<string, readonly string[]>): string[] {
  const refs: string[] = [];
  const hasDp = text.includes('_dp(');
  for (const match of text.matchAll(REFERENCE)) {
    const ref = match[1] ?? (hasDp ? match[2] : undefined);
    if (ref === undefined) continue;
    refs.push(ref, ...(aliases.get(ref) ?? []));
  }
  return [...new Set(refs)];
}

interface Value {
  readonly literal?: string;
  readonly dynamic: boolean;
  readonly shape?: string;
  readonly refs: readonly string[];
}

function valueOfNode(node: JsonNode | undefined, aliases: ReadonlyMap<string, readonly string[]>): Value {
  // Jira's own shape for a named value, `{"name": "Closed"}`, names it as the plain value would.
  const named = node?.type === 'object' ? valueOf(node, 'name') : undefined;
  if (named && scalarText(named) !== undefined) return valueOfNode(named, aliases);
  const literal = scalarText(node);
  if (literal === undefined || node?.type !== 'string' || !DYNAMIC.test(literal)) return { literal, dynamic: false, refs: [] };
  const shape = workatoShape(literal);
  return { literal, dynamic: true, ...(shape !== undefined ? { shape } : {}), refs: referencesIn(literal, aliases) };
}

/** Null and blank fields are fields Workato leaves out of the request. */
function isBlank(node: JsonNode | undefined): boolean {
  return !node || node.type === 'null' || (node.type === 'string' && (node.value as string).trim() === '');
}

/** A Jira step's `input` object as catalog inputs, each with the ranges of its Workato key and value. */
export function inputsOf(input: JsonNode | undefined, rangeOf: RangeOf, aliases: ReadonlyMap<string, readonly string[]>): Map<string, InputEntry> {
  const inputs = new Map<string, InputEntry>();
  const add = (key: string, keyNode: JsonNode, valueNode: JsonNode, value: Value) => {
    if (!inputs.has(key)) inputs.set(key, { key, keyRange: rangeOf(keyNode), valueRange: rangeOf(valueNode), ...value });
  };
  for (const [workatoKey, keyNode, valueNode] of entriesOf(input)) {
    if (!valueNode || isBlank(valueNode)) continue;
    const value = valueOfNode(valueNode, aliases);
    if (workatoKey === PROJECT_ISSUETYPE) {
      const [project, issueType] = splitProjectIssueType(value);
      add('project', keyNode, valueNode, project);
      if (issueType) add('issue_type', keyNode, valueNode, issueType);
      continue;
    }
    add(catalogInputKey(workatoKey), keyNode, valueNode, value);
    if (valueNode.type === 'object') collectNested(valueNode, 1, (key, k, v) => add(key, k, v, valueOfNode(v, aliases)));
  }
  return inputs;
}

/** `ENG--Bug` → project ENG, issue type Bug; a formula stays dynamic as a whole. */
function splitProjectIssueType(value: Value): [Value, Value | undefined] {
  const at = value.literal?.indexOf(PROJECT_ISSUETYPE_SEPARATOR) ?? -1;
  if (value.dynamic || value.literal === undefined || at < 0) return [value, undefined];
  const project = { ...value, literal: value.literal.slice(0, at).trim() };
  const issueType = { ...value, literal: value.literal.slice(at + PROJECT_ISSUETYPE_SEPARATOR.length).trim() };
  return [project, issueType];
}

/** Inputs that add a permission wherever they sit in nested objects, e.g. `fields.assignee`. */
function collectNested(node: JsonNode, depth: number, found: (key: string, keyNode: JsonNode, valueNode: JsonNode) => void): void {
  if (depth > MAX_NESTING) return;
  for (const property of node.children ?? []) {
    const keyNode = keyOf(property);
    const valueNode = property.children?.[1];
    if (keyNode?.type !== 'string' || !valueNode || isBlank(valueNode)) continue;
    const key = catalogInputKey(keyNode.value as string);
    if (PERMISSION_INPUTS.has(key)) found(key, keyNode, valueNode);
    else if (valueNode.type === 'object') collectNested(valueNode, depth + 1, found);
  }
}
