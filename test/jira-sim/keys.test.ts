/** Permission keys on the wire: Cloud's required `permissions` parameter versus Data Center's all-keys answers. */
import { strict as assert } from 'node:assert';
import { PERMISSIONS } from '../../src/core/catalog/permissions';
import { CLOUD, DC, call, useSim } from './helpers';
import { SCENARIOS } from './index';

interface Entry {
  id?: string;
  key: string;
  name: string;
  type: string;
  description: string;
  havePermission?: boolean;
  deprecatedKey?: boolean;
}

describe('permission keys', () => {
  describe('Cloud mypermissions', () => {
    const s = useSim(SCENARIOS.demo);

    it('requires `permissions`: 400 with an ErrorCollection without it', async () => {
      for (const query of ['', '?permissions=', '?projectKey=ENG&permissions=%20,%20']) {
        const answer = await call(s.sim, `/rest/api/3/mypermissions${query}`, { auth: CLOUD.jan });
        assert.equal(answer.status, 400, query);
        assert.deepEqual(Object.keys(answer.body).sort(), ['errorMessages', 'errors']);
        assert.equal(answer.body.errorMessages.length, 1);
      }
    });

    it('answers 400 for an unknown key and for a legacy key', async () => {
      for (const key of ['EDIT_ISSUE', 'BROWSE', 'NOT_A_PERMISSION']) {
        const answer = await call(s.sim, `/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS,${key}`, {
          auth: CLOUD.jan,
        });
        assert.equal(answer.status, 400, key);
        assert.match(answer.body.errorMessages[0], new RegExp(key));
      }
    });

    it('answers exactly the keys asked for, with Jira ids, names and types', async () => {
      const answer = await call(s.sim, '/rest/api/3/mypermissions?permissions=EDIT_ISSUES,%20ADMINISTER,MANAGE_SPRINTS_PERMISSION', {
        auth: CLOUD.jan,
      });
      const permissions = answer.body.permissions as Record<string, Entry>;
      assert.deepEqual(Object.keys(permissions), ['EDIT_ISSUES', 'ADMINISTER', 'MANAGE_SPRINTS_PERMISSION']);
      assert.deepEqual(permissions.EDIT_ISSUES, {
        id: '12',
        key: 'EDIT_ISSUES',
        name: 'Edit Issues',
        type: 'PROJECT',
        description: "Change an issue's fields.",
        havePermission: true,
      });
      assert.equal(permissions.ADMINISTER.type, 'GLOBAL');
      assert.equal(permissions.ADMINISTER.id, '0');
      assert.equal(permissions.MANAGE_SPRINTS_PERMISSION.id, undefined, 'an app permission has no numeric id');
    });

    it('GET /permissions lists current keys only, to anyone', async () => {
      const answer = await call(s.sim, '/rest/api/3/permissions');
      const keys = Object.keys(answer.body.permissions);
      assert.deepEqual(keys.sort(), PERMISSIONS.map((p) => p.key).sort());
    });
  });

  describe('Data Center 9.12 mypermissions', () => {
    const s = useSim(SCENARIOS.demoDc);

    it('ignores `permissions` and answers every key, each renamed one twice: the old key flagged deprecatedKey', async () => {
      const answer = await call(s.sim, '/rest/api/2/mypermissions?projectKey=OPS&permissions=BROWSE_PROJECTS', {
        auth: DC.jan,
      });
      const permissions = answer.body.permissions as Record<string, Entry>;
      const current = PERMISSIONS.filter((p) => p.key !== 'CREATE_PROJECT');
      const legacy = current.flatMap((p) => p.legacyKeys ?? []);
      assert.deepEqual(Object.keys(permissions).sort(), [...current.map((p) => p.key), ...legacy].sort());
      for (const p of current) {
        assert.equal(permissions[p.key].deprecatedKey, undefined, p.key);
        for (const old of p.legacyKeys ?? []) {
          const { key, deprecatedKey, ...twin } = permissions[old];
          const { key: _k, ...original } = permissions[p.key];
          assert.deepEqual([key, deprecatedKey, twin], [old, true, original], old);
        }
      }
      assert.equal(permissions.CREATE_ATTACHMENTS.havePermission, false);
      assert.equal(permissions.CREATE_ATTACHMENT.havePermission, false);
      assert.equal(permissions.BROWSE.havePermission, true);
    });

    it('GET /permissions: every current key with its id, for administrators only', async () => {
      const answer = await call(s.sim, '/rest/api/2/permissions', { auth: DC.alana });
      const permissions = answer.body.permissions as Record<string, Entry>;
      assert.ok(!('EDIT_ISSUE' in permissions) && !('CREATE_PROJECT' in permissions));
      assert.equal(permissions.BROWSE_PROJECTS.id, '10');
      assert.equal((await call(s.sim, '/rest/api/2/permissions', { auth: DC.jan })).status, 403);
    });

    it('has no bulk check (Cloud only)', async () => {
      const answer = await call(s.sim, '/rest/api/2/permissions/check', {
        auth: DC.alana,
        body: { globalPermissions: ['ADMINISTER'] },
      });
      assert.equal(answer.status, 404);
      assert.equal((await call(s.sim, '/rest/api/3/mypermissions', { auth: DC.jan })).status, 404, 'no API v3 on DC');
    });
  });

  describe('Jira 6.4 (too old) mypermissions', () => {
    const s = useSim(SCENARIOS.legacyServer);

    it('answers the old keys only, without deprecatedKey', async () => {
      const answer = await call(s.sim, '/rest/api/2/mypermissions?projectKey=ENG', { auth: DC.jan });
      const permissions = answer.body.permissions as Record<string, Entry>;
      assert.ok(!('BROWSE_PROJECTS' in permissions) && !('EDIT_ISSUES' in permissions));
      assert.deepEqual(permissions.BROWSE, {
        id: '10',
        key: 'BROWSE',
        name: 'Browse Projects',
        type: 'PROJECT',
        description: PERMISSIONS.find((p) => p.key === 'BROWSE_PROJECTS')!.description,
        havePermission: true,
      });
      // Permissions that were never renamed keep their key.
      assert.equal(permissions.ASSIGNABLE_USER.havePermission, true);
      assert.equal(permissions.ADMINISTER.havePermission, false);
    });

    it('reports its version as 6.4.0 and lists old keys in GET /permissions', async () => {
      const info = await call(s.sim, '/rest/api/2/serverInfo');
      assert.deepEqual([info.body.version, info.body.versionNumbers, info.body.deploymentType], ['6.4.0', [6, 4, 0], 'Server']);
      const all = await call(s.sim, '/rest/api/2/permissions', { auth: DC.alana });
      assert.ok('WORKLOG_EDIT_OWN' in all.body.permissions && !('EDIT_OWN_WORKLOGS' in all.body.permissions));
    });
  });
});
