/** The REST resources the simulator serves, and how a request path finds one. */
import type { Flavour } from '../scenario/types';
import { allPermissions } from './all-permissions';
import { bulkCheck } from './bulk-check';
import { boardProjects } from './board-projects';
import { bulkFetchIssues } from './bulk-fetch';
import { myPermissions } from './my-permissions';
import { myself } from './myself';
import { permissionScheme, projectPermissionScheme } from './permission-schemes';
import { addRoleActors, createRole } from './roles';
import { associatePermissionScheme, createPermissionScheme } from './scheme-admin';
import { getProject, listProjects, searchProjects } from './projects';
import type { Route } from './route';
import { securityLevels } from './security-levels';
import { addSecurityLevelMembers } from './security-level-members';
import { serverInfo } from './server-info';
import { issueTransitions } from './transitions';

export const ROUTES: readonly Route[] = [
  myself,
  serverInfo,
  myPermissions,
  bulkCheck,
  bulkFetchIssues,
  issueTransitions,
  allPermissions,
  listProjects,
  searchProjects,
  getProject,
  projectPermissionScheme,
  permissionScheme,
  securityLevels,
  createRole,
  addRoleActors,
  createPermissionScheme,
  associatePermissionScheme,
  addSecurityLevelMembers,
  boardProjects,
];

/** `/rest/api/{version}`: Cloud serves v2 and v3 (same shapes here); Data Center v2, also as "latest". */
export const API_VERSIONS: Readonly<Record<Flavour, readonly string[]>> = {
  cloud: ['2', '3'],
  datacenter: ['2', 'latest'],
};

export type RouteMatch =
  { readonly route: Route; readonly params: Record<string, string>; readonly apiVersion: string } | { readonly route?: undefined; readonly status: 404 | 405 };

/** The route for a path below the context path, e.g. "/rest/api/3/project/ENG" or "/rest/agile/1.0/board/12/project". */
export function matchRoute(flavour: Flavour, method: string, path: string): RouteMatch {
  const agile = /^\/rest\/agile\/1\.0(\/.*)$/.exec(path);
  const platform = /^\/rest\/api\/([^/]+)(\/.*)$/.exec(path);
  let apiVersion: string;
  let rest: string;
  // The agile API has no platform version; its routes build platform links with v2.
  if (agile) [apiVersion, rest] = ['2', agile[1]];
  else if (platform && API_VERSIONS[flavour].includes(platform[1])) [, apiVersion, rest] = platform;
  else return { status: 404 };
  const wanted = agile ? 'agile' : 'platform';
  let pathMatched = false;
  for (const route of byLiteralness) {
    if (!(flavour === 'cloud' ? route.cloud : route.datacenter) || (route.api ?? 'platform') !== wanted) continue;
    const params = matchPath(route.path, rest);
    if (!params) continue;
    if (route.method === method) return { route, params, apiVersion };
    pathMatched = true;
  }
  return { status: pathMatched ? 405 : 404 };
}

/** Literal paths first, so that /project/search is not read as project "search" (where the flavour has it). */
const byLiteralness = [...ROUTES].sort((a, b) => placeholders(a.path) - placeholders(b.path));

function placeholders(pattern: string): number {
  return (pattern.match(/\{/g) ?? []).length;
}

function matchPath(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split('/');
  const got = path.replace(/\/$/, '').split('/');
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const placeholder = /^\{(\w+)\}$/.exec(want[i]);
    if (placeholder) {
      if (got[i] === '') return undefined;
      params[placeholder[1]] = safeDecode(got[i]);
    } else if (want[i] !== got[i]) {
      return undefined;
    }
  }
  return params;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
