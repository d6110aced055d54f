/**
 * Request budgets of a live fetch, counted at the simulator. For an account that administers nothing, P projects:
 * Data Center ≤ 2 + P; Cloud ≤ 3 + ⌈P/50⌉ + ⌈P/1000⌉ (literal issues add to both: see issue-context.test.ts; so do
 * the transitions of literal issues a step transitions, one request each: see transitions.test.ts).
 * An administrator adds at most one request per project with a missing grant and one per distinct scheme.
 */
import assert from 'node:assert/strict';
import { fetchSnapshot, type FetchSnapshotOptions } from '../../src/core/jira/fetch-snapshot';
import type { PermissionNeeds } from '../../src/core/snapshot/needs';
import type { Scenario } from '../jira-sim/index';
import { ALANA_CLOUD, ALANA_DC, demoWithProjects, JAN_CLOUD, JAN_DC, paths, QUICK, SCENARIOS, useSim } from './sim-helpers';

const P = 60;
const OPTIONS: FetchSnapshotOptions = { ...QUICK, now: () => new Date('2025-06-01T12:00:00Z') };
const keys = Array.from({ length: P }, (_, i) => `P${String(i + 1).padStart(2, '0')}`);
/** Jan lacks CLOSE_ISSUES everywhere (only QA holds it); USER_PICKER is a global key. */
const MISSING: PermissionNeeds = { global: ['USER_PICKER'], projects: Object.fromEntries(keys.map((k) => [k, ['ADD_COMMENTS', 'CLOSE_ISSUES']])) };

const cloudBudget = (projects: number, issues = 0): number => 3 + Math.ceil(projects / 50) + Math.ceil((projects + issues) / 1000) + Math.ceil(issues / 50);
const dcBudget = (projects: number, issues = 0): number => 2 + projects + issues;

function schemeReads(list: string[]): { refs: string[]; schemes: string[] } {
  return {
    refs: list.filter((p) => /\/project\/[^/]+\/permissionscheme$/.test(p)),
    schemes: list.filter((p) => /\/permissionscheme\/\d+$/.test(p)),
  };
}

/** The P projects, with Jan administering P01 (role Administrators) as well. */
function janAdministersP01(base: string): Scenario {
  const scenario = demoWithProjects(base, P);
  return {
    ...scenario,
    projects: scenario.projects.map((p) => (p.key === 'P01' ? { ...p, roles: { ...p.roles, Administrators: ['jan'] } } : p)),
  };
}

describe('jira request budgets (simulator)', () => {
  describe(`Data Center, ${P} projects`, () => {
    const sim = useSim(() => demoWithProjects(SCENARIOS.demoDc, P));

    it('asks an account that administers nothing no permission scheme: 2 + P requests', async () => {
      const snapshot = await fetchSnapshot(sim().url, JAN_DC, MISSING, OPTIONS);
      assert.equal(snapshot.projects?.P07?.permissions?.CLOSE_ISSUES, false);
      assert.deepEqual(snapshot.projects?.P07?.permissionScheme, { readable: false });
      assert.deepEqual(snapshot.global, { USER_PICKER: true });
      assert.deepEqual(schemeReads(paths(sim())), { refs: [], schemes: [] });
      assert.ok(sim().requests.length <= dcBudget(P), `${sim().requests.length} > ${dcBudget(P)}`);
    });

    it('explains for a Jira administrator: one look-up per project with a missing grant, one read per scheme', async () => {
      const snapshot = await fetchSnapshot(sim().url, ALANA_DC, MISSING, OPTIONS);
      assert.equal(snapshot.projects?.P07?.permissionScheme?.readable, true);
      const reads = schemeReads(paths(sim()));
      assert.equal(reads.refs.length, P);
      assert.equal(reads.schemes.length, 1, 'all on the default scheme');
      assert.ok(sim().requests.length <= dcBudget(P) + P + 1);
    });
  });

  describe(`Cloud, ${P} projects`, () => {
    const sim = useSim(() => janAdministersP01(SCENARIOS.demo));

    for (const strategy of ['bulk', 'per-project'] as const) {
      it(`reads the scheme only where Jan administers the project (${strategy})`, async () => {
        const snapshot = await fetchSnapshot(sim().url, JAN_CLOUD, MISSING, { ...OPTIONS, cloudProjectStrategy: strategy });
        assert.equal(snapshot.projects?.P01?.permissionScheme?.readable, true, 'Administer Projects in P01');
        assert.deepEqual(snapshot.projects?.P02?.permissionScheme, { readable: false });
        const reads = schemeReads(paths(sim()));
        assert.deepEqual(reads, { refs: ['GET /rest/api/2/project/P01/permissionscheme'], schemes: ['GET /rest/api/2/permissionscheme/10000'] });
        const budget = strategy === 'bulk' ? cloudBudget(P) : 2 + P;
        assert.ok(sim().requests.length <= budget + 2, `${sim().requests.length} > ${budget + 2}`);
        assert.equal(sim().requests.length - reads.refs.length - reads.schemes.length, strategy === 'bulk' ? 2 + Math.ceil(P / 50) + 1 : 2 + P);
      });
    }

    it('stays within 3 + ⌈P/50⌉ + ⌈P/1000⌉ for an account that administers nothing', async () => {
      const held: PermissionNeeds = { global: ['USER_PICKER'], projects: Object.fromEntries(keys.slice(1).map((k) => [k, ['CLOSE_ISSUES']])) };
      await fetchSnapshot(sim().url, JAN_CLOUD, held, OPTIONS);
      assert.deepEqual(schemeReads(paths(sim())), { refs: [], schemes: [] });
      assert.ok(sim().requests.length <= cloudBudget(P - 1), `${sim().requests.length} > ${cloudBudget(P - 1)}`);
    });

    // Agent work (S = P projects here) asks the projects' types first: ⌈S/50⌉ searches. On the bulk path they are
    // the searches that find the ids anyway, so the count stays the same; one mypermissions per project adds ⌈S/50⌉.
    const AGENT: PermissionNeeds = { global: [], explain: false, projects: Object.fromEntries(keys.map((k) => [k, ['EDIT_ISSUES', 'SERVICEDESK_AGENT']])) };
    for (const strategy of ['bulk', 'per-project'] as const) {
      it(`looks the types of agent work's projects up within ⌈S/50⌉ more requests, none more on the bulk path (${strategy})`, async () => {
        const snapshot = await fetchSnapshot(sim().url, JAN_CLOUD, AGENT, { ...OPTIONS, cloudProjectStrategy: strategy });
        assert.equal(snapshot.projects?.P07?.projectTypeKey, 'software');
        assert.deepEqual(snapshot.projects?.P07?.permissions, { EDIT_ISSUES: true });
        const searches = paths(sim()).filter((p) => p === 'GET /rest/api/3/project/search').length;
        assert.equal(searches, Math.ceil(P / 50));
        const budget = strategy === 'bulk' ? 2 + Math.ceil(P / 50) + Math.ceil(P / 1000) : 2 + Math.ceil(P / 50) + P;
        assert.equal(sim().requests.length, budget);
      });
    }

    it('explains for a Jira administrator within its allowance', async () => {
      const snapshot = await fetchSnapshot(sim().url, ALANA_CLOUD, MISSING, OPTIONS);
      assert.equal(snapshot.projects?.P07?.permissionScheme?.readable, true);
      const reads = schemeReads(paths(sim()));
      assert.equal(reads.refs.length, P);
      assert.equal(reads.schemes.length, 1);
      assert.ok(sim().requests.length <= cloudBudget(P) + P + 1);
    });
  });
});
