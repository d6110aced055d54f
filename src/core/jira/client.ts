/**
 * The small calls the extension needs around linking an account, and the shared set-up of a connection.
 * Every entry point takes a site (URL string or JiraSite), credentials and JiraClientOptions.
 */
import { setMaxListeners } from 'node:events';
import type { AuthType, Deployment, SnapshotAccount } from '../snapshot/types';
import { fetchMyself, fetchServerInfo } from './account';
import type { JiraCredentials } from './credentials';
import { JiraAbortError } from './errors';
import { JiraHttp, type HttpOptions } from './http';
import { gatewaySite } from './oauth/gateway';
import { fetchProjectList, type ProjectRef } from './projects';
import { normalizeSite, type JiraSite, type SiteOptions } from './site';

export interface JiraClientOptions extends HttpOptions, SiteOptions {}

export interface LoginInfo {
  readonly deployment: Deployment;
  readonly serverVersion: string;
  readonly account: SnapshotAccount;
}

/** Checks a login: `/myself` (auth errors thrown as JiraAuthError) then `/serverInfo` (version ≥ 7.0). */
export async function validateLogin(site: string | JiraSite, credentials: JiraCredentials, options: JiraClientOptions = {}): Promise<LoginInfo> {
  return withConnection(site, credentials, options, async (http) => {
    const account = await fetchMyself(http, credentials);
    const info = await fetchServerInfo(http);
    return { deployment: info.deployment, serverVersion: info.version, account };
  });
}

export interface DeploymentInfo {
  readonly deployment: Deployment;
  readonly serverVersion: string;
  /** Sign-in methods that fit, best first: Cloud → API token, OAuth; DC 8.14+ → PAT, password; older → password. */
  readonly authMethods: readonly AuthType[];
}

/** Anonymous `GET /rest/api/2/serverInfo`, so "Link account" can offer the sign-in methods that fit the site. */
export async function detectDeployment(site: string | JiraSite, options: JiraClientOptions = {}): Promise<DeploymentInfo> {
  return withConnection(site, undefined, options, async (http) => {
    const info = await fetchServerInfo(http);
    const [major = 0, minor = 0] = info.versionNumbers;
    const patSupported = major > 8 || (major === 8 && minor >= 14);
    const authMethods: AuthType[] = info.deployment === 'cloud' ? ['api_token', 'oauth2'] : patSupported ? ['pat', 'password'] : ['password'];
    return { deployment: info.deployment, serverVersion: info.version, authMethods };
  });
}

/** Projects the account can see, `[{key, name, id}]` (Cloud: paged project search; DC: `/rest/api/2/project`). */
export async function listProjects(site: string | JiraSite, credentials: JiraCredentials, options: JiraClientOptions = {}): Promise<ProjectRef[]> {
  return withConnection(site, credentials, options, async (http) => {
    await fetchMyself(http, credentials); // an anonymous fallback would list only public projects, silently
    const info = await fetchServerInfo(http);
    return fetchProjectList(http, info.deployment);
  });
}

/**
 * Runs `work` over one connection whose requests all stop when the caller's signal aborts or `work` fails (no
 * request is left running behind a settled promise). A caller's cancellation surfaces as JiraAbortError.
 * OAuth 2.0 credentials with a cloud id talk to the site through Atlassian's gateway; `work` still gets the site.
 */
export async function withConnection<T>(
  site: string | JiraSite,
  credentials: JiraCredentials | undefined,
  options: JiraClientOptions,
  work: (http: JiraHttp, site: JiraSite) => Promise<T>,
): Promise<T> {
  const normalized = normalizeSite(site, options);
  const stop = new AbortController();
  setMaxListeners(0, stop.signal); // every queued request and backoff listens to it; that's by design
  const callerSignal = options.signal;
  const onAbort = (): void => stop.abort(callerSignal?.reason);
  if (callerSignal?.aborted) throw new JiraAbortError();
  callerSignal?.addEventListener('abort', onAbort, { once: true });
  try {
    const target = credentials?.kind === 'oauth2' && credentials.cloudId ? gatewaySite(credentials.cloudId, credentials.apiUrl, options) : normalized;
    return await work(new JiraHttp(target, credentials, { ...options, signal: stop.signal }), normalized);
  } catch (error) {
    if (callerSignal?.aborted && !(error instanceof JiraAbortError)) throw new JiraAbortError();
    throw error;
  } finally {
    callerSignal?.removeEventListener('abort', onAbort);
    stop.abort(); // ends whatever `work` left in flight
  }
}
