import { isGlobalPermission } from '../../catalog';
import type { RecipeAnalysis } from '../../check/analyze';
import { requirementHeld, type Held } from '../../check/held';
import { accountLabel, stepLabel, stepName } from '../../check/labels';
import { ProjectResolver } from '../../check/projects';
import { boardProjects } from '../../check/boards';
import { needsProject, withAgentWork, type Requirement } from '../../check/requirements';
import { stepRequirements } from '../../check/transitions';
import type { OperationStep, RecipeFormat } from '../../recipe/model';
import { projectOf, snapshotForHost } from '../../snapshot/normalize';
import { siteBase } from '../../snapshot/site';
import type { PermissionSnapshot } from '../../snapshot/types';
import type { NeedLine, NeedsReport, NeedStatus, NotNeeded, ProjectNeeds, SiteNeeds, StepRef, UnresolvedStep } from './model';

/** A recipe as the report reads it: its name (the file as given) and its analysis. */
export interface RecipeInput {
  readonly recipe: string;
  readonly analysis: RecipeAnalysis;
}

/** Lines being gathered: keyed by their sorted keys, steps without repeats. */
type Lines = Map<string, { permissions: string[]; steps: StepRef[] }>;

interface SiteDraft {
  readonly site: string;
  readonly host?: string;
  readonly global: Lines;
  readonly projects: Map<string, Lines>;
  /** Project → security levels its steps set by name. */
  readonly levels: Map<string, Set<string>>;
  readonly unresolved: UnresolvedStep[];
}

/**
 * What the recipes need, per site (or per connection when no site is named): global permissions, each project's
 * permissions, and steps whose project can't be told. With snapshots, each line is marked held, missing or unknown
 * for the account of its site, and what that account holds beyond the needs is listed as not needed.
 */
export function buildNeedsReport(recipes: readonly RecipeInput[], snapshots: readonly PermissionSnapshot[] = []): NeedsReport {
  const sites = new Map<string, SiteDraft>();
  for (const { recipe, analysis } of recipes) {
    const resolver = new ProjectResolver(analysis.model);
    for (const { step, connection, operation } of analysis.jiraSteps) {
      // A connection that names no site runs on the only account given, when there is one: its site then.
      const host = connection.host ?? snapshotForHost(undefined, snapshots)?.site;
      const site = host ? (siteBase(host) ?? host) : connection.name ? `connection "${connection.name}"` : 'the Jira connection';
      let draft = sites.get(site);
      if (!draft) sites.set(site, (draft = { site, host, global: new Map(), projects: new Map(), levels: new Map(), unresolved: [] }));
      const snapshot = snapshotForHost(connection.host, snapshots);
      // Whatever the account, except that a literal issue's transitions, where known, replace the classic guesses.
      const requirements = stepRequirements(operation, step, snapshot, {});
      for (const r of requirements.filter((r) => !needsProject(r))) addLine(draft.global, r, stepRef(recipe, step, r));
      const perProject = requirements.filter(needsProject);
      if (!perProject.length) continue;
      // A sprint's projects are its board's, which only the account's snapshot names.
      const board = boardProjects(operation, step, snapshot);
      const projects = board ? ('projects' in board ? [...board.projects] : []) : resolver.projectsOf(step);
      if (!projects.length) {
        const fix = board ? boardFix(operation.boardInput ?? 'board_id') : projectFix(analysis.format);
        draft.unresolved.push({ step: stepRef(recipe, step), needs: perProject.map((r) => [...r.keys]), fix });
        continue;
      }
      for (const project of projects) {
        let lines = draft.projects.get(project);
        if (!lines) draft.projects.set(project, (lines = new Map()));
        // Service Desk Agent joins where the account's snapshot knows the project as a Service Management one.
        for (const r of withAgentWork(operation, perProject, snapshot && projectOf(snapshot, project)?.project)) addLine(lines, r, stepRef(recipe, step, r));
        const level = step.inputs.get('security');
        if (level?.literal?.trim() && !level.dynamic) draft.levels.set(project, new Set([...(draft.levels.get(project) ?? []), level.literal.trim()]));
      }
    }
  }
  return {
    version: 1,
    recipes: recipes.map((r) => r.recipe),
    sites: [...sites.values()].sort((a, b) => a.site.localeCompare(b.site)).map((draft) => finish(draft, snapshots)),
  };
}

function stepRef(recipe: string, step: OperationStep, requirement?: Requirement): StepRef {
  return {
    recipe,
    step: stepName(step),
    label: stepLabel(step),
    operation: step.operation,
    line: step.operationRange.start.line + 1,
    ...(requirement?.input ? { input: requirement.input } : {}),
  };
}

