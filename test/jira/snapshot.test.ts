import assert from 'node:assert/strict';
import { SnapshotCache } from '../../src/core/jira/cache';
import { fetchSnapshot, type FetchSnapshotOptions } from '../../src/core/jira/fetch-snapshot';
import type { PermissionNeeds } from '../../src/core/snapshot/needs';
import { ALANA_CLOUD, ALANA_DC, demoWithProjects, JAN_CLOUD, JAN_DC, JAN_PAT, paths, QUICK, SCENARIOS, useSim } from './sim-helpers';

const FIXED: FetchSnapshotOptions = { ...QUICK, now: () => new Date('2025-06-01T12:00:00Z') };

const DEMO_NEEDS: PermissionNeeds = {
  global: ['ADMINISTER', 'USER_PICKER'],
  projects: {
    ENG: ['ADD_COMMENTS', 'CLOSE_ISSUES', 'CREATE_ISSUES'],
    OPS: ['ADD_COMMENTS', 'CREATE_ATTACHMENTS', 'WORK_ON_ISSUES'],
    SEC: ['ADD_COMMENTS'],
  },
  securityLevelProjects: ['ENG', 'OPS'],
};

const JAN_PERMISSIONS = {
  ENG: { ADD_COMMENTS: true, CLOSE_ISSUES: false, CREATE_ISSUES: true },
  OPS: { ADD_COMMENTS: true, CREATE_ATTACHMENTS: false, WORK_ON_ISSUES: false },
};

/** Requests that explain (permission schemes), and the rest. */
function split(list: string[]): { explain: string[]; rest: string[] } {
  const explain = list.filter((p) => /permissionscheme/.test(p));
  return { explain, rest: list.filter((p) => !explain.includes(p)) };
}

