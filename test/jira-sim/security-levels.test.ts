/** GET /project/{key}/securitylevel: the levels a user may set — none without Set Issue Security. */
import { strict as assert } from 'node:assert';
import { CLOUD, DC, ROLES, call, useSim } from './helpers';
import { SCENARIOS, type Scenario } from './index';
import { readScenarioFile } from './scenario/load';

const names = (body: { levels: { name: string }[] }) => body.levels.map((l) => l.name);

describe('security levels', () => {
  describe('Cloud demo', () => {
    const s = useSim(SCENARIOS.demo);
    const levels = (project: string, auth?: string) => call(s.sim, `/rest/api/3/project/${project}/securitylevel`, { auth });

    it('lists the levels the user may set and is a member of', async () => {
      const answer = await levels('ENG', CLOUD.jan);
      assert.deepEqual(answer.body, {
        levels: [
          {
            self: `${s.sim.url}/rest/api/3/securitylevel/10100`,
            id: '10100',
            description: 'Staff only',
            name: 'Internal',
            isDefault: false,
            issueSecuritySchemeId: '10000',
          },
        ],
      });
    });

    it('is empty without Set Issue Security, even for a member of every level', async () => {
      assert.deepEqual((await levels('ENG', CLOUD.alana)).body, { levels: [] });
    });

    it('is empty in a project without an issue security scheme', async () => {
      assert.deepEqual((await levels('OPS', CLOUD.jan)).body, { levels: [] });
    });

    it('answers 404 for an invisible project, anonymous included', async () => {
      assert.equal((await levels('SEC', CLOUD.jan)).status, 404);
      assert.equal((await levels('ENG')).status, 404);
    });
  });

  describe('Cloud: members through roles and issue roles', () => {
    const s = useSim((): Scenario => {
      const scenario = readScenarioFile(SCENARIOS.demo);
      const [eng] = scenario.issueSecuritySchemes ?? [];
      return {
        ...scenario,
        // Project administrators may set security too, and a third level is for reporter and assignee.
        permissionSchemes: scenario.permissionSchemes.map((p) =>
          p.name === 'Default software scheme'
            ? {
                ...p,
                grants: {
                  ...p.grants,
                  SET_ISSUE_SECURITY: [{ projectRole: 'Developers' }, { projectRole: 'Administrators' }],
                },
              }
            : p,
        ),
        issueSecuritySchemes: [
          {
            ...eng,
            defaultLevel: 'Internal',
            levels: [...eng.levels, { id: 10102, name: 'Reporter and assignee', members: ['reporter', 'assignee'] }],
          },
        ],
      };
    });

    it('a level for the reporter counts for any signed-in user in the project; roles count for their members', async () => {
      const alana = await call(s.sim, '/rest/api/3/project/ENG/securitylevel', { auth: CLOUD.alana });
      assert.deepEqual(names(alana.body), ['Internal', 'Top-secret', 'Reporter and assignee']);
      const jan = await call(s.sim, '/rest/api/3/project/ENG/securitylevel', { auth: CLOUD.jan });
      assert.deepEqual(names(jan.body), ['Internal', 'Reporter and assignee']);
      assert.deepEqual(
        jan.body.levels.map((l: { isDefault: boolean }) => l.isDefault),
        [true, false],
      );
    });
  });

  describe('Cloud: a public project', () => {
    const s = useSim(SCENARIOS.issueRoles);
    it('answers anonymous with no levels', async () => {
      const answer = await call(s.sim, '/rest/api/3/project/PUB/securitylevel');
      assert.deepEqual([answer.status, answer.body], [200, { levels: [] }]);
      assert.deepEqual((await call(s.sim, '/rest/api/3/project/PUB/securitylevel', { auth: ROLES.rita.cloud })).body, {
        levels: [],
      });
    });
  });

  describe('Data Center', () => {
    const s = useSim(SCENARIOS.demoDc);
    it('lists levels with self, id, description and name', async () => {
      const answer = await call(s.sim, '/rest/api/2/project/10000/securitylevel', { auth: DC.priya });
      assert.deepEqual(answer.body.levels, [
        {
          self: `${s.sim.url}/rest/api/2/securitylevel/10100`,
          id: '10100',
          description: 'Staff only',
          name: 'Internal',
        },
      ]);
    });
  });
});
