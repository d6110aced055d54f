import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run-cli';

interface JsonReport {
  findings: { file: string; code: string; severity: string; message: string }[];
  summary: { files: number; errors: number; warnings: number; information: number };
}

/** Anchors that each repeat the one before nine times: expanded, 9^10 scalars. */
const ALIAS_BOMB = [
  'name: bomb',
  'a0: &a0 [x, x, x, x, x, x, x, x, x]',
  ...Array.from({ length: 9 }, (_, i) => `a${i + 1}: &a${i + 1} [${Array(9).fill(`*a${i}`).join(', ')}]`),
  'trigger: { event: new_issue }',
  '',
].join('\n');

const GOOD = [
  'name: good',
  'connections:',
  '  jira: { provider: jira, host: https://acme.atlassian.net }',
  'trigger: { event: new_issue, input: { project: ENG } }',
  'steps:',
  '  - { action: add_worklog, input: { issue: OPS-1, time_spent: 1h } }',
  '',
].join('\n');

describe('CLI check: hostile files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jrl-hostile-'));
  writeFileSync(join(dir, 'a-bomb.recipe.yaml'), ALIAS_BOMB);
  writeFileSync(join(dir, 'b-deep.recipe.json'), `{"nodes": ${'['.repeat(20_000)}${']'.repeat(20_000)}}`);
  writeFileSync(join(dir, 'c-empty.recipe.yaml'), '');
  writeFileSync(join(dir, 'd-binary.recipe.yaml'), Buffer.from([0x6e, 0x61, 0x00, 0xff, 0x01]));
  writeFileSync(join(dir, 'e-huge.recipe.yaml'), `name: huge\n${'#'.repeat(6 * 1024 * 1024)}\n`);
  writeFileSync(join(dir, 'z-good.recipe.yaml'), GOOD);

  it('reports every hostile file with a finding of its own and still checks the good one: exit 1, not 2, no stack trace', () => {
    const run = runCli(['check', dir, '--snapshot', 'examples/acme.snapshot.json', '--format', 'json']);
    assert.equal(run.status, 1, run.stderr);
    assert.equal(run.stderr, '');
    const report = JSON.parse(run.stdout) as JsonReport;
    assert.deepEqual(
      report.findings.map((f) => [f.file.slice(dir.length + 1), f.code]),
      [
        ['a-bomb.recipe.yaml', 'yaml-syntax'],
        ['b-deep.recipe.json', 'json-syntax'],
        ['c-empty.recipe.yaml', 'schema'],
        ['d-binary.recipe.yaml', 'unreadable-file'],
        ['e-huge.recipe.yaml', 'unreadable-file'],
        ['z-good.recipe.yaml', 'missing-permission'],
      ],
    );
    assert.equal(report.summary.files, 6);
    assert.match(report.findings[0].message, /^The YAML parser refused the file: Excessive alias count/);
    assert.match(report.findings[4].message, /^The file is 6\.0 MB, far larger than any recipe/);
    assert.ok(
      report.findings.every((f) => !/\n\s+at /.test(f.message)),
      'no stack trace in any message',
    );
  });

  it('prints them as text too, one line each', () => {
    const run = runCli(['check', join(dir, 'a-bomb.recipe.yaml'), join(dir, 'z-good.recipe.yaml'), '--snapshot', 'examples/acme.snapshot.json']);
    assert.equal(run.status, 1);
    assert.doesNotMatch(run.stdout + run.stderr, /unexpected error|\n\s+at /);
    assert.match(run.stdout, /a-bomb\.recipe\.yaml:1:1 error yaml-syntax The YAML parser refused the file/);
    assert.match(run.stdout, /z-good\.recipe\.yaml:6:\d+ error missing-permission .*Work On Issues/);
    assert.match(run.stdout, /2 files checked: 2 errors/);
  });
});
