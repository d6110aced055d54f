/**
 * `npm run bench`, the workspace-level pass: once a workspace check has run, VS Code judges account-over-privileged
 * over every recipe it holds at each re-check of one recipe. Times that pass over 1,000 recipes (an admin account
 * no recipe needs, so every step is looked at) against a budget per pass. A benchmark, not a test: always exits 0.
 */
import { performance } from 'node:perf_hooks';
import { analyzeRecipe } from '../src/core/check/analyze';
import { overPrivilegeFindings } from '../src/core/check/over-privilege';
import { normalizeSnapshot } from '../src/core/snapshot';

const RECIPES = 1000;
const RUNS = 50;
const TARGET_MS = 10;
const SITE = 'https://acme.atlassian.net';

function recipe(n: number): string {
  return [
    `name: Bench ${n}`,
    'connections:',
    `  jira: { provider: jira, host: ${SITE} }`,
    `defaults: { project: P${n % 200} }`,
    `trigger: { id: bug, event: new_issue, input: { project: P${n % 200} } }`,
    'steps:',
    '  - { action: create_comment, input: { issue: "{{ bug.key }}", comment: seen } }',
    '  - { action: release_version, input: { version_id: "1", released: true } }',
    '',
  ].join('\n');
}

const projects = Object.fromEntries(
  Array.from({ length: 200 }, (_, i) => [`P${i}`, { visible: true, permissions: { BROWSE_PROJECTS: true, ADD_COMMENTS: true, ADMINISTER_PROJECTS: true } }]),
);
const snapshot = normalizeSnapshot({
  version: 1,
  site: SITE,
  deployment: 'cloud',
  account: { id: 'bench', name: 'bench@acme.example', displayName: 'Bench' },
  authType: 'api_token',
  fetchedAt: '2026-12-03T00:00:00Z',
  global: { ADMINISTER: true },
  projects,
});
const recipes = Array.from({ length: RECIPES }, (_, n) => ({ path: `/w/bench-${n}.recipe.yaml`, analysis: analyzeRecipe(recipe(n)) }));
let hints = 0;
const started = performance.now();
for (let i = 0; i < RUNS; i++) hints = overPrivilegeFindings(recipes, [snapshot]).flat().length;
const ms = (performance.now() - started) / RUNS;
console.log(
  `Over-privilege pass: ${RECIPES} recipes, ${ms.toFixed(2)} ms per pass (target ${TARGET_MS}) ${ms < TARGET_MS ? 'PASS' : 'MISS'}   ${hints} hint(s)`,
);
