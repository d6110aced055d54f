import { strict as assert } from 'node:assert';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run-cli';

const SNAPSHOT = 'examples/acme.snapshot.json';
const ESCALATE = 'examples/escalate-urgent-bugs.recipe.yaml';

/** escalate-urgent-bugs: ADMINISTER missing on line 14 (the webhook trigger), CLOSE_ISSUES on line 23 ("close"). */
function copyOf(example: string, edit: (lines: string[]) => string[] = (l) => l): string {
  const dir = mkdtempSync(join(tmpdir(), 'jrl-suppress-'));
  const file = join(dir, example.split('/').pop() as string);
  writeFileSync(file, edit(readFileSync(example, 'utf8').split('\n')).join('\n'));
  return file;
}

const insertBefore =
  (line: number, ...added: string[]) =>
  (lines: string[]) => [...lines.slice(0, line - 1), ...added, ...lines.slice(line - 1)];

interface Report {
  findings: { code: string; step: string | null; baselineState?: string }[];
  summary: { errors: number; suppressed: number; baseline?: { new: number; unchanged: number } };
  suppressed: { code: string; step: string | null; suppressedBy: string; reason?: string }[];
}

const json = (args: string[]) => {
  const run = runCli([...args, '--format', 'json']);
  return { status: run.status, report: JSON.parse(run.stdout) as Report, stderr: run.stderr };
};

describe('CLI: suppressions', () => {
  it('silences the next line with a disable-next-line comment, and counts what it silenced', () => {
    const file = copyOf(ESCALATE, insertBefore(23, '      # jira-recipe-lint-disable-next-line missing-permission -- QA closes these by hand'));
    const { status, report } = json(['check', file, '--snapshot', SNAPSHOT]);
    assert.equal(status, 1, 'the trigger still lacks ADMINISTER');
    assert.deepEqual(
      report.findings.map((f) => f.code),
      ['missing-global-permission'],
    );
    assert.equal(report.summary.suppressed, 1);
    assert.deepEqual(
      report.suppressed.map((f) => [f.code, f.step, f.suppressedBy]),
      [['missing-permission', 'close', 'a jira-recipe-lint-disable-next-line comment']],
    );
    const text = runCli(['check', file, '--snapshot', SNAPSHOT]);
    assert.match(text.stdout, /1 error, .* 1 suppressed\.\n$/);
  });

  it('leaves other codes on that line alone, and a comment that is not right above the line does nothing', () => {
    const otherCode = copyOf(ESCALATE, insertBefore(23, '      # jira-recipe-lint-disable-next-line unverified'));
    assert.equal(json(['check', otherCode, '--snapshot', SNAPSHOT]).report.summary.suppressed, 0);
    const tooHigh = copyOf(ESCALATE, insertBefore(21, '  # jira-recipe-lint-disable-next-line missing-permission'));
    assert.equal(json(['check', tooHigh, '--snapshot', SNAPSHOT]).report.summary.suppressed, 0);
  });

  it('silences codes in the whole file with a disable comment, and exits 0 when nothing else is wrong', () => {
    const file = copyOf(ESCALATE, (l) => ['# jira-recipe-lint-disable missing-permission, missing-global-permission', ...l]);
    const { status, report } = json(['check', file, '--snapshot', SNAPSHOT]);
    assert.equal(status, 0);
    assert.equal(report.findings.length, 0);
    assert.equal(report.summary.suppressed, 2);
  });

  it('ignores findings by file glob, code and step from the workspace file, for every format', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jrl-ignore-'));
    copyFileSync('examples/incident-to-support-ticket.workflow.json', join(dir, 'incident.workflow.json'));
    copyFileSync(ESCALATE, join(dir, 'escalate.recipe.yaml'));
    const config = join(dir, '.jira-recipe-lint.json');
    writeFileSync(
      config,
      JSON.stringify({
        connections: { 'Jira Cloud (acme)': 'https://acme.atlassian.net' },
        ignore: [
          { files: '*.workflow.json', code: 'missing-global-permission', reason: 'the webhook is registered by hand' },
          { code: 'missing-permission', step: 'close' },
        ],
      }),
    );
    const { report } = json(['check', dir, '--snapshot', SNAPSHOT, '--config', config]);
    assert.deepEqual(
      report.suppressed.map((f) => [f.code, f.step, f.reason ?? null]).sort(),
      [
        ['missing-global-permission', 'Jira Trigger', 'the webhook is registered by hand'],
        ['missing-permission', 'close', null],
      ].sort(),
    );
    assert.ok(report.suppressed.every((f) => f.suppressedBy === 'an ignore rule of .jira-recipe-lint.json'));
    // The YAML recipe's own webhook finding does not match the glob: it stands.
    assert.ok(report.findings.some((f) => f.code === 'missing-global-permission' && f.step === 'bug'));
  });

  it('refuses an ignore rule that names nothing to match', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jrl-ignore-'));
    const config = join(dir, '.jira-recipe-lint.json');
    writeFileSync(config, JSON.stringify({ ignore: [{ reason: 'everything' }] }));
    const run = runCli(['check', ESCALATE, '--config', config]);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /is not a jira-recipe-lint configuration: \/ignore\/0/);
  });
});

