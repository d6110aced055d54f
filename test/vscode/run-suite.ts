/**
 * Runs the integration suite inside a real VS Code extension host here: VS Code's server from the code-server
 * package, its workbench in Debian's Chromium (scripts/vscode-here). Then a UI smoke test takes screenshots of a
 * squiggle with its hover open and of the Problems panel (test-artifacts/vscode/). Both run against the Jira
 * simulator on loopback. Where VS Code can be downloaded, test/vscode/run-electron.ts runs the same suite.
 *   --results FILE   write the counts of all of it (both suites and the UI smoke test) to FILE, for scripts/test.mjs
 *   --ui-only        only the UI smoke test: retakes the screenshots (copy them to media/ for the README)
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { addCounts, clearResults, NO_TESTS, readResults, resultsArg, SUITE_RESULTS_ENV, writeResults, type TestCounts } from '../../scripts/test-results';
import { RESTRICTED_BUNDLE, SUITE_BUNDLE, suiteFixture } from './suite-fixture';
import { DEMO_ACCOUNT_ENV, examplesWorkspace, ROOT } from './workspace';
import { loadHarness, takeScreenshots } from './ui-smoke';

const ARTIFACTS = join(ROOT, 'test-artifacts', 'vscode');
/** Where each suite's entry (in the extension host) writes its mocha counts. */
const SUITE_RESULTS = join(ARTIFACTS, 'suite-results.json');
const RESTRICTED_RESULTS = join(ARTIFACTS, 'restricted-results.json');
const RESULTS_FILE = resultsArg();
const UI_ONLY = process.argv.includes('--ui-only');

/** Counts of everything run so far. */
let counts: TestCounts = NO_TESTS;

async function main(): Promise<number> {
  clearResults(SUITE_RESULTS);
  clearResults(RESTRICTED_RESULTS);
  execFileSync('bash', [join(ROOT, 'scripts', 'vscode-here', 'install.sh')], { stdio: 'inherit' });
  const { runTests } = await loadHarness();
  const fixture = await suiteFixture();
  try {
    if (UI_ONLY) return await uiSmoke(fixture.sim.url);
    console.log(`Integration suite: Jira simulator at ${fixture.sim.url}, workspace ${fixture.workspace}`);
    const suiteEnv = { ...fixture.env, [SUITE_RESULTS_ENV]: SUITE_RESULTS };
    const code = await runTests({
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: SUITE_BUNDLE,
      workspace: fixture.workspace,
      env: suiteEnv,
      artifacts: ARTIFACTS,
      timeoutMs: 300_000,
    });
    counts = addCounts(counts, readResults(SUITE_RESULTS) ?? NO_TESTS);
    if (code !== 0) {
      console.log(`VS Code integration suite failed (exit ${code})`);
      return code;
    }
    // Restricted mode, in a fresh simulator state: an account offered by the environment must not be contacted.
    fixture.sim.resetRequests();
    const restrictedEnv = { ...fixture.env, JIRA_SITE: fixture.sim.url, ...DEMO_ACCOUNT_ENV, [SUITE_RESULTS_ENV]: RESTRICTED_RESULTS };
    const restricted = await runTests({
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: RESTRICTED_BUNDLE,
      workspace: fixture.workspace,
      env: restrictedEnv,
      restricted: true,
      artifacts: ARTIFACTS,
      timeoutMs: 120_000,
    });
    counts = addCounts(counts, readResults(RESTRICTED_RESULTS) ?? NO_TESTS);
    if (restricted !== 0) {
      console.log(`VS Code restricted-mode suite failed (exit ${restricted})`);
      return restricted;
    }
    return await uiSmoke(fixture.sim.url);
  } finally {
    await fixture.dispose();
  }
}

/** The UI smoke test in a workspace of its own: screenshots of the workbench, failing when a hover is clipped. */
async function uiSmoke(simUrl: string): Promise<number> {
  const uiWorkspace = examplesWorkspace(simUrl);
  try {
    await takeScreenshots({ workspace: uiWorkspace, simUrl, artifacts: ARTIFACTS });
  } catch (error) {
    counts = addCounts(counts, { passed: 0, failed: 1, skipped: 0 });
    console.log('UI smoke test: 0 passed, 1 failed');
    throw error;
  } finally {
    rmSync(uiWorkspace, { recursive: true, force: true });
  }
  counts = addCounts(counts, { passed: 1, failed: 0, skipped: 0 });
  console.log('UI smoke test: 1 passed, 0 failed');
  return 0;
}

/** Writes the counts for scripts/test.mjs, whatever the outcome: a run that stopped early has counted less. */
function done(code: number): never {
  if (RESULTS_FILE) writeResults(RESULTS_FILE, counts);
  process.exit(code);
}

main().then(done, (error: Error) => {
  console.error(`VS Code integration suite could not run: ${error.message}`);
  done(1);
});
