import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run-cli';

const DIGEST = 'examples/weekly-support-digest.recipe.yaml';
const EVIDENCE = 'examples/ops-incident-evidence.recipe.yaml';
const WEBHOOK = 'examples/escalate-urgent-bugs.recipe.yaml';

/** The example snapshot, with Jan holding Administer Jira: more than most recipes need. */
function adminSnapshot(): string {
  const snapshot = JSON.parse(readFileSync('examples/acme.snapshot.json', 'utf8'));
  snapshot.global.ADMINISTER = true;
  delete snapshot.$schema;
  const file = join(mkdtempSync(join(tmpdir(), 'jrl-admin-')), 'admin.snapshot.json');
  writeFileSync(file, JSON.stringify(snapshot));
  return file;
}

interface JsonFinding {
  file: string;
  severity: string;
  code: string;
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  permissions: string[];
}

function overPrivileged(stdout: string): JsonFinding[] {
  return (JSON.parse(stdout) as { findings: JsonFinding[] }).findings.filter((f) => f.code === 'account-over-privileged');
}

describe('CLI check: an account holding Administer Jira that no recipe of the run needs', () => {
  const snapshot = adminSnapshot();

  it('gets one information finding, on the connection of the first recipe by path, in JSON', () => {
    // Given out of path order: the finding still sits in ops-incident-evidence, the first by path.
    const run = runCli(['check', DIGEST, EVIDENCE, '--snapshot', snapshot, '--format', 'json']);
    const found = overPrivileged(run.stdout);
    assert.deepEqual(
      found.map((f) => [f.file, f.severity, f.range, f.permissions]),
      [[EVIDENCE, 'information', { start: { line: 3, character: 32 }, end: { line: 3, character: 58 } }, ['ADMINISTER']]],
    );
    assert.equal(
      found[0].message,
      'Connection "jira": Jan Donyada (jan@acme.example) holds Administer Jira (ADMINISTER) on https://acme.atlassian.net, which none of the 2 recipes checked that run on this site needs. ' +
        'An integration account needs only what its recipes use: `jira-recipe-lint needs` (or Jira Recipe Lint: Show Required Permissions) lists it, with a permission scheme to grant exactly that.',
    );
    const summary = (JSON.parse(run.stdout) as { summary: { information: number } }).summary;
    assert.equal(summary.information, 1);
  });

  it('is counted as information in text and never changes the exit code', () => {
    const run = runCli(['check', DIGEST, '--snapshot', snapshot]);
    assert.equal(run.status, 0, run.stdout);
    const lines = run.stdout.trimEnd().split('\n');
    assert.match(
      lines[0],
      /^examples\/weekly-support-digest\.recipe\.yaml:4:33 information account-over-privileged Connection "jira": .* which the one recipe checked that runs on this site doesn't need\./,
    );
    assert.equal(lines[1], '1 file checked: 0 errors, 0 warnings, 1 information. 3 Jira steps: 3 verified, 0 unverified.');
  });

  it('is a SARIF note whose rule links to its README section', () => {
    const sarif = JSON.parse(runCli(['check', DIGEST, '--snapshot', snapshot, '--format', 'sarif']).stdout);
    const [run] = sarif.runs;
    const [result] = run.results;
    assert.equal(result.ruleId, 'account-over-privileged');
    assert.equal(result.level, 'note');
    assert.deepEqual(result.locations[0].physicalLocation.region, { startLine: 4, startColumn: 33, endLine: 4, endColumn: 59 });
    const rule = run.tool.driver.rules[result.ruleIndex];
    assert.equal(rule.helpUri, 'https://github.com/jira-recipe-lint/jira-recipe-lint#account-over-privileged');
    assert.equal(rule.defaultConfiguration.level, 'note');
    const readme = readFileSync('README.md', 'utf8');
    assert.match(readme, /^### `account-over-privileged`$/m);
  });

  it('is not given when a recipe of the run registers a webhook with the account, nor for examples/', () => {
    assert.deepEqual(overPrivileged(runCli(['check', DIGEST, WEBHOOK, '--snapshot', snapshot, '--format', 'json']).stdout), []);
    // The n8n and Workato examples' real-time triggers need it as well, and sprint-rollover's release without Administer Projects.
    assert.deepEqual(overPrivileged(runCli(['check', 'examples', '--snapshot', snapshot, '--format', 'json']).stdout), []);
  });

  it('is not given when the account does not hold Administer Jira', () => {
    const run = runCli(['check', DIGEST, '--snapshot', 'examples/acme.snapshot.json', '--format', 'json']);
    assert.deepEqual(overPrivileged(run.stdout), []);
  });
});
