import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { validateLogin } from '../../src/core/jira/client';
import { isAbortError, JiraAbortError, JiraUnavailableError } from '../../src/core/jira/errors';
import { fetchSnapshot } from '../../src/core/jira/fetch-snapshot';
import { defaultFetch, type FetchLike } from '../../src/core/jira/fetch-impl';
import type { PermissionNeeds } from '../../src/core/snapshot/needs';
import { demoWithProjects, JAN_CLOUD, JAN_DC, paths, QUICK, recordLog, SCENARIOS, useSim } from './sim-helpers';

const MY = '/rest/api/2/mypermissions';
const needs: PermissionNeeds = {
  global: ['USER_PICKER'],
  projects: { ENG: ['ADD_COMMENTS', 'CLOSE_ISSUES'], OPS: ['ADD_COMMENTS'] },
  explain: false,
};
const perProject = { ...QUICK, cloudProjectStrategy: 'per-project' as const };

/** The requests for one project's mypermissions. */
function asked(sim: ReturnType<ReturnType<typeof useSim>>, projectKey: string): number {
  return sim.requests.filter((r) => r.path === MY && r.query.projectKey === projectKey).length;
}

describe('jira faults (simulator)', () => {
  describe('Cloud', () => {
    const sim = useSim(SCENARIOS.demo);

    it('retries a 429 after its Retry-After (capped by the options), then answers', async () => {
      sim().setFaults([{ path: MY, kind: 'status429', retryAfterSeconds: 1, times: 2 }]);
      const log = recordLog();
      const started = Date.now();
      const snapshot = await fetchSnapshot(sim().url, JAN_CLOUD, { global: ['USER_PICKER'], projects: {} }, { ...perProject, logger: log.logger });
      assert.deepEqual(snapshot.global, { USER_PICKER: true });
      assert.deepEqual(sim().requests.filter((r) => r.path === MY).map((r) => r.status), [429, 429, 200]);
      assert.ok(Date.now() - started < 900, 'waited the 20 ms cap, not the 1 s asked');
      assert.equal(log.lines.filter((l) => /→ 429; retry \d\/3 in 20 ms \(Retry-After\)/.test(l)).length, 2);
    });

    it("honours Data Center's Retry-After: 0 instead of backing off", async () => {
      sim().setFaults([{ path: '/rest/api/2/serverInfo', kind: 'status429', retryAfterSeconds: 0, times: 2 }]);
      const started = Date.now();
      await validateLogin(sim().url, JAN_CLOUD, { retry: { baseDelayMs: 5000, maxDelayMs: 30_000 } });
      assert.ok(Date.now() - started < 2000, 'retried at once, as Jira said, not after a 5 s backoff');
      assert.deepEqual(sim().requests.map((r) => r.status), [200, 429, 429, 200]);
    });

    it('gives up after the maximum retries: that project is unavailable, the others are answered', async () => {
      sim().setFaults([{ path: MY, kind: 'status503', retryAfterSeconds: 0 }]);
      const snapshot = await fetchSnapshot(sim().url, JAN_CLOUD, { global: [], projects: { ENG: ['ADD_COMMENTS'] } }, {
        ...perProject,
        retry: { maxRetries: 2 },
      });
      assert.deepEqual(snapshot.projects?.ENG, {
        visible: true,
        unavailable: 'GET /rest/api/2/mypermissions?projectKey=ENG&permissions=ADD_COMMENTS: Jira unavailable (503), still after 2 retries',
      });
      assert.equal(asked(sim(), 'ENG'), 3);
    });

    it('takes a 500 as unavailable, without retrying, never as missing', async () => {
      sim().setFaults([{ path: MY, method: 'GET', kind: 'status500', times: 1 }]);
      const snapshot = await fetchSnapshot(sim().url, JAN_CLOUD, { global: [], projects: { ENG: ['ADD_COMMENTS'] } }, perProject);
      const eng = snapshot.projects?.ENG;
      assert.equal(eng?.permissions, undefined);
      assert.match(eng?.unavailable ?? '', /^GET \/rest\/api\/2\/mypermissions\?projectKey=ENG&permissions=ADD_COMMENTS: Jira answered 500: Internal server error$/);
      assert.equal(asked(sim(), 'ENG'), 1);
    });

    for (const [kind, message] of [
      ['html', /got an HTML page \(status 502\) instead of Jira's JSON/],
      ['brokenJson', /answer is not valid JSON/],
      ['drop', /connection failed \((ECONNRESET|socket hang up|connection dropped)\)/],
    ] as const) {
      it(`takes ${kind} as unavailable for that project only`, async () => {
        sim().setFaults([{ path: MY, kind }]);
        const snapshot = await fetchSnapshot(
          sim().url,
          JAN_CLOUD,
          { global: ['USER_PICKER'], projects: { ENG: ['ADD_COMMENTS'], OPS: ['ADD_COMMENTS'] } },
          perProject,
        );
        for (const key of ['ENG', 'OPS']) {
          assert.equal(snapshot.projects?.[key]?.visible, true);
          assert.equal(snapshot.projects?.[key]?.permissions, undefined);
          assert.match(snapshot.projects?.[key]?.unavailable ?? '', message);
        }
        assert.equal(snapshot.global, undefined, 'the global answer failed too: unknown, not false');
      });
    }

    it('retries a dropped connection once for a GET', async () => {
      sim().setFaults([{ path: MY, kind: 'drop', times: 1 }]);
      const snapshot = await fetchSnapshot(sim().url, JAN_CLOUD, { global: ['USER_PICKER'], projects: {} }, perProject);
      assert.deepEqual(snapshot.global, { USER_PICKER: true });
      assert.deepEqual(sim().requests.filter((r) => r.path === MY).map((r) => r.status), [0, 200]);
    });

    it('times a slow answer out as unavailable', async () => {
      sim().setFaults([{ path: MY, kind: 'slow', delayMs: 400 }]);
      const started = Date.now();
      const snapshot = await fetchSnapshot(sim().url, JAN_CLOUD, { global: [], projects: { ENG: ['ADD_COMMENTS'] } }, {
        ...perProject,
        timeoutMs: 100,
      });
      assert.match(snapshot.projects?.ENG?.unavailable ?? '', /mypermissions.*: no answer within 100 ms/);
      assert.ok(Date.now() - started < 390);
    });

    it('fails the whole fetch when /myself is unavailable', async () => {
      sim().setFaults([{ path: '/rest/api/2/myself', kind: 'html' }]);
      await assert.rejects(fetchSnapshot(sim().url, JAN_CLOUD, needs, QUICK), (e: Error) => {
        assert.ok(e instanceof JiraUnavailableError);
        assert.equal(e.reason, 'html');
        assert.equal(e.method, 'GET');
        assert.equal(e.path, '/rest/api/2/myself?expand=groups,applicationRoles');
        return true;
      });
    });

    it('leaves an explanation out when the scheme cannot be read for a server error', async () => {
      sim().setFaults([{ path: /permissionscheme/, kind: 'status500' }]);
      const log = recordLog();
      const snapshot = await fetchSnapshot(sim().url, JAN_CLOUD, { global: [], projects: { ENG: ['CLOSE_ISSUES'] } }, { ...QUICK, logger: log.logger });
      assert.deepEqual(snapshot.projects?.ENG?.permissions, { CLOSE_ISSUES: false });
      assert.equal(snapshot.projects?.ENG?.permissionScheme, undefined);
      assert.ok(log.lines.some((l) => /^warn permission scheme of ENG unknown: .*500/.test(l)));
    });

    it('cancels everything in flight and queued when the caller aborts', async () => {
      sim().setFaults([{ path: MY, kind: 'slow', delayMs: 300 }]);
      const controller = new AbortController();
      const projects = Object.fromEntries(['ENG', 'OPS', 'SUP', 'SEC', 'ENG2', 'ENG3'].map((k) => [k, ['ADD_COMMENTS']]));
      const fetching = fetchSnapshot(sim().url, JAN_CLOUD, { global: ['USER_PICKER'], projects }, {
        ...perProject,
        signal: controller.signal,
      });
      await new Promise((resolve) => setTimeout(resolve, 100));
      const sent = sim().requests.length;
      assert.equal(sent, 2 + 4, 'myself, serverInfo, then 4 in flight (the bound), the rest queued');
      controller.abort();
      await assert.rejects(fetching, (e: Error) => {
        assert.ok(e instanceof JiraAbortError);
        assert.ok(isAbortError(e));
        assert.equal(e.name, 'AbortError');
        return true;
      });
      await new Promise((resolve) => setTimeout(resolve, 400));
      assert.equal(sim().requests.length, sent, 'nothing queued was sent after the abort');
    });

    it('rejects at once with an already aborted signal', async () => {
      await assert.rejects(validateLogin(sim().url, JAN_CLOUD, { signal: AbortSignal.abort() }), JiraAbortError);
      assert.equal(sim().requests.length, 0);
    });

    it('cancels a retry wait', async () => {
      sim().setFaults([{ path: '/rest/api/2/myself', kind: 'status429', retryAfterSeconds: 20 }]);
      const controller = new AbortController();
      const login = validateLogin(sim().url, JAN_CLOUD, { signal: controller.signal });
      setTimeout(() => controller.abort(), 100);
      await assert.rejects(login, JiraAbortError);
    });
  });

  describe('concurrency bound', () => {
    const sim = useSim(() => demoWithProjects(SCENARIOS.demoDc, 12));
    const projects = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`P${String(i + 1).padStart(2, '0')}`, ['ADD_COMMENTS']]));

    async function peakInFlight(concurrency?: number): Promise<number> {
      const real = await defaultFetch();
      let inFlight = 0;
      let peak = 0;
      const counting: FetchLike = async (url, init) => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        try {
          const response = await real(url, init);
          const text = await response.text();
          return { status: response.status, headers: response.headers, text: async () => text };
        } finally {
          inFlight--;
        }
      };
      sim().setFaults([{ path: MY, kind: 'slow', delayMs: 50 }]);
      const snapshot = await fetchSnapshot(sim().url, JAN_DC, { global: ['USER_PICKER'], projects }, {
        ...QUICK,
        fetch: counting,
        ...(concurrency ? { concurrency } : {}),
      });
      assert.equal(Object.values(snapshot.projects ?? {}).filter((p) => p.permissions?.ADD_COMMENTS).length, 12);
      return peak;
    }

    it('keeps at most 4 requests in flight by default', async () => {
      assert.equal(await peakInFlight(), 4);
    });

    it('keeps to a configured bound', async () => {
      assert.equal(await peakInFlight(2), 2);
    });
  });

  describe('redirects', () => {
    const sim = useSim(SCENARIOS.demoDc);
    let elsewhere: Server;
    let elsewhereUrl = '';
    const seen: IncomingHttpHeaders[] = [];

    before(async () => {
      elsewhere = createServer((req, res) => {
        seen.push(req.headers);
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end('{"permissions":{}}');
      });
      await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
      elsewhereUrl = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}`;
    });
    after(() => new Promise<void>((resolve) => elsewhere.close(() => resolve())));
    beforeEach(() => (seen.length = 0));

    it('does not follow a redirect to another origin, and sends it no credentials', async () => {
      sim().setFaults([{ path: MY, kind: 'redirect', location: `${elsewhereUrl}/steal${MY}` }]);
      const snapshot = await fetchSnapshot(sim().url, JAN_DC, { global: [], projects: { ENG: ['ADD_COMMENTS'] } }, QUICK);
      assert.match(
        snapshot.projects?.ENG?.unavailable ?? '',
        new RegExp(`redirected to another origin \\(${elsewhereUrl}\\); not followed, so no credentials were sent there`),
      );
      assert.equal(seen.length, 0);
    });

    it('fails the login the same way when /myself redirects to a login page elsewhere', async () => {
      sim().setFaults([{ path: '/rest/api/2/myself', kind: 'redirect' }]);
      await assert.rejects(validateLogin(sim().url, JAN_DC), (e: Error) => {
        assert.ok(e instanceof JiraUnavailableError);
        assert.equal(e.reason, 'redirect');
        assert.match(e.message, /https:\/\/id\.atlassian\.example/);
        return true;
      });
    });

    it('follows a redirect within the site, with credentials', async () => {
      sim().setFaults([{ path: '/rest/api/2/serverInfo', kind: 'redirect', location: `${sim().url}/rest/api/latest/serverInfo`, times: 1 }]);
      const login = await validateLogin(sim().url, JAN_DC);
      assert.equal(login.serverVersion, '9.12.0');
      assert.deepEqual(paths(sim()), ['GET /rest/api/2/myself', 'GET /rest/api/2/serverInfo', 'GET /rest/api/latest/serverInfo']);
      assert.ok(sim().requests.every((r) => r.hadAuthorization));
    });

    it('gives up on a redirect loop', async () => {
      sim().setFaults([{ path: '/rest/api/2/serverInfo', kind: 'redirect', location: `${sim().url}/rest/api/2/serverInfo` }]);
      await assert.rejects(validateLogin(sim().url, JAN_DC), /serverInfo: too many redirects/);
    });
  });
});
