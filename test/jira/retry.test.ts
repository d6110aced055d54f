import assert from 'node:assert/strict';
import { parseRetryAfter, retryDelay, sleep } from '../../src/core/jira/retry';

describe('jira retry timing', () => {
  const now = Date.parse('2025-06-01T12:00:00Z');

  it('parses Retry-After in seconds, including Data Center’s 0', () => {
    assert.equal(parseRetryAfter('120', now), 120_000);
    assert.equal(parseRetryAfter(' 0 ', now), 0);
  });

  it('parses Retry-After as an HTTP date, a past date being 0', () => {
    assert.equal(parseRetryAfter('Sun, 01 Jun 2025 12:00:05 GMT', now), 5000);
    assert.equal(parseRetryAfter('Sun, 01 Jun 2025 11:00:00 GMT', now), 0);
  });

  it('ignores absent or unreadable values', () => {
    for (const v of [undefined, null, '', '1.5', '-3', '10s', 'soon']) assert.equal(parseRetryAfter(v, now), undefined, String(v));
  });

  it('waits what the server says, capped', () => {
    assert.equal(retryDelay(1, 2000, { maxDelayMs: 30_000 }), 2000);
    assert.equal(retryDelay(1, 0), 0);
    assert.equal(retryDelay(1, 3_600_000), 30_000);
    assert.equal(retryDelay(1, 3_600_000, { maxDelayMs: 50 }), 50);
  });

  it('backs off exponentially with jitter when the server says nothing', () => {
    const mid = (): number => 0.5; // no jitter
    assert.equal(retryDelay(1, undefined, { baseDelayMs: 100 }, mid), 100);
    assert.equal(retryDelay(3, undefined, { baseDelayMs: 100 }, mid), 400);
    assert.equal(retryDelay(10, undefined, { baseDelayMs: 100, maxDelayMs: 1000 }, mid), 1000);
    assert.equal(
      retryDelay(1, undefined, { baseDelayMs: 100 }, () => 0),
      80,
    );
    assert.equal(
      retryDelay(1, undefined, { baseDelayMs: 100 }, () => 1),
      120,
    );
  });

  it('sleeps, and stops sleeping when aborted', async () => {
    await sleep(1);
    const controller = new AbortController();
    const waiting = sleep(60_000, controller.signal);
    controller.abort();
    await assert.rejects(waiting, { name: 'AbortError' });
  });
});
