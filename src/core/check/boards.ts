import type { OperationSpec } from '../catalog';
import type { OperationStep } from '../recipe/model';
import type { PermissionSnapshot } from '../snapshot/types';

/**
 * A sprint step's projects are its board's (`GET /rest/agile/1.0/board/{id}/project`), never `input.project` or
 * `defaults.project`: a recipe with `defaults.project: SUP` and board 12 (ENG's) needs Manage Sprints in ENG.
 * Either the board's projects, or why they can't be told (then the step is unverified).
 */
export type BoardProjects = { readonly projects: readonly string[] } | { readonly reason: string };

/** The literal board id a step names, if its operation takes its projects from a board. */
export function literalBoardId(op: OperationSpec, step: OperationStep): string | undefined {
  const entry = op.boardInput ? step.inputs.get(op.boardInput) : undefined;
  const id = entry && !entry.dynamic ? entry.literal?.trim() : undefined;
  return id && /^\d+$/.test(id) ? id : undefined;
}

/** Undefined for a step whose operation has no board. */
export function boardProjects(op: OperationSpec, step: OperationStep, snapshot: PermissionSnapshot | undefined): BoardProjects | undefined {
  const input = op.boardInput;
  if (!input) return undefined;
  const id = literalBoardId(op, step);
  if (id === undefined) {
    return step.inputs.has(input)
      ? { reason: `the board (${input}) is known only when the recipe runs` }
      : { reason: `a sprint id alone doesn't tell the sprint's board; set ${input} (the board's id) to check it` };
  }
  const board = snapshot?.boards?.[id];
  if (!board) return { reason: `the snapshot has no data for board ${id}; fetch the permissions again to check it` };
  if (board.unavailable) return { reason: `the projects of board ${id} could not be fetched (${board.unavailable})` };
  if (!board.visible) return { reason: `Jira answered that board ${id} doesn't exist or the account may not view it` };
  if (!board.projects?.length)
    return {
      reason: `Jira names no project for board ${id}: its filter isn't bounded to projects (project = X or project in (…)), or the account can't browse all of them`,
    };
  return { projects: board.projects };
}
