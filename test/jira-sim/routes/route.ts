/** What a REST resource of the simulator is: where it lives, which spec operation it implements, how it answers. */
import type { AuthOutcome } from '../auth';
import type { PermissionEvaluator, Subject } from '../permissions';
import type { Flavour } from '../scenario/types';
import type { World } from '../scenario/world';

export interface Reply {
  readonly status: number;
  /** Serialised as JSON; no body when undefined. */
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface RouteContext {
  readonly world: World;
  readonly permissions: PermissionEvaluator;
  readonly auth: AuthOutcome;
  /** The signed-in user; null for anonymous. */
  readonly subject: Subject;
  /** "2", "3" (Cloud) or "latest" (DC) */
  readonly apiVersion: string;
  /** The site's base URL, context path included. */
  readonly siteUrl: string;
  /** `${siteUrl}/rest/api/${apiVersion}` */
  readonly apiUrl: string;
  /** The request URL, as Jira would print it in `self`. */
  readonly requestUrl: string;
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  /** Parsed JSON body; undefined without one, `INVALID_JSON` when it does not parse. */
  readonly body: unknown;
}

export const INVALID_JSON = Symbol('invalid JSON');

/** How a route serves one flavour: the OpenAPI path it implements and every status it can answer. */
export interface Served {
  /** Path of the operation in that flavour's spec (Cloud's v3 path also covers v2). */
  readonly spec: string;
  readonly answers: readonly number[];
  /** The flavour whose spec validates it, when its own has no such operation (Cloud's agile API): default its own. */
  readonly contract?: Flavour;
}

export interface Route {
  readonly method: 'GET' | 'POST' | 'PUT';
  /** Which REST API: the platform's `/rest/api/{version}` (default) or Jira Software's `/rest/agile/1.0`. */
  readonly api?: 'platform' | 'agile';
  /** Relative to the API's root, with {placeholders}: "/project/{projectIdOrKey}". */
  readonly path: string;
  readonly cloud?: Served;
  readonly datacenter?: Served;
  handle(ctx: RouteContext): Reply;
}

export function servedBy(route: Route, flavour: Flavour): Served | undefined {
  return flavour === 'cloud' ? route.cloud : route.datacenter;
}
