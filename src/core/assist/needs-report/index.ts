export * from './model';
export * from './build';
export { needsReportMarkdown, needText, stepText, type MarkdownOptions } from './markdown';
export { needsReportCsv } from './csv';

import type { NeedsReport } from './model';

/** The report as JSON, as `schemas/needs-report.schema.json` describes it. */
export function needsReportJson(report: NeedsReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
