import { findOperation } from '../catalog';
import type { OperationStep, RecipeModel } from '../recipe/model';
import { jqlProjectBound } from './jql';

/**
 * Which Jira project(s) a step touches, in this order: `input.project` (a key, or a numeric id that the snapshot
 * maps to a key); the prefix of a literal issue key in `input.issue`; the projects `input.jql` is provably bounded to (a query
 * that proves no bound leaves the step unresolved); a reference in `input.issue` (or `input.project`) to an earlier step → that step's projects;
 * `defaults.project`. Empty: unresolved.
 */
export function resolveProjects(step: OperationStep, model: RecipeModel): string[] {
  return new ProjectResolver(model).projectsOf(step);
}

const ISSUE_KEY = /^\s*([A-Za-z][A-Za-z0-9_]*)-\d+\s*$/;
const PROJECT_ID = /^\d+$/;
const PROJECT_REF = /^(?:[A-Za-z][A-Za-z0-9_]*|\d+)$/;

/** The issue key a step's `issue` input names literally (`ENG-1`, upper case), else undefined. */
export function literalIssueKey(step: OperationStep): string | undefined {
  const input = step.inputs.get('issue');
  if (!input || input.dynamic || input.literal === undefined) return undefined;
  return ISSUE_KEY.test(input.literal) ? input.literal.trim().toUpperCase() : undefined;
}

/** Whether a step acts on issues it doesn't name (an `issue` input that is no literal key): any issue may come. */
export function actsOnUnnamedIssues(step: OperationStep): boolean {
  return step.inputs.has('issue') && literalIssueKey(step) === undefined;
}

export class ProjectResolver {
  private readonly byId = new Map<string, OperationStep>();
  private readonly memo = new Map<OperationStep, string[]>();

  constructor(private readonly model: RecipeModel) {
    const steps = model.trigger ? [model.trigger, ...model.actions] : model.actions;
    for (const step of steps) if (step.id && !this.byId.has(step.id)) this.byId.set(step.id, step);
    // A trigger without an id can still be referred to as {{ trigger.… }}.
    if (model.trigger && !this.byId.has('trigger')) this.byId.set('trigger', model.trigger);
  }

  projectsOf(step: OperationStep, visiting = new Set<OperationStep>()): string[] {
    const cached = this.memo.get(step);
    if (cached) return cached;
    if (visiting.has(step)) return [];
    visiting.add(step);
    // A sprint's projects are its board's, which only Jira can tell (see boards.ts): never a project input or default.
    const onBoard = findOperation(step.operation)?.boardInput !== undefined;
    const projects = onBoard ? [] : (this.fromInputs(step, visiting) ?? (this.model.defaultProject ? [this.model.defaultProject] : []));
    this.memo.set(step, projects);
    return projects;
  }

  /** The steps an input's value comes from (`{{ trigger.comment.id }}` → the trigger). */
  stepsReferredBy(step: OperationStep, input: string): OperationStep[] {
    const found = (step.inputs.get(input)?.refs ?? []).map((ref) => this.byId.get(ref));
    return found.filter((target): target is OperationStep => target !== undefined && target !== step);
  }

  /** The project another input names (a link's `linked_issue`, a move's `target_project`): a key, or a step's. */
  projectsNamedBy(step: OperationStep, input: string, names: 'issue' | 'project'): string[] {
    const entry = step.inputs.get(input);
    const literal = entry?.literal && !entry.dynamic ? entry.literal.trim() : undefined;
    const key = names === 'issue' && literal ? ISSUE_KEY.exec(literal) : null;
    if (key) return [key[1].toUpperCase()];
    if (names === 'project' && literal && PROJECT_REF.test(literal)) return [PROJECT_ID.test(literal) ? literal : literal.toUpperCase()];
    for (const ref of entry?.refs ?? []) {
      const target = this.byId.get(ref);
      if (target && target !== step) return this.projectsOf(target);
    }
    return [];
  }

  private fromInputs(step: OperationStep, visiting: Set<OperationStep>): string[] | undefined {
    const projectInput = step.inputs.get('project');
    const project = projectInput?.literal?.trim();
    if (project && !projectInput?.dynamic) return [PROJECT_ID.test(project) ? project : project.toUpperCase()];

    // A subtask's project is its parent's.
    const issueInput = step.inputs.get('issue') ?? step.inputs.get('parent');
    const issue = issueInput?.literal;
    const key = issue && !issueInput.dynamic ? ISSUE_KEY.exec(issue) : null;
    if (key) return [key[1].toUpperCase()];

    // A query that proves no project bound can return issues from anywhere: defaults.project doesn't narrow it.
    const jqlInput = step.inputs.get('jql');
    const jql = jqlInput?.literal?.trim();
    // A templated query counts by its shape: run-time parts inside quoted strings can't change which projects match.
    if (jqlInput && (jqlInput.dynamic || jql)) {
      const query = jqlInput.dynamic ? jqlInput.shape : jql;
      return query ? projectsInJql(query) : [];
    }

    // The issue of an earlier step is in that step's projects; when they are unknown, so are this step's:
    // defaults.project says nothing about an issue a query found.
    let referred = false;
    for (const input of [issueInput, projectInput]) {
      for (const ref of input?.refs ?? []) {
        const target = this.byId.get(ref);
        if (!target || target === step) continue;
        referred = true;
        const projects = this.projectsOf(target, visiting);
        if (projects.length) return projects;
      }
    }
    return referred ? [] : undefined;
  }
}

/** The project keys a JQL query is provably bounded to (see jql.ts); empty when it proves none. */
export function projectsInJql(jql: string): string[] {
  return jqlProjectBound(jql) ?? [];
}
