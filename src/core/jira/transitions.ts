/**
 * `GET /rest/api/{3|2}/issue/{key}/transitions` (getTransitions; Cloud v3, Data Center v2): the transitions the
 * signed-in account may make on an issue now. Jira lists only transitions valid from the issue's status whose
 * conditions the account meets, and none without Transition Issues. 404: the issue doesn't exist or the account
 * can't see it — then nothing is known (undefined), never "no transitions".
 */
import type { Deployment, IssueTransition } from '../snapshot/types';
import type { JiraHttp } from './http';
import { isObject, str, unexpectedShape } from './json';
import { expectOk } from './responses';

export function transitionsPath(deployment: Deployment, issueKey: string): string {
  return `/rest/api/${deployment === 'cloud' ? '3' : '2'}/issue/${encodeURIComponent(issueKey)}/transitions`;
}

export async function fetchTransitions(http: JiraHttp, deployment: Deployment, issueKey: string): Promise<IssueTransition[] | undefined> {
  const response = await http.get(transitionsPath(deployment, issueKey));
  if (response.status === 404) return undefined;
  expectOk(response);
  const body = response.body;
  if (!isObject(body) || !Array.isArray(body.transitions)) throw unexpectedShape(response.request, 'no "transitions" list');
  return body.transitions.flatMap((t): IssueTransition[] => {
    if (!isObject(t)) return [];
    const id = str(t.id);
    const name = str(t.name);
    const to = isObject(t.to) ? str(t.to.name) : undefined;
    return id !== undefined && name !== undefined && to !== undefined ? [{ id, name, to }] : [];
  });
}