function addLine(lines: Lines, requirement: Requirement, ref: StepRef): void {
  const permissions = [...requirement.keys];
  const id = permissions.join('|');
  const line = lines.get(id) ?? { permissions, steps: [] };
  const same = (s: StepRef) => s.recipe === ref.recipe && s.step === ref.step && s.input === ref.input;
  if (!line.steps.some(same)) line.steps.push(ref);
  lines.set(id, line);
}

/** What tells a sprint step's projects: its board's, which Jira names for a literal board id. */
function boardFix(input: string): string {
  return `set ${input} to a literal board id and give an account (--snapshot or --site): a sprint's projects are its board's, which Jira names`;
}

/** What to set so a step's project can be told, in the terms of the recipe's format. */
function projectFix(format: RecipeFormat): string {
  switch (format) {
    case 'n8n':
      return "choose the project in the node's Project parameter (from the list or by key, not an expression), or use a literal issue key";
    case 'workato':
      return "set the step's Project field to a fixed project, or a literal issue key";
    default:
      return 'set input.project (or defaults.project), or a literal issue key';
  }
}

function finish(draft: SiteDraft, snapshots: readonly PermissionSnapshot[]): SiteNeeds {
  const snapshot = snapshotForHost(draft.host, snapshots);
  const status = (held: Held): NeedStatus | undefined => (!snapshot ? undefined : held === true ? 'held' : held === false ? 'missing' : 'unknown');
  const global = sorted(draft.global).map((l) => withStatus(l, snapshot && status(requirementHeld(l.permissions, snapshot))));
  const projects: ProjectNeeds[] = [...byProjectKey(draft.projects, snapshot)]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, lines]) => {
      const found = snapshot ? projectOf(snapshot, key) : undefined;
      const needs = sorted(lines).map((l) => withStatus(l, snapshot && status(requirementHeld(l.permissions, snapshot, found?.project))));
      const levels = [...new Set([...draft.levels].filter(([ref]) => ((snapshot && projectOf(snapshot, ref)?.key) ?? ref) === key).flatMap(([, l]) => [...l]))];
      return { project: key, ...(found?.project.name ? { name: found.project.name } : {}), needs, ...(levels.length ? { securityLevels: levels.sort() } : {}) };
    });
  return {
    site: draft.site,
    siteKnown: draft.host !== undefined,
    ...(snapshot ? { account: { label: accountLabel(snapshot), site: snapshot.site, deployment: snapshot.deployment, fetchedAt: snapshot.fetchedAt } } : {}),
    global,
    projects,
    unresolved: draft.unresolved,
    ...(snapshot ? { notNeeded: notNeeded(snapshot, global, projects) } : {}),
  };
}

/** Projects named by numeric id filed under the key the snapshot knows them by, merged with the same key's lines. */
function byProjectKey(projects: ReadonlyMap<string, Lines>, snapshot: PermissionSnapshot | undefined): Map<string, Lines> {
  const out = new Map<string, Lines>();
  for (const [ref, lines] of projects) {
    const key = (snapshot && projectOf(snapshot, ref)?.key) ?? ref;
    const into = out.get(key);
    if (!into) {
      out.set(key, new Map([...lines].map(([id, l]) => [id, { permissions: l.permissions, steps: [...l.steps] }])));
      continue;
    }
    for (const [id, line] of lines) {
      const target = into.get(id) ?? { permissions: line.permissions, steps: [] };
      target.steps.push(...line.steps);
      into.set(id, target);
    }
  }
  return out;
}

/** Single permissions first (by key), then any-of groups. */
function sorted(lines: Lines): { permissions: string[]; steps: StepRef[] }[] {
  return [...lines.values()].sort((a, b) => a.permissions.length - b.permissions.length || a.permissions.join().localeCompare(b.permissions.join()));
}

function withStatus(line: { permissions: string[]; steps: StepRef[] }, status: NeedStatus | undefined): NeedLine {
  return { permissions: line.permissions, anyOf: line.permissions.length > 1, steps: line.steps, ...(status ? { status } : {}) };
}

/** What the account holds that no line names: global grants, and grants in the projects the recipes use. */
function notNeeded(snapshot: PermissionSnapshot, global: readonly NeedLine[], projects: readonly ProjectNeeds[]): NotNeeded {
  const named = new Set([...global, ...projects.flatMap((p) => p.needs)].flatMap((l) => l.permissions).filter(isGlobalPermission));
  const heldGlobal = Object.entries(snapshot.global ?? {})
    .filter(([key, held]) => held && !named.has(key))
    .map(([key]) => key)
    .sort();
  const inProjects = projects
    .map((p) => {
      const needed = new Set(p.needs.flatMap((l) => l.permissions));
      const held = Object.entries(projectOf(snapshot, p.project)?.project.permissions ?? {});
      return {
        project: p.project,
        permissions: held
          .filter(([key, h]) => h && !needed.has(key))
          .map(([key]) => key)
          .sort(),
      };
    })
    .filter((p) => p.permissions.length);
  return { global: heldGlobal, projects: inProjects };
}
