/**
 * SnapshotCache: snapshots kept per site (origin + context path) and account, reused while fresh (default 10 min).
 * A snapshot fetched for more needs answers fewer; a failed fetch is not cached (the last good one stays, for
 * `getOrStale`). Identical fetches running at the same time are shared.
 *
 * The account part of the key is a SHA-256 of the credentials' Authorization header: a changed token or password is
 * a new entry, and no secret is kept in the key.
 */
import { createHash } from 'node:crypto';
import type { PermissionSnapshot } from '../snapshot/types';
import { authorizationHeader, type JiraCredentials } from './credentials';
import { fetchSnapshot, type FetchSnapshotOptions } from './fetch-snapshot';
import { needsCover, normalizeNeeds, type NormalizedNeeds, type PermissionNeeds } from '../snapshot/needs';
import { normalizeSite, type JiraSite } from './site';

export interface SnapshotCacheOptions {
  /** How long a snapshot is fresh (default 10 min). */
  readonly ttlMs?: number;
  /** How long a stale snapshot may still be shown by `getOrStale` (default 24 h). */
  readonly maxStaleMs?: number;
  readonly now?: () => number;
  /** The fetch to use (default fetchSnapshot). */
  readonly fetch?: typeof fetchSnapshot;
}

export interface StaleResult {
  readonly snapshot: PermissionSnapshot;
  /** True when older than the lifetime; `refreshed` then settles with the new snapshot. */
  readonly stale: boolean;
  readonly refreshed?: Promise<PermissionSnapshot>;
}

interface Entry {
  readonly needs: NormalizedNeeds;
  readonly snapshot: PermissionSnapshot;
  readonly at: number;
}

export class SnapshotCache {
  private readonly entries = new Map<string, Entry[]>();
  private readonly inFlight = new Map<string, Promise<PermissionSnapshot>>();
  private readonly ttlMs: number;
  private readonly maxStaleMs: number;
  private readonly now: () => number;
  private readonly fetchImpl: typeof fetchSnapshot;

  constructor(options: SnapshotCacheOptions = {}) {
    this.ttlMs = options.ttlMs ?? 10 * 60_000;
    this.maxStaleMs = options.maxStaleMs ?? 24 * 60 * 60_000;
    this.now = options.now ?? Date.now;
    this.fetchImpl = options.fetch ?? fetchSnapshot;
  }

  /** A fresh snapshot covering `needs`: from the cache without any request, or fetched (and then cached). */
  async get(site: string | JiraSite, credentials: JiraCredentials, needs: PermissionNeeds, options: FetchSnapshotOptions = {}): Promise<PermissionSnapshot> {
    const { key, wanted, hit } = this.lookup(site, credentials, needs, options);
    if (hit && this.isFresh(hit)) return hit.snapshot;
    return this.refresh(key, site, credentials, needs, wanted, options);
  }

  /**
   * Stale-while-revalidate: a fresh snapshot as `get` would give; else a stale one at once (`stale: true`) while a
   * new one is fetched in the background (`refreshed`); with nothing cached at all, waits for the fetch.
   */
  async getOrStale(site: string | JiraSite, credentials: JiraCredentials, needs: PermissionNeeds, options: FetchSnapshotOptions = {}): Promise<StaleResult> {
    const { key, wanted, hit } = this.lookup(site, credentials, needs, options);
    if (hit && this.isFresh(hit)) return { snapshot: hit.snapshot, stale: false };
    const refreshed = this.refresh(key, site, credentials, needs, wanted, options);
    if (!hit || this.now() - hit.at > this.ttlMs + this.maxStaleMs) return { snapshot: await refreshed, stale: false };
    refreshed.catch(() => undefined); // the caller may ignore the background refresh; its failure is not unhandled
    return { snapshot: hit.snapshot, stale: true, refreshed };
  }

  /** Forgets every snapshot of a site (and account, when given), e.g. after a change of permissions or login. */
  invalidate(site?: string | JiraSite, credentials?: JiraCredentials, options: FetchSnapshotOptions = {}): void {
    if (site === undefined) {
      this.entries.clear();
      return;
    }
    const base = normalizeSite(site, options).baseUrl;
    for (const key of [...this.entries.keys()]) {
      if (credentials ? key === this.key(site, credentials, options) : key.startsWith(`${base}\n`)) this.entries.delete(key);
    }
  }

  /** The cache key of an account on a site, its needs, and the newest entry that covers them. */
  private lookup(site: string | JiraSite, credentials: JiraCredentials, needs: PermissionNeeds, options: FetchSnapshotOptions) {
    const key = this.key(site, credentials, options);
    const wanted = normalizeNeeds(needs);
    return { key, wanted, hit: this.find(key, wanted) };
  }

  private key(site: string | JiraSite, credentials: JiraCredentials, options: FetchSnapshotOptions): string {
    const base = normalizeSite(site, options).baseUrl;
    const account = createHash('sha256').update(authorizationHeader(credentials)).digest('hex').slice(0, 32);
    return `${base}\n${credentials.kind}:${account}`;
  }

  private isFresh(entry: Entry): boolean {
    return this.now() - entry.at < this.ttlMs;
  }

  /** The newest entry whose needs cover `wanted`. */
  private find(key: string, wanted: NormalizedNeeds): Entry | undefined {
    return (this.entries.get(key) ?? []).filter((e) => needsCover(e.needs, wanted)).sort((a, b) => b.at - a.at)[0];
  }

  private refresh(
    key: string,
    site: string | JiraSite,
    credentials: JiraCredentials,
    needs: PermissionNeeds,
    wanted: NormalizedNeeds,
    options: FetchSnapshotOptions,
  ): Promise<PermissionSnapshot> {
    const flightKey = `${key}\n${JSON.stringify([wanted.global, [...wanted.projects], [...wanted.securityLevelProjects], wanted.explain, [...wanted.issues], [...wanted.transitionIssues], [...wanted.boards]])}`;
    const running = this.inFlight.get(flightKey);
    if (running) return running;
    const started = this.now();
    const promise = this.fetchImpl(site, credentials, needs, options)
      .then((snapshot) => {
        this.store(key, { needs: wanted, snapshot, at: started });
        return snapshot;
      })
      .finally(() => this.inFlight.delete(flightKey));
    this.inFlight.set(flightKey, promise);
    return promise;
  }

  /** Keeps the new entry and drops those it makes redundant (covered by it and not newer). */
  private store(key: string, entry: Entry): void {
    const kept = (this.entries.get(key) ?? []).filter((e) => !(needsCover(entry.needs, e.needs) && e.at <= entry.at));
    kept.push(entry);
    this.entries.set(key, kept);
  }
}
