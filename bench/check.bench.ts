/**
 * `npm run bench`: times the full check (parse + schema + permissions) on generated recipes of 10 to 5,000 steps,
 * against a bare `yaml` parse of the same text and against yaml-language-server's validation with our schema.
 * A benchmark, not a test: it prints a table with PASS/MISS per target and always exits 0.
 */
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from 'yaml-language-server/lib/umd/languageservice/yamlLanguageService';
import { check } from '../src/core/check';
import { parseSnapshot } from '../src/core/snapshot';
import { generateRecipe } from './generate-recipe';

const SIZES = [10, 50, 100, 500, 1000, 2000, 5000];
/** Per size: `warmup` untimed rounds, then at least `min` timed rounds, more while under `budgetMs`, at most `max`. */
interface Plan {
  warmup: number;
  min: number;
  max: number;
  budgetMs: number;
}
const plan = (steps: number): Plan =>
  steps <= 100
    ? { warmup: 30, min: 50, max: 1000, budgetMs: 6000 }
    : steps <= 1000
      ? { warmup: 5, min: 20, max: 100, budgetMs: 12000 }
      : steps <= 2000
        ? { warmup: 3, min: 15, max: 40, budgetMs: 14000 }
        : { warmup: 2, min: 9, max: 20, budgetMs: 16000 };
const TARGET = { ratioAt: 2000, maxRatio: 1.5, fastAt: 50, fastMs: 10 };

