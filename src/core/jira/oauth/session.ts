/**
 * One OAuth 2.0 grant over time: hands out a valid access token, refreshing it shortly before it expires. Refresh
 * tokens rotate, so each refresh saves the new pair before anyone uses it, and concurrent callers share one refresh
 * (two refreshes with the same token would make the second one a reuse). Storage is the caller's (SecretStorage).
 */
import { OAuthGrantError, refreshTokens, type OAuthClient, type TokenOptions, type TokenSet } from './tokens';

export interface GrantStore {
  load(): Promise<TokenSet | undefined>;
  save(tokens: TokenSet): Promise<void>;
}

export interface SessionOptions extends TokenOptions {
  /** Refresh this long before the access token expires (default 60 s): clocks differ, requests take time. */
  readonly marginMs?: number;
}

export class OAuthSession {
  private refreshing: Promise<TokenSet> | undefined;

  constructor(
    private readonly client: OAuthClient,
    private readonly store: GrantStore,
    private readonly options: SessionOptions = {},
  ) {}

  /** The stored tokens while the access token is good for longer than the margin; refreshed ones otherwise. */
  async tokens(): Promise<TokenSet> {
    const stored = await this.store.load();
    if (!stored) throw new OAuthGrantError('No OAuth 2.0 tokens are stored for this account; link it again.');
    const now = this.options.now?.() ?? Date.now();
    if (stored.expiresAt - (this.options.marginMs ?? 60_000) > now) return stored;
    return this.refresh(stored);
  }

  /**
   * Refreshes now, e.g. after Jira refused an access token it should still have taken. `seen` is the token set the
   * caller found wanting: when the store already holds a newer one, that one is the answer, with no new refresh.
   */
  async refresh(seen?: TokenSet): Promise<TokenSet> {
    this.refreshing ??= this.doRefresh(seen).finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  private async doRefresh(seen: TokenSet | undefined): Promise<TokenSet> {
    const stored = await this.store.load();
    if (!stored) throw new OAuthGrantError('No OAuth 2.0 tokens are stored for this account; link it again.');
    if (seen && stored.accessToken !== seen.accessToken) return stored;
    if (!stored.refreshToken) {
      throw new OAuthGrantError('The OAuth 2.0 access token expired and the grant has no refresh token (offline_access); link the account again.');
    }
    const next = await refreshTokens(this.client, stored.refreshToken, this.options);
    // Without a new refresh token (Atlassian always sends one), the old one stays the one to use.
    const tokens = next.refreshToken ? next : { ...next, refreshToken: stored.refreshToken };
    await this.store.save(tokens);
    return tokens;
  }
}
