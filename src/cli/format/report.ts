import { countBySeverity, isVerified, type Finding, type StepVerification } from '../../core/check';

/** The findings of one file, as the formatters see them. */
export interface FileReport {
  readonly file: string;
  readonly findings: readonly Finding[];
  /** Its enabled Jira steps, each with whether its permissions were checked. */
  readonly steps: readonly StepVerification[];
}

export interface Summary {
  readonly files: number;
  readonly errors: number;
  readonly warnings: number;
  readonly information: number;
  readonly jiraSteps: { readonly total: number; readonly verified: number; readonly unverified: number };
}

export function summarize(reports: readonly FileReport[]): Summary {
  const steps = reports.flatMap((r) => r.steps);
  const verified = steps.filter(isVerified).length;
  return {
    files: reports.length,
    ...countBySeverity(reports.flatMap((r) => r.findings)),
    jiraSteps: { total: steps.length, verified, unverified: steps.length - verified },
  };
}
