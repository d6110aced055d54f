import { countBySeverity, isVerified, type Finding, type StepVerification, type SuppressedFinding } from '../../core/check';
import type { BaselineState } from '../baseline';

/** With --baseline: each finding as new or unchanged. */
export type BaselineStates = ReadonlyMap<Finding, BaselineState>;

/** The findings of one file, as the formatters see them. */
export interface FileReport {
  readonly file: string;
  readonly findings: readonly Finding[];
  /** Findings silenced by a comment or an ignore rule: counted and reported as such, never dropped. */
  readonly suppressed: readonly SuppressedFinding[];
  /** Its enabled Jira steps, each with whether its permissions were checked. */
  readonly steps: readonly StepVerification[];
}

export interface Summary {
  readonly files: number;
  readonly errors: number;
  readonly warnings: number;
  readonly information: number;
  readonly jiraSteps: { readonly total: number; readonly verified: number; readonly unverified: number };
  readonly suppressed: number;
  /** With --baseline: how many findings are new and how many it already held. */
  readonly baseline?: { readonly new: number; readonly unchanged: number };
}

export function summarize(reports: readonly FileReport[], states?: BaselineStates): Summary {
  const steps = reports.flatMap((r) => r.steps);
  const verified = steps.filter(isVerified).length;
  const findings = reports.flatMap((r) => r.findings);
  const unchanged = states ? findings.filter((f) => states.get(f) === 'unchanged').length : 0;
  return {
    files: reports.length,
    ...countBySeverity(findings),
    jiraSteps: { total: steps.length, verified, unverified: steps.length - verified },
    suppressed: reports.reduce((n, r) => n + r.suppressed.length, 0),
    ...(states ? { baseline: { new: findings.length - unchanged, unchanged } } : {}),
  };
}
