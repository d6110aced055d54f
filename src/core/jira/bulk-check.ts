/**
 * Jira Cloud's bulk permission check, `POST /rest/api/3/permissions/check`: global permissions and project
 * permissions for up to 1,000 projects (numeric ids) in one request. Not on Data Center.
 *
 * The answer lists what is held: global keys held, and per permission the projects where it is held. Like the
 * global list, which names only held keys, a project (or a whole permission) that is not listed was asked about and
 * is not held: false. (Jira answers 400 for a key it doesn't know, so "not listed" can't mean "unknown key".)
 * Unknown project ids are ignored silently by Jira, so BROWSE_PROJECTS and ADMINISTER_PROJECTS are always asked
 * too: with neither (nor Administer Jira), a project of a known id is "not visible", as a 404 would say.
 */
import type { JiraHttp } from './http';
import { isObject, str, unexpectedShape } from './json';
import { expectOk } from './responses';

export const BULK_CHECK_PATH = '/rest/api/3/permissions/check';
export const BULK_CHECK_MAX_PROJECTS = 1000;
/** Asked for every project: what makes a project visible (with the global ADMINISTER). */
export const VISIBILITY_KEYS = ['BROWSE_PROJECTS', 'ADMINISTER_PROJECTS'] as const;

export interface BulkCheckInput {
  readonly global: readonly string[];
  /** Project id → canonical keys wanted there. */
  readonly projects: ReadonlyMap<string, readonly string[]>;
  /** Issue id → canonical keys wanted on that issue. */
  readonly issues?: ReadonlyMap<string, readonly string[]>;
}

export interface BulkCheckResult {
  readonly global?: Record<string, boolean>;
  /** Project id → key → held; the visibility keys included. */
  readonly projects: Map<string, Record<string, boolean>>;
  /** Issue id → key → held. */
  readonly issues: Map<string, Record<string, boolean>>;
}

interface Chunk {
  readonly projects: string[];
  readonly issues: string[];
}

/** Bulk-checks in chunks of 1,000 ids; global permissions ride along with the first chunk. */
export async function bulkCheck(http: JiraHttp, input: BulkCheckInput): Promise<BulkCheckResult> {
  const issues = input.issues ?? new Map<string, readonly string[]>();
  const ids = [...[...input.projects.keys()].map((id) => ['project', id] as const), ...[...issues.keys()].map((id) => ['issue', id] as const)];
  const chunks: Chunk[] = [];
  for (let i = 0; i < ids.length || chunks.length === 0; i += BULK_CHECK_MAX_PROJECTS) {
    const part = ids.slice(i, i + BULK_CHECK_MAX_PROJECTS);
    chunks.push({ projects: part.filter(([k]) => k === 'project').map(([, id]) => id), issues: part.filter(([k]) => k === 'issue').map(([, id]) => id) });
  }
  const answers = await Promise.all(chunks.map((chunk, i) => checkChunk(http, i === 0 ? input.global : [], chunk, input.projects, issues)));
  const result: BulkCheckResult = { ...(answers[0]?.global ? { global: answers[0].global } : {}), projects: new Map(), issues: new Map() };
  for (const answer of answers) {
    for (const [id, held] of answer.projects) result.projects.set(id, held);
    for (const [id, held] of answer.issues) result.issues.set(id, held);
  }
  return result;
}

async function checkChunk(
  http: JiraHttp,
  global: readonly string[],
  chunk: Chunk,
  wanted: ReadonlyMap<string, readonly string[]>,
  wantedOnIssues: ReadonlyMap<string, readonly string[]>,
): Promise<BulkCheckResult> {
  const keys = new Set<string>(VISIBILITY_KEYS);
  for (const id of chunk.projects) for (const key of wanted.get(id) ?? []) keys.add(key);
  for (const id of chunk.issues) for (const key of wantedOnIssues.get(id) ?? []) keys.add(key);
  const body: Record<string, unknown> = {};
  if (global.length) body.globalPermissions = global;
  if (chunk.projects.length || chunk.issues.length) {
    body.projectPermissions = [{ permissions: [...keys], projects: chunk.projects.map(Number), issues: chunk.issues.map(Number) }];
  }
  const response = await http.post(BULK_CHECK_PATH, body);
  expectOk(response);
  const answer = response.body;
  if (!isObject(answer)) throw unexpectedShape(response.request, 'no object');

  let globalResult: Record<string, boolean> | undefined;
  if (global.length) {
    if (!Array.isArray(answer.globalPermissions)) throw unexpectedShape(response.request, 'no "globalPermissions"');
    const held = new Set(answer.globalPermissions.map(str));
    globalResult = Object.fromEntries(global.map((key) => [key, held.has(key)]));
  }

  const heldIn = new Map<string, Set<string>>(); // permission → project ids holding it
  const heldOn = new Map<string, Set<string>>(); // permission → issue ids holding it
  for (const entry of Array.isArray(answer.projectPermissions) ? answer.projectPermissions : []) {
    if (!isObject(entry) || typeof entry.permission !== 'string') continue;
    addIds(heldIn, entry.permission, entry.projects);
    addIds(heldOn, entry.permission, entry.issues);
  }
  const held = (ids: readonly string[], asked: ReadonlyMap<string, readonly string[]>, extra: readonly string[], sets: Map<string, Set<string>>) =>
    new Map(ids.map((id) => [id, Object.fromEntries([...extra, ...(asked.get(id) ?? [])].map((key) => [key, sets.get(key)?.has(id) ?? false]))]));
  return {
    ...(globalResult ? { global: globalResult } : {}),
    projects: held(chunk.projects, wanted, VISIBILITY_KEYS, heldIn),
    issues: held(chunk.issues, wantedOnIssues, [], heldOn),
  };
}

function addIds(into: Map<string, Set<string>>, permission: string, ids: unknown): void {
  if (!Array.isArray(ids)) return;
  const set = into.get(permission) ?? new Set<string>();
  for (const id of ids) {
    const s = str(id);
    if (s !== undefined) set.add(s);
  }
  into.set(permission, set);
}
