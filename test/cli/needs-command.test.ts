import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import { ROOT, runCli } from './run-cli';

const SNAPSHOT = 'examples/acme.snapshot.json';
const SITES = ['--connection', 'Jira acme=https://acme.atlassian.net', '--connection', 'Jira Cloud (acme)=https://acme.atlassian.net'];

describe('CLI needs', () => {
  it('prints the Markdown report for the examples from the recipes alone, and exits 0', () => {
    const run = runCli(['needs', 'examples', ...SITES]);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^# Jira permissions these recipes need$/m);
    assert.deepEqual(run.stdout.match(/^## .*$/gm), ['## https://acme.atlassian.net']);
    assert.match(run.stdout, /^### Project OPS$/m);
    assert.match(
      run.stdout,
      /^\| Create Attachments \(CREATE_ATTACHMENTS\) \| examples\/ops-incident-evidence\.recipe\.yaml:11 Step "graph" \(upload_attachment\) \|$/m,
    );
    assert.doesNotMatch(run.stdout, /\| Account \|/);
  });

  it('marks held and missing with --snapshot, and exits 1 with --fail-on-missing', () => {
    const run = runCli(['needs', 'examples', '--snapshot', SNAPSHOT, ...SITES]);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^\| Close Issues \(CLOSE_ISSUES\) \| .* \| ❌ missing \|$/m);
    assert.equal(runCli(['needs', 'examples', '--snapshot', SNAPSHOT, '--fail-on-missing']).status, 1);
    assert.equal(runCli(['needs', 'examples', '--fail-on-missing']).status, 0, 'no account given: nothing is known to be missing');
    assert.equal(runCli(['needs', 'examples/weekly-support-digest.recipe.yaml', '--snapshot', SNAPSHOT, '--fail-on-missing']).status, 0);
  });

  it('writes JSON that follows its schema, and CSV for spreadsheets', () => {
    const json = runCli(['needs', 'examples', '--snapshot', SNAPSHOT, '--format', 'json']);
    assert.equal(json.status, 0, json.stderr);
    const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'needs-report.schema.json'), 'utf8')) as object;
    const validate = new Ajv().compile(schema);
    const report = JSON.parse(json.stdout) as { sites: { site: string }[] };
    assert.ok(validate(report), JSON.stringify(validate.errors));
    assert.deepEqual(
      report.sites.map((s) => s.site),
      ['https://acme.atlassian.net'],
      'connections without a site run on the only account given',
    );
    const csv = runCli(['needs', 'examples', '--format', 'csv', ...SITES]);
    const rows = csv.stdout.trimEnd().split('\r\n');
    assert.equal(rows[0], 'site,scope,project,permissions,any_of,recipe,step,operation,line,input,status');
    assert.ok(rows.includes('https://acme.atlassian.net,global,,USER_PICKER,false,examples/security-triage.recipe.yaml,owner,find_user,11,,'));
  });

  it('prints the scheme proposal with --scheme, for the role named', () => {
    const md = runCli(['needs', 'examples', '--scheme', '--role', 'Recipes', ...SITES]);
    assert.equal(md.status, 0, md.stderr);
    assert.match(md.stdout, /^1\. \*\*Create the project role "Recipes"\*\*/m);
    const json = runCli(['needs', 'examples', '--scheme', '--role-id', '10300', '--format', 'json', ...SITES]);
    const [proposal] = JSON.parse(json.stdout) as {
      role: { name: string; id: string };
      permissionScheme: { permissions: { holder: { parameter: string } }[] };
    }[];
    assert.deepEqual(proposal.role.name, 'Integration');
    assert.ok(proposal.permissionScheme.permissions.length > 5);
    assert.ok(proposal.permissionScheme.permissions.every((g) => g.holder.parameter === '10300'));
  });

  it('reports a file that is not a recipe on stderr and goes on with the others', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jrl-needs-'));
    writeFileSync(join(dir, 'broken.recipe.yaml'), 'name: [unclosed\n');
    writeFileSync(join(dir, 'ok.recipe.yaml'), 'name: ok\ntrigger: { event: new_issue, input: { project: ENG } }\n');
    const run = runCli(['needs', dir]);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stderr, /broken\.recipe\.yaml: not read as a recipe \(.*\); its needs are not in the report/);
    assert.match(run.stdout, /^### Project ENG$/m);
    assert.doesNotMatch(run.stdout + run.stderr, /\n\s+at /);
  });

  it('is what the README shows for the examples: report, admin steps and scheme', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const block = (name: string) => new RegExp(`<!-- needs-${name}:start -->\\n([\\s\\S]*?)<!-- needs-${name}:end -->`).exec(readme)?.[1];
    const args = ['needs', 'examples', '--snapshot', SNAPSHOT];
    // The README's headings sit three levels below the report's own.
    assert.equal(block('report'), runCli(args).stdout.replace(/^(#+) /gm, '$1### '));
    const steps = runCli([...args, '--scheme']).stdout;
    assert.ok(block('steps') && steps.includes(block('steps') ?? ''), 'the admin steps as --scheme prints them');
    const [proposal] = JSON.parse(runCli([...args, '--scheme', '--format', 'json']).stdout) as { permissionScheme: unknown }[];
    assert.equal(block('scheme'), `\`\`\`json\n${JSON.stringify(proposal.permissionScheme, null, 2)}\n\`\`\`\n`);
  });

  describe('refuses bad usage with exit 2 and a message', () => {
    const cases: [string, string[], RegExp][] = [
      ['an unknown format', ['needs', 'examples', '--format', 'xml'], /--format must be markdown, json or csv, not "xml"/],
      ['--scheme as CSV', ['needs', 'examples', '--scheme', '--format', 'csv'], /--scheme prints Markdown or JSON, not CSV/],
      ['both --snapshot and --site', ['needs', 'examples', '--snapshot', SNAPSHOT, '--site', 'https://acme.atlassian.net'], /either --snapshot or --site/],
      ['no recipes', ['needs'], /needs wants at least one recipe file/],
      ['a role id that is no id', ['needs', 'examples', '--scheme', '--role-id', 'abc'], /--role-id must be the numeric id/],
      ['a missing file', ['needs', 'no-such.recipe.yaml'], /No such file, folder or matching files: no-such\.recipe\.yaml/],
    ];
    for (const [name, args, message] of cases) {
      it(name, () => {
        const run = runCli(args);
        assert.equal(run.status, 2, run.stdout);
        assert.match(run.stderr, message);
        assert.doesNotMatch(run.stderr, /\n\s+at /);
      });
    }
  });
});
