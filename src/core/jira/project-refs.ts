/**
 * Needs that name projects by numeric id (n8n stores a project as its id) are asked by key: each id is looked up
 * once with `GET /rest/api/2/project/{id}` (Cloud and Data Center alike), and its needs join those of its key.
 */
import type { NormalizedNeeds } from '../snapshot/needs';
import type { ProjectSnapshot } from '../snapshot/types';
import { JiraRequestError, JiraUnavailableError } from './errors';
import type { JiraHttp } from './http';
import { fetchProject, type ProjectRef } from './projects';

const PROJECT_ID = /^\d+$/;

export interface ResolvedProjectRefs {
  /** The needs with every id replaced by its project's key. */
  readonly needs: NormalizedNeeds;
  /** Key → id and name, for projects found by id. */
  readonly found: ReadonlyMap<string, ProjectRef>;
  /** Snapshot entries for ids that name no visible project, or could not be looked up; keyed by the id. */
  readonly unresolved: Readonly<Record<string, ProjectSnapshot>>;
}

export async function resolveProjectRefs(http: JiraHttp, needs: NormalizedNeeds): Promise<ResolvedProjectRefs> {
  const ids = [...needs.projects.keys()].filter((ref) => PROJECT_ID.test(ref));
  if (!ids.length) return { needs, found: new Map(), unresolved: {} };
  const found = new Map<string, ProjectRef>();
  const unresolved: Record<string, ProjectSnapshot> = {};
  const byKey = new Map<string, string>();
  await Promise.all(
    ids.map(async (id) => {
      try {
        const ref = await fetchProject(http, id);
        if (!ref) unresolved[id] = { visible: false, id };
        else {
          found.set(ref.key, ref);
          byKey.set(id, ref.key);
        }
      } catch (error) {
        if (!(error instanceof JiraUnavailableError || error instanceof JiraRequestError)) throw error;
        unresolved[id] = { visible: true, id, unavailable: error.message };
      }
    }),
  );
  const projects = new Map<string, readonly string[]>();
  const securityLevelProjects = new Set<string>();
  for (const [ref, keys] of needs.projects) {
    if (unresolved[ref]) continue;
    const key = byKey.get(ref) ?? ref;
    projects.set(key, [...new Set([...(projects.get(key) ?? []), ...keys])].sort());
    if (needs.securityLevelProjects.has(ref)) securityLevelProjects.add(key);
  }
  const sorted = new Map([...projects].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { needs: { ...needs, projects: sorted, securityLevelProjects }, found, unresolved };
}
