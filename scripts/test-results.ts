/**
 * The results file of one test step, which scripts/test.mjs reads for its closing line instead of parsing output:
 * `{"passed":N,"failed":M,"skipped":K}`. Mocha writes it through scripts/mocha-results-reporter.cjs; the VS Code
 * suite (test/vscode/run-suite.ts) and the demo's smoke test (scripts/demo.ts) write it when given `--results FILE`.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface TestCounts {
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
}

/**
 * The environment variable naming the file where an entry of the VS Code suite, inside the extension host, writes its
 * mocha counts (test/vscode/suite-entry.ts); test/vscode/run-suite.ts sets it for each run.
 */
export const SUITE_RESULTS_ENV = 'VSCODE_SUITE_RESULTS';

export const NO_TESTS: TestCounts = { passed: 0, failed: 0, skipped: 0 };

export function addCounts(a: TestCounts, b: TestCounts): TestCounts {
  return { passed: a.passed + b.passed, failed: a.failed + b.failed, skipped: a.skipped + b.skipped };
}

/** The counts of a finished mocha run (`runner.stats`). */
export function mochaCounts(stats: Mocha.Stats | undefined): TestCounts {
  return { passed: stats?.passes ?? 0, failed: stats?.failures ?? 0, skipped: stats?.pending ?? 0 };
}

export function writeResults(file: string, counts: TestCounts): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ passed: counts.passed, failed: counts.failed, skipped: counts.skipped })}\n`);
}

/** The counts in a results file; undefined when there is none (the run did not get that far). */
export function readResults(file: string): TestCounts | undefined {
  if (!existsSync(file)) return undefined;
  const data = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const count = (key: keyof TestCounts): number => {
    const n = data[key];
    if (!Number.isInteger(n) || (n as number) < 0) throw new Error(`${file}: "${key}" is not a count: ${JSON.stringify(n)}`);
    return n as number;
  };
  return { passed: count('passed'), failed: count('failed'), skipped: count('skipped') };
}

/** Removes a results file left by an earlier run, so a run that ends early is not credited with old counts. */
export function clearResults(file: string): void {
  rmSync(file, { force: true });
}

/** The FILE of `--results FILE` on the command line, if given. */
export function resultsArg(argv: readonly string[] = process.argv): string | undefined {
  const i = argv.indexOf('--results');
  if (i < 0) return undefined;
  const file = argv[i + 1];
  if (!file || file.startsWith('--')) throw new Error('--results expects a file name');
  return file;
}
