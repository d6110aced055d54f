/**
 * Runs the integration suite inside a real VS Code extension host here: VS Code's server from the code-server
 * package, its workbench in Debian's Chromium (scripts/vscode-here). Then a UI smoke test takes screenshots of a
 * squiggle with its hover open and of the Problems panel (test-artifacts/vscode/). Both run against the Jira
 * simulator on loopback. Where VS Code can be downloaded, test/vscode/run-electron.ts runs the same suite.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { RESTRICTED_BUNDLE, SUITE_BUNDLE, suiteFixture } from './suite-fixture';
import { DEMO_ACCOUNT_ENV, examplesWorkspace, ROOT } from './workspace';
import { loadHarness, takeScreenshots } from './ui-smoke';

const ARTIFACTS = join(ROOT, 'test-artifacts', 'vscode');

async function main(): Promise<number> {
  execFileSync('bash', [join(ROOT, 'scripts', 'vscode-here', 'install.sh')], { stdio: 'inherit' });
  const { runTests } = await loadHarness();
  const fixture = await suiteFixture();
  try {
    console.log(`Integration suite: Jira simulator at ${fixture.sim.url}, workspace ${fixture.workspace}`);
    const code = await runTests({ extensionDevelopmentPath: ROOT, extensionTestsPath: SUITE_BUNDLE, workspace: fixture.workspace, env: fixture.env, artifacts: ARTIFACTS, timeoutMs: 300_000 });
    if (code !== 0) {
      console.log(`VS Code integration suite failed (exit ${code})`);
      return code;
    }
    // Restricted mode, in a fresh simulator state: an account offered by the environment must not be contacted.
    fixture.sim.resetRequests();
    const restrictedEnv = { ...fixture.env, JIRA_SITE: fixture.sim.url, ...DEMO_ACCOUNT_ENV };
    const restricted = await runTests({ extensionDevelopmentPath: ROOT, extensionTestsPath: RESTRICTED_BUNDLE, workspace: fixture.workspace, env: restrictedEnv, restricted: true, artifacts: ARTIFACTS, timeoutMs: 120_000 });
    if (restricted !== 0) {
      console.log(`VS Code restricted-mode suite failed (exit ${restricted})`);
      return restricted;
    }
    const uiWorkspace = examplesWorkspace(fixture.sim.url);
    try {
      await takeScreenshots({ workspace: uiWorkspace, simUrl: fixture.sim.url, artifacts: ARTIFACTS });
    } finally {
      rmSync(uiWorkspace, { recursive: true, force: true });
    }
    console.log('UI smoke test: 1 passed, 0 failed');
    return 0;
  } finally {
    await fixture.dispose();
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`VS Code integration suite could not run: ${error.message}`);
    process.exit(1);
  },
);
