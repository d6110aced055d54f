import assert from 'node:assert/strict';
import { SnapshotCache } from '../../src/core/jira/cache';
import type { JiraCredentials } from '../../src/core/jira/credentials';
import type { fetchSnapshot } from '../../src/core/jira/fetch-snapshot';
import type { PermissionSnapshot } from '../../src/core/snapshot/types';

/** Unit tests with a counting fetch; the cache over real HTTP is in snapshot-sim.test.ts. */
describe('jira snapshot cache', () => {
  const site = 'https://acme.atlassian.net/';
  const jan: JiraCredentials = { kind: 'api_token', email: 'jan@acme.example', token: 'sim-token-jan' };
  const needs = { global: ['ADMINISTER'], projects: { ENG: ['ADD_COMMENTS', 'CLOSE_ISSUES'] } };

  function counting(fail = false) {
    const calls: unknown[] = [];
    let n = 0;
    const fetch: typeof fetchSnapshot = async (s, c, need) => {
      calls.push(need);
      if (fail) throw new Error('down');
      return {
        version: 1,
        site: String(s),
        deployment: 'cloud',
        account: { id: 'a' },
        authType: 'api_token',
        fetchedAt: `t${++n}`,
      } satisfies PermissionSnapshot;
    };
    return { calls, fetch };
  }

  it('answers from the cache within its lifetime, for the same or fewer needs', async () => {
    let now = 0;
    const { calls, fetch } = counting();
    const cache = new SnapshotCache({ fetch, now: () => now, ttlMs: 1000 });
    const first = await cache.get(site, jan, needs);
    now = 999;
    assert.equal(await cache.get('https://acme.atlassian.net', jan, needs), first);
    assert.equal(await cache.get(site, jan, { global: [], projects: { ENG: ['COMMENT_ISSUE'] } }), first);
    assert.equal(calls.length, 1);
    now = 1000;
    assert.notEqual(await cache.get(site, jan, needs), first);
    assert.equal(calls.length, 2);
  });

  it('fetches again for more needs, another account, another token or another site', async () => {
    const { calls, fetch } = counting();
    const cache = new SnapshotCache({ fetch });
    await cache.get(site, jan, needs);
    await cache.get(site, jan, { global: [], projects: { OPS: [] } });
    await cache.get(site, { ...jan, token: 'rotated' }, needs);
    await cache.get(site, { kind: 'api_token', email: 'alana@acme.example', token: 'sim-token-alana' }, needs);
    await cache.get('https://other.atlassian.net', jan, needs);
    assert.equal(calls.length, 5);
  });

  it('does not cache a failed fetch, and shares a fetch already running', async () => {
    const failing = counting(true);
    const cache = new SnapshotCache({ fetch: failing.fetch });
    await assert.rejects(cache.get(site, jan, needs), /down/);
    await assert.rejects(cache.get(site, jan, needs), /down/);
    assert.equal(failing.calls.length, 2);

    const ok = counting();
    const shared = new SnapshotCache({ fetch: ok.fetch });
    const [a, b] = await Promise.all([shared.get(site, jan, needs), shared.get(site, jan, needs)]);
    assert.equal(a, b);
    assert.equal(ok.calls.length, 1);
  });

  it('serves a stale snapshot at once and refreshes it in the background', async () => {
    let now = 0;
    const { calls, fetch } = counting();
    const cache = new SnapshotCache({ fetch, now: () => now, ttlMs: 1000 });
    const cold = await cache.getOrStale(site, jan, needs);
    assert.equal(cold.stale, false);
    assert.equal((await cache.getOrStale(site, jan, needs)).snapshot, cold.snapshot);
    now = 5000;
    const stale = await cache.getOrStale(site, jan, needs);
    assert.equal(stale.stale, true);
    assert.equal(stale.snapshot, cold.snapshot);
    const fresh = await stale.refreshed!;
    assert.notEqual(fresh, cold.snapshot);
    assert.equal((await cache.getOrStale(site, jan, needs)).snapshot, fresh);
    assert.equal(calls.length, 2);
  });

  it('keeps the stale snapshot when the background refresh fails', async () => {
    let now = 0;
    let fail = false;
    const ok = counting();
    const fetch: typeof fetchSnapshot = (...args) => (fail ? Promise.reject(new Error('down')) : ok.fetch(...args));
    const cache = new SnapshotCache({ fetch, now: () => now, ttlMs: 1000 });
    const first = await cache.get(site, jan, needs);
    now = 2000;
    fail = true;
    const stale = await cache.getOrStale(site, jan, needs);
    await assert.rejects(stale.refreshed!, /down/);
    const again = await cache.getOrStale(site, jan, needs);
    assert.equal(again.snapshot, first);
    assert.equal(again.stale, true);
    again.refreshed!.catch(() => undefined);
  });

  it('forgets a site on invalidate', async () => {
    const { calls, fetch } = counting();
    const cache = new SnapshotCache({ fetch });
    await cache.get(site, jan, needs);
    cache.invalidate(site);
    await cache.get(site, jan, needs);
    assert.equal(calls.length, 2);
  });
});
