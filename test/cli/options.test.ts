import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run-cli';

/** Help, option errors and refusals, as a user at a terminal meets them. */
describe('CLI options', () => {
  describe('--help and -h anywhere print the relevant usage and exit 0', () => {
    const cases: [string[], RegExp][] = [
      [['--help'], /^Usage:\n {2}jira-recipe-lint check .*\n {2}jira-recipe-lint snapshot /],
      [['-h'], /^Usage:\n {2}jira-recipe-lint check /],
      [['help'], /^Usage:\n {2}jira-recipe-lint check /],
      [['check', '--help'], /^Usage: jira-recipe-lint check <files, folders or globs…> \[options\]\n[\s\S]*--strict /],
      [['check', 'examples', '--format', 'json', '-h'], /^Usage: jira-recipe-lint check /],
      [['check', '--frmat', 'json', '--help'], /^Usage: jira-recipe-lint check /],
      [['snapshot', '-h'], /^Usage: jira-recipe-lint snapshot --site URL[\s\S]*--projects KEYS/],
      [['help', 'snapshot'], /^Usage: jira-recipe-lint snapshot /],
      [['--help', 'check'], /^Usage: jira-recipe-lint check /],
    ];
    for (const [args, usage] of cases) {
      it(args.join(' '), () => {
        const run = runCli(args);
        assert.equal(run.status, 0, run.stderr);
        assert.match(run.stdout, usage);
        assert.equal(run.stderr, '');
      });
    }

    it('takes --help after -- for a file name, not for help', () => {
      const run = runCli(['check', 'examples/weekly-support-digest.recipe.yaml', '--', '--help']);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /No such file, folder or matching files: --help/);
    });
  });

  describe('option errors say what is wrong in balanced quotes, with the command usage, exit 2', () => {
    const cases: [string[], RegExp][] = [
      [
        ['check', 'examples', '--frmat', 'json'],
        /^jira-recipe-lint: Unknown option --frmat for check\. Did you mean --format\?\n\nUsage: jira-recipe-lint check /,
      ],
      [['check', 'examples', '--stirct'], /Unknown option --stirct for check\. Did you mean --strict\?/],
      [['snapshot', '--projets', 'ENG'], /Unknown option --projets for snapshot\. Did you mean --projects\?\n\nUsage: jira-recipe-lint snapshot /],
      [['check', 'examples', '--zzzzzzzz'], /Unknown option --zzzzzzzz for check\.\n/],
      [['check', 'examples', '-x'], /Unknown option -x for check\.\n/],
      [['check', 'examples', '--format'], /--format needs a value: --format VALUE\./],
      [
        ['check', 'examples', '--format', '--strict'],
        /--format needs a value, not the option "--strict"\. For a value that starts with "-", write --format=VALUE\./,
      ],
      [['check', 'examples', '--strict=yes'], /--strict takes no value \(got "--strict=yes"\)\./],
      [['chek', 'examples'], /Unknown command "chek"\. Did you mean "check"\?\n\nUsage:\n/],
      [['check', 'examples', '--format', 'xml'], /--format must be text, json or sarif, not "xml"\.\n\nUsage: jira-recipe-lint check /],
    ];
    for (const [args, message] of cases) {
      it(args.join(' '), () => {
        const run = runCli(args);
        assert.equal(run.status, 2, run.stdout);
        assert.match(run.stderr, message);
        const firstLine = run.stderr.split('\n')[0];
        assert.equal((firstLine.match(/"/g) ?? []).length % 2, 0, `unbalanced quotes: ${firstLine}`);
        assert.equal((firstLine.match(/'/g) ?? []).length, 0, `Node's quoting leaked: ${firstLine}`);
        assert.doesNotMatch(run.stderr, /\n\s+at /);
      });
    }
  });

  it('names --allow-http when it refuses plain http to a site that is not local', () => {
    for (const args of [
      ['snapshot', '--site', 'http://jira.example.com', '--projects', 'ENG'],
      ['check', 'examples/incident-to-support-ticket.workflow.json', '--site', 'http://jira.example.com'],
    ]) {
      const run = runCli(args, { JIRA_PAT: 'not-a-real-token' });
      assert.equal(run.status, 2, args.join(' '));
      assert.equal(
        run.stderr,
        'jira-recipe-lint: Refusing plain http for http://jira.example.com: credentials would travel unencrypted. Use https, or pass --allow-http to allow it.\n',
      );
    }
  });
});

describe('CLI: files that are no recipe', () => {
  it('says plainly that a file is empty or not text, and checks the other files of the run', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jrl-odd-'));
    writeFileSync(join(dir, 'empty.recipe.yaml'), '\n  \n');
    writeFileSync(join(dir, 'binary.recipe.yaml'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
    const run = runCli(['check', join(dir, 'empty.recipe.yaml'), join(dir, 'binary.recipe.yaml'), 'examples/weekly-support-digest.recipe.yaml']);
    assert.equal(run.status, 1);
    assert.match(run.stdout, /empty\.recipe\.yaml:1:1 error schema The file is empty: a recipe needs at least a name and a trigger/);
    assert.match(run.stdout, /binary\.recipe\.yaml:1:1 error unreadable-file This is not a text file \(it holds binary data\); it is not checked\./);
    assert.match(run.stdout, /3 files checked: 2 errors, .* 3 Jira steps: 0 verified, 3 unverified\./);
  });
});
