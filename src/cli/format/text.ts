import { summarize, type BaselineStates, type FileReport } from './report';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 || word === 'information' ? '' : 's'}`;

/**
 * One line per finding, `file:line:col severity code message` (1-based, as editors and terminals link them); with a
 * baseline only the new ones. The summary counts the rest: suppressed findings and those the baseline holds.
 */
export function formatText(reports: readonly FileReport[], states?: BaselineStates): string {
  const lines: string[] = [];
  for (const { file, findings } of reports) {
    for (const f of findings.filter((f) => states?.get(f) !== 'unchanged'))
      lines.push(`${file}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.code} ${f.message}`);
  }
  const s = summarize(reports, states);
  const { total, verified, unverified } = s.jiraSteps;
  lines.push(
    `${plural(s.files, 'file')} checked: ${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${plural(s.information, 'information')}. ` +
      `${plural(total, 'Jira step')}: ${verified} verified, ${unverified} unverified.` +
      (s.suppressed ? ` ${s.suppressed} suppressed.` : '') +
      (s.baseline ? ` ${s.baseline.new} new, ${s.baseline.unchanged} in the baseline (not listed).` : ''),
  );
  return `${lines.join('\n')}\n`;
}