describe('jira fetchSnapshot (simulator)', () => {
  describe('Cloud', () => {
    const sim = useSim(SCENARIOS.demo);

    it("records what Jan holds, one mypermissions per project, and what he can't see as not visible", async () => {
      const snapshot = await fetchSnapshot(sim().url, JAN_CLOUD, DEMO_NEEDS, {
        ...FIXED,
        cloudProjectStrategy: 'per-project',
      });
      assert.deepEqual(snapshot, {
        version: 1,
        site: sim().url,
        deployment: 'cloud',
        serverVersion: '1001.0.0-SNAPSHOT',
        account: { id: '5b10ac8d82e05b22cc7d4ef5', name: 'jan@acme.example', displayName: 'Jan Donyada', groups: ['jira-software-users'] },
        authType: 'api_token',
        fetchedAt: '2025-06-01T12:00:00.000Z',
        global: { ADMINISTER: false, USER_PICKER: true },
        projects: {
          ENG: { visible: true, permissions: JAN_PERMISSIONS.ENG, securityLevels: ['Internal'], permissionScheme: { readable: false } },
          OPS: { visible: true, permissions: JAN_PERMISSIONS.OPS, securityLevels: [], permissionScheme: { readable: false } },
          SEC: { visible: false },
        },
      });
      const mine = sim().requests.filter((r) => r.path === '/rest/api/2/mypermissions');
      assert.deepEqual(
        mine.map((r) => r.query),
        // Global keys and the two that say whether the scheme may be read ride along with each project.
        [
          { projectKey: 'ENG', permissions: 'ADD_COMMENTS,ADMINISTER,ADMINISTER_PROJECTS,CLOSE_ISSUES,CREATE_ISSUES,USER_PICKER' },
          { projectKey: 'OPS', permissions: 'ADD_COMMENTS,ADMINISTER,ADMINISTER_PROJECTS,CREATE_ATTACHMENTS,USER_PICKER,WORK_ON_ISSUES' },
          { projectKey: 'SEC', permissions: 'ADD_COMMENTS,ADMINISTER,ADMINISTER_PROJECTS,USER_PICKER' },
        ],
      );
      assert.deepEqual(paths(sim()).slice(0, 2), ['GET /rest/api/2/myself', 'GET /rest/api/2/serverInfo']);
    });

    it('gets the same answers from the bulk check, in fewer requests', async () => {
      const perProject = await fetchSnapshot(sim().url, JAN_CLOUD, DEMO_NEEDS, { ...FIXED, cloudProjectStrategy: 'per-project' });
      sim().resetRequests();
      const bulk = await fetchSnapshot(sim().url, JAN_CLOUD, DEMO_NEEDS, FIXED); // auto: 3 projects → bulk
      assert.deepEqual(bulk.global, perProject.global);
      for (const key of ['ENG', 'OPS', 'SEC']) {
        assert.deepEqual(bulk.projects?.[key]?.permissions, perProject.projects?.[key]?.permissions, key);
        assert.equal(bulk.projects?.[key]?.visible, perProject.projects?.[key]?.visible, key);
      }
      assert.deepEqual(bulk.projects?.ENG && { id: bulk.projects.ENG.id, name: bulk.projects.ENG.name }, { id: '10000', name: 'Engineering' });
      const { rest } = split(paths(sim()));
      assert.deepEqual(
        [...rest].sort(),
        [
          'GET /rest/api/2/myself',
          'GET /rest/api/2/serverInfo',
          'GET /rest/api/3/project/search',
          'POST /rest/api/3/permissions/check',
          'GET /rest/api/2/project/ENG/securitylevel',
          'GET /rest/api/2/project/OPS/securitylevel',
          // SEC is not visible: is it archived? (project/search with status=archived)
          'GET /rest/api/3/project/search',
        ].sort(),
      );
    });

    it('skips the project search for ids it already knows', async () => {
      const snapshot = await fetchSnapshot(
        sim().url,
        JAN_CLOUD,
        { global: ['USER_PICKER'], projects: { ENG: ['ADD_COMMENTS'], OPS: ['ADD_COMMENTS'] } },
        { ...FIXED, knownProjectIds: { ENG: '10000', OPS: '10001' } },
      );
      assert.deepEqual(snapshot.projects?.OPS?.permissions, { ADD_COMMENTS: true });
      assert.deepEqual(paths(sim()), ['GET /rest/api/2/myself', 'GET /rest/api/2/serverInfo', 'POST /rest/api/3/permissions/check']);
    });

    it('takes a known id that Jan cannot see, or that is no project, as not visible', async () => {
      const snapshot = await fetchSnapshot(
        sim().url,
        JAN_CLOUD,
        { global: [], projects: { ENG: ['ADD_COMMENTS'], SEC: ['ADD_COMMENTS'], GONE: ['ADD_COMMENTS'] } },
        { ...FIXED, cloudProjectStrategy: 'bulk', knownProjectIds: { ENG: '10000', SEC: '10003', GONE: '99999' } },
      );
      assert.deepEqual(snapshot.projects?.SEC, { visible: false });
      assert.deepEqual(snapshot.projects?.GONE, { visible: false });
      assert.deepEqual(snapshot.projects?.ENG?.permissions, { ADD_COMMENTS: true });
      assert.equal(snapshot.global, undefined, 'ADMINISTER was asked only to judge visibility');
    });

    it('agrees with mypermissions for an administrator who may not browse (Alana)', async () => {
      const needs = { global: [], projects: { ENG: ['ADD_COMMENTS', 'DELETE_ISSUES'], SEC: ['DELETE_ISSUES'] }, explain: false };
      const perProject = await fetchSnapshot(sim().url, ALANA_CLOUD, needs, { ...FIXED, cloudProjectStrategy: 'per-project' });
      const searched = await fetchSnapshot(sim().url, ALANA_CLOUD, needs, { ...FIXED, cloudProjectStrategy: 'bulk' });
      const known = await fetchSnapshot(sim().url, ALANA_CLOUD, needs, {
        ...FIXED,
        cloudProjectStrategy: 'bulk',
        knownProjectIds: { ENG: '10000', SEC: '10003' },
      });
      for (const bulk of [searched, known]) {
        for (const key of ['ENG', 'SEC']) {
          assert.equal(bulk.projects?.[key]?.visible, perProject.projects?.[key]?.visible, key);
          assert.deepEqual(bulk.projects?.[key]?.permissions, perProject.projects?.[key]?.permissions, key);
        }
      }
      assert.deepEqual(perProject.projects?.ENG?.permissions, { ADD_COMMENTS: false, DELETE_ISSUES: true });
    });

    it('explains what is missing from the permission scheme, for an administrator (Alana)', async () => {
      const snapshot = await fetchSnapshot(
        sim().url,
        ALANA_CLOUD,
        { global: ['ADMINISTER'], projects: { ENG: ['ADD_COMMENTS', 'DELETE_ISSUES'], SUP: ['CLOSE_ISSUES'], OPS: ['CREATE_ATTACHMENTS'] } },
        FIXED,
      );
      assert.equal(snapshot.global?.ADMINISTER, true);
      assert.deepEqual(snapshot.projects?.ENG?.permissionScheme, {
        id: '10000',
        name: 'Default software scheme',
        readable: true,
        // Held keys are explained too (DELETE_ISSUES): a grant only to issue roles is worth a warning.
        grants: {
          ADD_COMMENTS: [{ type: 'projectRole', parameter: '10001', displayName: 'Developers' }],
          DELETE_ISSUES: [{ type: 'projectRole', parameter: '10002', displayName: 'Administrators' }],
        },
      });
      assert.deepEqual(snapshot.projects?.SUP?.permissionScheme?.grants, {
        CLOSE_ISSUES: [{ type: 'projectRole', parameter: '10100', displayName: 'QA' }],
      });
      assert.deepEqual(snapshot.projects?.OPS?.permissionScheme?.grants, {
        CREATE_ATTACHMENTS: [{ type: 'group', parameter: 'ops-team', displayName: 'ops-team' }],
      });
      const reads = paths(sim()).filter((p) => p.startsWith('GET /rest/api/2/permissionscheme/'));
      assert.deepEqual(
        reads.sort(),
        ['GET /rest/api/2/permissionscheme/10000', 'GET /rest/api/2/permissionscheme/10001'],
        'ENG and SUP share a scheme: read once',
      );
    });

    it("doesn't explain when nothing is missing, or when explanations are off", async () => {
      await fetchSnapshot(sim().url, ALANA_CLOUD, { global: [], projects: { ENG: ['DELETE_ISSUES'] } }, FIXED);
      await fetchSnapshot(sim().url, JAN_CLOUD, { global: [], projects: { ENG: ['CLOSE_ISSUES'] }, explain: false }, FIXED);
      assert.deepEqual(split(paths(sim())).explain, []);
    });

    it('asks Cloud for a key it knows only there, and leaves global absent when none is needed', async () => {
      const snapshot = await fetchSnapshot(sim().url, JAN_CLOUD, { global: ['CREATE_PROJECT'], projects: {} }, FIXED);
      assert.equal(typeof snapshot.global?.CREATE_PROJECT, 'boolean');
      const none = await fetchSnapshot(sim().url, JAN_CLOUD, { global: [], projects: { ENG: ['ADD_COMMENTS'] } }, FIXED);
      assert.equal(none.global, undefined);
    });
  });

  describe('Cloud, grants to issue roles', () => {
    const sim = useSim(SCENARIOS.issueRoles);

    it('records the holders of held keys too, for an administrator (Ada): EDIT_ISSUES goes to the reporter alone', async () => {
      const ada = { kind: 'api_token', email: 'ada@roles.example', token: 'sim-token-ada' } as const;
      const snapshot = await fetchSnapshot(sim().url, ada, { global: [], projects: { PUB: ['ADD_COMMENTS', 'EDIT_ISSUES', 'CLOSE_ISSUES'] } }, FIXED);
      assert.deepEqual(snapshot.projects?.PUB?.permissions, { ADD_COMMENTS: true, CLOSE_ISSUES: false, EDIT_ISSUES: true });
      assert.deepEqual(snapshot.projects?.PUB?.permissionScheme?.grants?.EDIT_ISSUES, [{ type: 'reporter', displayName: 'Reporter' }]);
    });
  });

  describe('Data Center', () => {
    const sim = useSim(SCENARIOS.demoDc);

    it('asks mypermissions without a permissions parameter and maps legacy keys to current ones', async () => {
      const snapshot = await fetchSnapshot(
        sim().url,
        JAN_DC,
        {
          global: ['ADMINISTER', 'USER_PICKER', 'CREATE_PROJECT'],
          projects: { ENG: ['COMMENT_ISSUE', 'CLOSE_ISSUE', 'CREATE_ISSUES'], OPS: ['CREATE_ATTACHMENT', 'WORK_ISSUE', 'ADD_COMMENTS'], SEC: ['BROWSE'] },
          securityLevelProjects: ['ENG'],
        },
        FIXED,
      );
      assert.equal(snapshot.deployment, 'server');
      assert.equal(snapshot.serverVersion, '9.12.0');
      assert.deepEqual(snapshot.account, { id: 'JIRAUSER10100', name: 'jdonyada', displayName: 'Jan Donyada', groups: ['jira-software-users'] });
      // CREATE_PROJECT is Cloud-only: asked, not answered → absent (unknown), not false.
      assert.deepEqual(snapshot.global, { ADMINISTER: false, USER_PICKER: true });
      assert.deepEqual(snapshot.projects?.ENG?.permissions, JAN_PERMISSIONS.ENG);
      assert.deepEqual(snapshot.projects?.OPS?.permissions, JAN_PERMISSIONS.OPS);
      assert.deepEqual(snapshot.projects?.ENG?.securityLevels, ['Internal']);
      assert.deepEqual(snapshot.projects?.SEC, { visible: false });
      assert.deepEqual(snapshot.projects?.ENG?.permissionScheme, { readable: false });
      const mine = sim()
        .requests.filter((r) => r.path === '/rest/api/2/mypermissions')
        .map((r) => r.query);
      // Every answer holds the global keys too: no request of their own.
      assert.deepEqual(mine, [{ projectKey: 'ENG' }, { projectKey: 'OPS' }, { projectKey: 'SEC' }]);
      assert.deepEqual(split(paths(sim())).explain, [], 'Jan is no administrator: no scheme is asked for');
      assert.ok(sim().requests.every((r) => r.url.startsWith('/jira/')));
    });

    it('keeps only global keys from the no-context answer', async () => {
      // Without a project, EDIT_ISSUES means "in any project": no project question may be answered with it.
      const snapshot = await fetchSnapshot(sim().url, JAN_DC, { global: ['EDIT_ISSUES', 'USER_PICKER'], projects: {} }, FIXED);
      assert.deepEqual(snapshot.global, { USER_PICKER: true });
    });

    it('works with a personal access token', async () => {
      const snapshot = await fetchSnapshot(sim().url, JAN_PAT, { global: [], projects: { ENG: ['CLOSE_ISSUES'] } }, FIXED);
      assert.equal(snapshot.authType, 'pat');
      assert.deepEqual(snapshot.projects?.ENG?.permissions, { CLOSE_ISSUES: false });
    });

    it('explains from the scheme for a Jira administrator (Alana)', async () => {
      const snapshot = await fetchSnapshot(sim().url, ALANA_DC, { global: [], projects: { ENG: ['CLOSE_ISSUE'] } }, FIXED);
      assert.deepEqual(snapshot.projects?.ENG?.permissionScheme, {
        id: '10000',
        name: 'Default software scheme',
        readable: true,
        grants: { CLOSE_ISSUES: [{ type: 'projectRole', parameter: '10100', displayName: 'QA' }] },
      });
    });
  });

  describe('Data Center 10.3', () => {
    const sim = useSim(SCENARIOS.demoDc10);

    it('reads the same permissions', async () => {
      const snapshot = await fetchSnapshot(sim().url, JAN_DC, { global: [], projects: { OPS: ['WORK_ISSUE', 'ADD_COMMENTS'] } }, FIXED);
      assert.deepEqual(snapshot.projects?.OPS?.permissions, { ADD_COMMENTS: true, WORK_ON_ISSUES: false });
    });
  });

  describe('request budget, 30 projects', () => {
    const P = 30;
    const projects = Object.fromEntries(
      Array.from({ length: P }, (_, i) => [`P${String(i + 1).padStart(2, '0')}`, ['ADD_COMMENTS', 'CREATE_ISSUES', 'EDIT_ISSUES']]),
    );
    const held: PermissionNeeds = { global: ['USER_PICKER'], projects };
    const missing: PermissionNeeds = {
      global: ['USER_PICKER'],
      projects: Object.fromEntries(Object.keys(projects).map((k) => [k, ['ADD_COMMENTS', 'CLOSE_ISSUES']])),
    };

    describe('on Data Center', () => {
      const sim = useSim(() => demoWithProjects(SCENARIOS.demoDc, P));

      it('uses P + 2 requests, global keys riding along', async () => {
        const snapshot = await fetchSnapshot(sim().url, JAN_DC, held, FIXED);
        assert.equal(Object.values(snapshot.projects ?? {}).filter((p) => p.permissions?.ADD_COMMENTS).length, P);
        assert.deepEqual(snapshot.global, { USER_PICKER: true });
        assert.equal(sim().requests.length, P + 2);
      });

      it('adds explanations only where something is missing: one per project, one per scheme', async () => {
        const snapshot = await fetchSnapshot(sim().url, ALANA_DC, missing, FIXED);
        assert.equal(snapshot.projects?.P07?.permissions?.CLOSE_ISSUES, false);
        const { explain, rest } = split(paths(sim()));
        assert.equal(rest.length, P + 2);
        assert.equal(explain.length, P + 1);
      });
    });

    describe('on Cloud', () => {
      const sim = useSim(() => demoWithProjects(SCENARIOS.demo, P));

      it('uses P + 2 requests one project at a time', async () => {
        const snapshot = await fetchSnapshot(sim().url, JAN_CLOUD, held, { ...FIXED, cloudProjectStrategy: 'per-project' });
        assert.deepEqual(snapshot.global, { USER_PICKER: true });
        assert.equal(sim().requests.length, P + 2);
      });

      it('uses ⌈P/50⌉ + ⌈P/1000⌉ + 2 requests with the bulk check (the default from 3 projects on)', async () => {
        const snapshot = await fetchSnapshot(sim().url, JAN_CLOUD, held, FIXED);
        assert.equal(Object.values(snapshot.projects ?? {}).filter((p) => p.permissions?.EDIT_ISSUES).length, P);
        assert.equal(snapshot.global?.USER_PICKER, true);
        assert.equal(sim().requests.length, 4);
        assert.ok(sim().requests.length <= Math.ceil(P / 1000) + P + 3);
      });

      it('asks no scheme of an account that may not read it', async () => {
        const snapshot = await fetchSnapshot(sim().url, JAN_CLOUD, missing, FIXED);
        const { explain, rest } = split(paths(sim()));
        assert.equal(rest.length, 4);
        assert.deepEqual(explain, [], 'Jan administers neither Jira nor these projects');
        assert.deepEqual(snapshot.projects?.P07?.permissionScheme, { readable: false });
      });
    });
  });

  describe('SnapshotCache over HTTP', () => {
    const sim = useSim(SCENARIOS.demo);

    it('answers a second fetch, and a smaller one, without any request', async () => {
      const cache = new SnapshotCache();
      const first = await cache.get(sim().url, JAN_CLOUD, DEMO_NEEDS, FIXED);
      const count = sim().requests.length;
      assert.ok(count > 0);
      assert.equal(await cache.get(sim().url, JAN_CLOUD, DEMO_NEEDS, FIXED), first);
      assert.equal(await cache.get(`${sim().url}/`, JAN_CLOUD, { global: ['ADMINISTER'], projects: { ENG: ['CLOSE_ISSUES'] } }, FIXED), first);
      assert.equal(sim().requests.length, count);
      await cache.get(sim().url, JAN_CLOUD, { global: [], projects: { SUP: ['ADD_COMMENTS'] } }, FIXED);
      assert.ok(sim().requests.length > count, 'new needs are fetched');
    });

    it('does not cache a failed fetch', async () => {
      const cache = new SnapshotCache();
      sim().setFaults([{ path: '/rest/api/2/serverInfo', kind: 'status500', times: 1 }]);
      await assert.rejects(cache.get(sim().url, JAN_CLOUD, DEMO_NEEDS, FIXED), /serverInfo: Jira answered 500/);
      const snapshot = await cache.get(sim().url, JAN_CLOUD, DEMO_NEEDS, FIXED);
      assert.equal(snapshot.projects?.ENG?.permissions?.CLOSE_ISSUES, false);
    });
  });
});