describe('CLI: baselines', () => {
  it('fails only on findings the baseline lacks, matched across a line shift', () => {
    const file = copyOf(ESCALATE);
    const baseline = join(mkdtempSync(join(tmpdir(), 'jrl-baseline-')), 'baseline.json');
    const first = runCli(['check', file, '--snapshot', SNAPSHOT, '--write-baseline', baseline]);
    assert.equal(first.status, 1);
    assert.match(first.stderr, /baseline of 2 findings written to /);

    // Lines added above every finding: the same findings, on other lines, are still known.
    writeFileSync(file, ['# Owned by the support team.', '# Reviewed 2026-11.', readFileSync(file, 'utf8')].join('\n'));
    const shifted = runCli(['check', file, '--snapshot', SNAPSHOT, '--baseline', baseline]);
    assert.equal(shifted.status, 0, shifted.stdout);
    assert.match(shifted.stdout, /^1 file checked: 2 errors, .* 0 new, 2 in the baseline \(not listed\)\.\n$/);

    // A new problem: a second step that needs Close Issues in ENG.
    writeFileSync(
      file,
      `${readFileSync(file, 'utf8').trimEnd()}\n  - { id: close_again, connection: jira, action: update_issue_status, input: { issue: ENG-9, status: Closed } }\n`,
    );
    const grown = json(['check', file, '--snapshot', SNAPSHOT, '--baseline', baseline]);
    assert.equal(grown.status, 1);
    assert.deepEqual(grown.report.summary.baseline, { new: 1, unchanged: 2 });
    assert.deepEqual(
      grown.report.findings.filter((f) => f.baselineState === 'new').map((f) => f.step),
      ['close_again'],
    );
    const text = runCli(['check', file, '--snapshot', SNAPSHOT, '--baseline', baseline]);
    assert.equal(text.stdout.trimEnd().split('\n').length, 2, 'the new finding and the summary');
    assert.match(text.stdout, /:\d+:\d+ error missing-permission Step "close_again"/);
  });

  it('reads a SARIF baseline, and SARIF carries baselineState, stable partialFingerprints and help links', () => {
    const file = copyOf(ESCALATE);
    const dir = mkdtempSync(join(tmpdir(), 'jrl-baseline-'));
    const sarifFile = join(dir, 'baseline.sarif');
    writeFileSync(sarifFile, runCli(['check', file, '--snapshot', SNAPSHOT, '--format', 'sarif']).stdout);
    const before = JSON.parse(readFileSync(sarifFile, 'utf8')).runs[0];
    writeFileSync(file, `# moved\n${readFileSync(file, 'utf8')}`);
    const after = JSON.parse(runCli(['check', file, '--snapshot', SNAPSHOT, '--format', 'sarif', '--baseline', sarifFile]).stdout).runs[0];
    const prints = (run: { results: { partialFingerprints: Record<string, string> }[] }) => run.results.map((r) => r.partialFingerprints['jiraRecipeLint/v1']);
    assert.deepEqual(prints(after), prints(before));
    assert.equal(after.results[0].locations[0].physicalLocation.region.startLine, before.results[0].locations[0].physicalLocation.region.startLine + 1);
    assert.deepEqual(
      after.results.map((r: { baselineState: string }) => r.baselineState),
      ['unchanged', 'unchanged'],
    );
    assert.equal(runCli(['check', file, '--snapshot', SNAPSHOT, '--baseline', sarifFile]).status, 0);
    const rule = after.tool.driver.rules.find((r: { id: string }) => r.id === 'missing-permission');
    assert.equal(rule.helpUri, 'https://github.com/jira-recipe-lint/jira-recipe-lint#missing-permission');
    // Every rule links to a README section of that name.
    const headings = new Set([...readFileSync('README.md', 'utf8').matchAll(/^### `([a-z-]+)`$/gm)].map((m) => m[1]));
    for (const r of after.tool.driver.rules as { id: string; helpUri: string }[]) {
      assert.ok(headings.has(r.id), `README has no section for ${r.id}`);
      assert.ok(r.helpUri.endsWith(`#${r.id}`), r.helpUri);
    }
  });

  it('marks suppressed findings in SARIF as suppressions, not as results that fail', () => {
    const file = copyOf(ESCALATE, insertBefore(23, '      # jira-recipe-lint-disable-next-line missing-permission'));
    const run = JSON.parse(runCli(['check', file, '--snapshot', SNAPSHOT, '--format', 'sarif']).stdout).runs[0];
    const suppressed = run.results.filter((r: { suppressions?: unknown[] }) => r.suppressions);
    assert.equal(suppressed.length, 1);
    assert.deepEqual(suppressed[0].suppressions[0].kind, 'inSource');
  });

  it('says plainly when the baseline is not one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jrl-baseline-'));
    writeFileSync(join(dir, 'b.json'), '{"hello": 1}');
    writeFileSync(join(dir, 'c.json'), 'not json');
    for (const [name, message] of [
      ['b.json', /is neither the JSON nor the SARIF output of jira-recipe-lint check\./],
      ['c.json', /is not JSON: /],
      ['missing.json', /Cannot read .*missing\.json: no such file\./],
    ] as const) {
      const run = runCli(['check', ESCALATE, '--baseline', join(dir, name)]);
      assert.equal(run.status, 2, name);
      assert.match(run.stderr, message);
      assert.doesNotMatch(run.stderr, /\n\s+at /);
    }
  });
});
