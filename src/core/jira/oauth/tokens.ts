/**
 * The token endpoint, `POST {authUrl}/oauth/token`: an authorization code for the first tokens, and a refresh token
 * for the next ones. Refresh tokens rotate: every refresh answers a new one and retires the one sent, so the caller
 * must keep the new one before anything else (see session.ts).
 */
import { withConnection, type JiraClientOptions } from '../client';
import { JiraAuthError, JiraError, JiraRequestError, type JiraRequestInfo } from '../errors';
import { isObject, str, unexpectedShape } from '../json';
import { redact } from '../redact';
import { ATLASSIAN_ORIGINS } from './origins';

/** What a grant holds now. Secret: kept only in SecretStorage or memory, never logged. */
export interface TokenSet {
  readonly accessToken: string;
  /** Absent without offline_access. */
  readonly refreshToken?: string;
  /** When the access token expires (epoch ms). */
  readonly expiresAt: number;
  /** Granted scopes, as the token endpoint lists them. */
  readonly scopes: readonly string[];
}

export interface OAuthClient {
  readonly clientId: string;
  readonly clientSecret: string;
  /** Default https://auth.atlassian.com */
  readonly authUrl?: string;
}

export interface TokenOptions extends JiraClientOptions {
  /** Clock for `expiresAt` (tests). */
  readonly now?: () => number;
}

/** The grant can't give tokens any more (revoked, expired, or a retired refresh token reused): link again. */
export class OAuthGrantError extends JiraAuthError {}

export function exchangeCode(client: OAuthClient, code: string, redirectUri: string, options: TokenOptions = {}): Promise<TokenSet> {
  return requestTokens(client, { grant_type: 'authorization_code', code, redirect_uri: redirectUri }, [code], options);
}

export function refreshTokens(client: OAuthClient, refreshToken: string, options: TokenOptions = {}): Promise<TokenSet> {
  return requestTokens(client, { grant_type: 'refresh_token', refresh_token: refreshToken }, [refreshToken], options);
}

async function requestTokens(client: OAuthClient, grant: Record<string, string>, secrets: string[], options: TokenOptions): Promise<TokenSet> {
  const hidden = [client.clientSecret, ...secrets];
  const body = { ...grant, client_id: client.clientId, client_secret: client.clientSecret };
  try {
    return await withConnection(client.authUrl ?? ATLASSIAN_ORIGINS.authUrl, undefined, options, async (http) => {
      const response = await http.post('/oauth/token', body);
      if (response.status !== 200) throw tokenError(response.request, response.status, response.body, grant.grant_type);
      return tokenSet(response.request, response.body, options.now?.() ?? Date.now());
    });
  } catch (error) {
    // The secrets travel in the body, which JiraHttp doesn't know of: make sure no message repeats one.
    if (error instanceof JiraError) Object.defineProperty(error, 'message', { value: redact(error.message, hidden) });
    throw error;
  }
}

function tokenSet(request: JiraRequestInfo, body: unknown, now: number): TokenSet {
  if (!isObject(body)) throw unexpectedShape(request, 'no token object');
  const accessToken = str(body.access_token);
  if (!accessToken) throw unexpectedShape(request, 'no access_token');
  const expiresIn = typeof body.expires_in === 'number' ? body.expires_in : 3600;
  const refreshToken = str(body.refresh_token);
  const scopes = (str(body.scope) ?? '').split(/\s+/).filter(Boolean);
  return { accessToken, ...(refreshToken ? { refreshToken } : {}), expiresAt: now + expiresIn * 1000, scopes };
}

/** OAuth's error answer (`{error, error_description}`) as a typed error. */
function tokenError(request: JiraRequestInfo, status: number, body: unknown, grantType: string): JiraError {
  const code = isObject(body) ? str(body.error) : undefined;
  const description = isObject(body) ? str(body.error_description) : undefined;
  const said = `${status}${code ? ` ${code}` : ''}${description ? `: ${description}` : ''}`;
  if (code === 'invalid_grant') {
    const what = grantType === 'refresh_token' ? 'The OAuth 2.0 grant was revoked or has expired' : 'The authorization code was refused';
    return new OAuthGrantError(`${what} (${said}); link the account again.`, request, status);
  }
  if (status === 401 || code === 'access_denied' || code === 'invalid_client' || code === 'unauthorized_client') {
    return new JiraAuthError(
      `The authorization server refused the OAuth 2.0 client (${said}): check the client id and secret of the integration.`,
      request,
      status,
    );
  }
  return new JiraRequestError(`The authorization server answered ${said}.`, request, status);
}
