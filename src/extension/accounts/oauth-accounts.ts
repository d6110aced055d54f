/**
 * The OAuth 2.0 side of linked accounts. A grant (one consent) holds the tokens, in SecretStorage, and may serve
 * several sites; each linked site records which grant, cloud id and origins it uses (not secret, in global state).
 * Access tokens are refreshed silently before they expire; rotated refresh tokens are saved before they are used.
 */
import { randomUUID } from 'node:crypto';
import type * as vscode from 'vscode';
import type { JiraCredentials } from '../../core/jira';
import { OAuthGrantError, OAuthSession, siteCredentials, type GrantStore, type OAuthOrigins, type TokenSet } from '../../core/jira/oauth';

/** How an OAuth 2.0 site reaches Jira: its grant, cloud id, and the origins and client the grant belongs to. */
export interface OAuthLink {
  readonly grantId: string;
  readonly cloudId: string;
  readonly clientId: string;
  readonly origins: OAuthOrigins;
}

/** What AccountStore asks of OAuth 2.0 accounts. */
export interface OAuthCredentialSource {
  /** Credentials with a valid access token for the site; undefined when it has no OAuth 2.0 link. */
  credentials(site: string): Promise<JiraCredentials | undefined>;
  /** After Jira refused a token it should have taken: refreshes it; false when there is nothing to refresh. */
  renew(site: string): Promise<boolean>;
  /** Forgets the site's link, and the grant's tokens when no other linked site uses them. */
  forget(site: string): Promise<void>;
}

const LINKS_KEY = 'jiraRecipeLint.oauth.links';
const grantKey = (grantId: string) => `jiraRecipeLint.oauth.grant:${grantId}`;
export const clientSecretKey = (clientId: string) => `jiraRecipeLint.oauth.clientSecret:${clientId}`;

export class OAuthAccounts implements OAuthCredentialSource {
  private readonly sessions = new Map<string, OAuthSession>();

  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly state: vscode.Memento,
  ) {}

  link(site: string): OAuthLink | undefined {
    return this.links()[site];
  }

  /** Keeps a new grant's tokens, under a new grant id. */
  async saveGrant(tokens: TokenSet): Promise<string> {
    const grantId = randomUUID();
    await this.secrets.store(grantKey(grantId), JSON.stringify(tokens));
    return grantId;
  }

  /** Points a site at a grant; the grant it used before is forgotten when no site uses it any more. */
  async saveLink(site: string, link: OAuthLink): Promise<void> {
    const before = this.link(site);
    await this.state.update(LINKS_KEY, { ...this.links(), [site]: link });
    if (before && before.grantId !== link.grantId) await this.dropUnusedGrant(before.grantId);
  }

  async clientSecret(clientId: string): Promise<string | undefined> {
    return this.secrets.get(clientSecretKey(clientId));
  }

  async storeClientSecret(clientId: string, secret: string): Promise<void> {
    await this.secrets.store(clientSecretKey(clientId), secret);
  }

  async credentials(site: string): Promise<JiraCredentials | undefined> {
    const link = this.link(site);
    if (!link) return undefined;
    const tokens = await (await this.session(link)).tokens();
    return this.credentialsOf(link, tokens);
  }

  async renew(site: string): Promise<boolean> {
    const link = this.link(site);
    if (!link) return false;
    const session = await this.session(link);
    const stored = await this.load(link.grantId);
    if (!stored?.refreshToken) return false;
    await session.refresh(stored);
    return true;
  }

  async forget(site: string): Promise<void> {
    const link = this.link(site);
    if (!link) return;
    const { [site]: _gone, ...rest } = this.links();
    await this.state.update(LINKS_KEY, rest);
    await this.dropUnusedGrant(link.grantId);
  }

  private credentialsOf(link: OAuthLink, tokens: TokenSet): JiraCredentials {
    // The scopes granted (offline_access is about the grant, not a site), as accessible-resources lists them.
    const scopes = tokens.scopes.filter((s) => s !== 'offline_access');
    return siteCredentials(tokens.accessToken, { id: link.cloudId, name: '', url: '', scopes }, link.origins.apiUrl);
  }

  private async session(link: OAuthLink): Promise<OAuthSession> {
    const known = this.sessions.get(link.grantId);
    if (known) return known;
    const clientSecret = await this.clientSecret(link.clientId);
    if (!clientSecret) throw new OAuthGrantError('The OAuth 2.0 client secret is no longer stored; link the account again.');
    const store: GrantStore = {
      load: () => this.load(link.grantId),
      save: async (tokens) => {
        await this.secrets.store(grantKey(link.grantId), JSON.stringify(tokens));
      },
    };
    const session = new OAuthSession({ clientId: link.clientId, clientSecret, authUrl: link.origins.authUrl }, store);
    this.sessions.set(link.grantId, session);
    return session;
  }

  private async load(grantId: string): Promise<TokenSet | undefined> {
    const stored = await this.secrets.get(grantKey(grantId));
    return stored ? (JSON.parse(stored) as TokenSet) : undefined;
  }

  private async dropUnusedGrant(grantId: string): Promise<void> {
    if (Object.values(this.links()).some((l) => l.grantId === grantId)) return;
    this.sessions.delete(grantId);
    await this.secrets.delete(grantKey(grantId));
  }

  private links(): Record<string, OAuthLink> {
    return this.state.get<Record<string, OAuthLink>>(LINKS_KEY, {});
  }
}
