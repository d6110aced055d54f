import type { OperationStep } from '../recipe/model';
import { projectOfIssue } from '../snapshot/needs';
import type { IssueSnapshot, ProjectSnapshot } from '../snapshot/types';
import { literalIssueKey } from './projects';

/**
 * How a step is judged in one of its projects: a step on a literal issue by that issue's own answer, where Jira gave
 * one (a project answer counts issue-role grants as held), else by the project's. The check and the hover both
 * judge through this, so a hover can't show ✓ where a diagnostic says missing.
 */
export interface IssueAnswer {
  /** The literal issue of the step in this project, if any. */
  readonly issueKey?: string;
  /** Jira answered that the account can't see the issue (missing, or under a security level). */
  readonly notVisible: boolean;
  /** The issue whose answers `judged` carries, when there is one. */
  readonly onIssue?: string;
  /** What to judge the step's permissions by. */
  readonly judged: ProjectSnapshot;
}

export function issueAnswer(step: OperationStep, key: string, project: ProjectSnapshot): IssueAnswer {
  const found = literalIssueKey(step);
  const issueKey = found !== undefined && projectOfIssue(found) === key ? found : undefined;
  const issue = issueKey !== undefined ? project.issues?.[issueKey] : undefined;
  if (!issueKey || !issue || issue.unavailable) return { issueKey, notVisible: false, judged: project };
  if (!issue.visible) return { issueKey, notVisible: true, judged: project };
  return { issueKey, notVisible: false, onIssue: issueKey, judged: issueAsProject(project, issue) };
}

/** An issue's answers over its project's. */
function issueAsProject(project: ProjectSnapshot, issue: IssueSnapshot): ProjectSnapshot {
  return { ...project, visible: true, permissions: { ...project.permissions, ...issue.permissions } };
}
