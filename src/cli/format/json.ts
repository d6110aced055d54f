import type { Finding } from '../../core/check';
import { summarize, type BaselineStates, type FileReport } from './report';

/**
 * The documented JSON report: 0-based lines and characters, as in VS Code. Suppressed findings come in their own
 * list (`suppressed`, with `suppressedBy`), so `findings` keeps meaning what stands; with a baseline each finding
 * carries `baselineState`.
 */
export function formatJson(reports: readonly FileReport[], states?: BaselineStates): string {
  const findings = reports.flatMap(({ file, findings }) => findings.map((f) => ({ ...entry(file, f), ...(states ? { baselineState: states.get(f) } : {}) })));
  const suppressed = reports.flatMap(({ file, suppressed }) =>
    suppressed.map((f) => ({ ...entry(file, f), suppressedBy: f.suppressedBy, ...(f.suppressionReason ? { reason: f.suppressionReason } : {}) })),
  );
  return `${JSON.stringify({ version: 1, findings, summary: summarize(reports, states), suppressed }, null, 2)}\n`;
}

function entry(file: string, f: Finding) {
  return {
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
  };
}
