/** Project look-ups: one project (id, name), its settable security levels, and the list of projects. */
import type { Deployment } from '../snapshot/types';
import type { JiraHttp } from './http';
import { isObject, str, unexpectedShape } from './json';
import { expectOk } from './responses';

export interface ProjectRef {
  readonly key: string;
  readonly name: string;
  readonly id?: string;
}

const projectPath = (key: string): string => `/rest/api/2/project/${encodeURIComponent(key)}`;

/** `GET /rest/api/2/project/{key}` → id and name; undefined on 404 (missing, or not browsable). */
export async function fetchProject(http: JiraHttp, key: string): Promise<ProjectRef | undefined> {
  const response = await http.get(projectPath(key));
  if (response.status === 404) return undefined;
  expectOk(response);
  const body = response.body;
  if (!isObject(body) || str(body.id) === undefined) throw unexpectedShape(response.request, 'no project id');
  return { key: str(body.key) ?? key, name: str(body.name) ?? key, id: str(body.id) };
}

/**
 * `GET /rest/api/2/project/{key}/securitylevel` → names of the issue security levels the account may set (empty
 * without Set Issue Security). Undefined when Jira won't say (404/403): unknown, not "none".
 */
export async function fetchSecurityLevels(http: JiraHttp, key: string): Promise<string[] | undefined> {
  const response = await http.get(`${projectPath(key)}/securitylevel`);
  if (response.status === 404 || response.status === 403 || response.status === 401) return undefined;
  expectOk(response);
  const body = response.body;
  if (!isObject(body) || !Array.isArray(body.levels)) throw unexpectedShape(response.request, 'no "levels" list');
  return body.levels.map((level) => (isObject(level) ? str(level.name) : undefined)).filter((n): n is string => !!n);
}

/** Pages of Cloud's project search; a bound so a misbehaving server can't loop us forever. */
const MAX_PAGES = 200;
const PAGE_SIZE = 50;

/** Projects the account can see: Cloud `GET /rest/api/3/project/search` (paged), Server/DC `GET /rest/api/2/project`. */
export async function fetchProjectList(http: JiraHttp, deployment: Deployment): Promise<ProjectRef[]> {
  if (deployment === 'server') {
    const response = await http.get('/rest/api/2/project');
    expectOk(response);
    if (!Array.isArray(response.body)) throw unexpectedShape(response.request, 'not a list of projects');
    return response.body.flatMap(toRef);
  }
  const projects: ProjectRef[] = [];
  let startAt = 0;
  for (let page = 0; page < MAX_PAGES; page++) {
    const response = await http.get('/rest/api/3/project/search', {
      query: { startAt: String(startAt), maxResults: String(PAGE_SIZE) },
    });
    expectOk(response);
    const body = response.body;
    if (!isObject(body) || !Array.isArray(body.values)) throw unexpectedShape(response.request, 'no "values" list');
    projects.push(...body.values.flatMap(toRef));
    startAt += body.values.length;
    const total = typeof body.total === 'number' ? body.total : undefined;
    if (body.isLast === true || body.values.length === 0 || (total !== undefined && startAt >= total)) return projects;
  }
  return projects;
}

function toRef(value: unknown): ProjectRef[] {
  if (!isObject(value)) return [];
  const key = str(value.key);
  if (key === undefined) return [];
  const id = str(value.id);
  return [{ key, name: str(value.name) ?? key, ...(id !== undefined ? { id } : {}) }];
}
