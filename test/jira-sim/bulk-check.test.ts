/** Cloud's POST /permissions/check: numeric ids, unknown ids ignored, limits, and checking other accounts. */
import { strict as assert } from 'node:assert';
import { CLOUD, call, useSim } from './helpers';
import { SCENARIOS, type Scenario } from './index';
import { readScenarioFile } from './scenario/load';

const PRIYA = '5c3f8e2a7b1d4e0012a9c3f1';

describe('bulk permission check (Cloud)', () => {
  const s = useSim(SCENARIOS.demo);
  const check = (body: unknown, auth: string | undefined = CLOUD.jan) => call(s.sim, '/rest/api/3/permissions/check', { auth, body });

  it('answers per permission the projects and issues where it is held', async () => {
    const answer = await check({
      globalPermissions: ['ADMINISTER', 'BULK_CHANGE'],
      projectPermissions: [
        {
          permissions: ['EDIT_ISSUES', 'CREATE_ATTACHMENTS'],
          projects: [10000, 10001, 10003],
          issues: [10010, 10018, 10103],
        },
      ],
    });
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body, {
      globalPermissions: ['BULK_CHANGE'],
      projectPermissions: [
        // SEC counts: in a project a reporter grant holds for anyone signed in. ENG-9 does not: its level hides it.
        { permission: 'EDIT_ISSUES', projects: [10000, 10001, 10003], issues: [10010, 10103] },
        { permission: 'CREATE_ATTACHMENTS', projects: [10000], issues: [10010] },
      ],
    });
  });

  it('ignores unknown ids, nulls and empty permission strings; leaves out permissions held nowhere asked', async () => {
    const answer = await check({
      globalPermissions: [null, 'USER_PICKER'],
      projectPermissions: [null, { permissions: ['CLOSE_ISSUES', ''], projects: [10000, 424242, null], issues: [999999] }],
    });
    assert.deepEqual(answer.body, { globalPermissions: ['USER_PICKER'], projectPermissions: [] });
  });

  it('answers 400 for unknown or misplaced keys, an entry without permissions, and a malformed body', async () => {
    const bad = await check({
      globalPermissions: ['EDIT_ISSUES', 'ADMINISTER'],
      projectPermissions: [{ permissions: ['EDIT_ISSUE'] }],
    });
    assert.deepEqual(
      [bad.status, bad.body],
      [
        400,
        {
          errorMessages: [],
          errors: { EDIT_ISSUES: 'Unrecognized permission', EDIT_ISSUE: 'Unrecognized permission' },
        },
      ],
    );
    assert.equal((await check({ projectPermissions: [{ permissions: [''], projects: [10000] }] })).status, 400);
    assert.equal((await check({ projectPermissions: [{ permissions: ['EDIT_ISSUES'], projects: ['10000'] }] })).status, 400);
    assert.equal((await check('{not json')).status, 400);
    assert.equal((await check([])).status, 400);
  });

  it("checks another account's permissions for Jira administrators only", async () => {
    const body = {
      accountId: PRIYA,
      projectPermissions: [{ permissions: ['CLOSE_ISSUES'], projects: [10000, 10001, 10002] }],
    };
    assert.deepEqual((await check(body, CLOUD.alana)).body.projectPermissions, [{ permission: 'CLOSE_ISSUES', projects: [10000, 10002], issues: [] }]);
    const refused = await check(body, CLOUD.jan);
    assert.deepEqual([refused.status, refused.body.errorMessages], [403, ['Only Jira administrators can perform this operation.']]);
    assert.equal((await check(body)).status, 403, 'anonymous');
    assert.equal((await check({ accountId: '5b10ac8d82e05b22cc7d4ef5' }, CLOUD.jan)).status, 200, 'asking about oneself is fine');
    assert.equal((await check({ accountId: 'no-such-account' }, CLOUD.alana)).status, 400);
  });

  describe('limits', () => {
    const many = useSim((): Scenario => {
      const scenario = readScenarioFile(SCENARIOS.demo);
      const extra = Array.from({ length: 1001 }, (_, i) => ({
        id: 40000 + i,
        key: `L${i}`,
        name: `Load ${i}`,
        lead: 'jan',
        permissionScheme: 'Default software scheme',
        roles: { Developers: ['jan'] },
      }));
      return { ...scenario, projects: [...scenario.projects, ...extra] };
    });

    it('accepts 1,000 valid project ids and refuses 1,001; invalid ids do not count', async () => {
      const ids = Array.from({ length: 1001 }, (_, i) => 40000 + i);
      const send = (projects: number[]) =>
        call(many.sim, '/rest/api/3/permissions/check', {
          auth: CLOUD.jan,
          body: { projectPermissions: [{ permissions: ['BROWSE_PROJECTS'], projects }] },
        });
      const ok = await send([...ids.slice(0, 1000), 1, 2, 3]);
      assert.deepEqual([ok.status, ok.body.projectPermissions[0].projects.length], [200, 1000]);
      assert.equal((await send(ids)).status, 400);
    });
  });
});