const root = join(__dirname, '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const pkg = (name: string) => (JSON.parse(read(`node_modules/${name}/package.json`)) as { version: string }).version;
const snapshot = parseSnapshot(read('examples/acme.snapshot.json'));
const schema = JSON.parse(read('schemas/recipe.schema.json')) as { $id: string };

// yaml-language-server's language service, in this process, with no connection and no way to reach the network:
// the schema is given inline, and any other schema request fails at once.
const yamlLs = getLanguageService({
  schemaRequestService: (uri) => Promise.reject(new Error(`bench: no schema fetches (${uri})`)),
  workspaceContext: { resolveRelativePath: (relative, resource) => new URL(relative, resource).toString() },
});
yamlLs.configure({ validate: true, schemas: [{ uri: schema.$id, fileMatch: ['*'], schema }] });
let version = 0;
/** A new document version each time, as after an edit: the service caches its parse per URI and version. */
const lsValidate = (text: string) => yamlLs.doValidation(TextDocument.create('file:///bench/recipe.yaml', 'yaml', ++version, text), false);

type Contender = { name: string; run: (text: string) => unknown };
const CONTENDERS: Contender[] = [
  { name: 'full', run: (text) => check(text, [snapshot]) },
  { name: 'bare', run: (text) => parseDocument(text) },
  { name: 'yaml-ls', run: lsValidate },
];

/**
 * Median ms of each contender on `text`. The contenders take turns (in rotating order) within each round, so a
 * background load that comes and goes on a shared machine slows them alike and the ratios stay fair.
 */
async function medians(text: string, p: Plan): Promise<{ medians: number[]; rounds: number }> {
  const times: number[][] = CONTENDERS.map(() => []);
  const start = performance.now();
  for (let round = 0; round < p.warmup + p.max && (round < p.warmup + p.min || performance.now() - start < p.budgetMs); round++) {
    for (let k = 0; k < CONTENDERS.length; k++) {
      const i = (round + k) % CONTENDERS.length;
      const t0 = performance.now();
      await CONTENDERS[i].run(text);
      if (round >= p.warmup) times[i].push(performance.now() - t0);
    }
  }
  return { medians: times.map(median), rounds: times[0].length };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The comparison means nothing unless yaml-language-server really applies our schema: one recipe with a schema error. */
async function sanityCheck(): Promise<boolean> {
  const clean = generateRecipe(10);
  const broken = clean.replace('action:', 'acton:');
  const [lsClean, lsBroken] = [await lsValidate(clean), await lsValidate(broken)];
  const ours = check(broken, [snapshot]).filter((f) => f.code === 'schema');
  const first = lsBroken[0];
  const ok = lsClean.length === 0 && lsBroken.length > 0;
  console.log(
    `sanity: ${ok ? 'OK' : 'FAILED (comparison meaningless)'}: yaml-language-server gives ${lsClean.length} diagnostics on a clean recipe and ` +
      `${lsBroken.length} on one with "action:" misspelled${first ? ` (line ${first.range.start.line + 1}: ${first.message})` : ''}; our check gives ${ours.length} schema findings there.`,
  );
  return ok;
}

const fmt = (ms: number) => (ms < 10 ? ms.toFixed(3) : ms < 100 ? ms.toFixed(2) : ms.toFixed(1));
const verdict = (pass: boolean) => (pass ? 'PASS' : 'MISS');

async function main() {
  const benchStart = performance.now();
  console.log(`Node ${process.version} on ${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} cores), ${process.platform}-${process.arch}`);
  console.log(
    `yaml ${pkg('yaml')} (ours), yaml-language-server ${pkg('yaml-language-server')} (yaml ${pkg('yaml-language-server/node_modules/yaml')}), ajv ${pkg('ajv')}`,
  );
  await sanityCheck();
  await medians(generateRecipe(500), { warmup: 20, min: 0, max: 0, budgetMs: 0 }); // JIT warm-up of all three
  console.log('Times are medians in ms. full = check(text, [snapshot]): parse + schema + permissions; bare = yaml parseDocument(text).\n');

  const header = ['steps', 'lines', 'KiB', 'findings', 'full ms', 'bare ms', 'full/bare', 'yaml-ls ms', 'speed-up', 'runs', 'targets'];
  const rows: string[][] = [];
  const misses: string[] = [];
  for (const steps of SIZES) {
    const text = generateRecipe(steps);
    const p = plan(steps);
    const findings = check(text, [snapshot]).length;
    const {
      medians: [full, bare, ls],
      rounds,
    } = await medians(text, p);
    const ratio = full / bare;
    const speedUp = ls / full;

    const targets = [`faster than yaml-ls ${verdict(speedUp > 1)}`];
    if (speedUp <= 1) misses.push(`${steps} steps: not faster than yaml-language-server (${speedUp.toFixed(2)}x)`);
    if (steps === TARGET.ratioAt) {
      targets.push(`full/bare <= ${TARGET.maxRatio} ${verdict(ratio <= TARGET.maxRatio)}`);
      if (ratio > TARGET.maxRatio) misses.push(`${steps} steps: full/bare ${ratio.toFixed(2)} > ${TARGET.maxRatio}`);
    }
    if (steps === TARGET.fastAt) {
      targets.push(`full < ${TARGET.fastMs} ms ${verdict(full < TARGET.fastMs)}`);
      if (full >= TARGET.fastMs) misses.push(`${steps} steps: full check ${fmt(full)} ms >= ${TARGET.fastMs} ms`);
    }
    const row = [
      steps.toLocaleString('en'),
      text.split('\n').length.toLocaleString('en'),
      (text.length / 1024).toFixed(0),
      String(findings),
      fmt(full),
      fmt(bare),
      ratio.toFixed(2),
      fmt(ls),
      `${speedUp.toFixed(2)}x`,
      String(rounds),
      targets.join(', '),
    ];
    rows.push(row);
    process.stderr.write(`measured ${steps} steps\n`); // progress; the table follows when all sizes are done
  }

  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padStart(widths[i]))).join(' | ');
  console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('-|-')}`);
  for (const r of rows) console.log(line(r));
  console.log(
    `\nruns = timed rounds after warm-up, each timing full, bare and yaml-ls once, in rotating order; total bench time ${((performance.now() - benchStart) / 1000).toFixed(0)} s.`,
  );
  console.log(misses.length ? `Targets missed (${misses.length}):\n${misses.map((m) => `  MISS ${m}`).join('\n')}` : 'All targets met.');
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
