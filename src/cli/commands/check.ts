import { readFileSync } from 'node:fs';
import { analyzeRecipe, check, isVerified, verifySteps, type RecipeAnalysis } from '../../core/check';
import type { WorkspaceConfig } from '../../core/config/workspace-config';
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
}

export interface CheckOptions {
  readonly files: readonly AnalysedFile[];
  readonly snapshots: readonly PermissionSnapshot[];
  readonly format: OutputFormat;
  readonly version: string;
  /** --strict: a Jira step whose permissions stayed unverified fails the run too. */
  readonly strict?: boolean;
}

export interface CheckResult {
  readonly output: string;
  /** For standard error: why a strict run failed. */
  readonly notes: string;
  readonly exitCode: 0 | 1;
}

export function analyseFiles(files: readonly string[], config: WorkspaceConfig): AnalysedFile[] {
  return files.map((file) => ({ file, analysis: analyzeRecipe(readText(file), { fileName: file, connectionSites: config.connections }) }));
}

export function runCheck(options: CheckOptions): CheckResult {
  const reports: FileReport[] = options.files.map(({ file, analysis }) => {
    const findings = check(analysis, options.snapshots);
    return { file, findings, steps: verifySteps(analysis, findings) };
  });
  const output = options.format === 'json' ? formatJson(reports) : options.format === 'sarif' ? formatSarif(reports, options.version) : formatText(reports);
  const hasErrors = reports.some((r) => r.findings.some((f) => f.severity === 'error'));
  const notes = options.strict ? strictNotes(reports) : '';
  return { output, notes, exitCode: hasErrors || notes ? 1 : 0 };
}

/** Under --strict, one line per Jira step that stayed unverified, with why; '' when every step was verified. */
function strictNotes(reports: readonly FileReport[]): string {
  const lines: string[] = [];
  let total = 0;
  for (const { file, steps } of reports) {
    total += steps.length;
    for (const s of steps.filter((v) => !isVerified(v))) {
      const reasons = s.reasons.map((r) => (r.startsWith(`${s.label}: `) ? r.slice(s.label.length + 2) : r));
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
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(
      `Cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : e instanceof Error ? e.message : String(e)}.`,
    );
  }
}
