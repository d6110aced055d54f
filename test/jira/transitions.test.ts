/**
 * The transitions of literal issues a step transitions: one `GET …/issue/{key}/transitions` per such issue (Cloud
 * v3, Data Center v2), asked as the account, for issues that answered as visible — on top of the 2 + P + I of the
 * permission requests (see request-budget.test.ts): 2 + P + I + T on Data Center.
 */
import assert from 'node:assert/strict';
import type { JiraCredentials } from '../../src/core/jira/credentials';
import { fetchSnapshot, type FetchSnapshotOptions } from '../../src/core/jira/fetch-snapshot';
import type { PermissionNeeds } from '../../src/core/snapshot/needs';
import { JAN_CLOUD, JAN_DC, paths, QUICK, SCENARIOS, useSim } from './sim-helpers';

const OPTIONS: FetchSnapshotOptions = { ...QUICK, now: () => new Date('2025-06-01T12:00:00Z') };
const PRIYA_CLOUD = { kind: 'api_token', email: 'priya@acme.example', token: 'sim-token-priya' } satisfies JiraCredentials;

/** ENG-1 is Open: Jan (Developer) may start or resolve it, only QA (Priya) may close it; ENG-9 Jan can't see. */
const NEEDS: PermissionNeeds = {
  global: [],
  projects: { ENG: ['BROWSE_PROJECTS', 'TRANSITION_ISSUES'] },
  issues: { 'ENG-1': ['BROWSE_PROJECTS', 'TRANSITION_ISSUES'] },
  transitionIssues: ['ENG-1', 'eng-9'],
};
const JAN_SEES = [
  { id: '4', name: 'Start Progress', to: 'In Progress' },
  { id: '5', name: 'Resolve Issue', to: 'Resolved' },
];

const transitionRequests = (list: string[]) => list.filter((p) => p.endsWith('/transitions'));

describe('jira issue transitions (simulator)', () => {
  describe('Data Center', () => {
    const sim = useSim(SCENARIOS.demoDc);

    it('asks v2 for the transitions of each visible issue a step transitions: 2 + P + I + T requests', async () => {
      const snapshot = await fetchSnapshot(sim().url, JAN_DC, NEEDS, OPTIONS);
      assert.deepEqual(snapshot.projects?.ENG?.issues?.['ENG-1']?.transitions, JAN_SEES);
      assert.deepEqual(snapshot.projects?.ENG?.issues?.['ENG-9'], { visible: false }, 'an issue Jan cannot see is not asked');
      assert.deepEqual(transitionRequests(paths(sim())), ['GET /rest/api/2/issue/ENG-1/transitions']);
      assert.equal(sim().requests.length, 2 + 1 + 2 + 1);
    });

    it('leaves the transitions unknown when Jira fails to list them, and the rest of the snapshot stands', async () => {
      sim().setFaults([{ path: /\/transitions$/, kind: 'status500' }]);
      const snapshot = await fetchSnapshot(sim().url, JAN_DC, NEEDS, OPTIONS);
      assert.deepEqual(snapshot.projects?.ENG?.issues?.['ENG-1'], { visible: true, permissions: { BROWSE_PROJECTS: true, TRANSITION_ISSUES: true } });
    });

    it('asks for no transitions when no step needs them', async () => {
      await fetchSnapshot(sim().url, JAN_DC, { ...NEEDS, transitionIssues: [] }, OPTIONS);
      assert.deepEqual(transitionRequests(paths(sim())), []);
    });
  });

  describe('Cloud', () => {
    const sim = useSim(SCENARIOS.demo);

    for (const strategy of ['bulk', 'per-project'] as const) {
      it(`asks v3, as the account: Jan and Priya are offered different transitions (${strategy})`, async () => {
        const jan = await fetchSnapshot(sim().url, JAN_CLOUD, NEEDS, { ...OPTIONS, cloudProjectStrategy: strategy });
        assert.deepEqual(jan.projects?.ENG?.issues?.['ENG-1']?.transitions, JAN_SEES);
        assert.deepEqual(transitionRequests(paths(sim())), ['GET /rest/api/3/issue/ENG-1/transitions']);
        const priya = await fetchSnapshot(sim().url, PRIYA_CLOUD, NEEDS, { ...OPTIONS, cloudProjectStrategy: strategy });
        assert.deepEqual(priya.projects?.ENG?.issues?.['ENG-1']?.transitions, [...JAN_SEES, { id: '2', name: 'Close Issue', to: 'Closed' }]);
      });
    }
  });
});
