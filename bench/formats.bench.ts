/**
 * `npm run bench` (second part): the full check of n8n workflows and Workato recipe exports — parse, adapt to the
 * recipe model, check against a snapshot — against the bare parse of the same file with jsonc-parser (the parser
 * the adapters use; JSON.parse, which keeps no offsets, and the `yaml` package's parse of the same JSON, the other
 * parser that keeps offsets, are shown for scale). A benchmark, not a test: it prints a table with PASS/MISS per
 * target and always exits 0.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseTree } from 'jsonc-parser';
import { parseDocument } from 'yaml';
import { check } from '../src/core/check';
import { parseSnapshot } from '../src/core/snapshot';
import { generateN8nWorkflow, generateWorkatoRecipe } from './generate-json-recipes';

const SIZES = [10, 50, 200, 1000];
const TARGET = { at: 200, maxRatio: 1.5, fastMs: 20 };
const snapshot = parseSnapshot(readFileSync(join(__dirname, '..', 'examples', 'acme.snapshot.json'), 'utf8'));

const CONTENDERS = [
  { name: 'full', run: (text: string) => check(text, [snapshot]) },
  { name: 'bare', run: (text: string) => parseTree(text) },
  { name: 'JSON.parse', run: (text: string) => JSON.parse(text) as unknown },
  { name: 'yaml', run: (text: string) => parseDocument(text) },
];

/** Median ms of each contender, taking turns in rotating order so background load slows them alike. */
function medians(text: string, rounds: number): number[] {
  const times: number[][] = CONTENDERS.map(() => []);
  for (let round = 0; round < rounds + 10; round++) {
    for (let k = 0; k < CONTENDERS.length; k++) {
      const i = (round + k) % CONTENDERS.length;
      const t0 = performance.now();
      CONTENDERS[i].run(text);
      if (round >= 10) times[i].push(performance.now() - t0);
    }
  }
  return times.map((t) => t.sort((a, b) => a - b)[t.length >> 1]);
}

const fmt = (ms: number) => (ms < 10 ? ms.toFixed(3) : ms.toFixed(2));

function main(): void {
  console.log('\nn8n and Workato: full = check(text, [snapshot]): parse + adapt + permissions; bare = jsonc-parser parseTree(text). Medians in ms.\n');
  const header = ['format', 'steps', 'KiB', 'jira steps', 'findings', 'full ms', 'bare ms', 'full/bare', 'JSON.parse ms', 'yaml ms', 'targets'];
  const rows: string[][] = [];
  const misses: string[] = [];
  for (const [format, generate] of [
    ['n8n', generateN8nWorkflow],
    ['workato', generateWorkatoRecipe],
  ] as const) {
    for (const size of SIZES) {
      const text = generate(size);
      const findings = check(text, [snapshot]);
      const [full, bare, native, yamlParse] = medians(text, size <= 200 ? 200 : 40);
      const ratio = full / bare;
      const targets: string[] = [];
      if (size === TARGET.at) {
        targets.push(
          `full/bare <= ${TARGET.maxRatio} ${ratio <= TARGET.maxRatio ? 'PASS' : 'MISS'}`,
          `full < ${TARGET.fastMs} ms ${full < TARGET.fastMs ? 'PASS' : 'MISS'}`,
        );
        if (ratio > TARGET.maxRatio) misses.push(`${format} ${size}: full/bare ${ratio.toFixed(2)} > ${TARGET.maxRatio}`);
        if (full >= TARGET.fastMs) misses.push(`${format} ${size}: full ${fmt(full)} ms >= ${TARGET.fastMs} ms`);
      }
      rows.push([
        format,
        String(size),
        (text.length / 1024).toFixed(0),
        String(countJiraSteps(text)),
        String(findings.length),
        fmt(full),
        fmt(bare),
        ratio.toFixed(2),
        fmt(native),
        fmt(yamlParse),
        targets.join(', '),
      ]);
    }
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padStart(widths[i]))).join(' | ');
  console.log(`${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('-|-')}`);
  for (const r of rows) console.log(line(r));
  console.log(misses.length ? `Targets missed (${misses.length}):\n${misses.map((m) => `  MISS ${m}`).join('\n')}` : 'All n8n and Workato targets met.');
}

function countJiraSteps(text: string): number {
  return (text.match(/"n8n-nodes-base\.jira(?:Trigger|Tool)?"|"provider": "jira",\s*"name"/g) ?? []).length;
}

main();
