import { readFileSync, statSync } from 'node:fs';
import { analyzeOversized, analyzeRecipe, analyzeUnreadable, check, type RecipeAnalysis } from '../../core/check';
import { MAX_RECIPE_BYTES } from '../../core/recipe/limits';
import { errorMessage } from '../../core/text/error-message';
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
}

export interface CheckResult {
  readonly output: string;
  readonly exitCode: 0 | 1;
}

/** Each file on its own: one that is too large or can't be read gets a finding, and the others are still checked. */
export function analyseFiles(files: readonly string[], config: WorkspaceConfig): AnalysedFile[] {
  return files.map((file) => {
    const options = { fileName: file, connectionSites: config.connections };
    try {
      // The size first: a huge file is never read into memory.
      const bytes = statSync(file).size;
      if (bytes > MAX_RECIPE_BYTES) return { file, analysis: analyzeOversized(bytes, options) };
      return { file, analysis: analyzeRecipe(readFileSync(file, 'utf8'), options) };
    } catch (e) {
      return { file, analysis: analyzeUnreadable(readFailure(e), options) };
    }
  });
}

export function runCheck(options: CheckOptions): CheckResult {
  const reports: FileReport[] = options.files.map(({ file, analysis }) => ({ file, findings: check(analysis, options.snapshots) }));
  const output = options.format === 'json' ? formatJson(reports) : options.format === 'sarif' ? formatSarif(reports, options.version) : formatText(reports);
  const hasErrors = reports.some((r) => r.findings.some((f) => f.severity === 'error'));
  return { output, exitCode: hasErrors ? 1 : 0 };
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
