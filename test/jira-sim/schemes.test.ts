/** Who may read permission schemes, and what the grants look like (Cloud and Data Center holders). */
import { strict as assert } from 'node:assert';
import { CLOUD, DC, ROLES, call, useSim } from './helpers';
import { SCENARIOS, type Scenario } from './index';
import { readScenarioFile } from './scenario/load';

interface Grant {
  id: number;
  self: string;
  permission: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read holder fields freely
  holder: Record<string, any>;
}

/** The demo world where Alana administers projects (Administrators role) but is no Jira administrator. */
function projectAdminOnly(path: string): () => Scenario {
  return () => {
    const scenario = readScenarioFile(path);
    return { ...scenario, groups: { ...scenario.groups, 'jira-administrators': [] } };
  };
}

const grantsOf = (body: { permissions: Grant[] }, permission: string) => body.permissions.filter((g) => g.permission === permission);

describe('permission schemes', () => {
  describe('Cloud readability', () => {
    const s = useSim(SCENARIOS.demo);
    const status = async (path: string, auth?: string) => (await call(s.sim, `/rest/api/3${path}`, { auth })).status;

    it('a Jira administrator reads any project scheme and any scheme by id', async () => {
      assert.equal(await status('/project/ENG/permissionscheme', CLOUD.alana), 200);
      assert.equal(await status('/permissionscheme/10001', CLOUD.alana), 200);
    });

    it('others: 403 for the project scheme, 404 for the scheme by id; anonymous 401; invisible project 404', async () => {
      assert.equal(await status('/project/ENG/permissionscheme', CLOUD.jan), 403);
      assert.equal(await status('/permissionscheme/10000', CLOUD.jan), 404);
      assert.equal(await status('/project/ENG/permissionscheme'), 401);
      assert.equal(await status('/permissionscheme/10000'), 401);
      assert.equal(await status('/project/SEC/permissionscheme', CLOUD.jan), 404);
      assert.equal(await status('/permissionscheme/424242', CLOUD.alana), 404);
    });

    it('lists grants only when expand has a value, and expands holders on request', async () => {
      const bare = await call(s.sim, '/rest/api/3/project/ENG/permissionscheme', { auth: CLOUD.alana });
      assert.deepEqual([bare.body.id, bare.body.name, bare.body.permissions], [10000, 'Default software scheme', undefined]);

      const grants = await call(s.sim, '/rest/api/3/permissionscheme/10000?expand=permissions', { auth: CLOUD.alana });
      const [close] = grantsOf(grants.body, 'CLOSE_ISSUES');
      assert.deepEqual(close.holder, {
        type: 'projectRole',
        parameter: '10100',
        value: '10100',
        expand: 'projectRole',
      });

      const all = await call(s.sim, '/rest/api/3/permissionscheme/10000?expand=all', { auth: CLOUD.alana });
      assert.equal(grantsOf(all.body, 'CLOSE_ISSUES')[0].holder.projectRole.name, 'QA');
      const [sprints] = grantsOf(all.body, 'MANAGE_SPRINTS_PERMISSION');
      assert.equal(sprints.holder.parameter, 'jira-administrators');
      assert.equal(sprints.holder.group.name, 'jira-administrators');
      assert.equal(sprints.holder.value, sprints.holder.group.groupId);
      assert.deepEqual(
        grantsOf(all.body, 'EDIT_ISSUES').map((g) => g.holder.type),
        ['projectRole', 'reporter'],
      );
    });

    it('a scheme based on another replaces the overridden permissions only', async () => {
      const ops = await call(s.sim, '/rest/api/3/permissionscheme/10001?expand=permissions', { auth: CLOUD.alana });
      assert.deepEqual(
        grantsOf(ops.body, 'CLOSE_ISSUES').map((g) => g.holder),
        [{ type: 'projectLead' }],
      );
      assert.deepEqual(
        grantsOf(ops.body, 'CREATE_ATTACHMENTS').map((g) => g.holder.parameter),
        ['ops-team'],
      );
      assert.deepEqual(
        grantsOf(ops.body, 'BROWSE_PROJECTS').map((g) => g.holder.parameter),
        ['10001'],
      );
    });
  });

  describe('Cloud: a project administrator who is no Jira administrator', () => {
    const s = useSim(projectAdminOnly(SCENARIOS.demo));
    it('reads the schemes of the projects they administer', async () => {
      assert.equal((await call(s.sim, '/rest/api/3/project/OPS/permissionscheme', { auth: CLOUD.alana })).status, 200);
      assert.equal((await call(s.sim, '/rest/api/3/permissionscheme/10001', { auth: CLOUD.alana })).status, 200);
    });
  });

  describe('Cloud: every holder type', () => {
    const s = useSim(SCENARIOS.issueRoles);
    it('user, application role, custom fields, lead and issue roles', async () => {
      const all = await call(s.sim, '/rest/api/3/permissionscheme/20000?expand=all', { auth: ROLES.ada.cloud });
      const holder = (permission: string) => grantsOf(all.body, permission)[0].holder;
      assert.equal(holder('LINK_ISSUES').parameter, '70121a0000000000000000a3');
      assert.deepEqual([holder('LINK_ISSUES').user.accountId, holder('LINK_ISSUES').user.displayName], ['70121a0000000000000000a3', 'Carl Approver']);
      assert.deepEqual(holder('BROWSE_PROJECTS'), { type: 'applicationRole' });
      assert.deepEqual(holder('CREATE_ISSUES'), {
        type: 'applicationRole',
        parameter: 'jira-servicedesk',
        value: 'jira-servicedesk',
      });
      assert.deepEqual([holder('CLOSE_ISSUES').type, holder('CLOSE_ISSUES').field.name], ['userCustomField', 'Approvers']);
      assert.deepEqual([holder('TRANSITION_ISSUES').type, holder('TRANSITION_ISSUES').parameter], ['groupCustomField', 'customfield_10051']);
      assert.deepEqual(
        [holder('EDIT_ISSUES'), holder('RESOLVE_ISSUES'), holder('ASSIGN_ISSUES')],
        [{ type: 'reporter' }, { type: 'assignee' }, { type: 'projectLead' }],
      );
    });
  });

  describe('Data Center readability and holders', () => {
    const s = useSim(SCENARIOS.demoDc);

    it('needs a Jira administrator: 403 for everyone else, 401 for anonymous', async () => {
      assert.equal((await call(s.sim, '/rest/api/2/project/ENG/permissionscheme', { auth: DC.alana })).status, 200);
      assert.equal((await call(s.sim, '/rest/api/2/project/ENG/permissionscheme', { auth: DC.jan })).status, 403);
      assert.equal((await call(s.sim, '/rest/api/2/permissionscheme/10000', { auth: DC.jan })).status, 403);
      assert.equal((await call(s.sim, '/rest/api/2/permissionscheme/10000')).status, 401);
      assert.equal((await call(s.sim, '/rest/api/2/permissionscheme/424242', { auth: DC.alana })).status, 404);
    });

    it('holders carry a parameter and, when expanded, the object — no Cloud value', async () => {
      const all = await call(s.sim, '/rest/api/2/permissionscheme/10000?expand=all', { auth: DC.alana });
      const [close] = grantsOf(all.body, 'CLOSE_ISSUES');
      assert.deepEqual(close.holder, {
        type: 'projectRole',
        parameter: '10100',
        projectRole: {
          self: `${s.sim.url}/rest/api/2/role/10100`,
          name: 'QA',
          id: 10100,
          description: 'Verifies and closes issues',
        },
      });
      assert.equal(close.self, `${s.sim.url}/rest/api/2/permissionscheme/10000/permission/${close.id}`);
    });
  });

  describe('Data Center: a project administrator who is no Jira administrator', () => {
    const s = useSim(projectAdminOnly(SCENARIOS.demoDc));
    it('is refused (403): on Data Center only Jira administrators read schemes', async () => {
      assert.equal((await call(s.sim, '/rest/api/2/project/OPS/permissionscheme', { auth: DC.alana })).status, 403);
    });
  });

  describe('Data Center: user holders', () => {
    const s = useSim(SCENARIOS.issueRolesDc);
    it('name the user by key, with username and display name when expanded', async () => {
      const all = await call(s.sim, '/rest/api/2/permissionscheme/20000?expand=user', { auth: ROLES.ada.dc });
      const [link] = grantsOf(all.body, 'LINK_ISSUES');
      assert.deepEqual([link.holder.parameter, link.holder.user.name, link.holder.user.displayName], ['carl', 'carl', 'Carl Approver']);
      assert.equal(grantsOf(all.body, 'CLOSE_ISSUES')[0].holder.field, undefined, 'fields only with expand=field');
    });
  });

  describe('Jira 6.4', () => {
    const s = useSim(SCENARIOS.legacyServer);
    it('has no permission scheme resources', async () => {
      assert.equal((await call(s.sim, '/rest/api/2/project/ENG/permissionscheme', { auth: DC.alana })).status, 404);
      assert.equal((await call(s.sim, '/rest/api/2/permissionscheme/10000', { auth: DC.alana })).status, 404);
    });
  });
});
