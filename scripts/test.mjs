// npm test: type-check, build, the mocha suites (core, CLI, Jira client, Jira simulator), the integration suite in
// a real VS Code, and the demo's smoke test; then one closing line with the counts of all of them.
import { spawn } from 'node:child_process';

const steps = [
  { name: 'type-check', command: ['npx', 'tsc', '-p', '.', '--noEmit'] },
  { name: 'build', command: ['node', 'scripts/build.mjs'] },
  { name: 'mocha suites', command: ['npx', 'mocha'], counts: true },
  { name: 'VS Code integration suite', command: ['npx', 'tsx', 'test/vscode/run-suite.ts'], counts: true },
  { name: 'demo smoke test', command: ['npx', 'tsx', 'scripts/demo.ts', '--smoke'], counts: true },
];

/** Runs a command with its output shown as it comes, and returns its exit code and output. */
function run(command) {
  return new Promise((resolve) => {
    const child = spawn(command[0], command.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    for (const stream of [child.stdout, child.stderr]) {
      stream.on('data', (chunk) => {
        output += chunk;
        (stream === child.stdout ? process.stdout : process.stderr).write(chunk);
      });
    }
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/** Mocha's "N passing / N failing / N pending", and our runners' "N passed, N failed" lines. */
function counts(output) {
  const total = { passed: 0, failed: 0, skipped: 0 };
  const add = (re, key) => { for (const m of output.matchAll(re)) total[key] += Number(m[1]); };
  add(/^\s*(\d+) passing/gm, 'passed');
  add(/^\s*(\d+) failing/gm, 'failed');
  add(/^\s*(\d+) pending/gm, 'skipped');
  add(/(?:UI smoke test|demo smoke test): (\d+) passed/gm, 'passed');
  add(/(?:UI smoke test|demo smoke test): \d+ passed, (\d+) failed/gm, 'failed');
  return total;
}

const total = { passed: 0, failed: 0, skipped: 0 };
let failedStep;
for (const step of steps) {
  console.log(`\n=== ${step.name}: ${step.command.join(' ')}`);
  const { code, output } = await run(step.command);
  if (step.counts) {
    const c = counts(output);
    for (const key of Object.keys(total)) total[key] += c[key];
  }
  if (code !== 0) {
    failedStep = step.name;
    if (!step.counts || counts(output).failed === 0) total.failed += 1; // a step that failed without a test failing
    break;
  }
}
console.log(`\n${failedStep ? `FAILED at: ${failedStep}` : 'All test steps passed.'}${total.skipped ? ` (${total.skipped} skipped)` : ''}`);
console.log(`tests: ${total.passed} passed, ${total.failed} failed`);
process.exit(failedStep ? 1 : 0);
