/** Jira's reply shapes: JSON bodies and its ErrorCollection for errors. */
import { NOT_AUTHENTICATED } from '../auth';
import type { Reply } from './route';

export function ok(body: unknown): Reply {
  return { status: 200, body };
}

/** `{ errorMessages: [...], errors: {} }` — how Jira reports most errors. */
export function error(status: number, ...errorMessages: string[]): Reply {
  return { status, body: { errorMessages, errors: {} } };
}

/** `{ errorMessages: [], errors: { field: message } }` — how Jira reports invalid input field by field. */
export function fieldErrors(status: number, errors: Record<string, string>): Reply {
  return { status, body: { errorMessages: [], errors } };
}

export const notAuthenticated = (): Reply => error(401, NOT_AUTHENTICATED);

/** The `expand` query parameter as a set of names. */
export function expandOf(query: URLSearchParams): ReadonlySet<string> {
  return new Set(
    query
      .getAll('expand')
      .flatMap((e) => e.split(','))
      .map((e) => e.trim())
      .filter((e) => e !== ''),
  );
}
