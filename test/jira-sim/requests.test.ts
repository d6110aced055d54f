/** The request counter, the HTTP control surface, fallbacks for unknown resources, and closing. */
import { strict as assert } from 'node:assert';
import { CLOUD, DC, call, useSim } from './helpers';
import { SCENARIOS, startJiraSim } from './index';

describe('requests and control', () => {
  describe('request counter (Data Center at /jira)', () => {
    const s = useSim(SCENARIOS.demoDc);
    beforeEach(() => s.sim.resetRequests());

    it('records method, path without the context path, query, authorization, status and who', async () => {
      await call(s.sim, '/rest/api/2/mypermissions?projectKey=ENG&permissions=A&permissions=B', { auth: DC.jan });
      await call(s.sim, '/rest/api/2/myself');
      await call(s.sim, '/rest/api/2/serverInfo', { auth: DC.wrongPassword });
      assert.deepEqual(s.sim.requests, [
        {
          method: 'GET',
          path: '/rest/api/2/mypermissions',
          query: { projectKey: 'ENG', permissions: 'A,B' },
          hadAuthorization: true,
          status: 200,
          url: '/jira/rest/api/2/mypermissions?projectKey=ENG&permissions=A&permissions=B',
          principal: 'jdonyada',
        },
        {
          method: 'GET',
          path: '/rest/api/2/myself',
          query: {},
          hadAuthorization: false,
          status: 401,
          url: '/jira/rest/api/2/myself',
          principal: null,
        },
        {
          method: 'GET',
          path: '/rest/api/2/serverInfo',
          query: {},
          hadAuthorization: true,
          status: 200,
          url: '/jira/rest/api/2/serverInfo',
          principal: null,
        },
      ]);
    });

    it('gives a snapshot: later requests do not change an earlier list', async () => {
      const before = s.sim.requests;
      await call(s.sim, '/rest/api/2/serverInfo');
      assert.equal(before.length, 0);
      assert.equal(s.sim.requests.length, 1);
      assert.ok(Object.isFrozen(s.sim.requests[0]));
    });

    it('counts requests outside the context path and to unknown resources', async () => {
      const root = await fetch(`${new URL(s.sim.url).origin}/rest/api/2/serverInfo`);
      assert.deepEqual([root.status, root.headers.get('content-type')], [404, 'text/html;charset=utf-8']);
      const unknown = await call(s.sim, '/rest/api/2/nothing-here', { auth: DC.jan });
      assert.deepEqual([unknown.status, unknown.body.errorMessages], [404, [`null for uri: ${s.sim.url}/rest/api/2/nothing-here`]]);
      const wrongMethod = await call(s.sim, '/rest/api/2/myself', { auth: DC.jan, method: 'DELETE' });
      assert.equal(wrongMethod.status, 405);
      assert.deepEqual(
        s.sim.requests.map((r) => [r.path, r.status]),
        [
          ['/rest/api/2/serverInfo', 404],
          ['/rest/api/2/nothing-here', 404],
          ['/rest/api/2/myself', 405],
        ],
      );
    });

    it('serves the log over HTTP (GET /__sim/requests, POST /__sim/reset), at the root and below the context path', async () => {
      await call(s.sim, '/rest/api/2/serverInfo');
      const origin = new URL(s.sim.url).origin;
      for (const base of [origin, s.sim.url]) {
        const log = await (await fetch(`${base}/__sim/requests`)).json();
        assert.deepEqual(log, s.sim.requests, base);
      }
      assert.equal(s.sim.requests.length, 1, 'control requests are not counted');
      assert.equal((await fetch(`${origin}/__sim/reset`, { method: 'POST' })).status, 204);
      assert.deepEqual(s.sim.requests, []);
      assert.equal((await fetch(`${origin}/__sim/reset`)).status, 405);
      assert.equal((await fetch(`${origin}/__sim/nothing`)).status, 404);
    });

    it('adds X-AREQUESTID and, on Data Center, X-AUSERNAME to every REST answer', async () => {
      const answer = await call(s.sim, '/rest/api/2/nothing-here', { auth: DC.alana });
      assert.match(answer.headers.get('x-arequestid') ?? '', /^\d+x\d+x1$/);
      assert.equal(answer.headers.get('x-ausername'), 'agrant');
    });
  });

  describe('lifecycle', () => {
    it('listens on a free loopback port; close() ends pending slow answers and frees the port', async () => {
      // A delay that never ends by itself: close() must not wait for it (the test would time out).
      let delaying: () => void = () => undefined;
      const delayed = new Promise<void>((resolve) => (delaying = resolve));
      const sim = await startJiraSim({
        scenario: SCENARIOS.demo,
        sleep: () => {
          delaying();
          return new Promise<void>(() => undefined);
        },
      });
      assert.match(sim.url, /^http:\/\/127\.0\.0\.1:\d+$/);
      sim.setFaults([{ kind: 'slow', delayMs: 60_000 }]);
      const pending = call(sim, '/rest/api/3/myself', { auth: CLOUD.jan }).then(
        () => 'answered',
        () => 'failed',
      );
      await delayed; // the request is in, waiting out its delay
      assert.deepEqual(
        sim.requests.map((r) => r.status),
        [0],
      );
      await sim.close();
      assert.equal(await pending, 'failed');
      await assert.rejects(fetch(`${sim.url}/rest/api/3/serverInfo`));
    });

    it('rejects an invalid scenario with every problem listed', async () => {
      await assert.rejects(
        startJiraSim({
          scenario: { flavour: 'cloud', version: '1.0.0', users: {}, permissionSchemes: [], projects: [] },
        }),
        /users/,
      );
    });
  });
});
