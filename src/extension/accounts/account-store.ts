import * as vscode from 'vscode';
import { normalizeSite, type JiraCredentials } from '../../core/jira';
import { matchSite, siteBase } from '../../core/snapshot';
import type { AuthType, Deployment, SnapshotAccount } from '../../core/snapshot';
import type { OAuthCredentialSource } from './oauth-accounts';

/** A linked Jira account's non-secret details, kept in global state. Its credentials live in SecretStorage. */
export interface LinkedAccount {
  /** The site's base URL (origin and context path), which its secret is bound to. */
  readonly site: string;
  readonly deployment: Deployment;
  readonly serverVersion: string;
  readonly authType: AuthType;
  readonly account: SnapshotAccount;
  readonly linkedAt: string;
  /** Linked through the environment (JIRA_SITE with JIRA_EMAIL + JIRA_API_TOKEN, …): nothing is stored for it. */
  readonly fromEnvironment?: boolean;
}

const STATE_KEY = 'jiraRecipeLint.accounts';
const secretKey = (site: string) => `jiraRecipeLint.credentials:${site}`;

/** Accounts for several sites at once; secrets only in SecretStorage, keyed by their site's base URL. */
export class AccountStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;
  private environment?: { account: LinkedAccount; credentials: JiraCredentials };

  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly state: vscode.Memento,
    /** OAuth 2.0 accounts keep their tokens per grant there, not per site here. */
    private readonly oauth?: OAuthCredentialSource,
  ) {
    // Another window may link or unlink an account: follow it.
    this.subscription = secrets.onDidChange((e) => {
      if (e.key.startsWith('jiraRecipeLint.credentials:')) this.changed.fire();
    });
  }

  list(): LinkedAccount[] {
    const stored = this.state.get<LinkedAccount[]>(STATE_KEY, []);
    const env = this.environment?.account;
    return env && !stored.some((a) => a.site === env.site) ? [...stored, env] : stored;
  }

  /** Adds the account that the environment names, for dev containers, CI machines and the demo. */
  useEnvironmentAccount(account: LinkedAccount, credentials: JiraCredentials): void {
    this.environment = { account: { ...account, fromEnvironment: true }, credentials };
    this.changed.fire();
  }

  get(site: string): LinkedAccount | undefined {
    const base = siteBase(site);
    return this.list().find((a) => a.site === base);
  }

  /** The account a recipe connection runs as: same base URL, else same origin; without a host, the only account. */
  forHost(host: string | undefined): LinkedAccount | undefined {
    return matchSite(host, this.list(), (a) => a.site);
  }

  async credentials(account: LinkedAccount): Promise<JiraCredentials | undefined> {
    if (account.fromEnvironment) return this.environment?.credentials;
    if (account.authType === 'oauth2' && this.oauth) return this.oauth.credentials(account.site);
    const stored = await this.secrets.get(secretKey(account.site));
    return stored ? (JSON.parse(stored) as JiraCredentials) : undefined;
  }

  /** Without credentials (OAuth 2.0: the tokens are the grant's), only the account's details are kept. */
  async link(account: LinkedAccount, credentials: JiraCredentials | undefined): Promise<void> {
    const site = normalizeSite(account.site, { allowInsecureHttp: true }).baseUrl;
    if (credentials) await this.secrets.store(secretKey(site), JSON.stringify(credentials));
    else await this.secrets.delete(secretKey(site));
    await this.state.update(STATE_KEY, [...this.list().filter((a) => a.site !== site), { ...account, site }]);
    this.changed.fire();
  }

  /** After Jira refused an OAuth 2.0 access token: refreshes it; false for any other account. */
  async renewCredentials(account: LinkedAccount): Promise<boolean> {
    return account.authType === 'oauth2' && !account.fromEnvironment && this.oauth ? this.oauth.renew(account.site) : false;
  }

  async unlink(site: string): Promise<void> {
    await this.secrets.delete(secretKey(site));
    await this.oauth?.forget(site);
    await this.state.update(
      STATE_KEY,
      this.list().filter((a) => a.site !== site),
    );
    this.changed.fire();
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
