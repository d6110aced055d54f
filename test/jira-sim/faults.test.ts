/** Every fault knob: rate limits, 5xx, slow answers, proxy HTML, broken JSON, dropped connections, redirects. */
import { strict as assert } from 'node:assert';
import { CLOUD, DC, call, useSim } from './helpers';
import { SCENARIOS, startJiraSim } from './index';
import { DEFAULT_REDIRECT } from './faults';

const MYSELF = '/rest/api/3/myself';

/** A `sleep` for the simulator that the test ends: `next()` gives the next wait asked for, with `end()` to end it. */
function heldSleeps(): {
  sleep: (ms: number) => Promise<void>;
  next(): Promise<{ ms: number; end: () => void }>;
  pending(): number;
} {
  const asked: { ms: number; end: () => void }[] = [];
  const takers: ((wait: { ms: number; end: () => void }) => void)[] = [];
  return {
    sleep: (ms) =>
      new Promise<void>((end) => {
        const wait = { ms, end: () => end() };
        const taker = takers.shift();
        if (taker) taker(wait);
        else asked.push(wait);
      }),
    next: () => {
      const wait = asked.shift();
      return wait ? Promise.resolve(wait) : new Promise((resolve) => takers.push(resolve));
    },
    pending: () => asked.length,
  };
}

