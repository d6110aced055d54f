/**
 * `GET /rest/agile/1.0/board/{boardId}/project` (Jira Software's getProjects; the same path on Cloud and Data
 * Center): the projects a board's filter is bounded to, whose permissions its sprints need. Jira lists them "only if
 * user can browse all projects that are associated with the board", so an empty list says nothing about where
 * sprints are managed. 404: the board doesn't exist or the account may not view it.
 */
import type { NormalizedNeeds } from '../snapshot/needs';
import type { BoardSnapshot } from '../snapshot/types';
import { JiraRequestError, JiraUnavailableError } from './errors';
import type { JiraHttp } from './http';
import { isObject, str, unexpectedShape } from './json';
import { expectOk, jiraMessage } from './responses';

/** Pages of a board's projects; a bound so a misbehaving server can't loop us forever. */
const MAX_PAGES = 20;
const PAGE_SIZE = 50;

export async function fetchBoardProjects(http: JiraHttp, boardId: string): Promise<BoardSnapshot> {
  const projects: string[] = [];
  for (let page = 0, startAt = 0; page < MAX_PAGES; page++) {
    const response = await http.get(`/rest/agile/1.0/board/${encodeURIComponent(boardId)}/project`, {
      query: { startAt: String(startAt), maxResults: String(PAGE_SIZE) },
    });
    if (response.status === 404) return { visible: false };
    // A board the API refuses to describe (401/403, Jira Software missing) leaves its projects unknown.
    if (response.status === 401 || response.status === 403)
      return { visible: true, unavailable: `Jira answered ${response.status}${jiraMessage(response.body)}` };
    expectOk(response);
    const body = response.body;
    if (!isObject(body) || !Array.isArray(body.values)) throw unexpectedShape(response.request, 'no "values" list');
    projects.push(...body.values.flatMap((p) => (isObject(p) && str(p.key) !== undefined ? [String(p.key).toUpperCase()] : [])));
    startAt += body.values.length;
    const total = typeof body.total === 'number' ? body.total : undefined;
    if (body.isLast !== false || body.values.length === 0 || (total !== undefined && startAt >= total)) break;
  }
  return { visible: true, projects: [...new Set(projects)].sort() };
}

/** Every board the needs name, in parallel; a board whose answer failed is recorded as unavailable. */
export async function fetchBoards(http: JiraHttp, boards: ReadonlyMap<string, readonly string[]>): Promise<Record<string, BoardSnapshot>> {
  const entries = await Promise.all(
    [...boards.keys()].map(async (id): Promise<[string, BoardSnapshot]> => {
      try {
        return [id, await fetchBoardProjects(http, id)];
      } catch (error) {
        if (!(error instanceof JiraUnavailableError || error instanceof JiraRequestError)) throw error;
        return [id, { visible: true, unavailable: error.message }];
      }
    }),
  );
  return Object.fromEntries(entries);
}

/** The needs with each board's keys asked in every project the board named. */
export function withBoardProjects(needs: NormalizedNeeds, boards: Readonly<Record<string, BoardSnapshot>>): NormalizedNeeds {
  const projects = new Map(needs.projects);
  for (const [id, keys] of needs.boards) {
    for (const key of boards[id]?.projects ?? []) projects.set(key, [...new Set([...(projects.get(key) ?? []), ...keys])].sort());
  }
  if (projects.size === needs.projects.size && [...projects].every(([k, v]) => needs.projects.get(k) === v)) return needs;
  return { ...needs, projects: new Map([...projects].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) };
}
