import type { SuppressionComment } from '../model';

const DIRECTIVE = /^\s*#\s*jira-recipe-lint-disable(-next-line)?(?:\s+(.*))?$/;

/**
 * `# jira-recipe-lint-disable-next-line missing-permission unverified` silences those codes on the next line that
 * is neither blank nor a comment; `# jira-recipe-lint-disable <codes>` in the whole file. Codes are separated by
 * spaces or commas; none means every code. Only whole-line comments count, as in ESLint.
 */
export function suppressionComments(text: string): SuppressionComment[] {
  const lines = text.split(/\r?\n/);
  const found: SuppressionComment[] = [];
  lines.forEach((line, index) => {
    const match = DIRECTIVE.exec(line);
    if (!match) return;
    // A reason may follow the codes after " -- ", as ESLint allows.
    const codes = (match[2] ?? '')
      .split(/\s--\s/)[0]
      .split(/[\s,]+/)
      .filter(Boolean);
    if (!match[1]) return void found.push({ codes });
    let target = index + 1;
    while (target < lines.length && /^\s*(#.*)?$/.test(lines[target])) target++;
    if (target < lines.length) found.push({ codes, line: target });
  });
  return found;
}
