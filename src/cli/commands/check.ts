import { readFileSync } from 'node:fs';
import { check } from '../../core/check';
import { parseSnapshot, SnapshotFormatError, type PermissionSnapshot } from '../../core/snapshot';
import { expandRecipeArgs } from '../files';
import { formatJson } from '../format/json';
import { formatSarif } from '../format/sarif';
import { formatText } from '../format/text';
import type { FileReport } from '../format/report';
import { InputError, UsageError } from '../usage';

export type OutputFormat = 'text' | 'json' | 'sarif';

export interface CheckOptions {
  readonly inputs: readonly string[];
  readonly snapshotFiles: readonly string[];
  readonly format: OutputFormat;
  /** Snapshots fetched live (`--site`), on top of the snapshot files. */
  readonly liveSnapshots?: readonly PermissionSnapshot[];
  readonly version: string;
}

export interface CheckResult {
  readonly output: string;
  readonly exitCode: 0 | 1;
}

export async function runCheck(options: CheckOptions): Promise<CheckResult> {
  if (!options.inputs.length) throw new UsageError('check needs at least one recipe file, folder or glob.');
  const snapshots = [...options.snapshotFiles.map(readSnapshotFile), ...(options.liveSnapshots ?? [])];
  const files = await expandRecipeArgs(options.inputs);
  if (!files.length) throw new InputError(`No recipe files (*.recipe.yaml, *.recipe.yml) found in ${options.inputs.join(', ')}.`);
  const reports: FileReport[] = files.map((file) => ({ file, findings: check(readText(file), snapshots) }));
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

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(`Cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (e as Error).message}.`);
  }
}
