import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run-cli';

/** The recipe of the issue: a misspelt input on create_comment and on create_issue, and a misspelt step property. */
const TYPOS = [
  'name: typos',
  'trigger: { event: new_issue, input: { project: ENG } }',
  'steps:',
  '  - action: create_comment',
  '    input: { isue: ENG-1, comment: hi }',
  '  - action: create_issue',
  '    input: { project: ENG, issue_type: Bug, summary: x, asignee: bob }',
  '  - acton: get_issue',
  '',
].join('\n');

describe('CLI check: inputs per operation', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jrl-inputs-'));
  const file = join(dir, 'typos.recipe.yaml');
  writeFileSync(file, TYPOS);

  it('reports unknown and missing inputs with their did-you-mean, in JSON, and exits 1 for the missing one', () => {
    const run = runCli(['check', file, '--format', 'json']);
    assert.equal(run.status, 1, run.stderr);
    const report = JSON.parse(run.stdout) as {
      findings: { code: string; severity: string; message: string; range: { start: { line: number; character: number } } }[];
    };
    assert.deepEqual(
      report.findings.map((f) => [f.code, f.severity, f.range.start.line + 1, f.range.start.character + 1]),
      [
        ['unverified', 'information', 2, 19],
        ['missing-input', 'error', 5, 5],
        ['unknown-input', 'warning', 5, 14],
        ['unknown-input', 'warning', 7, 57],
        ['schema', 'error', 8, 5],
        ['schema', 'error', 8, 5],
      ],
    );
    assert.match(report.findings[3].message, /has no input "asignee"\. Did you mean "assignee"\?/);
    assert.ok(report.findings.some((f) => /Property "acton" is not allowed\. Did you mean "action"\?/.test(f.message)));
  });

  it('prints them as text lines with their codes', () => {
    const run = runCli(['check', file]);
    assert.match(run.stdout, /typos\.recipe\.yaml:5:14 warning unknown-input Create comment \(create_comment\) has no input "isue"\. Did you mean "issue"\?/);
    assert.match(run.stdout, /typos\.recipe\.yaml:5:5 error missing-input Step "Create comment, line 4" \(create_comment\) needs the input "issue"/);
    assert.equal(run.stderr, '');
  });
});
