import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SCENARIOS, startJiraSim, type JiraSim } from '../jira-sim';
import { examplesWorkspace } from '../vscode/workspace';
import { EXAMPLE_SUMMARY } from './example-summary';
import { runCliAsync } from './run-cli';

const JAN = { JIRA_EMAIL: 'jan@acme.example', JIRA_API_TOKEN: 'sim-token-jan' };

/** `snapshot` and `check --site` against the Jira simulator, run as a user would run them. */
describe('CLI against a live Jira (simulator)', () => {
  let sim: JiraSim;
  let workspace: string;

  before(async () => {
    sim = await startJiraSim({ scenario: SCENARIOS.demo });
    workspace = examplesWorkspace(sim.url);
  });
  after(async () => {
    await sim.close();
    rmSync(workspace, { recursive: true, force: true });
  });

  it('writes a snapshot of what the recipes need, equal to the committed example snapshot', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'jrl-snap-')), 'live.json');
    const run = await runCliAsync(['snapshot', '--site', sim.url, 'examples', '--out', out], JAN);
    assert.equal(run.status, 0, run.stderr);
    const live = JSON.parse(readFileSync(out, 'utf8'));
    const example = JSON.parse(readFileSync('examples/acme.snapshot.json', 'utf8'));
    assert.equal(live.site, sim.url);
    const comparable = (s: Record<string, unknown>) => ({ ...s, $schema: undefined, site: undefined, fetchedAt: undefined });
    assert.deepEqual(comparable(live), comparable(example));
    assert.doesNotMatch(readFileSync(out, 'utf8'), /sim-token-jan/);
  });

  it('writes a snapshot of the projects given, with every permission the catalog knows', async () => {
    const run = await runCliAsync(['snapshot', '--site', sim.url, '--projects', 'ENG,SEC'], JAN);
    assert.equal(run.status, 0, run.stderr);
    const snapshot = JSON.parse(run.stdout);
    assert.equal(snapshot.projects.SEC.visible, false);
    assert.equal(snapshot.projects.ENG.permissions.CLOSE_ISSUES, false);
    assert.equal(snapshot.projects.ENG.permissions.ADD_COMMENTS, true);
    assert.deepEqual(snapshot.projects.ENG.securityLevels, ['Internal']);
    assert.equal(snapshot.global.ADMINISTER, false);
  });

  it('checks live with --site, finds what the example snapshot finds, within the request budget', async () => {
    sim.resetRequests();
    const run = await runCliAsync(['check', workspace, '--site', sim.url, '--format', 'json'], JAN);
    assert.equal(run.status, 1, run.stderr);
    const report = JSON.parse(run.stdout);
    assert.deepEqual(report.summary, EXAMPLE_SUMMARY);
    // Budget: P + 3 for P = 4 projects, + 1 to ask whether the one not visible (SEC) is archived; reading schemes and
    // security levels comes on top, only where needed.
    const budgeted = sim.requests.filter((r) => !/permissionscheme|securitylevel/.test(r.path));
    assert.ok(budgeted.length <= 4 + 3 + 1, `requests: ${budgeted.map((r) => r.path).join(', ')}`);
  });

  it('says who holds a missing permission when the account may read the permission scheme', async () => {
    // Alana administers the site but is in no role of ENG: she lacks Close Issues, and may read who holds it.
    const alana = { JIRA_EMAIL: 'alana@acme.example', JIRA_API_TOKEN: 'sim-token-alana' };
    const snapshot = JSON.parse((await runCliAsync(['snapshot', '--site', sim.url, '--projects', 'ENG'], alana)).stdout);
    assert.equal(snapshot.projects.ENG.permissionScheme.readable, true);
    assert.deepEqual(snapshot.projects.ENG.permissionScheme.grants.CLOSE_ISSUES, [{ type: 'projectRole', parameter: '10100', displayName: 'QA' }]);
    const run = await runCliAsync(['check', join(workspace, 'escalate-urgent-bugs.recipe.yaml'), '--site', sim.url], alana);
    assert.match(
      run.stdout,
      /error missing-permission Step "close": .* needs Close Issues \(CLOSE_ISSUES\) in project ENG, which Alana Grant \(alana@acme\.example\) lacks .* Jira grants it to the project role QA in this project\./,
    );
  });

  it('checks a literal issue as itself: one Jan cannot see is issue-not-visible, on its key', async () => {
    // ENG-9 sits under the Top-secret level (project administrators only); Jan sees ENG and ENG-1.
    const dir = mkdtempSync(join(tmpdir(), 'jrl-issue-'));
    const file = join(dir, 'rotate.recipe.yaml');
    const recipe = (issue: string) =>
      [
        'name: Note the key rotation',
        'connections:',
        `  jira: { provider: jira, host: ${sim.url} }`,
        'trigger: { event: new_issue, input: { project: ENG } }',
        'steps:',
        '  - id: note',
        '    action: create_comment',
        `    input: { issue: ${issue}, comment: rotated }`,
        '',
      ].join('\n');
    try {
      writeFileSync(file, recipe('ENG-9'));
      sim.resetRequests();
      const run = await runCliAsync(['check', file, '--site', sim.url, '--format', 'json'], JAN);
      assert.equal(run.status, 1, run.stderr);
      const { findings } = JSON.parse(run.stdout);
      assert.deepEqual(
        findings.map((f: { code: string; issue?: string; range: { start: { line: number; character: number } } }) => [
          f.code,
          f.issue,
          f.range.start.line,
          f.range.start.character,
        ]),
        [['issue-not-visible', 'ENG-9', 7, 20]],
      );
      assert.match(findings[0].message, /ENG-9 doesn't exist, or sits under an issue security level Jan Donyada isn't in\./);
      assert.ok(
        sim.requests.some((r) => r.path === '/rest/api/3/issue/bulkfetch' || r.query.issueKey === 'ENG-9'),
        'the issue was asked about',
      );
      writeFileSync(file, recipe('ENG-1'));
      const open = await runCliAsync(['check', file, '--site', sim.url, '--format', 'json'], JAN);
      assert.equal(open.status, 0, open.stdout);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('judges a transition on a literal issue by what Jira offers the account there (transition-unavailable)', async () => {
    // ENG-1 is Open: Jan may start or resolve it; only QA (Priya) may close it.
    const dir = mkdtempSync(join(tmpdir(), 'jrl-transition-'));
    const file = join(dir, 'close.recipe.yaml');
    const recipe = (transition: string) =>
      [
        'name: Close the flaky test',
        'connections:',
        `  jira: { provider: jira, host: ${sim.url} }`,
        'trigger: { event: new_issue, input: { project: ENG } }',
        'steps:',
        '  - id: close',
        '    action: update_issue_status',
        `    input: { issue: ENG-1, transition: ${transition} }`,
        '',
      ].join('\n');
    try {
      writeFileSync(file, recipe('Close Issue'));
      sim.resetRequests();
      const run = await runCliAsync(['check', file, '--site', sim.url, '--format', 'json'], JAN);
      assert.equal(run.status, 1, run.stderr);
      const { findings } = JSON.parse(run.stdout);
      assert.deepEqual(
        findings.map((f: { code: string; range: { start: { line: number; character: number } } }) => [f.code, f.range.start.line, f.range.start.character]),
        [['transition-unavailable', 7, 39]],
        'the exact answer replaces the classic rule (no missing Close Issues)',
      );
      assert.match(findings[0].message, /\(Jira offers it only Start Progress \(→ In Progress\), Resolve Issue \(→ Resolved\)\)/);
      assert.ok(sim.requests.some((r) => r.path === '/rest/api/3/issue/ENG-1/transitions'));
      writeFileSync(file, recipe('Resolve Issue'));
      const offered = await runCliAsync(['check', file, '--site', sim.url, '--format', 'json'], JAN);
      assert.equal(offered.status, 0, offered.stdout);
      writeFileSync(file, recipe('Close Issue'));
      const priya = await runCliAsync(['check', file, '--site', sim.url, '--format', 'json'], {
        JIRA_EMAIL: 'priya@acme.example',
        JIRA_API_TOKEN: 'sim-token-priya',
      });
      assert.equal(priya.status, 0, priya.stdout);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('warns of a permission that reaches the account only as the issue reporter (conditional-permission)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jrl-cond-'));
    const file = join(dir, 'fix.recipe.yaml');
    const snapshotFile = join(dir, 'snap.json');
    try {
      writeFileSync(
        file,
        [
          'name: Fix new bugs',
          'connections:',
          '  jira: { provider: jira, host: https://acme.atlassian.net }',
          'trigger: { id: bug, event: new_issue, input: { project: ENG } }',
          'steps:',
          '  - id: fix',
          '    action: update_issue',
          '    input: { issue: "{{ bug.key }}", summary: fixed }',
          '',
        ].join('\n'),
      );
      const editOnlyAsReporter = { readable: true, grants: { EDIT_ISSUES: [{ type: 'reporter', displayName: 'Reporter' }] } };
      writeFileSync(
        snapshotFile,
        JSON.stringify({
          version: 1,
          site: 'https://acme.atlassian.net',
          deployment: 'cloud',
          account: { id: '5b10ac8d82e05b22cc7d4ef5', name: 'jan@acme.example', displayName: 'Jan Donyada' },
          authType: 'api_token',
          fetchedAt: '2026-11-24T10:00:00Z',
          projects: { ENG: { visible: true, permissions: { BROWSE_PROJECTS: true, EDIT_ISSUES: true }, permissionScheme: editOnlyAsReporter } },
        }),
      );
      const run = await runCliAsync(['check', file, '--snapshot', snapshotFile, '--format', 'json'], {});
      assert.equal(run.status, 0, run.stderr);
      const { findings } = JSON.parse(run.stdout);
      assert.deepEqual(
        findings.map((f: { code: string; severity: string }) => [f.code, f.severity]),
        [['conditional-permission', 'warning']],
      );
      assert.match(
        findings[0].message,
        /Edit Issues \(EDIT_ISSUES\) reaches Jan Donyada only as the issue's Reporter: this step fails on issues Jan didn't report\./,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('refuses clearly, with exit 2 and no secret in the output', () => {
    const cases: [string, string[], NodeJS.ProcessEnv, RegExp][] = [
      ['no credentials', ['snapshot', '--projects', 'ENG'], {}, /--site needs credentials in the environment: JIRA_EMAIL and JIRA_API_TOKEN/],
      ['half a pair', ['snapshot', '--projects', 'ENG'], { JIRA_EMAIL: 'jan@acme.example' }, /JIRA_API_TOKEN/],
      ['a wrong token', ['snapshot', '--projects', 'ENG'], { ...JAN, JIRA_API_TOKEN: 'wrong-secret-123' }, /rejected the credentials/],
      ['no --site', ['snapshot', '--projects', 'ENG'], JAN, /snapshot needs --site URL/],
      ['nothing to fetch', ['snapshot'], JAN, /snapshot needs --projects/],
      ['a bad project key', ['snapshot', '--projects', 'eng'], JAN, /"eng" is not a Jira project key/],
    ];
    for (const [name, args, env, message] of cases) {
      it(name, async () => {
        const withSite = name === 'no --site' ? args : [...args, '--site', sim.url];
        const run = await runCliAsync(withSite, env);
        assert.equal(run.status, 2, run.stdout);
        assert.match(run.stderr, message);
        assert.doesNotMatch(run.stderr + run.stdout, /wrong-secret-123|sim-token-jan|\n\s+at /);
      });
    }

    it('refuses plain http to a site that is not local', async () => {
      const run = await runCliAsync(['snapshot', '--site', 'http://jira.example.com', '--projects', 'ENG'], JAN);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /Refusing plain http for http:\/\/jira\.example\.com/);
    });
  });

  it('reports permissions as unverified, not missing, when Jira is down', async () => {
    sim.setFaults([{ kind: 'status500' }]);
    try {
      const run = await runCliAsync(['check', join(workspace, 'escalate-urgent-bugs.recipe.yaml'), '--site', sim.url, '--format', 'json'], JAN);
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stderr, /is unavailable .*permissions are reported as unverified/);
      const report = JSON.parse(run.stdout);
      assert.ok(report.findings.every((f: { severity: string }) => f.severity === 'information'));
    } finally {
      sim.setFaults([]);
    }
  });
});
