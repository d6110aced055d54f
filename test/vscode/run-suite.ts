/**
 * Runs the integration suite inside a real VS Code extension host here: VS Code's server from the code-server
 * package, its workbench in Debian's Chromium (scripts/vscode-here). Then a UI smoke test takes screenshots of a
 * squiggle with its hover open and of the Problems panel (test-artifacts/vscode/). Both run against the Jira
 * simulator on loopback. On machines that can download VS Code, `@vscode/test-electron` runs the same suite
 * (test/vscode/run-electron.ts).
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { SCENARIOS, startJiraSim } from '../jira-sim';
import { examplesWorkspace, ROOT } from './workspace';
import { loadHarness, takeScreenshots } from './ui-smoke';

const SUITE_BUNDLE = join(ROOT, 'dist', 'test', 'vscode-suite.js');
const ARTIFACTS = join(ROOT, 'test-artifacts', 'vscode');

async function main(): Promise<number> {
  execFileSync('bash', [join(ROOT, 'scripts', 'vscode-here', 'install.sh')], { stdio: 'inherit' });
  await esbuild.build({ entryPoints: [join(ROOT, 'test', 'vscode', 'suite', 'index.ts')], outfile: SUITE_BUNDLE, bundle: true, platform: 'node', target: 'node20', format: 'cjs', external: ['vscode', 'mocha'], logLevel: 'warning' });
  const { runTests } = await loadHarness();

  const sim = await startJiraSim({ scenario: SCENARIOS.demo });
  const workspaces: string[] = [];
  try {
    const workspace = examplesWorkspace(sim.url);
    workspaces.push(workspace);
    console.log(`Integration suite: Jira simulator at ${sim.url}, workspace ${workspace}`);
    const code: number = await runTests({
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: SUITE_BUNDLE,
      workspace,
      env: { JIRA_SIM_URL: sim.url },
      artifacts: ARTIFACTS,
      timeoutMs: 300_000,
    });
    if (code !== 0) return code;

    const uiWorkspace = examplesWorkspace(sim.url);
    workspaces.push(uiWorkspace);
    await takeScreenshots({ workspace: uiWorkspace, simUrl: sim.url, artifacts: ARTIFACTS });
    return 0;
  } finally {
    await sim.close();
    for (const dir of workspaces) rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => {
    console.log(code === 0 ? '1 passed, 0 failed: VS Code integration suite and UI smoke test' : `VS Code integration suite failed (exit ${code})`);
    process.exit(code);
  },
  (error: Error) => {
    console.error(`VS Code integration suite could not run: ${error.message}`);
    process.exit(1);
  },
);
