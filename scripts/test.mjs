// npm test: type-check, build, the mocha suites (core, CLI, Jira client, Jira simulator), the integration suite in
// a real VS Code, and the demo's smoke test; then one closing line with the counts of all of them.
// The counts come from a results file each counting step writes ({"passed":N,"failed":M,"skipped":K}, see
// scripts/test-results.ts), not from the steps' text output.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const RESULTS = join('test-artifacts', 'results');

const steps = [
  { name: 'type-check', command: ['npx', 'tsc', '-p', '.', '--noEmit'] },
  { name: 'lint', command: ['npm', 'run', '--silent', 'lint'] },
  { name: 'build', command: ['node', 'scripts/build.mjs'] },
  {
    name: 'mocha suites',
    results: join(RESULTS, 'mocha.json'),
    command: (file) => ['npx', 'mocha', '--reporter', './scripts/mocha-results-reporter.cjs', '--reporter-option', `output=${file}`],
  },
  {
    name: 'VS Code integration suite',
    results: join(RESULTS, 'vscode.json'),
    command: (file) => ['npx', 'tsx', 'test/vscode/run-suite.ts', '--results', file],
  },
  {
    name: 'demo smoke test',
    results: join(RESULTS, 'demo-smoke.json'),
    command: (file) => ['npx', 'tsx', 'scripts/demo.ts', '--smoke', '--results', file],
  },
];

/** Runs a command with its output shown as it comes, and returns its exit code. */
function run(command) {
  return new Promise((resolve) => {
    const child = spawn(command[0], command.slice(1), { stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', (error) => {
      console.error(`${command[0]}: ${error.message}`);
      resolve(1);
    });
    child.on('close', (code) => resolve(code ?? 1));
  });
}

/** The counts a step wrote; undefined if it wrote none (it ended before its tests did). */
function readResults(file) {
  if (!existsSync(file)) return undefined;
  const data = JSON.parse(readFileSync(file, 'utf8'));
  for (const key of ['passed', 'failed', 'skipped']) {
    if (!Number.isInteger(data[key]) || data[key] < 0) throw new Error(`${file}: "${key}" is not a count`);
  }
  return data;
}

const total = { passed: 0, failed: 0, skipped: 0 };
let failedStep;
for (const step of steps) {
  const command = step.results ? step.command(step.results) : step.command;
  console.log(`\n=== ${step.name}: ${command.join(' ')}`);
  if (step.results) rmSync(step.results, { force: true }); // never credit a step with an earlier run's counts
  let code = await run(command);
  let counts;
  if (step.results) {
    try {
      counts = readResults(step.results);
    } catch (error) {
      console.error(`\n${step.name}: unreadable results: ${error.message}`);
      code ||= 1;
    }
    if (counts) for (const key of Object.keys(total)) total[key] += counts[key];
    else if (code === 0) {
      console.error(`\n${step.name}: exited 0 but wrote no results to ${step.results}`);
      code = 1;
    }
  }
  if (code !== 0) {
    failedStep = step.name;
    if (!counts || counts.failed === 0) total.failed += 1; // a step that failed without a test failing
    break;
  }
}
console.log(`\n${failedStep ? `FAILED at: ${failedStep}` : 'All test steps passed.'}${total.skipped ? ` (${total.skipped} skipped)` : ''}`);
console.log(`tests: ${total.passed} passed, ${total.failed} failed`);
process.exit(failedStep ? 1 : 0);