describe('faults', () => {
  describe('Cloud', () => {
    const s = useSim(SCENARIOS.demo);
    afterEach(() => s.sim.setFaults([]));

    it('status429: Retry-After and the X-RateLimit headers, for `times` requests', async () => {
      s.sim.setFaults([{ path: MYSELF, kind: 'status429', retryAfterSeconds: 7, times: 2 }]);
      for (let i = 0; i < 2; i++) {
        const limited = await call(s.sim, MYSELF, { auth: CLOUD.jan });
        assert.equal(limited.status, 429);
        assert.equal(limited.headers.get('retry-after'), '7');
        assert.equal(limited.headers.get('x-ratelimit-remaining'), '0');
        assert.ok(limited.headers.get('x-ratelimit-limit'));
        assert.ok(!Number.isNaN(Date.parse(limited.headers.get('x-ratelimit-reset') ?? '')));
      }
      assert.equal((await call(s.sim, MYSELF, { auth: CLOUD.jan })).status, 200, 'the third request passes');
    });

    it('status500 and status503 (with Retry-After when given)', async () => {
      s.sim.setFaults([
        { path: MYSELF, kind: 'status500', times: 1 },
        { path: MYSELF, kind: 'status503', retryAfterSeconds: 3 },
      ]);
      const error = await call(s.sim, MYSELF, { auth: CLOUD.jan });
      assert.deepEqual([error.status, error.body.errorMessages.length], [500, 1]);
      const unavailable = await call(s.sim, MYSELF, { auth: CLOUD.jan });
      assert.deepEqual([unavailable.status, unavailable.headers.get('retry-after')], [503, '3']);
    });

    it('slow: answers normally after delayMs; delayMs also delays other kinds', async () => {
      // The simulator's waits, ended by this test: what delay was asked for, and that nothing was answered meanwhile.
      const waits = heldSleeps();
      const sim = await startJiraSim({ scenario: SCENARIOS.demo, sleep: waits.sleep });
      try {
        sim.setFaults([
          { path: MYSELF, kind: 'slow', delayMs: 300, times: 1 },
          { path: MYSELF, kind: 'status500', delayMs: 150, times: 1 },
        ]);
        const slow = call(sim, MYSELF, { auth: CLOUD.jan });
        const first = await waits.next();
        assert.equal(first.ms, 300);
        assert.deepEqual(
          sim.requests.map((r) => r.status),
          [0],
          'received, and not answered while it waits',
        );
        first.end();
        assert.equal((await slow).status, 200);

        const failing = call(sim, MYSELF, { auth: CLOUD.jan });
        const second = await waits.next();
        assert.equal(second.ms, 150);
        assert.deepEqual(
          sim.requests.map((r) => r.status),
          [200, 0],
        );
        second.end();
        assert.equal((await failing).status, 500);
        assert.equal(waits.pending(), 0, 'no other request waited');
      } finally {
        await sim.close();
      }
    });

    it('html: a proxy error page (502, text/html)', async () => {
      s.sim.setFaults([{ kind: 'html' }]);
      const answer = await call(s.sim, '/rest/api/3/serverInfo');
      assert.equal(answer.status, 502);
      assert.match(answer.headers.get('content-type') ?? '', /^text\/html/);
      assert.match(answer.text, /<html>[\s\S]*Bad Gateway/);
    });

    it('brokenJson: 200 with a JSON content type and a truncated body', async () => {
      s.sim.setFaults([{ path: /mypermissions/, kind: 'brokenJson' }]);
      const answer = await call(s.sim, '/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS', { auth: CLOUD.jan });
      assert.equal(answer.status, 200);
      assert.match(answer.headers.get('content-type') ?? '', /^application\/json/);
      assert.throws(() => JSON.parse(answer.text));
      assert.ok(answer.text.startsWith('{"permissions":'));
    });

    it('drop: the connection is destroyed without an answer', async () => {
      s.sim.setFaults([{ path: MYSELF, kind: 'drop', times: 1 }]);
      await assert.rejects(call(s.sim, MYSELF, { auth: CLOUD.jan }), /fetch failed/);
      assert.equal(s.sim.requests.at(-1)?.status, 0);
      assert.equal((await call(s.sim, MYSELF, { auth: CLOUD.jan })).status, 200);
    });

    it('redirect: 302 to another origin (a login page by default)', async () => {
      s.sim.setFaults([
        { path: MYSELF, kind: 'redirect', times: 1 },
        { path: MYSELF, kind: 'redirect', location: 'https://elsewhere.example/x' },
      ]);
      const first = await call(s.sim, MYSELF, { auth: CLOUD.jan });
      assert.deepEqual([first.status, first.headers.get('location')], [302, DEFAULT_REDIRECT]);
      const second = await call(s.sim, MYSELF, { auth: CLOUD.jan });
      assert.equal(second.headers.get('location'), 'https://elsewhere.example/x');
    });

    it('matches by exact path, RegExp and method; the first matching rule with uses left applies; [] clears', async () => {
      s.sim.setFaults([
        { path: '/rest/api/3/permissions/check', method: 'GET', kind: 'status500' },
        { path: /^\/rest\/api\/\d\/project/, kind: 'status503' },
        { path: '/rest/api/3/myself?expand=groups', kind: 'status500' },
      ]);
      assert.equal((await call(s.sim, '/rest/api/3/permissions/check', { auth: CLOUD.jan, body: {} })).status, 200, 'POST');
      assert.equal((await call(s.sim, '/rest/api/2/project/ENG', { auth: CLOUD.jan })).status, 503);
      assert.equal((await call(s.sim, '/rest/api/3/myself?expand=groups', { auth: CLOUD.jan })).status, 200, 'paths have no query');
      s.sim.setFaults([]);
      assert.equal((await call(s.sim, '/rest/api/2/project/ENG', { auth: CLOUD.jan })).status, 200);
    });

    it('rejects malformed rules', () => {
      assert.throws(() => s.sim.setFaults([{ kind: 'explode' as 'drop' }]), /kind must be one of/);
      assert.throws(() => s.sim.setFaults([{ kind: 'slow', delayMs: -1 }]), /delayMs/);
    });

    it('counts every faulted request', async () => {
      s.sim.resetRequests();
      s.sim.setFaults([
        { kind: 'status429', times: 1 },
        { kind: 'html', times: 1 },
      ]);
      await call(s.sim, MYSELF, { auth: CLOUD.jan });
      await call(s.sim, MYSELF, { auth: CLOUD.jan });
      await call(s.sim, MYSELF, { auth: CLOUD.jan });
      assert.deepEqual(
        s.sim.requests.map((r) => r.status),
        [429, 502, 200],
      );
    });
  });

  describe('Data Center', () => {
    const s = useSim(SCENARIOS.demoDc);
    afterEach(() => s.sim.setFaults([]));

    it('status429 sends the token-bucket headers; paths are matched without the context path', async () => {
      s.sim.setFaults([{ path: '/rest/api/2/serverInfo', kind: 'status429', retryAfterSeconds: 0 }]);
      const answer = await call(s.sim, '/rest/api/2/serverInfo', { auth: DC.jan });
      assert.equal(answer.status, 429);
      assert.equal(answer.headers.get('retry-after'), '0');
      assert.ok(answer.headers.get('x-ratelimit-fillrate') && answer.headers.get('x-ratelimit-interval-seconds'));
      assert.equal(answer.headers.get('x-ratelimit-reset'), null);
    });

    it('is set over HTTP too: PUT /__sim/faults with path as a regex source; GET shows uses left', async () => {
      const put = await fetch(`${s.sim.url}/__sim/faults`, {
        method: 'PUT',
        body: JSON.stringify([{ path: '^/rest/api/2/my', kind: 'status500', times: 2 }]),
      });
      assert.equal(put.status, 204);
      assert.equal((await call(s.sim, '/rest/api/2/myself', { auth: DC.jan })).status, 500);
      assert.equal((await call(s.sim, '/rest/api/2/mypermissions', { auth: DC.jan })).status, 500);
      assert.equal((await call(s.sim, '/rest/api/2/myself', { auth: DC.jan })).status, 200);
      const listed = await (await fetch(`${s.sim.url}/__sim/faults`)).json();
      assert.deepEqual(listed, [{ path: new RegExp('^/rest/api/2/my').source, kind: 'status500', times: 2, remaining: 0 }]);
      const bad = await fetch(`${s.sim.url}/__sim/faults`, {
        method: 'PUT',
        body: '[{"kind":"status500","path":"("}]',
      });
      assert.equal(bad.status, 400);
      const cleared = await fetch(`${s.sim.url}/__sim/faults`, { method: 'PUT', body: '[]' });
      assert.equal(cleared.status, 204);
      assert.equal((await call(s.sim, '/rest/api/2/mypermissions', { auth: DC.jan })).status, 200);
    });
  });
});
