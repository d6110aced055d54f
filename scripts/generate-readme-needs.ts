/**
 * Rewrites the README's needs report for examples/ (between the `<!-- needs-…:start/end -->` markers) from what the
 * CLI prints: the report, the admin's steps and the scheme JSON. Run after a change to the report, the catalog or
 * the examples (build first: npm run build):
 *   npx tsx scripts/generate-readme-needs.ts
 * test/cli/needs-command.test.ts fails while the README differs from the CLI's output.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
const README = join(ROOT, 'README.md');
const cli = (...args: string[]) =>
  execFileSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'needs', 'examples', '--snapshot', 'examples/acme.snapshot.json', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });

// The README's headings sit three levels below the report's own.
const report = cli().replace(/^(#+) /gm, '$1### ');
const schemeText = cli('--scheme');
const steps = /^1\. \*\*Create[\s\S]*?^6\. .*\n/m.exec(schemeText)?.[0];
if (!steps) throw new Error('no admin steps in the output of needs --scheme');
const [proposal] = JSON.parse(cli('--scheme', '--format', 'json')) as { permissionScheme: unknown }[];
const scheme = `\`\`\`json\n${JSON.stringify(proposal.permissionScheme, null, 2)}\n\`\`\`\n`;

let readme = readFileSync(README, 'utf8');
for (const [name, text] of [
  ['report', report],
  ['steps', steps],
  ['scheme', scheme],
] as const) {
  const block = new RegExp(`(<!-- needs-${name}:start -->\\n)[\\s\\S]*?(<!-- needs-${name}:end -->)`);
  if (!block.test(readme)) throw new Error(`README.md has no needs-${name} block`);
  readme = readme.replace(block, (_m, start: string, end: string) => `${start}${text}${end}`);
}
writeFileSync(README, readme);
console.log('README.md: needs report, steps and scheme rewritten');
