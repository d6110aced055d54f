/** Small readers for Jira's JSON: the client trusts no shape it has not checked. */
import { describeRequest, JiraUnavailableError, type JiraRequestInfo } from './errors';

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function str(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

/** An answer whose shape is not what Jira sends: as unusable as broken JSON. */
export function unexpectedShape(request: JiraRequestInfo, what: string): JiraUnavailableError {
  return new JiraUnavailableError(`${describeRequest(request)}: unexpected answer (${what})`, 'bad_json', request);
}
