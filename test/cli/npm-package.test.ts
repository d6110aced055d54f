import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ROOT } from './run-cli';

const npm = (args: string[], cwd: string) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 180_000 });

/**
 * `npm pack` from a clean copy of the repository (its files as git knows them, no dist/), then the tarball installed
 * into an empty folder without a registry and its `jira-recipe-lint` run as a user would run it.
 */
describe('npm package', function () {
  this.timeout(240_000);
  let work: string;
  let tarball: string;
  let listed: string[];

  before(() => {
    work = mkdtempSync(join(tmpdir(), 'jrl-pack-'));
    const clone = join(work, 'clone');
    const tracked = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' })
      .split('\0')
      .filter(Boolean);
    for (const file of tracked) {
      const target = join(clone, file);
      mkdirSync(dirname(target), { recursive: true });
      try {
        cpSync(join(ROOT, file), target);
      } catch {
        // A file git knows that the working tree has just deleted.
      }
    }
    // The build tools come from the repository's own install: the clone has no network to install them with.
    symlinkSync(join(ROOT, 'node_modules'), join(clone, 'node_modules'), 'dir');
    const [packed] = JSON.parse(npm(['pack', '--json', '--pack-destination', work], clone));
    tarball = join(work, packed.filename);
    listed = packed.files.map((f: { path: string }) => f.path).sort();
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  it('holds the CLI bundle, schemas, readme and licence; no tests, sources, maps or bench', () => {
    for (const file of [
      'dist/cli.js',
      'package.json',
      'README.md',
      'LICENSE',
      'CHANGELOG.md',
      'schemas/recipe.schema.json',
      'schemas/workspace-config.schema.json',
    ])
      assert.ok(listed.includes(file), `${file} is packed`);
    const unwanted = listed.filter((f) => /^(test|src|bench|scripts|examples)\/|\.map$|\.ts$/.test(f));
    assert.deepEqual(unwanted, []);
  });

  it('declares no runtime dependencies: the bundle holds them', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    assert.deepEqual(manifest.dependencies ?? {}, {});
  });

  it('installs offline into an empty folder and checks a recipe with npx jira-recipe-lint', () => {
    const user = join(work, 'user');
    mkdirSync(user);
    writeFileSync(join(user, 'package.json'), JSON.stringify({ name: 'user', version: '1.0.0', private: true }));
    npm(['install', '--offline', '--no-audit', '--no-fund', tarball], user);
    const example = join(ROOT, 'examples', 'weekly-support-digest.recipe.yaml');
    const snapshot = join(ROOT, 'examples', 'acme.snapshot.json');
    const output = execFileSync('npx', ['--no-install', 'jira-recipe-lint', 'check', example, '--snapshot', snapshot], {
      cwd: user,
      encoding: 'utf8',
      timeout: 60_000,
    });
    assert.match(output, /1 file checked: 0 errors, 0 warnings, 0 information\. 3 Jira steps: 3 verified, 0 unverified\./);
    const help = execFileSync('npx', ['--no-install', 'jira-recipe-lint', 'check', '--help'], { cwd: user, encoding: 'utf8' });
    assert.match(help, /^Usage: jira-recipe-lint check /);
  });
});
