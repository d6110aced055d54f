/** Who the credentials sign in as (`/myself`) and what Jira this is (`/serverInfo`). */
import type { Deployment, SnapshotAccount } from '../snapshot/types';
import { loginNameOf, type JiraCredentials } from './credentials';
import { describeRequest, JiraAuthError, JiraUnsupportedVersionError } from './errors';
import type { JiraHttp, JiraResponse } from './http';
import { isObject, str, unexpectedShape } from './json';
import { expectOk } from './responses';

export interface ServerInfo {
  readonly deployment: Deployment;
  /** "10.3.19", or Cloud's "1001.0.0-SNAPSHOT". */
  readonly version: string;
  readonly versionNumbers: readonly number[];
}

/** Oldest Jira the client supports: 7.0 has the permission keys and `mypermissions` answers it relies on. */
export const MIN_SERVER_MAJOR = 7;

/**
 * `GET /rest/api/2/myself?expand=groups,applicationRoles`. A 401/403, or a 200 that Server/DC answered as anonymous
 * (checked by JiraHttp on every response), is a JiraAuthError — never an account without permissions.
 */
export async function fetchMyself(http: JiraHttp, credentials: JiraCredentials): Promise<SnapshotAccount> {
  const response = await http.get('/rest/api/2/myself', { query: { expand: 'groups,applicationRoles' } });
  if (response.status === 401 || response.status === 403) throw loginRefused(response, credentials);
  expectOk(response);
  const body = response.body;
  if (!isObject(body)) throw unexpectedShape(response.request, 'no user object');
  const id = str(body.accountId) ?? str(body.key) ?? str(body.name);
  if (id === undefined) throw unexpectedShape(response.request, 'no accountId, key or name');
  const name = str(body.emailAddress) ?? str(body.name) ?? loginNameOf(credentials);
  const displayName = str(body.displayName);
  // On Server/DC the user key may be an opaque "JIRAUSER10100"; the username is the readable name.
  const serverName = body.accountId === undefined ? str(body.name) : undefined;
  const groups = groupsOf(body.groups);
  return {
    id,
    ...((serverName ?? name) !== undefined ? { name: serverName ?? name } : {}),
    ...(displayName !== undefined ? { displayName } : {}),
    ...(groups ? { groups } : {}),
  };
}

/**
 * The group names of an expanded `groups` (`{size, items: [{name}]}`), sorted; undefined unless every group is
 * listed (`items` as long as `size`): a partial list can't tell a non-member.
 */
export function groupsOf(value: unknown): string[] | undefined {
  if (!isObject(value) || !Array.isArray(value.items)) return undefined;
  const names = value.items.map((g) => (isObject(g) ? str(g.name) : undefined));
  if (names.some((n) => n === undefined) || (typeof value.size === 'number' && value.size > names.length)) return undefined;
  return [...new Set(names as string[])].sort();
}

function loginRefused(response: JiraResponse, credentials: JiraCredentials): JiraAuthError {
  const where = describeRequest(response.request);
  if (response.headers.get('x-authentication-denied-reason')) {
    return new JiraAuthError(
      `${where}: Jira asks for a CAPTCHA after failed logins. Log in to Jira once through the browser, then try again.`,
      response.request,
      response.status,
    );
  }
  const what = {
    api_token: 'email and API token',
    password: 'user name and password',
    pat: 'personal access token',
    oauth2: 'OAuth access token (expired, or missing a scope?)',
  }[credentials.kind];
  const who = loginNameOf(credentials);
  return new JiraAuthError(`${where}: Jira did not accept the ${what}${who ? ` for ${who}` : ''} (${response.status}).`, response.request, response.status);
}

/** `GET /rest/api/2/serverInfo` — Cloud or Server/DC (Data Center says "Server"), and the version (≥ 7.0). */
export async function fetchServerInfo(http: JiraHttp): Promise<ServerInfo> {
  const response = await http.get('/rest/api/2/serverInfo');
  expectOk(response);
  const body = response.body;
  if (!isObject(body)) throw unexpectedShape(response.request, 'no server info object');
  const version = str(body.version) ?? '';
  const versionNumbers = Array.isArray(body.versionNumbers)
    ? body.versionNumbers.filter((n): n is number => typeof n === 'number')
    : (version
        .match(/^\d+(\.\d+)*/)?.[0]
        .split('.')
        .map(Number) ?? []);
  if (version === '' && versionNumbers.length === 0) throw unexpectedShape(response.request, 'no version');
  const deployment: Deployment = str(body.deploymentType)?.toLowerCase() === 'cloud' ? 'cloud' : 'server';
  const info: ServerInfo = { deployment, version: version || versionNumbers.join('.'), versionNumbers };
  if (deployment === 'server' && (versionNumbers[0] ?? 0) < MIN_SERVER_MAJOR) {
    throw new JiraUnsupportedVersionError(
      `Jira ${info.version} is too old: jira-recipe-lint needs Jira ${MIN_SERVER_MAJOR}.0 or later.`,
      info.version,
      response.request,
    );
  }
  return info;
}
