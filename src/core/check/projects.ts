import type { OperationStep, RecipeModel } from '../recipe/model';

/**
 * Which Jira project(s) a step touches, in this order: `input.project` (a key, or a numeric id that the snapshot
 * maps to a key); the prefix of a literal issue key in `input.issue`; `project = X` / `project in (A, B)` in
 * `input.jql`; a reference in `input.issue` (or `input.project`) to an earlier step → that step's projects;
 * `defaults.project`. Empty: unresolved.
 */
export function resolveProjects(step: OperationStep, model: RecipeModel): string[] {
  return new ProjectResolver(model).projectsOf(step);
}

const ISSUE_KEY = /^\s*([A-Za-z][A-Za-z0-9_]*)-\d+\s*$/;
const PROJECT_KEY = /^[A-Z][A-Z0-9_]*$/;
const PROJECT_ID = /^\d+$/;

/** The issue key a step's `issue` input names literally (`ENG-1`, upper case), else undefined. */
export function literalIssueKey(step: OperationStep): string | undefined {
  const input = step.inputs.get('issue');
  if (!input || input.dynamic || input.literal === undefined) return undefined;
  return ISSUE_KEY.test(input.literal) ? input.literal.trim().toUpperCase() : undefined;
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
    const projects = this.fromInputs(step, visiting) ?? (this.model.defaultProject ? [this.model.defaultProject] : []);
    this.memo.set(step, projects);
    return projects;
  }

  private fromInputs(step: OperationStep, visiting: Set<OperationStep>): string[] | undefined {
    const projectInput = step.inputs.get('project');
    const project = projectInput?.literal?.trim();
    if (project && !projectInput?.dynamic) return [PROJECT_ID.test(project) ? project : project.toUpperCase()];

    const issueInput = step.inputs.get('issue');
    const issue = issueInput?.literal;
    const key = issue && !issueInput.dynamic ? ISSUE_KEY.exec(issue) : null;
    if (key) return [key[1].toUpperCase()];

    const jql = step.inputs.get('jql')?.literal;
    const fromJql = jql ? projectsInJql(jql) : [];
    if (fromJql.length) return fromJql;

    for (const input of [issueInput, projectInput]) {
      for (const ref of input?.refs ?? []) {
        const target = this.byId.get(ref);
        if (!target || target === step) continue;
        const projects = this.projectsOf(target, visiting);
        if (projects.length) return projects;
      }
    }
    return undefined;
  }
}

/**
 * Project keys named by `project = X` or `project in (A, B)` clauses; a negated clause (`!=`, `not in`) or a
 * project given by name or id resolves nothing, since we can't tell which projects it means.
 */
export function projectsInJql(jql: string): string[] {
  const keys = new Set<string>();
  const clause = /\bproject\s*(=|\bin\b)\s*(\([^)]*\)|"[^"]*"|'[^']*'|[^\s()]+)/gi;
  for (const match of jql.matchAll(clause)) {
    const before = jql.slice(Math.max(0, match.index - 4), match.index);
    if (/\bnot\s*$/i.test(before)) continue;
    const values = match[1] === '=' ? [match[2]] : match[2].replace(/^\(|\)$/g, '').split(',');
    for (const raw of values) {
      const value = raw.trim().replace(/^["']|["']$/g, '');
      if (PROJECT_KEY.test(value)) keys.add(value);
    }
  }
  return [...keys];
}
