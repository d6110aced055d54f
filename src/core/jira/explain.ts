/**
 * Why a permission is missing: who the project's permission scheme grants it to.
 * `GET /rest/api/2/project/{key}/permissionscheme` → `{id, name}`, then `GET /rest/api/2/permissionscheme/{id}?expand=all`.
 * Reading a scheme needs admin rights (Cloud: Administer Jira or Administer Projects; DC: a Jira administrator):
 * 401/403 (and 404) → `{ readable: false }`. Schemes are shared between projects, so each is read once per fetch.
 */
import { canonicalPermissionKey } from '../catalog/permissions';
import type { PermissionHolder, PermissionSchemeInfo } from '../snapshot/types';
import type { JiraHttp, JiraResponse } from './http';
import { isObject, str, unexpectedShape, type JsonObject } from './json';
import { expectOk } from './responses';

const NOT_READABLE: PermissionSchemeInfo = { readable: false };

interface SchemeGrants {
  readonly id: string;
  readonly name?: string;
  /** Every permission of the scheme (current keys) → holders. */
  readonly grants: ReadonlyMap<string, readonly PermissionHolder[]>;
}

export class SchemeExplainer {
  private readonly schemes = new Map<string, Promise<SchemeGrants | undefined>>();

  constructor(private readonly http: JiraHttp) {}

  /** The scheme of `projectKey`, with the holders of `keys` (an empty list: nobody is granted it). */
  async explain(projectKey: string, keys: readonly string[]): Promise<PermissionSchemeInfo> {
    const ref = await this.http.get(`/rest/api/2/project/${encodeURIComponent(projectKey)}/permissionscheme`);
    if (notReadable(ref)) return NOT_READABLE;
    expectOk(ref);
    if (!isObject(ref.body) || str(ref.body.id) === undefined) throw unexpectedShape(ref.request, 'no scheme id');
    const id = str(ref.body.id) as string;
    let scheme = this.schemes.get(id);
    if (!scheme) {
      scheme = this.readScheme(id);
      this.schemes.set(id, scheme);
    }
    const read = await scheme;
    const name = read?.name ?? str(ref.body.name);
    const named = { id, ...(name !== undefined ? { name } : {}) };
    // The project names its scheme to a project admin, but only a Jira admin may read the scheme itself.
    if (!read) return { ...named, readable: false };
    const grants: Record<string, readonly PermissionHolder[]> = {};
    for (const key of keys) grants[key] = read.grants.get(key) ?? [];
    return { ...named, readable: true, grants };
  }

  private async readScheme(id: string): Promise<SchemeGrants | undefined> {
    const response = await this.http.get(`/rest/api/2/permissionscheme/${encodeURIComponent(id)}`, {
      query: { expand: 'all' },
    });
    if (notReadable(response)) return undefined;
    expectOk(response);
    const body = response.body;
    if (!isObject(body) || !Array.isArray(body.permissions)) throw unexpectedShape(response.request, 'no "permissions" list');
    const grants = new Map<string, PermissionHolder[]>();
    for (const grant of body.permissions) {
      if (!isObject(grant) || typeof grant.permission !== 'string' || !isObject(grant.holder)) continue;
      const key = canonicalPermissionKey(grant.permission);
      const list = grants.get(key) ?? [];
      list.push(holderOf(grant.holder));
      grants.set(key, list);
    }
    return { id, name: str(body.name), grants };
  }
}

/** Jira's holder → `{type, parameter, displayName}`; displayName is the role, group, user or field name. */
export function holderOf(holder: JsonObject): PermissionHolder {
  const type = str(holder.type) ?? 'unknown';
  const parameter = str(holder.parameter) ?? str(holder.value);
  const nested = (field: string, name: string): string | undefined => {
    const value = holder[field];
    return isObject(value) ? str(value[name]) : undefined;
  };
  let displayName: string | undefined;
  switch (type) {
    case 'projectRole':
      displayName = nested('projectRole', 'name');
      break;
    case 'group':
      displayName = nested('group', 'name') ?? parameter;
      break;
    case 'user':
      displayName = nested('user', 'displayName');
      break;
    case 'userCustomField':
    case 'groupCustomField':
      displayName = nested('field', 'name');
      break;
    case 'applicationRole':
      displayName = parameter === undefined || parameter === '' ? 'Any logged-in user' : parameter;
      break;
    case 'anyone':
      displayName = 'Anyone';
      break;
    case 'reporter':
      displayName = 'Reporter';
      break;
    case 'assignee':
      displayName = 'Current assignee';
      break;
    case 'projectLead':
      displayName = 'Project lead';
      break;
  }
  return {
    type,
    ...(parameter !== undefined && parameter !== '' ? { parameter } : {}),
    ...(displayName !== undefined ? { displayName } : {}),
  };
}

function notReadable(response: JiraResponse): boolean {
  return response.status === 401 || response.status === 403 || response.status === 404;
}
