/**
 * Project keys → numeric ids for Cloud's bulk check: ids already known are used as they are; the rest come from
 * `GET /rest/api/3/project/search?keys=A&keys=B…` (up to 50 keys a request; it lists only projects the account can
 * see, so a key it doesn't return is not visible — what a 404 would say).
 */
import type { JiraHttp } from './http';
import { isObject, str, unexpectedShape } from './json';
import { expectOk } from './responses';

export const SEARCH_KEYS_PER_REQUEST = 50;

export interface ProjectId {
  readonly id: string;
  readonly name?: string;
  /** Jira's project type (software, service_desk, business), as the search lists it. */
  readonly projectTypeKey?: string;
  /** Listed by the project search, so visible; an id passed in as known proves nothing about visibility. */
  readonly listed: boolean;
}

/** `status: 'archived'` searches archived projects instead of live ones (Cloud's EXPERIMENTAL `status` filter). */
export async function findProjectIds(
  http: JiraHttp,
  keys: readonly string[],
  known: Readonly<Record<string, string>> = {},
  status?: 'archived',
): Promise<Map<string, ProjectId>> {
  const found = new Map<string, ProjectId>();
  const unknown: string[] = [];
  for (const key of keys) {
    const id = known[key];
    if (id !== undefined) found.set(key, { id, listed: false });
    else unknown.push(key);
  }
  const pages: string[][] = [];
  for (let i = 0; i < unknown.length; i += SEARCH_KEYS_PER_REQUEST) pages.push(unknown.slice(i, i + SEARCH_KEYS_PER_REQUEST));
  await Promise.all(
    pages.map(async (page) => {
      const response = await http.get('/rest/api/3/project/search', {
        query: { keys: page, maxResults: String(SEARCH_KEYS_PER_REQUEST), ...(status ? { status } : {}) },
      });
      expectOk(response);
      const body = response.body;
      if (!isObject(body) || !Array.isArray(body.values)) throw unexpectedShape(response.request, 'no "values" list');
      const asked = new Map(page.map((key) => [key.toUpperCase(), key]));
      for (const value of body.values) {
        const key = isObject(value) ? str(value.key) : undefined;
        const id = isObject(value) ? str(value.id) : undefined;
        if (key === undefined || id === undefined) continue;
        const askedKey = asked.get(key.toUpperCase());
        // A project that wasn't asked for means the `keys` filter was ignored: then "not listed" proves nothing.
        if (askedKey === undefined) throw unexpectedShape(response.request, `project ${key} was not asked for`);
        const name = str(value.name);
        const type = str(value.projectTypeKey);
        found.set(askedKey, { id, ...(name !== undefined ? { name } : {}), ...(type !== undefined ? { projectTypeKey: type } : {}), listed: true });
      }
    }),
  );
  return found;
}
