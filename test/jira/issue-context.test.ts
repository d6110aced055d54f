/**
 * Literal issues are asked about as themselves: Data Center `mypermissions?issueKey=`, Cloud the bulk check's
 * `issues` (ids from one bulk fetch) or `mypermissions?issueKey=` one project at a time. Budgets, for P projects and
 * I literal issues of an account that administers nothing: Data Center ≤ 2 + P + I; Cloud ≤ 3 + ⌈P/50⌉ +
 * ⌈(P+I)/1000⌉ + ⌈I/50⌉.
 */
import assert from 'node:assert/strict';
import type { JiraCredentials } from '../../src/core/jira/credentials';
import { fetchSnapshot, type FetchSnapshotOptions } from '../../src/core/jira/fetch-snapshot';
import type { PermissionNeeds } from '../../src/core/snapshot/needs';
import { JAN_CLOUD, JAN_DC, paths, QUICK, SCENARIOS, useSim } from './sim-helpers';

const OPTIONS: FetchSnapshotOptions = { ...QUICK, now: () => new Date('2025-06-01T12:00:00Z') };
const RITA = { kind: 'api_token', email: 'rita@roles.example', token: 'sim-token-rita' } satisfies JiraCredentials;

const cloudBudget = (p: number, i: number): number => 3 + Math.ceil(p / 50) + Math.ceil((p + i) / 1000) + Math.ceil(i / 50);

/** ENG-1 is open to Jan, ENG-9 sits under the Top-secret level, ENG-404 doesn't exist; SEC he can't see at all. */
const DEMO_NEEDS: PermissionNeeds = {
  global: [],
  projects: { ENG: ['ADD_COMMENTS'], SEC: ['ADD_COMMENTS'] },
  issues: { 'ENG-1': ['ADD_COMMENTS'], 'ENG-9': ['ADD_COMMENTS'], 'ENG-404': ['ADD_COMMENTS'], 'SEC-1': ['ADD_COMMENTS'] },
};

describe('jira issue context (simulator)', () => {
  describe('Data Center', () => {
    const sim = useSim(SCENARIOS.demoDc);

    it('asks mypermissions?issueKey= for each literal issue of a visible project: 2 + P + I requests at most', async () => {
      const snapshot = await fetchSnapshot(sim().url, JAN_DC, DEMO_NEEDS, OPTIONS);
      assert.deepEqual(snapshot.projects?.ENG?.issues, {
        'ENG-1': { visible: true, permissions: { ADD_COMMENTS: true } },
        'ENG-9': { visible: false },
        'ENG-404': { visible: false },
      });
      assert.deepEqual(snapshot.projects?.SEC, { visible: false }, 'no issue is asked in a project Jan cannot see');
      const issueQueries = sim()
        .requests.filter((r) => r.query.issueKey !== undefined)
        .map((r) => r.query.issueKey)
        .sort();
      assert.deepEqual(issueQueries, ['ENG-1', 'ENG-404', 'ENG-9']);
      assert.ok(sim().requests.length <= 2 + 2 + 4, `${sim().requests.length} requests`);
    });
  });

  describe('Cloud, grants to the reporter', () => {
    const sim = useSim(SCENARIOS.issueRoles);
    // In HELP only an issue's reporter may edit it: Rita reported HELP-1, Amir HELP-2.
    const needs: PermissionNeeds = { global: [], projects: { HELP: ['EDIT_ISSUES'] }, issues: { 'HELP-1': ['EDIT_ISSUES'], 'HELP-2': ['EDIT_ISSUES'] } };

    for (const strategy of ['bulk', 'per-project'] as const) {
      it(`tells the issue Rita reported from the one she didn't (${strategy})`, async () => {
        const snapshot = await fetchSnapshot(sim().url, RITA, needs, { ...OPTIONS, cloudProjectStrategy: strategy });
        assert.deepEqual(snapshot.projects?.HELP?.permissions, { EDIT_ISSUES: true }, 'the project answer: some issue qualifies');
        const issues = snapshot.projects?.HELP?.issues ?? {};
        assert.equal(issues['HELP-1']?.permissions?.EDIT_ISSUES, true);
        assert.equal(issues['HELP-2']?.permissions?.EDIT_ISSUES, false);
        if (strategy === 'bulk') {
          assert.equal(issues['HELP-1']?.id, '20010');
          assert.deepEqual(paths(sim()).slice(2).sort(), [
            'GET /rest/api/3/project/search',
            'POST /rest/api/3/issue/bulkfetch',
            'POST /rest/api/3/permissions/check',
          ]);
        } else {
          assert.equal(sim().requests.length, 2 + 1 + 2);
        }
        assert.ok(sim().requests.length <= cloudBudget(1, 2));
      });
    }
  });

  describe('Cloud, issue security', () => {
    const sim = useSim(SCENARIOS.demo);

    for (const strategy of ['bulk', 'per-project'] as const) {
      it(`records an issue hidden by its security level, or missing, as not visible (${strategy})`, async () => {
        const snapshot = await fetchSnapshot(sim().url, JAN_CLOUD, DEMO_NEEDS, { ...OPTIONS, cloudProjectStrategy: strategy });
        const issues = snapshot.projects?.ENG?.issues ?? {};
        assert.equal(issues['ENG-1']?.visible, true);
        assert.equal(issues['ENG-1']?.permissions?.ADD_COMMENTS, true);
        assert.deepEqual(issues['ENG-9'], { visible: false });
        assert.deepEqual(issues['ENG-404'], { visible: false });
        assert.deepEqual(snapshot.projects?.SEC, { visible: false });
        // One project at a time costs what Data Center does; 'auto' would take the bulk check here.
        const budget = strategy === 'bulk' ? cloudBudget(2, 4) : 2 + 2 + 4;
        assert.ok(sim().requests.length <= budget, `${sim().requests.length} > ${budget}`);
      });
    }

    it('leaves the issues unavailable, never invisible, when the issue look-up fails', async () => {
      sim().setFaults([{ path: '/rest/api/3/issue/bulkfetch', kind: 'status500' }]);
      const snapshot = await fetchSnapshot(sim().url, JAN_CLOUD, DEMO_NEEDS, { ...OPTIONS, cloudProjectStrategy: 'bulk' });
      const issue = snapshot.projects?.ENG?.issues?.['ENG-9'];
      assert.equal(issue?.visible, true);
      assert.match(issue?.unavailable ?? '', /500/);
      assert.deepEqual(snapshot.projects?.ENG?.permissions, { ADD_COMMENTS: true }, 'the project is still answered');
    });

    it('stays within the Cloud budget for 120 literal issues over 3 projects', async () => {
      const issues = Object.fromEntries(Array.from({ length: 120 }, (_, i) => [`ENG-${i + 1000}`, ['ADD_COMMENTS']]));
      const needs: PermissionNeeds = { global: ['USER_PICKER'], projects: { ENG: ['ADD_COMMENTS'], OPS: ['ADD_COMMENTS'], SUP: ['ADD_COMMENTS'] }, issues };
      const snapshot = await fetchSnapshot(sim().url, JAN_CLOUD, needs, OPTIONS);
      assert.equal(Object.keys(snapshot.projects?.ENG?.issues ?? {}).length, 120);
      assert.ok(sim().requests.length <= cloudBudget(3, 120), `${sim().requests.length} > ${cloudBudget(3, 120)}`);
    });
  });
});
