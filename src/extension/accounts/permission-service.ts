import * as vscode from 'vscode';
import {
  isAbortError,
  JiraAuthError,
  JiraUnavailableError,
  JiraUnsupportedVersionError,
  listProjects,
  mergeNeeds,
  SnapshotCache,
  type FetchSnapshotOptions,
  type PermissionNeeds,
  type ProjectRef,
} from '../../core/jira';
import type { PermissionSnapshot } from '../../core/snapshot';
import { clientOptions, readSettings } from '../settings';
import type { AccountStore, LinkedAccount } from './account-store';
import { accountName } from '../../core/snapshot';
import { errorMessage } from '../../core/text/error-message';

/** What the status bar shows for an account. */
export type AccountState = 'checking' | 'ok' | 'offline' | 'auth-failed' | 'unsupported';

/**
 * The permissions of linked accounts, fetched with the core client. Stale-while-revalidate: checks use the last
 * snapshot at once while a newer one is fetched in the background; when it lands, listeners re-check. A failed
 * fetch never produces "missing": the state says offline or auth-failed and the findings stay unverified.
 */
export class PermissionService implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private cache = new SnapshotCache({ ttlMs: readSettings().cacheLifetimeMs });
  private readonly latest = new Map<string, PermissionSnapshot>();
  private readonly states = new Map<string, { state: AccountState; detail?: string }>();
  private readonly warned = new Set<string>();
  private readonly projectLists = new Map<string, ProjectRef[] | 'loading'>();

  constructor(
    private readonly accounts: AccountStore,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** The snapshots checks use now: the newest one of each linked account. */
  snapshots(): PermissionSnapshot[] {
    return this.accounts.list().flatMap((a) => this.latest.get(a.site) ?? []);
  }

  snapshotOf(site: string): PermissionSnapshot | undefined {
    return this.latest.get(site);
  }

  state(site: string): { state: AccountState; detail?: string } | undefined {
    return this.states.get(site);
  }

  /**
   * Makes sure each account's snapshot covers what the open recipes need, fetching in the background when it
   * doesn't or has gone stale. Only sites the user linked are contacted: needs for other hosts are ignored.
   */
  request(needsByHost: ReadonlyMap<string, PermissionNeeds>): void {
    for (const [account, needs] of this.byAccount(needsByHost)) {
      void this.update(account, needs, false).catch(() => undefined);
    }
  }

  /** Fetches now (fresh from the cache, or from Jira), for a full check or a refresh; throws what the fetch threw. */
  async fetch(account: LinkedAccount, needs: PermissionNeeds, options: { signal?: AbortSignal; force?: boolean } = {}): Promise<PermissionSnapshot> {
    return this.update(account, needs, options.force ?? false, options.signal);
  }

  /** Projects the linked accounts can see, for completions; listed once per account, in the background. */
  projectChoices(): { key: string; name?: string }[] {
    const choices = new Map<string, { key: string; name?: string }>();
    for (const account of this.accounts.list()) {
      const list = this.projectLists.get(account.site);
      if (list === undefined) this.loadProjects(account);
      if (Array.isArray(list)) for (const p of list) choices.set(p.key, { key: p.key, name: p.name });
      for (const [key, p] of Object.entries(this.latest.get(account.site)?.projects ?? {}))
        if (p.visible && !choices.has(key)) choices.set(key, { key, name: p.name });
    }
    return [...choices.values()].sort((a, b) => a.key.localeCompare(b.key));
  }

  private loadProjects(account: LinkedAccount): void {
    this.projectLists.set(account.site, 'loading');
    void this.accounts
      .credentials(account)
      .then(async (credentials) => {
        if (!credentials) return this.projectLists.delete(account.site);
        const list = await listProjects(account.site, credentials, clientOptions(this.log));
        this.projectLists.set(account.site, list);
      })
      .catch((e: Error) => {
        this.log.warn(`Projects of ${account.site} could not be listed: ${e.message}`);
        this.projectLists.delete(account.site);
      });
  }

  /** Groups needs by the linked account each host runs as. */
  byAccount(needsByHost: ReadonlyMap<string, PermissionNeeds>): Map<LinkedAccount, PermissionNeeds> {
    const result = new Map<LinkedAccount, PermissionNeeds>();
    for (const [host, needs] of needsByHost) {
      const account = this.accounts.forHost(host || undefined);
      if (!account) continue;
      const had = result.get(account);
      result.set(account, had ? mergeNeeds(had, needs) : needs);
    }
    return result;
  }

  /** Drops cached permissions (of one site, or all), e.g. on Refresh or after linking. */
  forget(site?: string): void {
    if (site) {
      this.projectLists.delete(site);
      this.latest.delete(site);
      this.states.delete(site);
      this.warned.delete(site);
      this.cache.invalidate(site, undefined, { allowInsecureHttp: true });
    } else {
      this.projectLists.clear();
      this.latest.clear();
      this.states.clear();
      this.warned.clear();
      this.cache = new SnapshotCache({ ttlMs: readSettings().cacheLifetimeMs });
    }
    this.changed.fire();
  }

  private async update(account: LinkedAccount, needs: PermissionNeeds, force: boolean, signal?: AbortSignal, renewed = false): Promise<PermissionSnapshot> {
    // OAuth 2.0 accounts refresh their token here, which fails like a login when the grant was revoked.
    const credentials = await this.accounts.credentials(account).catch((e: unknown) => {
      this.failed(account, e);
      throw e;
    });
    if (!credentials) {
      this.setState(account, 'auth-failed', 'No stored credentials: link the account again.');
      throw new JiraAuthError(`No stored credentials for ${account.site}: link the account again.`);
    }
    const options: FetchSnapshotOptions = { ...clientOptions(this.log), signal };
    if (force) this.cache.invalidate(account.site, credentials, options);
    if (!this.latest.has(account.site)) this.setState(account, 'checking');
    try {
      const result = await this.cache.getOrStale(account.site, credentials, needs, options);
      this.accept(account, result.snapshot);
      if (result.stale && result.refreshed) {
        this.setState(account, 'checking');
        result.refreshed.then(
          (s) => this.accept(account, s),
          (e) => this.failed(account, e),
        );
      }
      return result.snapshot;
    } catch (e) {
      // An OAuth 2.0 access token refused before its time: refreshed once, silently, and asked again.
      if (!renewed && e instanceof JiraAuthError && e.status === 401) {
        const renewal = await this.accounts.renewCredentials(account).catch((r: unknown) => {
          this.failed(account, r);
          throw r;
        });
        if (renewal) return this.update(account, needs, true, signal, true);
      }
      this.failed(account, e);
      throw e;
    }
  }

  private accept(account: LinkedAccount, snapshot: PermissionSnapshot): void {
    const before = this.latest.get(account.site);
    this.latest.set(account.site, snapshot);
    this.setState(account, 'ok');
    if (before !== snapshot) {
      this.log.info(`Permissions of ${accountName(snapshot.account)} on ${snapshot.site} fetched (${Object.keys(snapshot.projects ?? {}).length} projects).`);
      this.changed.fire();
    }
  }

  private failed(account: LinkedAccount, error: unknown): void {
    if (isAbortError(error)) return;
    const message = errorMessage(error);
    this.log.warn(`Permissions of ${account.site} could not be fetched: ${message}`);
    if (error instanceof JiraAuthError) {
      this.setState(account, 'auth-failed', message);
      if (!this.warned.has(account.site)) {
        this.warned.add(account.site);
        void vscode.window.showWarningMessage(`Jira rejected the login for ${account.site}: ${message}`, 'Link Again').then((choice) => {
          if (choice) void vscode.commands.executeCommand('jiraRecipeLint.linkAccount', { site: account.site });
        });
      }
    } else if (error instanceof JiraUnsupportedVersionError) {
      this.setState(account, 'unsupported', message);
    } else {
      this.setState(account, 'offline', error instanceof JiraUnavailableError ? message : `Unexpected: ${message}`);
    }
  }

  private setState(account: LinkedAccount, state: AccountState, detail?: string): void {
    const before = this.states.get(account.site);
    if (before?.state === state && before.detail === detail) return;
    this.states.set(account.site, { state, detail });
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}
