/**
 * A Jira site: the base URL every REST path is appended to, context path included
 * (`https://jira.acme.example/jira` + `/rest/api/2/myself`).
 */
import { baseOfUrl } from '../snapshot/site';
import { JiraConfigError, JiraInsecureHttpError } from './errors';

export interface JiraSite {
  /** Normalised base URL: scheme, host, optional port and context path, no trailing slash, no query. */
  readonly baseUrl: string;
  /** `https://jira.acme.example` — credentials are only ever sent to this origin. */
  readonly origin: string;
  /** `/jira`, or '' for a site at the root. */
  readonly contextPath: string;
}

export interface SiteOptions {
  /** Allow plain http to a host that is not loopback. Credentials then travel unencrypted; off by default. */
  readonly allowInsecureHttp?: boolean;
}

/**
 * Parses and normalises a site URL. https is required, except for loopback hosts (127.0.0.0/8, ::1, localhost),
 * which may use plain http; any other plain-http site needs `allowInsecureHttp`.
 */
export function normalizeSite(input: string | JiraSite, options: SiteOptions = {}): JiraSite {
  const raw = typeof input === 'string' ? input.trim() : input.baseUrl;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new JiraConfigError(`Not a valid Jira site URL: "${raw}". Expected e.g. https://your-site.atlassian.net`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new JiraConfigError(`A Jira site URL must start with https:// (got ${url.protocol}//${url.host}).`);
  }
  if (url.username || url.password) {
    throw new JiraConfigError('A Jira site URL must not contain a user name or password; link the account with credentials instead.');
  }
  if (url.search || url.hash) {
    throw new JiraConfigError(`A Jira site URL must not have a query or fragment: ${url.origin}${url.pathname}`);
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname) && !options.allowInsecureHttp) {
    throw new JiraInsecureHttpError(url.origin);
  }
  const baseUrl = baseOfUrl(url);
  return { baseUrl, origin: url.origin, contextPath: baseUrl.slice(url.origin.length) };
}

/**
 * The OAuth 2.0 (3LO) seam for Jira Cloud: such tokens are not accepted on `*.atlassian.net`; requests go to
 * `https://api.atlassian.com/ex/jira/{cloudId}` instead (cloudId from `/oauth/token/accessible-resources`).
 * Use this site together with `{ kind: 'oauth2', accessToken }` credentials.
 */
export function cloudOAuthSite(cloudId: string): JiraSite {
  if (!/^[A-Za-z0-9-]+$/.test(cloudId)) throw new JiraConfigError(`Not a valid Jira Cloud id: "${cloudId}"`);
  return normalizeSite(`https://api.atlassian.com/ex/jira/${cloudId}`);
}

/** localhost, 127.0.0.0/8 and ::1 (URL.hostname keeps IPv6 brackets). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === 'localhost' || host === '[::1]' || host === '::1') return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** Full URL of a REST path (`/rest/api/2/myself`) on the site. */
export function siteUrl(site: JiraSite, pathAndQuery: string): string {
  return site.baseUrl + (pathAndQuery.startsWith('/') ? pathAndQuery : `/${pathAndQuery}`);
}
