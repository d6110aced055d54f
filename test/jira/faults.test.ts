import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { validateLogin } from '../../src/core/jira/client';
import { isAbortError, JiraAbortError, JiraUnavailableError } from '../../src/core/jira/errors';
import { fetchSnapshot } from '../../src/core/jira/fetch-snapshot';
import { defaultFetch, type FetchLike } from '../../src/core/jira/fetch-impl';
import type { PermissionNeeds } from '../../src/core/snapshot/needs';
import { ALANA_CLOUD, demoWithProjects, JAN_CLOUD, JAN_DC, paths, QUICK, recordLog, SCENARIOS, useSim } from './sim-helpers';

const MY = '/rest/api/2/mypermissions';
const needs: PermissionNeeds = {
  global: ['USER_PICKER'],
  projects: { ENG: ['ADD_COMMENTS', 'CLOSE_ISSUES'], OPS: ['ADD_COMMENTS'] },
  explain: false,
};
const perProject = { ...QUICK, cloudProjectStrategy: 'per-project' as const };

/** The retries the client logged, with the wait it chose for each: "429; retry 1/3 in 20 ms (Retry-After)". */
function retryWaits(lines: readonly string[]): string[] {
  return lines.flatMap((l) => /→ (\d+; retry \d+\/\d+ in \d+ ms.*)$/.exec(l)?.[1] ?? []);
}

/**
 * A fetch that sends through `real` and tells what left when: `urls` in the order sent; `reached(test)` resolves once
 * a request has left with `test(urls)` true and the turn it left in has run to its end; `settled()` once every request
 * sent so far has ended, and what their ends set off has run.
 */
function watchRequests(real: FetchLike): {
  fetch: FetchLike;
  readonly urls: string[];
  reached(test: (urls: readonly string[]) => boolean): Promise<void>;
  settled(): Promise<void>;
} {
  const urls: string[] = [];
  const sent: Promise<unknown>[] = [];
  const waiting: { test: (urls: readonly string[]) => boolean; resolve: () => void }[] = [];
  return {
    urls,
    fetch: (url, init) => {
      urls.push(url);
      for (const w of waiting.filter((w) => w.test(urls))) {
        waiting.splice(waiting.indexOf(w), 1);
        w.resolve();
      }
      const response = real(url, init);
      sent.push(response.catch(() => undefined));
      return response;
    },
    async reached(test) {
      if (!test(urls)) await new Promise<void>((resolve) => waiting.push({ test, resolve }));
      await endOfTurn();
    },
    async settled() {
      await Promise.all(sent);
      await endOfTurn();
    },
  };
}

/**
 * Resolves once the promise callbacks already queued have run (and those they queue): what a request's start or end
 * sets off in the client, such as a limiter slot going to a queued request. Not a wait for time.
 */
function endOfTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

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
      const snapshot = await fetchSnapshot(sim().url, JAN_CLOUD, { global: ['USER_PICKER'], projects: {} }, { ...perProject, logger: log.logger });
      assert.deepEqual(snapshot.global, { USER_PICKER: true });
      assert.deepEqual(
        sim()
          .requests.filter((r) => r.path === MY)
          .map((r) => r.status),
        [429, 429, 200],
      );
      // The waits the client chose: the 20 ms cap, not the 1 s asked.
      assert.deepEqual(retryWaits(log.lines), ['429; retry 1/3 in 20 ms (Retry-After)', '429; retry 2/3 in 20 ms (Retry-After)']);
    });

    it("honours Data Center's Retry-After: 0 instead of backing off", async () => {
      sim().setFaults([{ path: '/rest/api/2/serverInfo', kind: 'status429', retryAfterSeconds: 0, times: 2 }]);
      const log = recordLog();
      await validateLogin(sim().url, JAN_CLOUD, { retry: { baseDelayMs: 5000, maxDelayMs: 30_000 }, logger: log.logger });
      // Retried at once, as Jira said, not after a 5 s backoff.
      assert.deepEqual(retryWaits(log.lines), ['429; retry 1/3 in 0 ms (Retry-After)', '429; retry 2/3 in 0 ms (Retry-After)']);
      assert.deepEqual(
        sim().requests.map((r) => r.status),
        [200, 429, 429, 200],
      );
    });

    it('gives up after the maximum retries: that project is unavailable, the others are answered', async () => {
      sim().setFaults([{ path: MY, kind: 'status503', retryAfterSeconds: 0 }]);
      const snapshot = await fetchSnapshot(
        sim().url,
        JAN_CLOUD,
        { global: [], projects: { ENG: ['ADD_COMMENTS'] } },
        {
          ...perProject,
          retry: { maxRetries: 2 },
        },
      );
      assert.deepEqual(snapshot.projects?.ENG, {
        visible: true,
        unavailable:
          'GET /rest/api/2/mypermissions?projectKey=ENG&permissions=ADD_COMMENTS,ADMINISTER,ADMINISTER_PROJECTS: Jira unavailable (503), still after 2 retries',
      });
      assert.equal(asked(sim(), 'ENG'), 3);
    });

    it('takes a 500 as unavailable, without retrying, never as missing', async () => {
      sim().setFaults([{ path: MY, method: 'GET', kind: 'status500', times: 1 }]);
      const snapshot = await fetchSnapshot(sim().url, JAN_CLOUD, { global: [], projects: { ENG: ['ADD_COMMENTS'] } }, perProject);
      const eng = snapshot.projects?.ENG;
      assert.equal(eng?.permissions, undefined);
      assert.match(
        eng?.unavailable ?? '',
        /^GET \/rest\/api\/2\/mypermissions\?projectKey=ENG&permissions=ADD_COMMENTS,ADMINISTER,ADMINISTER_PROJECTS: Jira answered 500: Internal server error$/,
      );
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
      assert.deepEqual(
        sim()
          .requests.filter((r) => r.path === MY)
          .map((r) => r.status),
        [0, 200],
      );
    });

    it('times a slow answer out as unavailable', async () => {
      // No answer for a minute, far longer than the test takes: the fetch can only return because the client gave up.
      sim().setFaults([{ path: MY, kind: 'slow', delayMs: 60_000 }]);
      const snapshot = await fetchSnapshot(
        sim().url,
        JAN_CLOUD,
        { global: [], projects: { ENG: ['ADD_COMMENTS'] } },
        {
          ...perProject,
          timeoutMs: 100,
        },
      );
      assert.match(snapshot.projects?.ENG?.unavailable ?? '', /mypermissions.*: no answer within 100 ms/);
      const eng = sim().requests.filter((r) => r.path === MY && r.query.projectKey === 'ENG');
      assert.deepEqual(
        eng.map((r) => r.status),
        [0],
        'asked once (a timeout is not retried), and still unanswered',
      );
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
      // Alana administers Jira, so the scheme is asked for; ADD_COMMENTS is what she lacks in ENG.
      const snapshot = await fetchSnapshot(sim().url, ALANA_CLOUD, { global: [], projects: { ENG: ['ADD_COMMENTS'] } }, { ...QUICK, logger: log.logger });
      assert.deepEqual(snapshot.projects?.ENG?.permissions, { ADD_COMMENTS: false });
      assert.equal(snapshot.projects?.ENG?.permissionScheme, undefined);
      assert.ok(log.lines.some((l) => /^warn permission scheme of ENG unknown: .*500/.test(l)));
    });

    it('cancels everything in flight and queued when the caller aborts', async () => {
      // No answer to mypermissions for a minute: the first 4 stay in flight until the abort.
      sim().setFaults([{ path: MY, kind: 'slow', delayMs: 60_000 }]);
      const sending = watchRequests(await defaultFetch());
      const controller = new AbortController();
      const projects = Object.fromEntries(['ENG', 'OPS', 'SUP', 'SEC', 'ENG2', 'ENG3'].map((k) => [k, ['ADD_COMMENTS']]));
      const fetching = fetchSnapshot(
        sim().url,
        JAN_CLOUD,
        { global: ['USER_PICKER'], projects },
        {
          ...perProject,
          fetch: sending.fetch,
          signal: controller.signal,
        },
      );
      // The 4th mypermissions has left: the bound is reached. Had the limiter let more through, they would have left
      // in the same turn, before this wait returns (none of the 4 can end: Jira does not answer them).
      await sending.reached((urls) => urls.filter((u) => u.includes(MY)).length === 4);
      const sent = sending.urls.length;
      assert.equal(sent, 2 + 4, 'myself, serverInfo, then 4 in flight (the bound), the rest queued');
      controller.abort();
      await assert.rejects(fetching, (e: Error) => {
        assert.ok(e instanceof JiraAbortError);
        assert.ok(isAbortError(e));
        assert.equal(e.name, 'AbortError');
        return true;
      });
      // Every request in flight has ended, and so has the turn that would have started a queued one in its place.
      await sending.settled();
      assert.equal(sending.urls.length, sent, 'nothing queued was sent after the abort');
      assert.ok(sim().requests.length <= sent, 'nor reached Jira');
    });

    it('rejects at once with an already aborted signal', async () => {
      await assert.rejects(validateLogin(sim().url, JAN_CLOUD, { signal: AbortSignal.abort() }), JiraAbortError);
      assert.equal(sim().requests.length, 0);
    });

    it('cancels a retry wait', async () => {
      // Waits of 30 s (the default cap), longer than the test may take: it can only end by the abort.
      sim().setFaults([{ path: '/rest/api/2/myself', kind: 'status429', retryAfterSeconds: 60 }]);
      const controller = new AbortController();
      const log = recordLog();
      const logger: typeof log.logger = (level, message) => {
        log.logger(level, message);
        // The client logs the retry, then starts its wait: abort once that wait has begun.
        if (/retry 1\/3 in/.test(message)) queueMicrotask(() => controller.abort());
      };
      await assert.rejects(validateLogin(sim().url, JAN_CLOUD, { signal: controller.signal, logger }), JiraAbortError);
      assert.deepEqual(retryWaits(log.lines), ['429; retry 1/3 in 30000 ms (Retry-After)'], 'it was in that wait');
      assert.deepEqual(
        sim().requests.map((r) => r.status),
        [429],
        'and never asked again',
      );
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
      const snapshot = await fetchSnapshot(
        sim().url,
        JAN_DC,
        { global: ['USER_PICKER'], projects },
        {
          ...QUICK,
          fetch: counting,
          ...(concurrency ? { concurrency } : {}),
        },
      );
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
