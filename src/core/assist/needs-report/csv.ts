import type { NeedLine, NeedsReport } from './model';

const HEADER = ['site', 'scope', 'project', 'permissions', 'any_of', 'recipe', 'step', 'operation', 'line', 'input', 'status'];

/**
 * The report as CSV (RFC 4180), one row per permission line and step, for spreadsheets. Scope is `global`,
 * `project`, `unresolved` (permissions needed in a project that can't be told) or `not-needed` (held beyond the needs).
 */
export function needsReportCsv(report: NeedsReport): string {
  const rows: string[][] = [HEADER];
  for (const site of report.sites) {
    const lineRows = (scope: string, project: string, line: NeedLine) =>
      line.steps.map((s) => [
        site.site,
        scope,
        project,
        line.permissions.join(' '),
        String(line.anyOf),
        s.recipe,
        s.step,
        s.operation,
        String(s.line),
        s.input ?? '',
        line.status ?? '',
      ]);
    for (const line of site.global) rows.push(...lineRows('global', '', line));
    for (const p of site.projects) for (const line of p.needs) rows.push(...lineRows('project', p.project, line));
    for (const u of site.unresolved)
      for (const keys of u.needs)
        rows.push([
          site.site,
          'unresolved',
          '',
          keys.join(' '),
          String(keys.length > 1),
          u.step.recipe,
          u.step.step,
          u.step.operation,
          String(u.step.line),
          '',
          '',
        ]);
    for (const key of site.notNeeded?.global ?? []) rows.push([site.site, 'not-needed', '', key, 'false', '', '', '', '', '', 'held']);
    for (const p of site.notNeeded?.projects ?? [])
      for (const key of p.permissions) rows.push([site.site, 'not-needed', p.project, key, 'false', '', '', '', '', '', 'held']);
  }
  return rows.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}

function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
