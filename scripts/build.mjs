// Bundles the extension and the CLI with esbuild (CommonJS, `vscode` external), as VS Code extensions ship.
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
// --production: the bundle that goes into the .vsix, minified and without source maps.
const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // jsonc-parser's UMD build hides its own modules from the bundler; its ESM build doesn't.
  mainFields: ['module', 'main'],
  // ESM-only dependencies read import.meta.url, which a CommonJS bundle must supply itself.
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" },
};

const builds = [
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: `#!/usr/bin/env node\n${common.banner.js}` } },
];

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
