/**
 * `npm run bench`, workspace scale: 1,000 recipes over 200 projects (with 100 literal issues) checked live against
 * the Jira simulator, on Cloud and on Data Center, as an account that administers nothing. Prints the time of the
 * whole run (analyse, fetch, check) and the requests it made next to the budgets: Data Center ≤ 2 + P + I; Cloud
 * ≤ 3 + ⌈P/50⌉ + ⌈(P+I)/1000⌉ + ⌈I/50⌉. A benchmark, not a test: PASS/MISS per target, always exits 0.
 */
import { performance } from 'node:perf_hooks';
import { analyzeRecipe } from '../src/core/check/analyze';
import { check } from '../src/core/check';
import { permissionNeeds } from '../src/core/check/needs';
import type { JiraCredentials } from '../src/core/jira/credentials';
import { fetchSnapshot } from '../src/core/jira/fetch-snapshot';
import { SCENARIOS, startJiraSim, type Scenario } from '../test/jira-sim/index';
import { demoWithProjects } from '../test/jira/sim-helpers';

const RECIPES = 1000;
const PROJECTS = 200;
const ISSUES = 100;
const TARGET_MS = 3000;

const projectKey = (i: number) => `P${String(i + 1).padStart(2, '0')}`;

/** The demo world with 200 more projects, and one issue (reported by Jan) in each of the first 100. */
function world(base: string): Scenario {
  const scenario = demoWithProjects(base, PROJECTS);
  const issues = Array.from({ length: ISSUES }, (_, i) => ({ id: 40000 + i, key: `${projectKey(i)}-1`, summary: 'Bench issue', reporter: 'jan' }));
  return { ...scenario, issues: [...(scenario.issues ?? []), ...issues] };
}

/** Recipe n: a trigger in one project, a comment on the triggering issue, and every tenth a comment on a literal issue. */
function recipe(n: number, site: string): string {
  const project = projectKey(n % PROJECTS);
  const literal = n % 10 === 0 ? `${projectKey((n / 10) % ISSUES)}-1` : '"{{ bug.key }}"';
  return [
    `name: Bench ${n}`,
    'connections:',
    `  jira: { provider: jira, host: ${site} }`,
    `trigger: { id: bug, event: new_issue, input: { project: ${project} } }`,
    'steps:',
    '  - id: note',
    '    action: create_comment',
    `    input: { issue: ${literal}, comment: seen }`,
    '',
  ].join('\n');
}

async function run(flavour: 'cloud' | 'datacenter', credentials: JiraCredentials): Promise<string> {
  const sim = await startJiraSim({ scenario: world(flavour === 'cloud' ? SCENARIOS.demo : SCENARIOS.demoDc) });
  try {
    const started = performance.now();
    const analyses = Array.from({ length: RECIPES }, (_, n) => analyzeRecipe(recipe(n, sim.url)));
    const needs = permissionNeeds(analyses).get(sim.url);
    if (!needs) throw new Error('no needs for the site');
    const snapshot = await fetchSnapshot(sim.url, credentials, needs, { timeoutMs: 10_000 });
    let findings = 0;
    for (const analysis of analyses) findings += check(analysis, [snapshot]).length;
    const ms = performance.now() - started;
    const p = Object.keys(needs.projects).length;
    const i = Object.keys(needs.issues ?? {}).length;
    const budget = flavour === 'cloud' ? 3 + Math.ceil(p / 50) + Math.ceil((p + i) / 1000) + Math.ceil(i / 50) : 2 + p + i;
    const requests = sim.requests.length;
    const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');
    return `${flavour.padEnd(10)} P=${p} I=${i} ${ms.toFixed(0).padStart(6)} ms (target ${TARGET_MS}) ${verdict(ms < TARGET_MS)}   ${String(requests).padStart(4)} requests (budget ${budget}) ${verdict(requests <= budget)}   ${findings} findings`;
  } finally {
    await sim.close();
  }
}

async function main(): Promise<void> {
  console.log(`Workspace scale: ${RECIPES} recipes over ${PROJECTS} projects, ${ISSUES} literal issues, checked live against the simulator`);
  console.log(await run('cloud', { kind: 'api_token', email: 'jan@acme.example', token: 'sim-token-jan' }));
  console.log(await run('datacenter', { kind: 'password', username: 'jdonyada', password: 'sim-password-jan' }));
}

void main();
