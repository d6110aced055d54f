/**
 * Issue keys → numeric ids for Cloud's bulk check: `POST /rest/api/3/issue/bulkfetch` (up to 100 issues a request).
 * It returns only issues the account can see (Browse Projects, and the issue's security level), so a key it doesn't
 * return is not visible — what a 404 would say. Jira also follows moved issues and answers them under their new
 * key; when an answer names a key that wasn't asked for, the keys left unanswered in that request prove nothing.
 */
import type { JiraHttp } from './http';
import { isObject, str, unexpectedShape } from './json';
import { expectOk } from './responses';

export const BULK_FETCH_PATH = '/rest/api/3/issue/bulkfetch';
export const BULK_FETCH_MAX_ISSUES = 100;

export interface IssueIds {
  /** Issue key (as asked, upper case) → id. */
  readonly found: Map<string, string>;
  /** Keys known to be invisible (or not to exist). Keys in neither map are unknown. */
  readonly notVisible: Set<string>;
}

export async function findIssueIds(http: JiraHttp, keys: readonly string[]): Promise<IssueIds> {
  const result: IssueIds = { found: new Map(), notVisible: new Set() };
  const pages: string[][] = [];
  for (let i = 0; i < keys.length; i += BULK_FETCH_MAX_ISSUES) pages.push(keys.slice(i, i + BULK_FETCH_MAX_ISSUES));
  await Promise.all(
    pages.map(async (page) => {
      const response = await http.post(BULK_FETCH_PATH, { issueIdsOrKeys: page, fields: ['project'] });
      expectOk(response);
      const body = response.body;
      if (!isObject(body) || !Array.isArray(body.issues)) throw unexpectedShape(response.request, 'no "issues" list');
      const asked = new Set(page.map((k) => k.toUpperCase()));
      let moved = false;
      for (const issue of body.issues) {
        const key = isObject(issue) ? str(issue.key)?.toUpperCase() : undefined;
        const id = isObject(issue) ? str(issue.id) : undefined;
        if (key === undefined || id === undefined) continue;
        if (asked.has(key)) result.found.set(key, id);
        else moved = true;
      }
      if (!moved) for (const key of asked) if (!result.found.has(key)) result.notVisible.add(key);
    }),
  );
  return result;
}
