/**
 * Atlassian's two OAuth 2.0 origins: the authorization server (consent, token exchange and refresh) and the API
 * (accessible-resources, and the gateway to each site). Both can be pointed elsewhere — the Jira simulator stands in
 * for them in tests — and tokens and the client secret go to these origins only.
 */
import { normalizeSite, type SiteOptions } from '../site';

export interface OAuthOrigins {
  /** Default https://api.atlassian.com */
  readonly apiUrl: string;
  /** Default https://auth.atlassian.com */
  readonly authUrl: string;
}

export const ATLASSIAN_ORIGINS: OAuthOrigins = { apiUrl: 'https://api.atlassian.com', authUrl: 'https://auth.atlassian.com' };

/** Each origin normalised (no trailing slash), https unless loopback, as for a Jira site. Unset values keep Atlassian's. */
export function oauthOrigins(given: Partial<OAuthOrigins> = {}, options: SiteOptions = {}): OAuthOrigins {
  return {
    apiUrl: normalizeSite(given.apiUrl || ATLASSIAN_ORIGINS.apiUrl, options).baseUrl,
    authUrl: normalizeSite(given.authUrl || ATLASSIAN_ORIGINS.authUrl, options).baseUrl,
  };
}

type Env = Readonly<Record<string, string | undefined>>;

/** `JIRA_OAUTH_API_URL` and `JIRA_OAUTH_AUTH_URL`, else Atlassian's. */
export function oauthOriginsFromEnv(env: Env = process.env, options: SiteOptions = {}): OAuthOrigins {
  return oauthOrigins({ apiUrl: env.JIRA_OAUTH_API_URL?.trim(), authUrl: env.JIRA_OAUTH_AUTH_URL?.trim() }, options);
}
