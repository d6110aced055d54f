/**
 * `npm run bench` (third part): 10,000 mutated example recipes of all three formats (aliases, deep nesting, odd
 * scalars, truncation, random edits), each read and checked against the example snapshot. No exception may escape
 * the check: one that does is printed with its seed and index, and the run exits 1. The slowest inputs are shown
 * against the target of 500 ms per input (PASS/MISS, not a failure: machines differ).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyzeRecipe, check } from '../src/core/check';
import { parseSnapshot } from '../src/core/snapshot';
import { exampleSeeds, fuzzInputs } from '../test/fuzz/mutations';

const SEED = 424242;
const COUNT = 10_000;
const TARGET_MS = 500;

function main(): void {
  const snapshot = parseSnapshot(readFileSync(join(__dirname, '..', 'examples', 'acme.snapshot.json'), 'utf8'));
  const slowest: { ms: number; what: string }[] = [];
  const escaped: string[] = [];
  const times: number[] = [];
  let index = 0;
  const started = performance.now();
  for (const input of fuzzInputs(exampleSeeds(), COUNT, SEED)) {
    const what = `#${index} ${input.fileName ?? '(no name)'} ${input.mutations.join('+')} (${(input.text.length / 1024).toFixed(0)} KB)`;
    const t0 = performance.now();
    try {
      check(analyzeRecipe(input.text, { fileName: input.fileName }), [snapshot]);
    } catch (e) {
      escaped.push(`${what}: ${String(e)}`);
    }
    const ms = performance.now() - t0;
    times.push(ms);
    slowest.push({ ms, what });
    slowest.sort((a, b) => b.ms - a.ms).splice(5);
    index++;
  }
  const total = performance.now() - started;
  times.sort((a, b) => a - b);
  const max = times[times.length - 1];
  console.log(`\nFuzz: ${COUNT} mutated recipes (seed ${SEED}) in ${(total / 1000).toFixed(1)} s`);
  console.log(`  median ${times[times.length >> 1].toFixed(2)} ms, p99 ${times[Math.floor(times.length * 0.99)].toFixed(1)} ms, max ${max.toFixed(1)} ms`);
  console.log(`  slowest:\n${slowest.map((s) => `    ${s.ms.toFixed(1)} ms  ${s.what}`).join('\n')}`);
  console.log(`  ${max < TARGET_MS ? 'PASS' : 'MISS'} every input under ${TARGET_MS} ms`);
  if (escaped.length) {
    console.log(`  FAIL ${escaped.length} exception(s) escaped check:\n${escaped.map((e) => `    ${e}`).join('\n')}`);
    process.exitCode = 1;
  } else console.log('  PASS no exception escaped check');
}

main();
