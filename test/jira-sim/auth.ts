/**
 * Who a request is from, as Jira decides it from the Authorization header — including Server/DC's habit of
 * answering a failed Basic login as anonymous (with Seraph headers) instead of refusing it.
 */
import type { SimUser, World } from './scenario/world';

export type AuthOutcome =
  | { readonly kind: 'user'; readonly user: SimUser; readonly scheme: 'basic' | 'bearer' }
  /** none: no credentials; failed: wrong Basic credentials; captcha: DC wants a CAPTCHA before any Basic login */
  | { readonly kind: 'anonymous'; readonly reason: 'none' | 'failed' | 'captcha' }
  /** Refused outright with 401, whatever the resource (Bearer on Cloud; an unknown PAT on DC). */
  | { readonly kind: 'rejected'; readonly message: string };

export const NOT_AUTHENTICATED = 'You are not authenticated. Authentication required to perform this operation.';

export function authenticate(world: World, header: string | undefined): AuthOutcome {
  if (header === undefined || header.trim() === '') return { kind: 'anonymous', reason: 'none' };
  const [scheme = '', ...rest] = header.trim().split(/\s+/);
  const credentials = rest.join(' ');
  switch (scheme.toLowerCase()) {
    case 'basic':
      return basic(world, decodeBasic(credentials));
    case 'bearer':
      return bearer(world, credentials);
    default:
      return { kind: 'anonymous', reason: 'failed' };
  }
}

function decodeBasic(credentials: string): { login: string; secret: string } | undefined {
  const decoded = Buffer.from(credentials, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : { login: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

function basic(world: World, pair: { login: string; secret: string } | undefined): AuthOutcome {
  const failed: AuthOutcome = { kind: 'anonymous', reason: 'failed' };
  if (!pair) return failed;
  const login = pair.login.toLowerCase();
  if (world.flavour === 'cloud') {
    const user = world.users.find((u) => u.email.toLowerCase() === login);
    return user?.active && user.apiTokens.includes(pair.secret) ? { kind: 'user', user, scheme: 'basic' } : failed;
  }
  const user = world.users.find((u) => u.username?.toLowerCase() === login);
  if (user?.captchaRequired) return { kind: 'anonymous', reason: 'captcha' };
  return user?.active && user.password !== undefined && user.password === pair.secret ? { kind: 'user', user, scheme: 'basic' } : failed;
}

function bearer(world: World, token: string): AuthOutcome {
  if (world.flavour === 'cloud') return { kind: 'rejected', message: 'Failed to parse Connect Session Auth Token' };
  // Before 8.14 Jira has no personal access tokens and ignores a Bearer header.
  if (!world.features.personalAccessTokens) return { kind: 'anonymous', reason: 'none' };
  const user = world.users.find((u) => u.active && u.personalAccessTokens.includes(token));
  return user ? { kind: 'user', user, scheme: 'bearer' } : { kind: 'rejected', message: NOT_AUTHENTICATED };
}

/**
 * Response headers that tell who Jira thinks the caller is. Server/DC: X-AUSERNAME always ("anonymous" when not
 * signed in) and X-Seraph-LoginReason after a Basic attempt. Cloud: X-AACCOUNTID for a signed-in account.
 */
export function authHeaders(world: World, outcome: AuthOutcome, siteUrl: string): Record<string, string> {
  if (world.flavour === 'cloud') {
    return outcome.kind === 'user' && outcome.user.accountId ? { 'X-AACCOUNTID': outcome.user.accountId } : {};
  }
  switch (outcome.kind) {
    case 'user':
      return {
        'X-AUSERNAME': outcome.user.username ?? '',
        ...(outcome.scheme === 'basic' ? { 'X-Seraph-LoginReason': 'OK' } : {}),
      };
    case 'anonymous':
      if (outcome.reason === 'failed') {
        return { 'X-AUSERNAME': 'anonymous', 'X-Seraph-LoginReason': 'AUTHENTICATED_FAILED' };
      }
      if (outcome.reason === 'captcha') {
        return {
          'X-AUSERNAME': 'anonymous',
          'X-Seraph-LoginReason': 'AUTHENTICATION_DENIED',
          'X-Authentication-Denied-Reason': `CAPTCHA_CHALLENGE; login-url=${siteUrl}/login.jsp`,
        };
      }
      return { 'X-AUSERNAME': 'anonymous' };
    case 'rejected':
      return { 'X-AUSERNAME': 'anonymous' };
  }
}
