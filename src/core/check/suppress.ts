import { WORKSPACE_CONFIG_FILE, type IgnoreRule } from '../config/workspace-config';
import type { SuppressionComment } from '../recipe/model';
import type { Finding } from './findings';

/** A finding silenced on purpose: kept, counted and shown faintly, never dropped. */
export interface SuppressedFinding extends Finding {
  /** What silenced it: "a jira-recipe-lint-disable-next-line comment", "an ignore rule of .jira-recipe-lint.json". */
  readonly suppressedBy: string;
  /** SARIF's words: silenced in the recipe itself, or from outside it (the workspace file). */
  readonly suppressionKind: 'inSource' | 'external';
  /** The reason given in the ignore rule, if any. */
  readonly suppressionReason?: string;
}

export interface SuppressionResult {
  readonly findings: Finding[];
  readonly suppressed: SuppressedFinding[];
}

/** Splits a file's findings into those that stand and those its comments or the workspace's ignore rules silence. */
export function applySuppressions(
  findings: readonly Finding[],
  comments: readonly SuppressionComment[] | undefined,
  rules: readonly IgnoreRule[],
): SuppressionResult {
  const result: SuppressionResult = { findings: [], suppressed: [] };
  for (const f of findings) {
    const comment = comments?.find((c) => (c.line === undefined || c.line === f.range.start.line) && (!c.codes.length || c.codes.includes(f.code)));
    const rule = comment ? undefined : rules.find((r) => (!r.code || r.code === f.code) && (!r.step || r.step === f.step));
    if (comment)
      result.suppressed.push({
        ...f,
        suppressedBy: `a jira-recipe-lint-disable${comment.line === undefined ? '' : '-next-line'} comment`,
        suppressionKind: 'inSource',
      });
    else if (rule)
      result.suppressed.push({
        ...f,
        suppressedBy: `an ignore rule of ${WORKSPACE_CONFIG_FILE}`,
        suppressionKind: 'external',
        ...(rule.reason ? { suppressionReason: rule.reason } : {}),
      });
    else result.findings.push(f);
  }
  return result;
}
