import { strict as assert } from 'node:assert';
import { timeAgo } from '../../src/core/text/ago';

describe('timeAgo', () => {
  const now = Date.parse('2026-11-24T23:31:11.491Z');
  it('says how long ago, in words short enough for a hover', () => {
    assert.equal(timeAgo('2026-11-24T23:31:00Z', now), 'just now');
    assert.equal(timeAgo('2026-11-24T23:28:05Z', now), '3 min ago');
    assert.equal(timeAgo('2026-11-24T21:00:00Z', now), '2 h ago');
    assert.equal(timeAgo('2026-11-20T23:00:00Z', now), '4 days ago');
  });
  it('reads a time in the future as just now, and gives back what is no time', () => {
    assert.equal(timeAgo('2026-11-25T00:00:00Z', now), 'just now');
    assert.equal(timeAgo('yesterday', now), 'yesterday');
  });
});
