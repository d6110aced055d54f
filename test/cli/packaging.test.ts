import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './run-cli';

/** What `npm run package` puts in the .vsix, as @vscode/vsce lists it (without building anything). */
describe('extension package', () => {
  const files = execFileSync(join(ROOT, 'node_modules', '.bin', 'vsce'), ['ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' })
    .trim()
    .split('\n')
    .sort();
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

  it('ships the bundles, manifest, schemas, readme, changelog, licence, icon and walkthrough images, and nothing else', () => {
    assert.deepEqual(files, [
      'CHANGELOG.md',
      'LICENSE',
      'README.md',
      'dist/cli.js',
      'dist/extension.js',
      'media/hover.png',
      'media/icon.png',
      'media/link.png',
      'media/problems.png',
      'media/recipe.png',
      'media/trigger-hover.png',
      'package.json',
      'schemas/needs-report.schema.json',
      'schemas/permission-snapshot.schema.json',
      'schemas/recipe.schema.json',
      'schemas/workspace-config.schema.json',
    ]);
  });

  it('has an icon: a 128×128 PNG', () => {
    assert.equal(manifest.icon, 'media/icon.png');
    const png = readFileSync(join(ROOT, manifest.icon));
    assert.equal(png.subarray(1, 4).toString('ascii'), 'PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
  });

  it('has every walkthrough image it names', () => {
    const images = manifest.contributes.walkthroughs.flatMap((w: { steps: { media: { image: string } }[] }) => w.steps.map((s) => s.media.image));
    for (const image of images) assert.ok(files.includes(image), image);
  });

  it('follows VS Code conventions: categorised commands, described settings, activation on recipes, limited restricted mode', () => {
    for (const command of manifest.contributes.commands) assert.equal(command.category, 'Jira Recipe Lint', command.command);
    for (const [key, setting] of Object.entries<{ markdownDescription?: string }>(manifest.contributes.configuration.properties))
      assert.ok(setting.markdownDescription, key);
    assert.ok(manifest.activationEvents.includes('workspaceContains:**/*.recipe.{yaml,yml}'));
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.equal(manifest.contributes.configuration.properties['jiraRecipeLint.allowInsecureHttp'].scope, 'application');
  });
});
