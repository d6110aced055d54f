import { findOperation } from '../catalog';
import type { Finding } from '../check/findings';

/**
 * The part of an access request about OAuth 2.0 scopes: unlike permissions, no Jira administrator grants them.
 * Whoever owns the integration in Atlassian's developer console adds them, and the account consents again.
 */
export function scopeRequestLines(findings: readonly { recipe: string; finding: Finding }[]): string[] {
  const byScope = new Map<string, string[]>();
  for (const { recipe, finding } of findings) {
    if (finding.code !== 'missing-scope' || !finding.scopes) continue;
    const { classic, granular } = finding.scopes;
    const text = `${classic.join(', ')}${granular.length ? ` (or, as granular scopes, ${granular.join(', ')})` : ''}`;
    const reasons = byScope.get(text) ?? [];
    const reason = `recipe "${recipe}", ${stepName(finding)} (${finding.operation})`;
    if (!reasons.includes(reason)) reasons.push(reason);
    byScope.set(text, reasons);
  }
  if (!byScope.size) return [];
  return [
    "OAuth 2.0 scopes to add to the integration (Atlassian's developer console → the integration → Permissions → Jira API); the account then links again to consent to them:",
    ...[...byScope].map(([text, reasons]) => `- ${text}, needed by ${reasons.join('; ')}`),
    '',
  ];
}

/** How a request names a step: "the trigger", "trigger bug" or "step close". */
export function stepName(f: Finding): string {
  if (f.operation && findOperation(f.operation)?.kind === 'trigger') return f.step === 'trigger' ? 'the trigger' : `trigger ${f.step}`;
  return `step ${f.step}`;
}
