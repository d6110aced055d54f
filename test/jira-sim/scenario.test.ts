/** Scenario files: the shipped ones load, `extends` and `basedOn` work, and mistakes are reported in full. */
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SCENARIOS, ScenarioError, type Scenario } from './index';
import { loadWorld } from './scenario/load';

function problemsOf(scenario: Scenario): string[] {
  try {
    loadWorld(scenario);
  } catch (error) {
    assert.ok(error instanceof ScenarioError, String(error));
    return [...error.problems];
  }
  return [];
}

const minimal = (): Scenario => ({
  flavour: 'cloud',
  version: '1001.0.0',
  users: { jan: { displayName: 'Jan', email: 'jan@example.test', accountId: 'a1' } },
  permissionSchemes: [{ id: 1, name: 'S', grants: { BROWSE_PROJECTS: ['anyone'] } }],
  projects: [{ id: 1, key: 'PR', name: 'Project', lead: 'jan', permissionScheme: 'S' }],
});

describe('scenarios', () => {
  it('every shipped scenario loads', () => {
    for (const path of Object.values(SCENARIOS)) assert.doesNotThrow(() => loadWorld(path), path);
  });

  it('the Data Center demo extends the Cloud one: same world, Data Center credentials', () => {
    const cloud = loadWorld(SCENARIOS.demo);
    const dc = loadWorld(SCENARIOS.demoDc);
    assert.deepEqual([dc.flavour, dc.version.text, dc.contextPath], ['datacenter', '9.12.0', '/jira']);
    assert.deepEqual(
      dc.projects.map((p) => p.key),
      cloud.projects.map((p) => p.key),
    );
    const jan = dc.users.find((u) => u.handle === 'jan')!;
    assert.deepEqual([jan.displayName, jan.username, jan.accountId, jan.apiTokens], ['Jan Donyada', 'jdonyada', undefined, []]);
    assert.deepEqual(loadWorld(SCENARIOS.demoDc10).version.numbers, [10, 3, 4]);
  });

  it('a scheme based on another keeps its grants and replaces the permissions it names', () => {
    const world = loadWorld(SCENARIOS.demo);
    const ops = world.permissionSchemes.find((p) => p.name === 'Operations scheme')!;
    const types = (key: string) => ops.grants.filter((g) => g.permission === key).map((g) => g.holder.type);
    assert.deepEqual([types('CLOSE_ISSUES'), types('CREATE_ATTACHMENTS'), types('EDIT_ISSUES')], [['projectLead'], ['group'], ['projectRole', 'reporter']]);
    const ids = world.permissionSchemes.flatMap((p) => p.grants.map((g) => g.id));
    assert.equal(new Set(ids).size, ids.length, 'grant ids are unique');
  });

  it('a minimal scenario is enough', () => {
    assert.deepEqual(problemsOf(minimal()), []);
  });

  it('reports every broken reference at once', () => {
    const s = minimal();
    s.groups = { devs: ['jan', 'ghost'] };
    s.globalPermissions = { ADMINISTER: ['admins'], EDIT_ISSUES: ['devs'] };
    s.permissionSchemes[0].grants = {
      EDIT_ISSUE: ['reporter'],
      CLOSE_ISSUES: [{ projectRole: 'QA' }],
      ADMINISTER: ['anyone'],
    };
    s.projects.push({
      id: 1,
      key: 'PR',
      name: 'again',
      lead: 'nobody',
      permissionScheme: 'Nope',
      roles: { Devs: ['jan'] },
    });
    s.issues = [
      { id: 5, key: 'QQ-1' },
      { id: 6, key: 'PR-2', securityLevel: 'Secret' },
    ];
    const problems = problemsOf(s).join('\n');
    for (const expected of [
      /groups\.devs: unknown user "ghost"/,
      /globalPermissions\.ADMINISTER: unknown group "admins"/,
      /globalPermissions\.EDIT_ISSUES: EDIT_ISSUES is a project permission/,
      /EDIT_ISSUE is a legacy key; write EDIT_ISSUES/,
      /unknown project role "QA"/,
      /ADMINISTER: ADMINISTER is a global permission/,
      /projects PR\.lead: unknown user "nobody"/,
      /unknown permission scheme "Nope"/,
      /unknown project role "Devs"/,
      /duplicate project id 1/,
      /duplicate project key PR/,
      /issues QQ-1: no project with key QQ/,
      /issues PR-2: "Secret" is not a level/,
    ]) {
      assert.match(problems, expected);
    }
  });

  it('checks the structure: types, unknown fields, flavour-specific identity', () => {
    const s = { ...minimal(), version: 10.3, colour: 'blue' } as unknown as Scenario;
    const problems = problemsOf(s).join('\n');
    assert.match(problems, /\/version: must be string/);
    assert.match(problems, /must NOT have additional properties \("colour"\)/);
    const dc: Scenario = { ...minimal(), flavour: 'datacenter' };
    assert.match(problemsOf(dc).join('\n'), /users\.jan: a Data Center user needs a username/);
    const cf: Scenario = { ...minimal(), customFields: [{ id: 'customfield_1', name: 'Team', type: 'group' }] };
    cf.permissionSchemes[0].grants = { EDIT_ISSUES: [{ userCustomField: 'customfield_1' }] };
    assert.match(problemsOf(cf).join('\n'), /customfield_1 is a group field, not a user field/);
  });

  it('reports missing files, YAML errors and extends cycles with the file name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jira-sim-'));
    try {
      assert.throws(() => loadWorld(join(dir, 'no-such.yaml')), /no-such\.yaml/);
      writeFileSync(join(dir, 'broken.yaml'), 'flavour: cloud\nusers: [unclosed\n');
      assert.throws(
        () => loadWorld(join(dir, 'broken.yaml')),
        (e: unknown) => e instanceof ScenarioError && /broken\.yaml/.test(e.message),
      );
      writeFileSync(join(dir, 'a.yaml'), 'extends: b.yaml\n');
      writeFileSync(join(dir, 'b.yaml'), 'extends: a.yaml\n');
      assert.throws(() => loadWorld(join(dir, 'a.yaml')), /extends cycle: .*a\.yaml → .*b\.yaml → .*a\.yaml/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
