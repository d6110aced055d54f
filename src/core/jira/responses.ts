/** Judging a JiraResponse that should have been a 200. */
import { describeRequest, JiraAuthError, JiraRequestError } from './errors';
import type { JiraResponse } from './http';
import { isObject } from './json';

/** Throws unless 200: 401 → JiraAuthError (the login stopped working), other statuses → JiraRequestError. */
export function expectOk(response: JiraResponse): void {
  if (response.status === 200) return;
  const message = `${describeRequest(response.request)}: Jira answered ${response.status}${jiraMessage(response.body)}`;
  if (response.status === 401) throw new JiraAuthError(`${message} — the login was not accepted`, response.request, 401);
  throw new JiraRequestError(message, response.request, response.status);
}

/** Jira's own error texts (`errorMessages`, `errors`, or a gateway's `message`), shortened, for a message. */
export function jiraMessage(body: unknown, limit = 300): string {
  if (!isObject(body)) return '';
  const messages = [
    ...(Array.isArray(body.errorMessages) ? body.errorMessages : []),
    ...(isObject(body.errors) ? Object.values(body.errors) : []),
    ...(typeof body.message === 'string' ? [body.message] : []),
  ].filter((m): m is string => typeof m === 'string' && m !== '');
  return messages.length ? `: ${messages.join('; ').slice(0, limit)}` : '';
}
