/**
 * Jira Service Management projects, live: agent work asks the project's type first (Cloud's project search) and
 * Service Desk Agent only where the type is service_desk. In issue-roles.yaml HELP is a Service Management project
 * whose agents are the jira-servicedesk users (Gina); Rita, who reported HELP-1, is a customer there. PUB is not.
 */
import assert from 'node:assert/strict';
import { fetchSnapshot } from '../../src/core/jira/fetch-snapshot';
import type { PermissionNeeds } from '../../src/core/snapshot/needs';
import { paths, QUICK, recordLog, SCENARIOS, useSim } from './sim-helpers';

const RITA = { kind: 'api_token', email: 'rita@roles.example', token: 'sim-token-rita' } as const;
const GINA = { kind: 'api_token', email: 'gina@roles.example', token: 'sim-token-gina' } as const;
const RITA_DC = { kind: 'password', username: 'rita', password: 'sim-password-rita' } as const;
const OPTIONS = { ...QUICK, now: () => new Date('2025-06-01T12:00:00Z') };
/** What update_issue in HELP and PUB asks (permissionNeeds adds SERVICEDESK_AGENT to agent work's projects). */
const AGENT_WORK: PermissionNeeds = {
  global: [],
  projects: { HELP: ['BROWSE_PROJECTS', 'EDIT_ISSUES', 'SERVICEDESK_AGENT'], PUB: ['BROWSE_PROJECTS', 'EDIT_ISSUES', 'SERVICEDESK_AGENT'] },
};

describe('Service Management projects (simulator)', () => {
  describe('Cloud', () => {
    const sim = useSim(SCENARIOS.issueRoles);

    it('learns the types with one project search, then asks Service Desk Agent in HELP alone (per-project)', async () => {
      const snapshot = await fetchSnapshot(sim().url, RITA, AGENT_WORK, { ...OPTIONS, cloudProjectStrategy: 'per-project' });
      assert.equal(snapshot.projects?.HELP?.projectTypeKey, 'service_desk');
      assert.deepEqual(snapshot.projects?.HELP?.permissions, { BROWSE_PROJECTS: true, EDIT_ISSUES: true, SERVICEDESK_AGENT: false });
      assert.equal(snapshot.projects?.PUB?.projectTypeKey, 'software');
      assert.deepEqual(snapshot.projects?.PUB?.permissions, { BROWSE_PROJECTS: true, EDIT_ISSUES: true });
      assert.deepEqual(paths(sim()), [
        'GET /rest/api/2/myself',
        'GET /rest/api/2/serverInfo',
        'GET /rest/api/3/project/search',
        'GET /rest/api/2/mypermissions',
        'GET /rest/api/2/mypermissions',
      ]);
      const asked = sim()
        .requests.filter((r) => r.path === '/rest/api/2/mypermissions')
        .map((r) => `${r.query.projectKey}: ${r.query.permissions}`)
        .sort();
      // The key is never sent where the project is not a Service Management one (a site without it may reject it).
      assert.deepEqual(asked, [
        'HELP: ADMINISTER,ADMINISTER_PROJECTS,BROWSE_PROJECTS,EDIT_ISSUES,SERVICEDESK_AGENT',
        'PUB: ADMINISTER,ADMINISTER_PROJECTS,BROWSE_PROJECTS,EDIT_ISSUES',
      ]);
    });

    it('finds the agent (Gina) holding it, and the bulk check reuses the same search for the ids', async () => {
      const snapshot = await fetchSnapshot(sim().url, GINA, AGENT_WORK, { ...OPTIONS, cloudProjectStrategy: 'bulk' });
      assert.equal(snapshot.projects?.HELP?.permissions?.SERVICEDESK_AGENT, true);
      assert.equal(snapshot.projects?.HELP?.projectTypeKey, 'service_desk');
      assert.equal(snapshot.projects?.PUB?.permissions?.SERVICEDESK_AGENT, undefined);
      assert.deepEqual(paths(sim()).slice(2), ['GET /rest/api/3/project/search', 'POST /rest/api/3/permissions/check']);
    });

    it('asks no project type when no step does agent work', async () => {
      await fetchSnapshot(sim().url, RITA, { global: [], projects: { HELP: ['CREATE_ISSUES'] } }, { ...OPTIONS, cloudProjectStrategy: 'per-project' });
      assert.deepEqual(paths(sim()).slice(2), ['GET /rest/api/2/mypermissions']);
    });

    it('leaves the type unknown, and Service Desk Agent unasked, when the project search fails', async () => {
      sim().setFaults([{ path: '/rest/api/3/project/search', kind: 'status500' }]);
      const log = recordLog();
      const snapshot = await fetchSnapshot(sim().url, RITA, AGENT_WORK, { ...OPTIONS, cloudProjectStrategy: 'per-project', logger: log.logger });
      assert.equal(snapshot.projects?.HELP?.projectTypeKey, undefined);
      assert.deepEqual(snapshot.projects?.HELP?.permissions, { BROWSE_PROJECTS: true, EDIT_ISSUES: true });
      assert.ok(
        log.lines.some((l) => /^warn project types unknown/.test(l)),
        log.lines.join('\n'),
      );
    });
  });

  describe('Data Center', () => {
    const sim = useSim(SCENARIOS.issueRolesDc);

    it("looks no type up (the spec's project answers show none) and never asks the key", async () => {
      const snapshot = await fetchSnapshot(sim().url, RITA_DC, AGENT_WORK, OPTIONS);
      assert.equal(snapshot.projects?.HELP?.projectTypeKey, undefined);
      assert.deepEqual(snapshot.projects?.HELP?.permissions, { BROWSE_PROJECTS: true, EDIT_ISSUES: true });
      assert.deepEqual(paths(sim()).slice(2), ['GET /rest/api/2/mypermissions', 'GET /rest/api/2/mypermissions']);
    });
  });
});
