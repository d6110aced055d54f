import assert from 'node:assert/strict';
import { createLimiter } from '../../src/core/jira/limiter';

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('jira limiter', () => {
  it('runs at most max tasks at once, in order', async () => {
    const limiter = createLimiter(2);
    let running = 0;
    let peak = 0;
    const order: number[] = [];
    const releases: Array<() => void> = [];
    const tasks = [0, 1, 2, 3, 4].map((i) =>
      limiter.run(async () => {
        running++;
        peak = Math.max(peak, running);
        order.push(i);
        await new Promise<void>((resolve) => releases.push(resolve));
        running--;
        return i;
      }),
    );
    await tick();
    assert.equal(limiter.active, 2);
    assert.equal(limiter.pending, 3);
    while (releases.length) {
      releases.shift()!();
      await tick();
      await tick();
    }
    assert.deepEqual(await Promise.all(tasks), [0, 1, 2, 3, 4]);
    assert.equal(peak, 2);
    assert.deepEqual(order, [0, 1, 2, 3, 4]);
    assert.equal(limiter.active, 0);
  });

  it('frees the slot when a task fails or throws synchronously', async () => {
    const limiter = createLimiter(1);
    await assert.rejects(
      limiter.run(() => Promise.reject(new Error('boom'))),
      /boom/,
    );
    await assert.rejects(
      limiter.run(() => {
        throw new Error('sync');
      }),
      /sync/,
    );
    assert.equal(await limiter.run(async () => 'ok'), 'ok');
  });

  it('drops a queued task whose signal aborts, without running it', async () => {
    const limiter = createLimiter(1);
    let release!: () => void;
    const first = limiter.run(() => new Promise<void>((resolve) => (release = resolve)));
    const controller = new AbortController();
    let ran = false;
    const queued = limiter.run(async () => {
      ran = true;
    }, controller.signal);
    await tick();
    assert.equal(limiter.pending, 1);
    controller.abort();
    await assert.rejects(queued, { name: 'AbortError' });
    assert.equal(limiter.pending, 0);
    release();
    await first;
    assert.equal(ran, false);
    await assert.rejects(
      limiter.run(async () => 1, controller.signal),
      { name: 'AbortError' },
    );
  });

  it('refuses a bound that is not a positive integer', () => {
    assert.throws(() => createLimiter(0), RangeError);
    assert.throws(() => createLimiter(1.5), RangeError);
  });
});
