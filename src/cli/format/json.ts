import { summarize, type FileReport } from './report';

/** The documented JSON report: 0-based lines and characters, as in VS Code. */
export function formatJson(reports: readonly FileReport[]): string {
  const findings = reports.flatMap(({ file, findings }) =>
    findings.map((f) => ({
      file,
      severity: f.severity,
      code: f.code,
      message: f.message,
      range: f.range,
      step: f.step,
      operation: f.operation,
      project: f.project,
      permissions: f.permissions,
      ...(f.issue ? { issue: f.issue } : {}),
      ...(f.scopes ? { scopes: f.scopes } : {}),
    })),
  );
  return `${JSON.stringify({ version: 1, findings, summary: summarize(reports) }, null, 2)}\n`;
}
