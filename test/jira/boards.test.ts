/**
 * A sprint's projects are its board's: one `GET /rest/agile/1.0/board/{id}/project` per board a recipe names
 * literally, before the permission requests, which then ask about the board's projects too (2 + B + P on Data Center).
 */
import assert from 'node:assert/strict';
import { fetchSnapshot, type FetchSnapshotOptions } from '../../src/core/jira/fetch-snapshot';
import type { PermissionNeeds } from '../../src/core/snapshot/needs';
import { JAN_CLOUD, JAN_DC, paths, QUICK, SCENARIOS, useSim } from './sim-helpers';

const OPTIONS: FetchSnapshotOptions = { ...QUICK, now: () => new Date('2025-06-01T12:00:00Z') };

/** Board 12 is ENG's; 20 shows OPS and SEC (Jan can't browse SEC); there is no board 99. */
const NEEDS: PermissionNeeds = {
  global: [],
  projects: { SUP: ['BROWSE_PROJECTS'] },
  boards: { '12': ['MANAGE_SPRINTS_PERMISSION'], '20': ['MANAGE_SPRINTS_PERMISSION'], '99': ['MANAGE_SPRINTS_PERMISSION'] },
};

const boardRequests = (list: string[]) => list.filter((p) => p.includes('/rest/agile/')).sort();

describe('jira board projects (simulator)', () => {
  describe('Data Center', () => {
    const sim = useSim(SCENARIOS.demoDc);

    it("records each board's projects and asks its permissions there: 2 + B + P requests", async () => {
      const snapshot = await fetchSnapshot(sim().url, JAN_DC, NEEDS, OPTIONS);
      assert.deepEqual(snapshot.boards, { '12': { visible: true, projects: ['ENG'] }, '20': { visible: true, projects: [] }, '99': { visible: false } });
      assert.deepEqual(snapshot.projects?.ENG?.permissions, { MANAGE_SPRINTS_PERMISSION: false });
      assert.deepEqual(Object.keys(snapshot.projects ?? {}), ['ENG', 'SUP'], 'a board without named projects adds none');
      assert.deepEqual(boardRequests(paths(sim())), [
        'GET /rest/agile/1.0/board/12/project',
        'GET /rest/agile/1.0/board/20/project',
        'GET /rest/agile/1.0/board/99/project',
      ]);
      assert.equal(sim().requests.length, 2 + 3 + 2);
    });

    it('records a board whose projects could not be fetched as unavailable', async () => {
      sim().setFaults([{ path: '/rest/agile/1.0/board/12/project', kind: 'status500' }]);
      const snapshot = await fetchSnapshot(sim().url, JAN_DC, NEEDS, OPTIONS);
      assert.equal(snapshot.boards?.['12']?.visible, true);
      assert.match(snapshot.boards?.['12']?.unavailable ?? '', /500/);
      assert.equal(snapshot.projects?.ENG, undefined);
    });
  });

  describe('Cloud', () => {
    const sim = useSim(SCENARIOS.demo);

    for (const strategy of ['bulk', 'per-project'] as const) {
      it(`asks the same agile path on Cloud (${strategy})`, async () => {
        const snapshot = await fetchSnapshot(sim().url, JAN_CLOUD, NEEDS, { ...OPTIONS, cloudProjectStrategy: strategy });
        assert.deepEqual(snapshot.boards?.['12'], { visible: true, projects: ['ENG'] });
        assert.equal(snapshot.projects?.ENG?.permissions?.MANAGE_SPRINTS_PERMISSION, false);
        assert.equal(boardRequests(paths(sim())).length, 3);
      });
    }
  });
});
