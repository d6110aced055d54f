import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import type { Finding } from '../core/check';
import { errorMessage } from '../core/text/error-message';
import { readText } from './commands/check';
import { InputError } from './usage';

/** The key of SARIF's partialFingerprints under which we keep ours. */
export const FINGERPRINT_KEY = 'jiraRecipeLint/v1';

export type BaselineState = 'new' | 'unchanged';

/** Fingerprints of an earlier run's findings, each with how often it occurred. */
export type Baseline = Map<string, number>;

/** A path as baselines compare it: relative to the current folder, with forward slashes. */
export function baselinePath(file: string): string {
  return relative(process.cwd(), resolve(file)).split(sep).join('/');
}

/**
 * What identifies a finding across runs: file, code, step, project and permissions, never its line, so that
 * edits above it don't make it new. Stable across versions: it is SARIF's partialFingerprints value.
 */
export function fingerprint(file: string, f: Pick<Finding, 'code' | 'step' | 'project' | 'permissions'>): string {
  const key = JSON.stringify([baselinePath(file), f.code, f.step ?? null, f.project ?? null, [...(f.permissions ?? [])].sort()]);
  return createHash('sha256').update(key).digest('hex').slice(0, 32);
}

/** Reads the JSON or SARIF output of an earlier `check` as a baseline. */
export function readBaseline(file: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(readText(file));
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`--baseline ${file} is not JSON: ${errorMessage(e)}`);
  }
  const baseline: Baseline = new Map();
  const add = (print: string) => baseline.set(print, (baseline.get(print) ?? 0) + 1);
  const report = data as { findings?: unknown; runs?: unknown };
  if (Array.isArray(report?.findings)) {
    for (const f of report.findings as (Finding & { file: string })[])
      if (typeof f?.file === 'string' && typeof f.code === 'string') add(fingerprint(f.file, f));
    return baseline;
  }
  if (Array.isArray(report?.runs)) {
    for (const run of report.runs as { results?: SarifResult[] }[]) for (const r of run?.results ?? []) add(sarifFingerprint(r));
    return baseline;
  }
  throw new InputError(`--baseline ${file} is neither the JSON nor the SARIF output of jira-recipe-lint check.`);
}

interface SarifResult {
  ruleId?: string;
  partialFingerprints?: Record<string, string>;
  locations?: { physicalLocation?: { artifactLocation?: { uri?: string } } }[];
  properties?: { step?: string | null; project?: string | null; permissions?: string[] };
  suppressions?: unknown[];
}

function sarifFingerprint(r: SarifResult): string {
  const ours = r.partialFingerprints?.[FINGERPRINT_KEY];
  if (ours) return ours;
  const uri = r.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '';
  const p = r.properties ?? {};
  return fingerprint(uri, { code: (r.ruleId ?? '') as Finding['code'], step: p.step ?? null, project: p.project ?? null, permissions: p.permissions ?? [] });
}

/** Each finding as new or already in the baseline; a baseline entry matches as many findings as it occurred. */
export function baselineStates(files: readonly { file: string; findings: readonly Finding[] }[], baseline: Baseline): Map<Finding, BaselineState> {
  const left = new Map(baseline);
  const states = new Map<Finding, BaselineState>();
  for (const { file, findings } of files) {
    for (const f of findings) {
      const print = fingerprint(file, f);
      const n = left.get(print) ?? 0;
      if (n > 0) left.set(print, n - 1);
      states.set(f, n > 0 ? 'unchanged' : 'new');
    }
  }
  return states;
}

/** --write-baseline: the JSON report of this run, which --baseline reads back. */
export function writeBaseline(file: string, json: string, err: (text: string) => void): void {
  try {
    writeFileSync(file, json);
  } catch (e) {
    throw new InputError(`Cannot write the baseline ${file}: ${errorMessage(e)}`);
  }
  err(`jira-recipe-lint: baseline of ${JSON.parse(json).findings.length} findings written to ${file}\n`);
}
