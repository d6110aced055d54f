/**
 * npm run demo: the Jira simulator with its demo scenario, and VS Code (server from the code-server package) with
 * this extension, the examples/ workspace and the demo account already linked. Prints the URL to open.
 *   --smoke        start, check that the workbench answers, stop (used by the tests)
 *   --results FILE with --smoke: write its count to FILE, for scripts/test.mjs
 *   DEMO_PORT      VS Code's port (default 8080); DEMO_JIRA_PORT the simulator's (default: any free one)
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { SCENARIOS, startJiraSim } from '../test/jira-sim';
import { loadHarness } from '../test/vscode/ui-smoke';
import { DEMO_ACCOUNT_ENV, examplesWorkspace, ROOT } from '../test/vscode/workspace';
import { resultsArg, writeResults } from './test-results';

async function main(): Promise<void> {
  const smoke = process.argv.includes('--smoke');
  const results = resultsArg();
  execFileSync('bash', [join(ROOT, 'scripts', 'vscode-here', 'install.sh')], { stdio: 'inherit' });
  const { startVsCode } = await loadHarness();

  const sim = await startJiraSim({ scenario: SCENARIOS.demo, port: Number(process.env.DEMO_JIRA_PORT ?? 0) });
  const workspace = examplesWorkspace(sim.url, 'jira-recipe-lint-demo-');
  const vscode = await startVsCode({
    extensionDevelopmentPath: ROOT,
    workspace,
    env: { JIRA_SITE: sim.url, ...DEMO_ACCOUNT_ENV },
    settings: { 'editor.wordWrap': 'on', 'workbench.colorTheme': 'Default Light Modern' },
    port: smoke ? 0 : Number(process.env.DEMO_PORT ?? 8080),
  });
  const stop = async () => {
    await vscode.stop();
    await sim.close();
    rmSync(workspace, { recursive: true, force: true });
  };

  if (smoke) {
    const response = await fetch(vscode.url);
    const page = await response.text();
    await stop();
    const answered = response.ok && page.includes('workbench');
    if (results) writeResults(results, { passed: answered ? 1 : 0, failed: answered ? 0 : 1, skipped: 0 });
    if (!answered) throw new Error(`The workbench did not answer (HTTP ${response.status}).`);
    console.log('demo smoke test: 1 passed, 0 failed');
    return;
  }
  console.log(`
Jira simulator (demo scenario): ${sim.url}  — signed in as Jan Donyada (jan@acme.example)
Workspace: a copy of examples/ pointing at the simulator

Open VS Code in your browser:
  ${vscode.url}

Open escalate-urgent-bugs.recipe.yaml and hover the squiggles. Ctrl+C stops everything.`);
  const onSignal = () => void stop().then(() => process.exit(0));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  await vscode.exited;
  await stop();
}

main().catch((error: Error) => {
  console.error(`demo: ${error.message}`);
  process.exit(1);
});
