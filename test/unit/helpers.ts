import type { Finding } from '../../src/core/check';
import { normalizeSnapshot, type PermissionSnapshot, type ProjectSnapshot } from '../../src/core/snapshot';

/** [startLine, startChar, endLine, endChar], 0-based: the shape ranges are asserted in. */
export type RangeTuple = [number, number, number, number];

export function rangeOf(f: Finding): RangeTuple {
  return [f.range.start.line, f.range.start.character, f.range.end.line, f.range.end.character];
}

/** Findings as compact rows, `code@line:char-line:char`, easy to compare as a whole. */
export function rows(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.code}@${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character}`);
}

export function only(findings: readonly Finding[], code: Finding['code']): Finding[] {
  return findings.filter((f) => f.code === code);
}

/** Lines joined with newlines, so recipes in tests keep their indentation readable. */
export function yaml(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}

/** A recipe on Acme's site with one step `id`; `before`: the lines between its connections and its steps. */
export function oneStepRecipe(id: string, action: string, input: string, ...before: string[]): string {
  return yaml(
    'name: t',
    'connections:',
    '  jira: { provider: jira, host: https://acme.atlassian.net }',
    ...before,
    'steps:',
    `  - id: ${id}`,
    `    action: ${action}`,
    `    input: { ${input} }`,
  );
}

/** A recipe on Acme's site triggered by new issues in ENG, with the step lines given. */
export function engSteps(...lines: string[]): string {
  return yaml(
    'name: t',
    'connections:',
    '  jira: { provider: jira, host: https://acme.atlassian.net }',
    'trigger: { event: new_issue, input: { project: ENG } }',
    'steps:',
    ...lines,
  );
}

/** A snapshot as it arrives from a file or a fetch: normalised. */
export function snapshot(overrides: Partial<PermissionSnapshot> & { projects?: Record<string, ProjectSnapshot> } = {}): PermissionSnapshot {
  return normalizeSnapshot({
    version: 1,
    site: 'https://acme.atlassian.net',
    deployment: 'cloud',
    serverVersion: '1001.0.0',
    account: { id: '5b10ac8d82e05b22cc7d4ef5', name: 'jan@acme.example', displayName: 'Jan Donyada' },
    authType: 'api_token',
    fetchedAt: '2026-11-24T10:00:00Z',
    global: { ADMINISTER: false, USER_PICKER: true },
    ...overrides,
  });
}

/** A visible project where the listed permissions are held and the others listed as `false`. */
export function project(held: string[], missing: string[] = [], extra: Partial<ProjectSnapshot> = {}): ProjectSnapshot {
  return { visible: true, permissions: Object.fromEntries([...held.map((k) => [k, true]), ...missing.map((k) => [k, false])]), ...extra };
}
