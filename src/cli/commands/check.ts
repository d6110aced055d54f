import { readFileSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import {
  analyzeOversized,
  analyzeRecipe,
  analyzeUnreadable,
  applySuppressions,
  check,
  compareFindings,
  isVerified,
  overPrivilegeFindings,
  verifySteps,
  type RecipeAnalysis,
} from '../../core/check';
import { ignoreRulesFor, type IgnoreRule } from '../../core/config/workspace-config';
import { MAX_RECIPE_BYTES } from '../../core/recipe/limits';
import { errorMessage } from '../../core/text/error-message';
import { baselineStates, type Baseline } from '../baseline';
import type { LoadedConfig } from '../config';
import { parseSnapshot, SnapshotFormatError, type PermissionSnapshot } from '../../core/snapshot';
import { formatJson } from '../format/json';
import type { FileReport } from '../format/report';
import { formatSarif } from '../format/sarif';
import { formatText } from '../format/text';
import { InputError } from '../usage';

export type OutputFormat = 'text' | 'json' | 'sarif';

/** A recipe file read and analysed once, for the live fetch and the check alike. */
export interface AnalysedFile {
  readonly file: string;
  readonly analysis: RecipeAnalysis;
  /** The workspace's ignore rules that apply to this file. */
  readonly ignore: readonly IgnoreRule[];
}

export interface CheckOptions {
  readonly files: readonly AnalysedFile[];
  readonly snapshots: readonly PermissionSnapshot[];
  readonly format: OutputFormat;
  readonly version: string;
  /** --strict: a Jira step whose permissions stayed unverified fails the run too. */
  readonly strict?: boolean;
  /** --baseline: only findings not in it fail the run. */
  readonly baseline?: Baseline;
}

export interface CheckResult {
  readonly output: string;
  /** For standard error: why a strict run failed. */
  readonly notes: string;
  readonly exitCode: 0 | 1;
}

/** Each file on its own: one that is too large or can't be read gets a finding, and the others are still checked. */
export function analyseFiles(files: readonly string[], config: LoadedConfig): AnalysedFile[] {
  return files.map((file) => {
    const options = { fileName: file, connectionSites: config.connections };
    const ignore = ignoreRulesFor(config, relative(config.dir, resolve(file)));
    try {
      // The size first: a huge file is never read into memory.
      const bytes = statSync(file).size;
      if (bytes > MAX_RECIPE_BYTES) return { file, analysis: analyzeOversized(bytes, options), ignore };
      return { file, analysis: analyzeRecipe(readFileSync(file, 'utf8'), options), ignore };
    } catch (e) {
      return { file, analysis: analyzeUnreadable(readFailure(e), options), ignore };
    }
  });
}

export function runCheck(options: CheckOptions): CheckResult {
  // Over-privilege is judged on the run as a whole: whether any recipe of it needs Administer Jira.
  const overPrivileged = overPrivilegeFindings(
    options.files.map((f) => ({ path: f.file, analysis: f.analysis })),
    options.snapshots,
  );
  const reports: FileReport[] = options.files.map(({ file, analysis, ignore }, i) => {
    const all = [...check(analysis, options.snapshots), ...overPrivileged[i]].sort(compareFindings);
    const { findings, suppressed } = applySuppressions(all, analysis.model.suppressions, ignore);
    // Steps count as verified by what was found, silenced or not: a suppression hides a finding, it checks nothing.
    return { file, findings, suppressed, steps: verifySteps(analysis, all) };
  });
  const states = options.baseline && baselineStates(reports, options.baseline);
  const output =
    options.format === 'json'
      ? formatJson(reports, states)
      : options.format === 'sarif'
        ? formatSarif(reports, options.version, states)
        : formatText(reports, states);
  const hasErrors = reports.some((r) => r.findings.some((f) => f.severity === 'error' && states?.get(f) !== 'unchanged'));
  const notes = options.strict ? strictNotes(reports) : '';
  return { output, notes, exitCode: hasErrors || notes ? 1 : 0 };
}

/** Under --strict, one line per Jira step that stayed unverified, with why; '' when every step was verified. */
function strictNotes(reports: readonly FileReport[]): string {
  const lines: string[] = [];
  let total = 0;
  for (const { file, steps, suppressed } of reports) {
    total += steps.length;
    const silenced = new Set(suppressed.map((f) => f.message));
    for (const s of steps.filter((v) => !isVerified(v))) {
      const open = s.reasons.filter((r) => !silenced.has(r));
      if (!open.length) continue;
      const reasons = open.map((r) => (r.startsWith(`${s.label}: `) ? r.slice(s.label.length + 2) : r));
      lines.push(`  ${file}:${s.jiraStep.step.operationRange.start.line + 1} ${s.label}: ${reasons.join(' ')}`);
    }
  }
  if (!lines.length) return '';
  return `jira-recipe-lint: --strict: ${lines.length} of ${total} Jira steps stayed unverified:\n${lines.join('\n')}\n`;
}

export function readSnapshotFile(file: string): PermissionSnapshot {
  try {
    return parseSnapshot(readText(file), file);
  } catch (e) {
    if (e instanceof SnapshotFormatError) throw new InputError(e.message);
    throw e;
  }
}

export function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(`Cannot read ${file}: ${readFailure(e)}.`);
  }
}

function readFailure(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : errorMessage(e);
}
