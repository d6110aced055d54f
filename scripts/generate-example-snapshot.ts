/**
 * Rewrites examples/acme.snapshot.json: what `jira-recipe-lint snapshot` fetches for the example recipes from the
 * Jira simulator's demo scenario (Jan Donyada on Acme's site), with the site named as the recipes name it.
 * Run after a change to what a fetch asks or records (build first: npm run build):
 *   npx tsx scripts/generate-example-snapshot.ts
 * test/cli/live.test.ts fails while the committed snapshot differs from a fresh fetch.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCENARIOS, startJiraSim } from '../test/jira-sim';
import { runCliAsync } from '../test/cli/run-cli';
import { examplesWorkspace, ROOT } from '../test/vscode/workspace';

const OUT = join(ROOT, 'examples', 'acme.snapshot.json');
const SITE = 'https://acme.atlassian.net';

async function main(): Promise<void> {
  const sim = await startJiraSim({ scenario: SCENARIOS.demo });
  const workspace = examplesWorkspace(sim.url);
  try {
    const run = await runCliAsync(['snapshot', '--site', sim.url, workspace], { JIRA_EMAIL: 'jan@acme.example', JIRA_API_TOKEN: 'sim-token-jan' });
    if (run.status !== 0) throw new Error(run.stderr);
    const fresh = JSON.parse(run.stdout) as Record<string, unknown>;
    const committed = JSON.parse(readFileSync(OUT, 'utf8')) as Record<string, unknown>;
    const snapshot = { $schema: committed.$schema, ...fresh, site: SITE, fetchedAt: committed.fetchedAt };
    writeFileSync(OUT, `${JSON.stringify(snapshot, null, 2)}\n`);
    console.log(`wrote ${OUT}`);
  } finally {
    rmSync(workspace, { recursive: true, force: true });
    await sim.close();
  }
}

void main();
