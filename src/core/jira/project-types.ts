/**
 * Project types, for steps that are agent work (a catalog operation's `serviceDeskAgent`): in a Jira Service
 * Management project (`projectTypeKey: service_desk`) they also need Service Desk Agent (SERVICEDESK_AGENT). A site
 * without Service Management may reject that key, so it is asked only where the type is service_desk.
 *
 * Cloud: the projects' type from `GET /rest/api/3/project/search?keys=…` (50 keys a request), before the
 * permission requests; the ids it finds spare the bulk check its own look-up. Data Center: the spec's project
 * answers (ProjectBean of `GET /rest/api/2/project[/{key}]`) show no projectTypeKey, so types are not looked up and
 * the key is never asked there: such steps are judged as in any other project.
 */
import { SERVICE_DESK, SERVICEDESK_AGENT } from '../catalog/permissions';
import type { NormalizedNeeds } from '../snapshot/needs';
import type { Deployment } from '../snapshot/types';
import { JiraRequestError, JiraUnavailableError } from './errors';
import type { JiraHttp } from './http';
import type { JiraLogger } from './logger';
import { findProjectIds, type ProjectId } from './project-ids';

export interface TypedNeeds {
  /** The needs with SERVICEDESK_AGENT left only in projects of type service_desk. */
  readonly needs: NormalizedNeeds;
  /** Key → id, name and type, for the projects looked up and listed (so visible). */
  readonly found: ReadonlyMap<string, ProjectId>;
  /** The keys the search answered for: one it didn't list is not visible. Empty when no search was made or it failed. */
  readonly searched: ReadonlySet<string>;
}

/**
 * `alsoSearch`: keys the bulk check would search for their ids anyway; searched in the same requests, so that the
 * types cost nothing there. Only the types of projects where a step does agent work are kept.
 */
export async function withProjectTypes(
  http: JiraHttp,
  deployment: Deployment,
  needs: NormalizedNeeds,
  log: JiraLogger,
  alsoSearch: readonly string[] = [],
): Promise<TypedNeeds> {
  const asked = [...needs.projects].filter(([, keys]) => keys.includes(SERVICEDESK_AGENT)).map(([key]) => key);
  if (!asked.length) return { needs, found: new Map(), searched: new Set() };
  let found = new Map<string, ProjectId>();
  let searched = new Set<string>();
  if (deployment === 'cloud') {
    try {
      const typed = new Set(asked);
      const keys = [...new Set([...asked, ...alsoSearch])];
      const refs = await findProjectIds(http, keys);
      searched = new Set(keys);
      found = new Map([...refs].map(([key, ref]) => [key, typed.has(key) ? ref : withoutType(ref)]));
    } catch (error) {
      if (!(error instanceof JiraUnavailableError || error instanceof JiraRequestError)) throw error;
      log('warn', `project types unknown: ${error.message}`);
    }
  }
  const projects = new Map(
    [...needs.projects].map(([key, keys]): [string, readonly string[]] =>
      found.get(key)?.projectTypeKey === SERVICE_DESK ? [key, keys] : [key, keys.filter((k) => k !== SERVICEDESK_AGENT)],
    ),
  );
  // Never on issues: the project's answer is what agent work is judged by.
  const issues = new Map([...needs.issues].map(([key, keys]): [string, readonly string[]] => [key, keys.filter((k) => k !== SERVICEDESK_AGENT)]));
  return { needs: { ...needs, projects, issues }, found, searched };
}

function withoutType(ref: ProjectId): ProjectId {
  const { projectTypeKey: _type, ...rest } = ref;
  return rest;
}
