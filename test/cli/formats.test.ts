import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run-cli';

const SNAPSHOT = 'examples/acme.snapshot.json';
const N8N = readFileSync('examples/incident-to-support-ticket.workflow.json', 'utf8');
const WORKATO = readFileSync('examples/support-bug-escalation.recipe.json', 'utf8');

interface Report {
  findings: { file: string; code: string; step: string | null; project: string | null; message: string }[];
  summary: { files: number; errors: number };
}

function tempDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'jrl-formats-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const json = (args: string[]) => JSON.parse(runCli([...args, '--format', 'json']).stdout) as Report;
/** `file:code` of each finding, once each. */
const codesByFile = (report: Report, dir: string) => [...new Set(report.findings.map((f) => `${f.file.replace(`${dir}/`, '')}:${f.code}`))];

describe('CLI with n8n and Workato recipes', () => {
  it('scans a folder of mixed formats: recipes by name or content, other JSON skipped quietly', () => {
    const dir = tempDir({
      'a.recipe.yaml': 'name: a\ntrigger: { event: new_issue, input: { project: ENG } }\n',
      'workflow.json': N8N,
      'escalation.recipe.json': WORKATO,
      'package.json': '{ "name": "not-a-recipe", "version": "1.0.0" }\n',
      'settings.json': '{ "nodes": [] }\n',
      'notes.recipe.json': '{ "title": "named like a recipe, but it is none" }\n',
      'broken.recipe.json': '{ "code": { "keyword": "trigger", }\n',
    });
    const report = json(['check', dir, '--snapshot', SNAPSHOT]);
    assert.equal(report.summary.files, 5);
    assert.deepEqual(codesByFile(report, dir), [
      'broken.recipe.json:json-syntax',
      'escalation.recipe.json:missing-global-permission',
      'escalation.recipe.json:missing-permission',
      'notes.recipe.json:unknown-format',
      'workflow.json:missing-global-permission',
      'workflow.json:missing-permission',
    ]);
    assert.match(report.findings[0].message, /^JSON syntax error: /);
  });

  it('reports a JSON file named on the command line that is no recipe, and still checks the others', () => {
    const dir = tempDir({ 'package.json': '{ "name": "x" }\n', 'workflow.json': N8N });
    const run = runCli(['check', join(dir, 'package.json'), join(dir, 'workflow.json'), '--snapshot', SNAPSHOT]);
    assert.equal(run.status, 1);
    assert.match(run.stdout, /package\.json:1:1 error unknown-format Not a recipe jira-recipe-lint knows: expected an n8n workflow/);
    assert.match(run.stdout, /workflow\.json:13:15 error missing-global-permission/);
    assert.doesNotMatch(run.stderr, /\n\s+at /);
  });

  it('maps a credential to its site with --connection, so the right one of several snapshots is used', () => {
    const dir = tempDir({
      'workflow.json': N8N,
      'other.snapshot.json': readFileSync(SNAPSHOT, 'utf8').replace('https://acme.atlassian.net', 'https://other.atlassian.net'),
    });
    const withoutMapping = json(['check', join(dir, 'workflow.json'), '--snapshot', SNAPSHOT, '--snapshot', join(dir, 'other.snapshot.json')]);
    assert.deepEqual(
      withoutMapping.findings.map((f) => f.code),
      ['unverified'],
    );
    assert.match(withoutMapping.findings[0].message, /several accounts or snapshots are available/);
    const mapped = json([
      'check',
      join(dir, 'workflow.json'),
      '--snapshot',
      SNAPSHOT,
      '--snapshot',
      join(dir, 'other.snapshot.json'),
      '--connection',
      'Jira Cloud (acme)=https://acme.atlassian.net',
    ]);
    assert.deepEqual(
      mapped.findings.map((f) => f.code),
      ['missing-global-permission', 'missing-permission'],
    );
  });

  it('reads the mapping from .jira-recipe-lint.json, and refuses a broken one with a clear message', () => {
    const dir = tempDir({
      'workflow.json': N8N,
      '.jira-recipe-lint.json': JSON.stringify({ connections: { 'Jira Cloud (acme)': 'https://elsewhere.atlassian.net' } }),
    });
    const report = json(['check', join(dir, 'workflow.json'), '--snapshot', SNAPSHOT, '--config', join(dir, '.jira-recipe-lint.json')]);
    assert.deepEqual(
      report.findings.map((f) => f.code),
      ['unverified'],
    );
    assert.match(report.findings[0].message, /no linked account or permission snapshot for https:\/\/elsewhere\.atlassian\.net/);
    writeFileSync(join(dir, '.jira-recipe-lint.json'), '{ "connections": { "x": "not a url" } }');
    const bad = runCli(['check', join(dir, 'workflow.json'), '--config', join(dir, '.jira-recipe-lint.json')]);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /is not a jira-recipe-lint configuration: \/connections\/x must be a site URL/);
  });
});
