import { strict as assert } from 'node:assert';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { SCENARIOS, startJiraSim, type JiraSim, type Scenario } from '../jira-sim';
import { loadContract } from '../jira-sim/contracts/contract';
import { ContractValidator } from '../jira-sim/contracts/validator';
import { matchRoute } from '../jira-sim/routes';
import { grantGlobal } from '../jira-sim/scenario/edit';
import { examplesWorkspace } from '../vscode/workspace';
import { runCliAsync } from './run-cli';

const BOT_ID = '712020:5d0c1d2e-integration-bot';
const BOT = { JIRA_EMAIL: 'bot@acme.example', JIRA_API_TOKEN: 'sim-token-bot' };
const ALANA = `Basic ${Buffer.from('alana@acme.example:sim-token-alana').toString('base64')}`;
const PERMISSION_CODES = ['missing-permission', 'missing-global-permission', 'project-not-visible', 'security-level-unavailable'];

interface Proposal {
  site: string;
  role: { name: string; description: string };
  projects: { project: string; permissions: string[]; securityLevels?: string[] }[];
  permissionScheme: unknown;
  global: { permission: string }[];
  unresolved: unknown[];
}

/** The demo site with an integration account that holds nothing: in no role, and its group has no grant. */
function scenario(): Scenario {
  const demo = parse(readFileSync(SCENARIOS.demo, 'utf8')) as Scenario & { users: Record<string, unknown>; groups: Record<string, string[]> };
  return {
    ...demo,
    users: { ...demo.users, bot: { displayName: 'Recipe Bot', email: 'bot@acme.example', accountId: BOT_ID, apiTokens: ['sim-token-bot'] } },
    groups: { ...demo.groups, 'integration-bots': ['bot'] },
  };
}

const contract = new ContractValidator('cloud', loadContract('cloud'));

/** A Jira administrator's call, as the admin steps say; its request and answer as Atlassian's spec has them. */
async function admin(sim: JiraSim, method: 'POST' | 'PUT', path: string, body: unknown): Promise<{ id?: number }> {
  const response = await fetch(`${sim.url}/rest/api/3${path}`, {
    method,
    headers: { Authorization: ALANA, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  assert.ok(response.ok, `${method} ${path}: ${response.status} ${text}`);
  const answer = text ? (JSON.parse(text) as { id?: number }) : undefined;
  const spec = matchRoute('cloud', method, `/rest/api/3${path}`).route?.cloud?.spec;
  assert.ok(spec, `${method} ${path} is a served route`);
  const operation = `${method.toLowerCase()} ${spec}`;
  assert.deepEqual(contract.check(operation, response.status, answer, response.headers.get('content-type') ?? ''), []);
  return answer ?? {};
}

async function permissionFindings(sim: JiraSim, workspace: string, config: string): Promise<string[]> {
  const run = await runCliAsync(['check', workspace, '--site', sim.url, '--config', config, '--format', 'json'], BOT);
  const report = JSON.parse(run.stdout) as { findings: { code: string; file: string; step: string; project: string | null }[] };
  return report.findings.filter((f) => PERMISSION_CODES.includes(f.code)).map((f) => `${f.code} ${f.file.split('/').pop()} ${f.step} ${f.project}`);
}

/** The proposal applied as written to an account that had nothing: every example recipe then passes the check. */
describe('needs --scheme end to end (simulator)', () => {
  let sim: JiraSim;
  let workspace: string;
  let config: string;

  before(async () => {
    sim = await startJiraSim({ scenario: scenario() });
    workspace = examplesWorkspace(sim.url, 'jrl-needs-e2e-');
    config = join(workspace, '.jira-recipe-lint.json');
    writeFileSync(config, JSON.stringify({ connections: { 'Jira acme': sim.url, 'Jira Cloud (acme)': sim.url } }));
  });
  after(async () => {
    await sim.close();
    rmSync(workspace, { recursive: true, force: true });
  });

  it('grants exactly what the recipes need: zero permission findings after the scheme is applied', async () => {
    const before = await permissionFindings(sim, workspace, config);
    assert.ok(before.length >= 10, `the bot starts with nothing: ${before.join('\n')}`);

    const needs = await runCliAsync(['needs', workspace, '--site', sim.url, '--config', config, '--fail-on-missing'], BOT);
    assert.equal(needs.status, 1, needs.stderr);
    assert.match(needs.stdout, /❌ missing/);

    const first = await runCliAsync(['needs', workspace, '--site', sim.url, '--config', config, '--scheme', '--format', 'json'], BOT);
    assert.equal(first.status, 0, first.stderr);
    const [plan] = JSON.parse(first.stdout) as Proposal[];
    // A sprint's projects are its board's, which Jira names only to an account that can browse them all.
    assert.deepEqual(
      plan.unresolved.map((u) => (u as { step: { step: string } }).step.step),
      ['sprint'],
    );

    // 1. The role, 2. the account in it in each project.
    const role = await admin(sim, 'POST', '/role', plan.role);
    for (const { project } of plan.projects) await admin(sim, 'POST', `/project/${project}/role/${role.id}`, { user: [BOT_ID] });
    // 3. The scheme, now with the role's id, as the CLI prints it; associated with each project. Once the account
    // browses the board's projects, the sprint's needs are known too: the admin applies the proposal a second time.
    const unresolved: number[] = [];
    const levelsDone = new Set<string>();
    for (let round = 0; round < 2; round++) {
      const again = await runCliAsync(
        ['needs', workspace, '--site', sim.url, '--config', config, '--scheme', '--format', 'json', '--role-id', String(role.id)],
        BOT,
      );
      const [proposal] = JSON.parse(again.stdout) as Proposal[];
      unresolved.push(proposal.unresolved.length);
      const scheme = await admin(sim, 'POST', '/permissionscheme', { ...(proposal.permissionScheme as object), name: `Integration ${round}` });
      for (const { project } of proposal.projects) await admin(sim, 'PUT', `/project/${project}/permissionscheme`, { id: scheme.id });
      assert.ok(
        proposal.projects.some((p) => p.securityLevels?.length),
        'the examples set a security level',
      );
      // 4. The role in each security level the recipes set, with the ids the admin reads off the project's scheme.
      for (const { project, securityLevels = [] } of proposal.projects) {
        const levels = sim.world.projects.find((p) => p.key === project)?.issueSecurityScheme;
        for (const name of securityLevels) {
          const level = levels?.levels.find((l) => l.name === name);
          assert.ok(levels && level, `${project} has the level ${name}`);
          if (levelsDone.has(`${levels.id}/${level.id}`)) continue;
          levelsDone.add(`${levels.id}/${level.id}`);
          await admin(sim, 'PUT', `/issuesecurityschemes/${levels.id}/level/${level.id}/member`, {
            members: [{ type: 'projectrole', parameter: String(role.id) }],
          });
        }
      }
      // 5. What no REST call does: global permissions, in Jira's administration pages.
      for (const { permission } of proposal.global) grantGlobal(sim.world, permission, 'integration-bots');
    }
    assert.deepEqual(unresolved, [1, 0], 'the second proposal knows the board');

    assert.deepEqual(await permissionFindings(sim, workspace, config), []);
    const after = await runCliAsync(['needs', workspace, '--site', sim.url, '--config', config, '--fail-on-missing'], BOT);
    assert.equal(after.status, 0, after.stdout);
    assert.doesNotMatch(after.stdout, /❌ missing/);
    assert.doesNotMatch(after.stdout + after.stderr, /sim-token-bot/);
  });
});
