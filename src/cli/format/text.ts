import { summarize, type FileReport } from './report';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 || word === 'information' ? '' : 's'}`;

/** One line per finding, `file:line:col severity code message` (1-based, as editors and terminals link them). */
export function formatText(reports: readonly FileReport[]): string {
  const lines: string[] = [];
  for (const { file, findings } of reports) {
    for (const f of findings) lines.push(`${file}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.code} ${f.message}`);
  }
  const s = summarize(reports);
  const { total, verified, unverified } = s.jiraSteps;
  lines.push(
    `${plural(s.files, 'file')} checked: ${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${plural(s.information, 'information')}. ` +
      `${plural(total, 'Jira step')}: ${verified} verified, ${unverified} unverified.`,
  );
  return `${lines.join('\n')}\n`;
}
