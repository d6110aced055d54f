/**
 * Archived projects (Cloud): a project that answers as not visible is looked up among archived ones, on either
 * strategy, and recorded `archived: true`. In issue-roles.yaml OLD is archived (public were it live); NOPE doesn't exist.
 */
import assert from 'node:assert/strict';
import { fetchSnapshot } from '../../src/core/jira/fetch-snapshot';
import type { PermissionNeeds } from '../../src/core/snapshot/needs';
import { paths, QUICK, recordLog, SCENARIOS, useSim } from './sim-helpers';

const RITA = { kind: 'api_token', email: 'rita@roles.example', token: 'sim-token-rita' } as const;
const OPTIONS = { ...QUICK, now: () => new Date('2025-06-01T12:00:00Z') };
const NEEDS: PermissionNeeds = { global: [], explain: false, projects: { NOPE: ['ADD_COMMENTS'], OLD: ['ADD_COMMENTS'], PUB: ['ADD_COMMENTS'] } };

describe('archived projects (simulator)', () => {
  const sim = useSim(SCENARIOS.issueRoles);

  for (const strategy of ['bulk', 'per-project'] as const) {
    it(`records an archived project as archived, and a missing one as merely not visible (${strategy})`, async () => {
      const snapshot = await fetchSnapshot(sim().url, RITA, NEEDS, { ...OPTIONS, cloudProjectStrategy: strategy });
      assert.deepEqual(snapshot.projects?.OLD, { visible: false, archived: true, id: '20002', name: 'Old public' });
      assert.deepEqual(snapshot.projects?.NOPE, { visible: false });
      assert.deepEqual(snapshot.projects?.PUB?.permissions, { ADD_COMMENTS: true });
      const archivedSearches = sim().requests.filter((r) => r.path === '/rest/api/3/project/search' && r.query.status === 'archived');
      assert.deepEqual(
        archivedSearches.map((r) => r.query.keys),
        ['NOPE,OLD'],
        'one look-up, of the keys not visible only',
      );
    });
  }

  it('asks nothing more when every project is visible', async () => {
    await fetchSnapshot(
      sim().url,
      RITA,
      { global: [], explain: false, projects: { PUB: ['ADD_COMMENTS'] } },
      { ...OPTIONS, cloudProjectStrategy: 'per-project' },
    );
    assert.deepEqual(paths(sim()).slice(2), ['GET /rest/api/2/mypermissions']);
  });

  it('leaves the projects not visible when the archived look-up fails', async () => {
    sim().setFaults([{ path: '/rest/api/3/project/search', kind: 'status500' }]);
    const log = recordLog();
    const snapshot = await fetchSnapshot(sim().url, RITA, NEEDS, { ...OPTIONS, cloudProjectStrategy: 'per-project', logger: log.logger });
    assert.deepEqual(snapshot.projects?.OLD, { visible: false });
    assert.ok(
      log.lines.some((l) => /^warn archived projects unknown/.test(l)),
      log.lines.join('\n'),
    );
  });
});
