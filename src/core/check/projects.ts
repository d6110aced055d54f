import type { OperationStep, RecipeModel } from '../recipe/model';

/**
 * Which Jira project(s) a step touches, in this order: `input.project`; the prefix of a literal issue key in
 * `input.issue`; `project = X` / `project in (A, B)` in `input.jql`; a `{{ id.… }}` reference in `input.issue` (or
 * `input.project`) → the projects of the trigger or step with that id; `defaults.project`. Empty: unresolved.
 */
export function resolveProjects(step: OperationStep, model: RecipeModel): string[] {
  return new ProjectResolver(model).projectsOf(step);
}

const ISSUE_KEY = /^\s*([A-Za-z][A-Za-z0-9_]*)-\d+\s*$/;
const PROJECT_KEY = /^[A-Z][A-Z0-9_]*$/;
const REFERENCE = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*[.[]/;
const TEMPLATE = /\{\{/;

/** A value with a `{{ … }}` reference, known only when the recipe runs. */
export function isTemplate(value: string): boolean {
  return TEMPLATE.test(value);
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
    const project = step.inputs.get('project')?.literal?.trim();
    if (project && !isTemplate(project)) return [project.toUpperCase()];

    const issue = step.inputs.get('issue')?.literal;
    const key = issue && !isTemplate(issue) ? ISSUE_KEY.exec(issue) : null;
    if (key) return [key[1].toUpperCase()];

    const jql = step.inputs.get('jql')?.literal;
    const fromJql = jql ? projectsInJql(jql) : [];
    if (fromJql.length) return fromJql;

    for (const template of [issue, project]) {
      const ref = template ? REFERENCE.exec(template) : null;
      const target = ref ? this.byId.get(ref[1]) : undefined;
      if (target && target !== step) {
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
