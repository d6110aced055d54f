import { countBySeverity, type Finding } from '../../core/check/findings';

/** The findings of one file, as the formatters see them. */
export interface FileReport {
  readonly file: string;
  readonly findings: readonly Finding[];
}

export interface Summary {
  readonly files: number;
  readonly errors: number;
  readonly warnings: number;
  readonly information: number;
}

export function summarize(reports: readonly FileReport[]): Summary {
  return { files: reports.length, ...countBySeverity(reports.flatMap((r) => r.findings)) };
}
