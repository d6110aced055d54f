/**
 * The ways to sign in to Jira, and how each becomes an `Authorization` header (the only place a secret goes).
 *
 * | kind      | deployment            | header                                  |
 * | --------- | --------------------- | --------------------------------------- |
 * | api_token | Cloud                 | Basic base64(email:token)               |
 * | password  | Server / Data Center  | Basic base64(username:password)         |
 * | pat       | Data Center 8.14+     | Bearer <token>                          |
 * | oauth2    | Cloud, OAuth 2.0 3LO  | Bearer <access token>, sent to Atlassian's gateway only: with `cloudId`, every
 *                                      request of the site goes to `{apiUrl}/ex/jira/{cloudId}` (oauth/gateway.ts) —
 *                                      such tokens are not accepted on *.atlassian.net. Obtaining and refreshing the
 *                                      token is the caller's job (oauth/): pass a fresh accessToken per fetch.      |
 */
import type { AuthType } from '../snapshot/types';
import { JiraConfigError } from './errors';

export type JiraCredentials =
  | { readonly kind: 'api_token'; readonly email: string; readonly token: string }
  | { readonly kind: 'password'; readonly username: string; readonly password: string }
  | { readonly kind: 'pat'; readonly token: string }
  | {
      readonly kind: 'oauth2';
      readonly accessToken: string;
      /** The site's cloud id (from accessible-resources): requests then go through the gateway at `apiUrl`. */
      readonly cloudId?: string;
      /** Atlassian's API origin (default https://api.atlassian.com), the only place the token is sent. */
      readonly apiUrl?: string;
      /** The scopes granted to the token on the site, recorded in the snapshot. */
      readonly scopes?: readonly string[];
    };

export function authorizationHeader(credentials: JiraCredentials): string {
  switch (credentials.kind) {
    case 'api_token':
      return basic(credentials.email, credentials.token);
    case 'password':
      return basic(credentials.username, credentials.password);
    case 'pat':
      return `Bearer ${credentials.token}`;
    case 'oauth2':
      return `Bearer ${credentials.accessToken}`;
  }
}

function basic(user: string, secret: string): string {
  return `Basic ${Buffer.from(`${user}:${secret}`, 'utf8').toString('base64')}`;
}

/** The snapshot's `authType` — the credential kinds are named after it. */
export function authTypeOf(credentials: JiraCredentials): AuthType {
  return credentials.kind;
}

/** The strings that must never appear in an error, log line or snapshot (the secret and its encoded header). */
export function secretsOf(credentials: JiraCredentials | undefined): string[] {
  if (!credentials) return [];
  const header = authorizationHeader(credentials);
  const encoded = header.slice(header.indexOf(' ') + 1);
  switch (credentials.kind) {
    case 'api_token':
      return [credentials.token, encoded];
    case 'password':
      return [credentials.password, encoded];
    case 'pat':
      return [credentials.token];
    case 'oauth2':
      return [credentials.accessToken];
  }
}

/** Who signs in, for messages ("jan@acme.example"); undefined for token-only kinds. */
export function loginNameOf(credentials: JiraCredentials): string | undefined {
  if (credentials.kind === 'api_token') return credentials.email;
  if (credentials.kind === 'password') return credentials.username;
  return undefined;
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Credentials from the environment: `JIRA_EMAIL` + `JIRA_API_TOKEN` (Cloud), `JIRA_USERNAME` + `JIRA_PASSWORD`
 * (Server/DC), `JIRA_PAT` (DC) or `JIRA_OAUTH_ACCESS_TOKEN` (Cloud, OAuth 2.0: its site's cloud id is still to be
 * found, see oauth/site-grant.ts). Undefined when none is set. Throws a JiraConfigError when half a pair is set, or
 * when more than one way is set (rather than guess which one was meant). Empty values count as unset.
 */
export function credentialsFromEnv(env: Env = process.env): JiraCredentials | undefined {
  const value = (name: string): string | undefined => {
    const v = env[name];
    return v === undefined || v.trim() === '' ? undefined : v;
  };
  const pair = (userVar: string, secretVar: string): [string, string] | undefined => {
    const user = value(userVar);
    const secret = value(secretVar);
    if (user === undefined && secret === undefined) return undefined;
    if (user === undefined || secret === undefined) {
      const [set, unset] = user === undefined ? [secretVar, userVar] : [userVar, secretVar];
      throw new JiraConfigError(`${set} is set but ${unset} is not: set both, or neither.`);
    }
    return [user.trim(), secret];
  };

  const found: JiraCredentials[] = [];
  const names: string[] = [];
  const apiToken = pair('JIRA_EMAIL', 'JIRA_API_TOKEN');
  if (apiToken) {
    found.push({ kind: 'api_token', email: apiToken[0], token: apiToken[1] });
    names.push('JIRA_EMAIL + JIRA_API_TOKEN');
  }
  const password = pair('JIRA_USERNAME', 'JIRA_PASSWORD');
  if (password) {
    found.push({ kind: 'password', username: password[0], password: password[1] });
    names.push('JIRA_USERNAME + JIRA_PASSWORD');
  }
  const pat = value('JIRA_PAT');
  if (pat !== undefined) {
    found.push({ kind: 'pat', token: pat });
    names.push('JIRA_PAT');
  }
  const oauth = value('JIRA_OAUTH_ACCESS_TOKEN');
  if (oauth !== undefined) {
    found.push({ kind: 'oauth2', accessToken: oauth.trim() });
    names.push('JIRA_OAUTH_ACCESS_TOKEN');
  }
  if (found.length > 1) {
    throw new JiraConfigError(`More than one Jira login is set in the environment (${names.join('; ')}): keep one.`);
  }
  return found[0];
}
