/**
 * The authorization server's memory: OAuth 2.0 clients (the integrations of the developer console), authorization
 * codes, and grants with their access and refresh tokens — rotation, reuse detection, expiry and revocation.
 */
import { randomBytes } from 'node:crypto';

export interface SimOAuthClient {
  readonly clientId: string;
  readonly clientSecret: string;
  /** Callback URLs of the integration; a redirect_uri must be one of them exactly. */
  readonly callbackUrls: readonly string[];
  /** Scopes the integration was given in the developer console; offline_access needs none. */
  readonly scopes: readonly string[];
}

export interface SimGrant {
  readonly id: string;
  readonly clientId: string;
  /** Email of the Atlassian account that consented. */
  readonly user: string;
  readonly scopes: readonly string[];
  /** Cloud ids of the sites the grant covers. */
  readonly cloudIds: readonly string[];
  revoked: boolean;
}

interface AccessToken {
  readonly grant: SimGrant;
  expiresAt: number;
}

interface RefreshToken {
  readonly grant: SimGrant;
  /** When it was exchanged (rotated out); undefined while it is the grant's current one. */
  usedAt?: number;
}

interface Code {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly grant: SimGrant;
  readonly expiresAt: number;
}

export interface TokenAnswer {
  readonly access_token: string;
  readonly refresh_token?: string;
  readonly expires_in: number;
  readonly scope: string;
  readonly token_type: 'Bearer';
}

export type TokenOutcome =
  { readonly ok: true; readonly tokens: TokenAnswer } | { readonly ok: false; readonly status: number; readonly error: string; readonly description: string };

export interface GrantBookOptions {
  readonly accessTokenLifetimeSeconds: number;
  /** A rotated-out refresh token may be exchanged again this long after; later, its reuse revokes the grant. */
  readonly reuseIntervalSeconds: number;
  readonly now: () => number;
}

const CODE_LIFETIME_MS = 10 * 60_000;

export class GrantBook {
  readonly clients = new Map<string, SimOAuthClient>();
  readonly grants: SimGrant[] = [];
  private readonly codes = new Map<string, Code>();
  private readonly accessTokens = new Map<string, AccessToken>();
  private readonly refreshTokens = new Map<string, RefreshToken>();

  constructor(
    clients: readonly SimOAuthClient[],
    private readonly options: GrantBookOptions,
  ) {
    for (const client of clients) this.clients.set(client.clientId, client);
  }

  issueCode(clientId: string, redirectUri: string, user: string, scopes: readonly string[], cloudIds: readonly string[]): string {
    const grant: SimGrant = { id: token('grant'), clientId, user, scopes: [...scopes], cloudIds: [...cloudIds], revoked: false };
    this.grants.push(grant);
    const code = token('code');
    this.codes.set(code, { clientId, redirectUri, grant, expiresAt: this.options.now() + CODE_LIFETIME_MS });
    return code;
  }

  /** `grant_type=authorization_code`: each code once, for its client and redirect_uri, before it expires. */
  exchangeCode(clientId: string, code: string, redirectUri: string): TokenOutcome {
    const entry = this.codes.get(code);
    this.codes.delete(code);
    if (!entry || entry.clientId !== clientId || entry.expiresAt <= this.options.now()) return invalidGrant('Invalid authorization code');
    if (entry.redirectUri !== redirectUri) return invalidGrant('redirect_uri does not match the one of the authorization request');
    return { ok: true, tokens: this.tokensFor(entry.grant) };
  }

  /**
   * `grant_type=refresh_token`: the grant's current refresh token gives a new pair and is rotated out. A rotated-out
   * one still works within the reuse interval; after it, its reuse is taken as theft and revokes the whole grant.
   */
  refresh(clientId: string, refreshToken: string): TokenOutcome {
    const entry = this.refreshTokens.get(refreshToken);
    if (!entry || entry.grant.revoked || entry.grant.clientId !== clientId) return invalidGrant('Unknown or invalid refresh token.');
    const now = this.options.now();
    if (entry.usedAt !== undefined && now - entry.usedAt > this.options.reuseIntervalSeconds * 1000) {
      entry.grant.revoked = true;
      return invalidGrant('Unknown or invalid refresh token.');
    }
    entry.usedAt ??= now;
    return { ok: true, tokens: this.tokensFor(entry.grant) };
  }

  /** The grant of a live access token; undefined for an unknown, expired or revoked one. */
  grantOfAccessToken(accessToken: string): SimGrant | undefined {
    const entry = this.accessTokens.get(accessToken);
    if (!entry || entry.grant.revoked || entry.expiresAt <= this.options.now()) return undefined;
    return entry.grant;
  }

  /** Revokes the grants of one account (as when its user removes the app's access), or of all. */
  revoke(user?: string): void {
    for (const grant of this.grants) if (user === undefined || grant.user === user) grant.revoked = true;
  }

  /** Every access token issued so far stops working now; refresh tokens are untouched. */
  expireAccessTokens(): void {
    const now = this.options.now();
    for (const entry of this.accessTokens.values()) entry.expiresAt = Math.min(entry.expiresAt, now);
  }

  private tokensFor(grant: SimGrant): TokenAnswer {
    const accessToken = token('at');
    const lifetime = this.options.accessTokenLifetimeSeconds;
    this.accessTokens.set(accessToken, { grant, expiresAt: this.options.now() + lifetime * 1000 });
    const offline = grant.scopes.includes('offline_access');
    const refreshToken = offline ? token('rt') : undefined;
    if (refreshToken) this.refreshTokens.set(refreshToken, { grant });
    return {
      access_token: accessToken,
      ...(refreshToken ? { refresh_token: refreshToken } : {}),
      expires_in: lifetime,
      scope: grant.scopes.join(' '),
      token_type: 'Bearer',
    };
  }
}

function invalidGrant(description: string): TokenOutcome {
  return { ok: false, status: 403, error: 'invalid_grant', description };
}

/** Opaque, unguessable, and recognisable in a log as the simulator's. */
function token(kind: string): string {
  return `sim-oauth-${kind}-${randomBytes(18).toString('base64url')}`;
}
