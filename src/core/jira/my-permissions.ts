/**
 * `GET /rest/api/2/mypermissions` — what the signed-in account holds, globally or in one project.
 * Cloud needs the `permissions` parameter (400 without it, 400 for a key it doesn't know); Data Center has no such
 * parameter and returns every key, legacy twins included (`deprecatedKey: true`). Answers are normalised to current
 * keys (canonicalPermissionKey), and only the keys asked for are kept: a key Jira did not return stays absent
 * (unknown), never false.
 */
import { canonicalPermissionKey, isLegacyPermissionKey, permissionInfo } from '../catalog/permissions';
import type { Deployment } from '../snapshot/types';
import type { JiraHttp } from './http';
import { isObject, unexpectedShape } from './json';
import { expectOk } from './responses';

export type MyPermissionsResult =
  | { readonly visible: true; readonly permissions: Record<string, boolean> }
  /** 404: the project (issue) doesn't exist or the account can't browse it (or isn't in the issue's security level). */
  | { readonly visible: false };

export const MY_PERMISSIONS_PATH = '/rest/api/2/mypermissions';

/** Where permissions are asked: in a project, or on one issue (exact for grants to issue roles). */
export type PermissionContext = { readonly projectKey: string } | { readonly issueKey: string };

/**
 * One `mypermissions` request. `keys` are the (canonical) keys wanted; on Cloud they are sent, on Data Center the
 * answer holds them all anyway. Without a context, only global permissions are kept: a project permission asked
 * with no context means "in any project", which no project question may be answered with.
 */
export async function fetchMyPermissions(
  http: JiraHttp,
  deployment: Deployment,
  keys: readonly string[],
  context?: PermissionContext,
): Promise<MyPermissionsResult> {
  const query: Record<string, string> = { ...context };
  if (deployment === 'cloud') query.permissions = keys.join(',');
  const response = await http.get(MY_PERMISSIONS_PATH, { query });
  if (response.status === 404 && context !== undefined) return { visible: false };
  expectOk(response);
  if (!isObject(response.body) || !isObject(response.body.permissions)) {
    throw unexpectedShape(response.request, 'no "permissions" object');
  }
  const all = readPermissions(response.body.permissions);
  const permissions: Record<string, boolean> = {};
  for (const key of keys) {
    if (!(key in all)) continue; // not answered: unknown
    if (context === undefined && permissionInfo(key)?.level === 'project') continue;
    permissions[key] = all[key] as boolean;
  }
  return { visible: true, permissions };
}

/**
 * `{KEY: {key, havePermission, deprecatedKey?}}` → `{CURRENT_KEY: boolean}`. Data Center's `deprecatedKey` twins are
 * skipped; an old server that only knows a legacy key has it mapped to the current one, and where both a current
 * and a legacy entry exist without the flag, the current one wins.
 */
export function readPermissions(entries: Record<string, unknown>): Record<string, boolean> {
  const current: Record<string, boolean> = {};
  const legacy: Record<string, boolean> = {};
  for (const [mapKey, entry] of Object.entries(entries)) {
    if (!isObject(entry) || entry.deprecatedKey === true || typeof entry.havePermission !== 'boolean') continue;
    const key = typeof entry.key === 'string' ? entry.key : mapKey;
    const target = isLegacyPermissionKey(key) ? legacy : current;
    target[canonicalPermissionKey(key)] = entry.havePermission;
  }
  return { ...legacy, ...current };
}
