import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXAMPLE_SUMMARY } from './example-summary';
import { runCli } from './run-cli';

const SNAPSHOT = 'examples/acme.snapshot.json';

/** What the CLI says about examples/ with the example snapshot: file, 1-based line, code, step, project, permissions. */
const EXPECTED_EXAMPLE_FINDINGS = [
  ['escalate-urgent-bugs.recipe.yaml', 14, 'missing-global-permission', 'bug', null, 'ADMINISTER'],
  ['escalate-urgent-bugs.recipe.yaml', 23, 'missing-permission', 'close', 'ENG', 'CLOSE_ISSUES'],
  ['incident-to-support-ticket.workflow.json', 13, 'missing-global-permission', 'Jira Trigger', null, 'ADMINISTER'],
  ['incident-to-support-ticket.workflow.json', 63, 'missing-permission', 'Open support ticket', 'SUP', 'MODIFY_REPORTER'],
  ['ops-incident-evidence.recipe.yaml', 11, 'missing-permission', 'graph', 'OPS', 'CREATE_ATTACHMENTS'],
  ['ops-incident-evidence.recipe.yaml', 16, 'missing-permission', 'steps/1', 'OPS', 'WORK_ON_ISSUES'],
  ['security-triage.recipe.yaml', 19, 'security-level-unavailable', 'ticket', 'ENG', 'SET_ISSUE_SECURITY'],
  ['security-triage.recipe.yaml', 23, 'project-not-visible', 'steps/3', 'SEC', 'BROWSE_PROJECTS'],
  ['sprint-rollover.recipe.yaml', 13, 'missing-permission', 'sprint', 'ENG', 'MANAGE_SPRINTS_PERMISSION'],
  ['sprint-rollover.recipe.yaml', 16, 'missing-permission', 'version', 'ENG', 'ADMINISTER_PROJECTS|ADMINISTER'],
  ['support-bug-escalation.recipe.json', 10, 'missing-global-permission', '3f9a1c07', null, 'ADMINISTER'],
  ['support-bug-escalation.recipe.json', 183, 'missing-permission', 'f3a8d6c4', 'ENG', 'CLOSE_ISSUES'],
  ['zendesk-to-jira-sync.recipe.yaml', 32, 'missing-permission', 'issue', 'SUP', 'MODIFY_REPORTER'],
];

interface JsonReport {
  version: number;
  findings: {
    file: string;
    severity: string;
    code: string;
    message: string;
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    step: string | null;
    operation: string | null;
    project: string | null;
    permissions: string[];
  }[];
  summary: { files: number; errors: number; warnings: number; information: number };
}

function tempDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'jrl-cli-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('CLI check', () => {
  it('prints the expected findings for the examples, and exits 1 for their errors', () => {
    const run = runCli(['check', 'examples', '--snapshot', SNAPSHOT, '--format', 'json']);
    assert.equal(run.status, 1, run.stderr);
    const report = JSON.parse(run.stdout) as JsonReport;
    const found = report.findings.map((f) => [f.file.replace('examples/', ''), f.range.start.line + 1, f.code, f.step, f.project, f.permissions.join('|')]);
    assert.deepEqual(found, EXPECTED_EXAMPLE_FINDINGS);
    assert.deepEqual(report.summary, EXAMPLE_SUMMARY);
  });

  it('writes the documented JSON shape, with 0-based ranges and files as given', () => {
    const run = runCli(['check', 'examples/escalate-urgent-bugs.recipe.yaml', '--snapshot', SNAPSHOT, '--format', 'json']);
    const report = JSON.parse(run.stdout) as JsonReport;
    assert.equal(report.version, 1);
    const f = report.findings[1];
    assert.deepEqual(Object.keys(f), ['file', 'severity', 'code', 'message', 'range', 'step', 'operation', 'project', 'permissions']);
    assert.equal(f.file, 'examples/escalate-urgent-bugs.recipe.yaml');
    assert.deepEqual(f.range, { start: { line: 22, character: 101 }, end: { line: 22, character: 107 } });
    assert.equal(f.operation, 'update_issue_status');
    assert.equal(report.findings[0].project, null);
  });

  it('prints file:line:col severity code message and a summary as text', () => {
    const run = runCli(['check', 'examples/ops-incident-evidence.recipe.yaml', '--snapshot', SNAPSHOT]);
    const lines = run.stdout.trimEnd().split('\n');
    assert.match(
      lines[0],
      /^examples\/ops-incident-evidence\.recipe\.yaml:11:13 error missing-permission Step "graph": Upload attachment \(upload_attachment\) needs Create Attachments \(CREATE_ATTACHMENTS\) in project OPS, which Jan Donyada \(jan@acme\.example\) lacks on https:\/\/acme\.atlassian\.net\.$/,
    );
    assert.equal(lines[lines.length - 1], '1 file checked: 2 errors, 0 warnings, 0 information. 4 Jira steps: 4 verified, 0 unverified.');
  });

  it('writes SARIF 2.1.0 with rules and 1-based regions', () => {
    const run = runCli(['check', 'examples/escalate-urgent-bugs.recipe.yaml', '--snapshot', SNAPSHOT, '--format', 'sarif']);
    assert.equal(run.status, 1);
    const sarif = JSON.parse(run.stdout);
    assert.equal(sarif.version, '2.1.0');
    const [runResult] = sarif.runs;
    assert.equal(runResult.tool.driver.name, 'jira-recipe-lint');
    const ruleIds = runResult.tool.driver.rules.map((r: { id: string }) => r.id);
    assert.ok(ruleIds.includes('missing-permission') && ruleIds.includes('unverified'));
    const result = runResult.results[1];
    assert.equal(result.ruleId, 'missing-permission');
    assert.equal(ruleIds[result.ruleIndex], 'missing-permission');
    assert.equal(result.level, 'error');
    assert.deepEqual(result.locations[0].physicalLocation.region, { startLine: 23, startColumn: 102, endLine: 23, endColumn: 108 });
    assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, 'examples/escalate-urgent-bugs.recipe.yaml');
  });

  it('exits 0 when only information remains, e.g. without a snapshot', () => {
    const run = runCli(['check', 'examples/weekly-support-digest.recipe.yaml']);
    assert.equal(run.status, 0, run.stdout);
    assert.match(run.stdout, /information unverified The Jira connection|information unverified Connection "jira": Jira permissions not verified/);
  });

  it('exits 0 for a recipe that passes every check', () => {
    const run = runCli(['check', 'examples/weekly-support-digest.recipe.yaml', '--snapshot', SNAPSHOT]);
    assert.equal(run.status, 0);
    assert.equal(run.stdout, '1 file checked: 0 errors, 0 warnings, 0 information. 3 Jira steps: 3 verified, 0 unverified.\n');
  });

  it('expands globs and folders to recipe files only', () => {
    const dir = tempDir({
      'a.recipe.yaml': 'name: a\ntrigger: { event: new_issue }\n',
      'b.recipe.yml': 'name: b\ntrigger: { event: new_issue }\n',
      'notes.yaml': 'not: a recipe\n',
    });
    const fromFolder = JSON.parse(runCli(['check', dir, '--format', 'json']).stdout) as JsonReport;
    assert.equal(fromFolder.summary.files, 2);
    const fromGlob = JSON.parse(runCli(['check', `${dir}/*.recipe.yaml`, '--format', 'json']).stdout) as JsonReport;
    assert.equal(fromGlob.summary.files, 1);
  });

  it('reports a file that is not valid YAML as a finding, not a crash', () => {
    const dir = tempDir({ 'broken.recipe.yaml': 'name: x\ntrigger: { event: new_issue\n' });
    const run = runCli(['check', join(dir, 'broken.recipe.yaml')]);
    assert.equal(run.status, 1);
    assert.match(run.stdout, /broken\.recipe\.yaml:\d+:\d+ error yaml-syntax YAML syntax error: /);
    assert.equal(run.stderr, '');
  });

  describe('bad usage and unreadable input exit 2 with a clear message and no stack trace', () => {
    const cases: [string, string[], RegExp][] = [
      ['no command', [], /Usage:/],
      ['unknown command', ['lint', 'x'], /Unknown command "lint"/],
      ['unknown option', ['check', 'examples', '--snapshots', 'x'], /Unknown option --snapshots for check\. Did you mean --snapshot\?/],
      ['bad format', ['check', 'examples', '--format', 'xml'], /--format must be text, json or sarif/],
      ['no inputs', ['check'], /check needs at least one recipe file/],
      ['missing file', ['check', 'nope.recipe.yaml'], /No such file, folder or matching files: nope\.recipe\.yaml/],
      ['missing snapshot', ['check', 'examples', '--snapshot', 'nope.json'], /Cannot read nope\.json: no such file/],
      ['not a snapshot', ['check', 'examples', '--snapshot', 'package.json'], /package\.json is not a permission snapshot: /],
    ];
    for (const [name, args, message] of cases) {
      it(name, () => {
        const run = runCli(args);
        assert.equal(run.status, 2);
        assert.match(run.stderr, message);
        assert.doesNotMatch(run.stderr, /\n\s+at /);
      });
    }
  });
});
