import { lackedScopes, operationScopes } from '../catalog/scopes';
import { snapshotForHost } from '../snapshot/normalize';
import type { PermissionSnapshot } from '../snapshot/types';
import type { JiraStep, RecipeAnalysis } from './analyze';
import { finding, FindingCode, type Finding } from './findings';
import { accountLabel, operationLabel, stepLabel, stepName } from './labels';

/**
 * `missing-scope`: a step of an OAuth 2.0 account whose call needs scopes the token was granted in neither form
 * (classic or granular). Only snapshots that record their scopes are judged; any other account has no scopes to lack.
 */
export function checkScopes(analysis: RecipeAnalysis, snapshots: readonly PermissionSnapshot[]): Finding[] {
  const findings: Finding[] = [];
  for (const jiraStep of analysis.jiraSteps) {
    const snapshot = snapshotForHost(jiraStep.connection.host, snapshots);
    if (snapshot?.authType !== 'oauth2' || !snapshot.scopes) continue;
    const missing = missingScopeFinding(jiraStep, snapshot, snapshot.scopes);
    if (missing) findings.push(missing);
  }
  return findings;
}

function missingScopeFinding(jiraStep: JiraStep, snapshot: PermissionSnapshot, granted: readonly string[]): Finding | undefined {
  const { step, operation } = jiraStep;
  const needed = operationScopes(operation.name);
  if (!needed) return undefined;
  const lacked = lackedScopes(needed, granted);
  if (!lacked) return undefined;
  const { classic: lacksClassic, granular: lacksGranular } = lacked;
  const same = sameSet(needed.classic, needed.granular);
  const needs = same ? list(needed.classic) : `${list(needed.classic)} (classic) or ${list(needed.granular)} (granular)`;
  const lacks = same ? list(lacksClassic) : `${list(lacksClassic)} (classic) and ${list(lacksGranular)} (granular)`;
  return finding(FindingCode.MissingScope, {
    message:
      `${stepLabel(step)}: ${operationLabel(operation)} calls ${needed.call}, which needs the OAuth 2.0 scope${plural(needed.classic)} ${needs}; ` +
      `the token of ${accountLabel(snapshot)} on ${snapshot.site} lacks ${lacks}. Add ${list(lacksClassic)} to the OAuth 2.0 integration ` +
      "(Atlassian's developer console → Permissions → Jira API), then link the account again to consent to it.",
    range: step.operationRange,
    step: stepName(step),
    operation: step.operation,
    site: snapshot.site,
    scopes: { classic: lacksClassic, granular: lacksGranular },
  });
}

function list(scopes: readonly string[]): string {
  return scopes.join(', ');
}

function plural(scopes: readonly string[]): string {
  return scopes.length > 1 ? 's' : '';
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((s) => b.includes(s));
}
