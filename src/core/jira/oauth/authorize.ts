/**
 * The first leg of the authorization-code flow: the consent URL the browser opens, with a `state` only this
 * attempt knows, and the reading of the redirect that comes back.
 */
import { randomBytes } from 'node:crypto';
import { JiraAuthError } from '../errors';
import { ATLASSIAN_ORIGINS } from './origins';

export interface AuthorizationRequest {
  readonly clientId: string;
  readonly scopes: readonly string[];
  readonly redirectUri: string;
  readonly state: string;
  /** Default https://auth.atlassian.com */
  readonly authUrl?: string;
}

/** 32 random bytes, base64url: what an attacker's forged redirect can't guess. */
export function newState(): string {
  return randomBytes(32).toString('base64url');
}

/** `{authUrl}/authorize?audience=api.atlassian.com&…&prompt=consent`, as Atlassian's 3LO documentation builds it. */
export function authorizationUrl(request: AuthorizationRequest): string {
  const params = {
    audience: 'api.atlassian.com',
    client_id: request.clientId,
    scope: request.scopes.join(' '),
    redirect_uri: request.redirectUri,
    state: request.state,
    response_type: 'code',
    prompt: 'consent',
  };
  // %20 rather than URLSearchParams' "+" for spaces: a URL that passes through vscode.Uri keeps its meaning.
  const query = Object.entries(params).map(([k, v]) => `${k}=${encodeURIComponent(v)}`);
  return `${new URL('/authorize', request.authUrl ?? ATLASSIAN_ORIGINS.authUrl).href}?${query.join('&')}`;
}

/** The redirect's `state` is not this attempt's: a forged or stale redirect, whose code must not be used. */
export class OAuthStateError extends JiraAuthError {}

/** The user declined, or the authorization server refused the request (`error=` in the redirect). */
export class OAuthDeniedError extends JiraAuthError {
  constructor(
    message: string,
    readonly error: string,
  ) {
    super(message);
  }
}

/** The code of a redirect to the callback URL; throws when the state isn't `expected` or the redirect is an error. */
export function readRedirect(query: URLSearchParams, expected: string): string {
  if (query.get('state') !== expected) {
    throw new OAuthStateError('The sign-in answer does not belong to this attempt (its state does not match), so it was ignored.');
  }
  const error = query.get('error');
  if (error) {
    const description = query.get('error_description');
    const why = error === 'access_denied' ? 'access was not granted' : `${error}${description ? `: ${description}` : ''}`;
    const fix = error === 'invalid_scope' ? " Add the scopes to the integration in Atlassian's developer console (Permissions → Jira API) and try again." : '';
    throw new OAuthDeniedError(`Atlassian did not authorize the integration (${why}).${fix}`, error);
  }
  const code = query.get('code');
  if (!code) throw new OAuthDeniedError('The sign-in answer has no authorization code.', 'no_code');
  return code;
}
