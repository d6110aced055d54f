import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run-cli';

const SNAPSHOT = 'examples/acme.snapshot.json';
const DIGEST = 'examples/weekly-support-digest.recipe.yaml';

/** A recipe with one step in a project the example snapshot knows (SUP) and one in a project it doesn't (XYZ). */
function halfKnownRecipe(): string {
  const dir = mkdtempSync(join(tmpdir(), 'jrl-strict-'));
  const file = join(dir, 'half.recipe.yaml');
  writeFileSync(
    file,
    [
      'name: Half known',
      'connections:',
      '  jira: { provider: jira, host: https://acme.atlassian.net }',
      'steps:',
      '  - id: known',
      '    action: create_comment',
      '    input: { issue: SUP-1, comment: hi }',
      '  - id: unknown',
      '    action: create_comment',
      '    input: { issue: XYZ-1, comment: hi }',
      '',
    ].join('\n'),
  );
  return file;
}

describe('CLI: strict runs and how many Jira steps were verified', () => {
  it('says in the summary line how many Jira steps were verified', () => {
    const verified = runCli(['check', DIGEST, '--snapshot', SNAPSHOT]);
    assert.match(verified.stdout, /^1 file checked: 0 errors, 0 warnings, 0 information\. 3 Jira steps: 3 verified, 0 unverified\.$/m);
    const none = runCli(['check', DIGEST]);
    assert.match(none.stdout, /3 Jira steps: 0 verified, 3 unverified\.$/m);
  });

  it('counts a step whose project the snapshot lacks as unverified and its neighbour as verified, in text and JSON', () => {
    const file = halfKnownRecipe();
    const text = runCli(['check', file, '--snapshot', SNAPSHOT]);
    assert.match(text.stdout, /2 Jira steps: 1 verified, 1 unverified\./);
    const json = JSON.parse(runCli(['check', file, '--snapshot', SNAPSHOT, '--format', 'json']).stdout);
    assert.deepEqual(json.summary.jiraSteps, { total: 2, verified: 1, unverified: 1 });
    assert.deepEqual(Object.keys(json.summary).slice(0, 4), ['files', 'errors', 'warnings', 'information']);
  });

  it('exits 0 without --strict when steps stay unverified, 1 with --strict, saying why for each step', () => {
    assert.equal(runCli(['check', DIGEST]).status, 0);
    for (const flag of ['--strict', '--fail-on-unverified']) {
      const run = runCli(['check', DIGEST, flag]);
      assert.equal(run.status, 1, flag);
      assert.match(run.stderr, /--strict: 3 of 3 Jira steps stayed unverified:/);
      const lines = run.stderr.trimEnd().split('\n').slice(1);
      assert.equal(lines.length, 3);
      assert.match(
        lines[0],
        /weekly-support-digest\.recipe\.yaml:7 Trigger "week": .*no linked account or permission snapshot for https:\/\/acme\.atlassian\.net\./,
      );
      assert.match(lines[2], /:13 Step "Create comment, line 13": Create comment \(create_comment\): /);
    }
  });

  it('names only the unverified step of a strict run, with its own reason', () => {
    const run = runCli(['check', halfKnownRecipe(), '--snapshot', SNAPSHOT, '--strict']);
    assert.equal(run.status, 1);
    assert.match(
      run.stderr,
      /1 of 2 Jira steps stayed unverified:\n {2}\S+half\.recipe\.yaml:9 Step "unknown": Create comment \(create_comment\): permissions in project XYZ not verified/,
    );
    assert.doesNotMatch(run.stderr, /"known"/);
  });

  it('passes a strict run when every Jira step was verified', () => {
    const run = runCli(['check', DIGEST, '--snapshot', SNAPSHOT, '--strict']);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stderr, '');
  });

  it('refuses a --site that no connection of the recipes names, listing the hosts they do name', () => {
    const run = runCli(['check', DIGEST, '--site', 'http://127.0.0.1:9']);
    assert.equal(run.status, 2);
    assert.match(
      run.stderr,
      /--site http:\/\/127\.0\.0\.1:9 is a site no Jira connection of these recipes runs on; they name https:\/\/acme\.atlassian\.net\./,
    );
    assert.doesNotMatch(run.stderr, /needs credentials/);
  });

  it('refuses a --connection that names no connection of the recipes, listing the names they use', () => {
    const run = runCli(['check', 'examples/incident-to-support-ticket.workflow.json', '--connection', 'Jira Clod=https://acme.atlassian.net']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /--connection "Jira Clod=https:\/\/acme\.atlassian\.net" names no connection of these recipes; they name "Jira Cloud \(acme\)"/);
  });
});
