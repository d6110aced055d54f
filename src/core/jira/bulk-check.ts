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
}

export interface BulkCheckResult {
  readonly global?: Record<string, boolean>;
  /** Project id → key → held; the visibility keys included. */
  readonly projects: Map<string, Record<string, boolean>>;
}

/** Bulk-checks in chunks of 1,000 projects; global permissions ride along with the first chunk. */
export async function bulkCheck(http: JiraHttp, input: BulkCheckInput): Promise<BulkCheckResult> {
  const ids = [...input.projects.keys()];
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length; i += BULK_CHECK_MAX_PROJECTS) chunks.push(ids.slice(i, i + BULK_CHECK_MAX_PROJECTS));
  if (chunks.length === 0) chunks.push([]);
  const answers = await Promise.all(chunks.map((chunk, i) => checkChunk(http, i === 0 ? input.global : [], chunk, input.projects)));
  const projects = new Map<string, Record<string, boolean>>();
  for (const answer of answers) for (const [id, held] of answer.projects) projects.set(id, held);
  return { ...(answers[0]?.global ? { global: answers[0].global } : {}), projects };
}

async function checkChunk(
  http: JiraHttp,
  global: readonly string[],
  ids: readonly string[],
  wanted: ReadonlyMap<string, readonly string[]>,
): Promise<BulkCheckResult> {
  const keys = new Set<string>(VISIBILITY_KEYS);
  for (const id of ids) for (const key of wanted.get(id) ?? []) keys.add(key);
  const body: Record<string, unknown> = {};
  if (global.length) body.globalPermissions = global;
  if (ids.length) body.projectPermissions = [{ permissions: [...keys], projects: ids.map(Number) }];
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
  for (const entry of Array.isArray(answer.projectPermissions) ? answer.projectPermissions : []) {
    if (!isObject(entry) || typeof entry.permission !== 'string' || !Array.isArray(entry.projects)) continue;
    const set = heldIn.get(entry.permission) ?? new Set<string>();
    for (const id of entry.projects) {
      const s = str(id);
      if (s !== undefined) set.add(s);
    }
    heldIn.set(entry.permission, set);
  }
  const projects = new Map<string, Record<string, boolean>>();
  for (const id of ids) {
    const held: Record<string, boolean> = {};
    for (const key of [...VISIBILITY_KEYS, ...(wanted.get(id) ?? [])]) {
      held[key] = heldIn.get(key)?.has(id) ?? false;
    }
    projects.set(id, held);
  }
  return { ...(globalResult ? { global: globalResult } : {}), projects };
}
