import type { JiraStep, RecipeAnalysis } from './analyze';
import { FindingCode, type Finding } from './findings';
import { operationLabel, stepLabel, stepName } from './labels';

/** Whether the account's permissions were checked for one Jira step, and if not, why not. */
export interface StepVerification {
  readonly jiraStep: JiraStep;
  /** "Step "close": Transition issue (update_issue_status)". */
  readonly label: string;
  /** Why the step stayed unverified (the messages of the findings that say so); empty when it was verified. */
  readonly reasons: readonly string[];
}

/** Codes whose finding leaves a step's permissions unknown: no account data, or a Jira too old to ask. */
const UNVERIFYING: ReadonlySet<FindingCode> = new Set<FindingCode>([FindingCode.Unverified, FindingCode.UnsupportedVersion]);

/**
 * Every enabled Jira step of a recipe with what its findings say about verification: a connection-level finding
 * (no snapshot for the connection's site, an unsupported Jira) covers each step on that connection; a step-level
 * one (a project not in the snapshot) only its own step. A step with missing permissions was verified.
 */
export function verifySteps(analysis: RecipeAnalysis, findings: readonly Finding[]): StepVerification[] {
  const open = findings.filter((f) => UNVERIFYING.has(f.code));
  return analysis.jiraSteps.map((jiraStep) => {
    const name = stepName(jiraStep.step);
    const reasons = open.filter((f) => (f.step === null ? f.connection === jiraStep.connection.name : f.step === name)).map((f) => f.message);
    return { jiraStep, label: `${stepLabel(jiraStep.step)}: ${operationLabel(jiraStep.operation)}`, reasons };
  });
}

export function isVerified(verification: StepVerification): boolean {
  return verification.reasons.length === 0;
}
