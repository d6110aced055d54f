import type { OperationSpec, WorkflowInput } from '../catalog';
import type { OperationStep } from '../recipe/model';
import { projectOfIssue } from '../snapshot/needs';
import { projectOf } from '../snapshot/normalize';
import type { IssueTransition, PermissionSnapshot } from '../snapshot/types';
import type { Range } from '../text/range';
import { literalIssueKey } from './projects';
import { requirementsOf, type Requirement, type RunningAccount } from './requirements';

/**
 * A step that transitions a literal issue is judged by the transitions Jira lists for the account on that issue
 * (`GET …/issue/{key}/transitions`), where the snapshot has them: exact, where the classic workflow's Close/Resolve
 * rules only guess. Other steps keep those rules.
 */

/** The transitions the account may make on the step's literal issue, when the snapshot knows them. */
export function knownTransitions(step: OperationStep, snapshot: PermissionSnapshot | undefined): readonly IssueTransition[] | undefined {
  const issueKey = literalIssueKey(step);
  const projectKey = issueKey && projectOfIssue(issueKey);
  if (!snapshot || !issueKey || !projectKey) return undefined;
  const issue = projectOf(snapshot, projectKey)?.project.issues?.[issueKey];
  return issue?.visible && !issue.unavailable ? issue.transitions : undefined;
}

/**
 * What a step needs, with the classic workflow's guesses dropped where the issue's transitions answer instead.
 * `runningAs`: the account the requirements may depend on (default the snapshot's; `{}` for any account).
 */
export function stepRequirements(
  op: OperationSpec,
  step: OperationStep,
  snapshot: PermissionSnapshot | undefined,
  runningAs: RunningAccount | undefined = snapshot,
): Requirement[] {
  const requirements = requirementsOf(op, step.inputs, runningAs);
  if (!op.workflowInputs?.length || !knownTransitions(step, snapshot)) return requirements;
  const inputs = new Set(op.workflowInputs.map((w) => w.input));
  return requirements.filter((r) => !(r.workflowGuess && r.input !== undefined && inputs.has(r.input)));
}

/** A transition or target status the step names that is not among the issue's transitions. */
export interface UnavailableTransition {
  readonly input: string;
  readonly names: WorkflowInput['names'];
  readonly value: string;
  readonly range: Range;
}

/** Each literal transition (by name or id) or target status of the step that the issue's transitions don't offer. */
export function unavailableTransitions(op: OperationSpec, step: OperationStep, transitions: readonly IssueTransition[]): UnavailableTransition[] {
  const out: UnavailableTransition[] = [];
  for (const { input, names } of op.workflowInputs ?? []) {
    const entry = step.inputs.get(input);
    const value = entry && !entry.dynamic ? entry.literal?.trim() : undefined;
    if (!entry || !value) continue;
    const wanted = value.toLowerCase();
    const offered = transitions.some((t) => (names === 'status' ? t.to.toLowerCase() === wanted : t.name.toLowerCase() === wanted || t.id === value));
    if (!offered) out.push({ input, names, value, range: entry.valueRange });
  }
  return out;
}

/** "Start Progress (→ In Progress), Close Issue (→ Closed)". */
export function transitionsLabel(transitions: readonly IssueTransition[]): string {
  return transitions.map((t) => `${t.name} (→ ${t.to})`).join(', ');
}
