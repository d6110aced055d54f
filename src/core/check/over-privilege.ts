import type { OperationSpec } from '../catalog';
import { projectOf, snapshotForHost } from '../snapshot/normalize';
import type { PermissionSnapshot } from '../snapshot/types';
import type { JiraStep, RecipeAnalysis } from './analyze';
import { connectionRange } from './connections';
import { finding, FindingCode, type Finding } from './findings';
import { requirementHeld } from './held';
import { accountLabel } from './labels';
import { ProjectResolver } from './projects';
import { requirementsOf, needsProject } from './requirements';

/** A recipe of a run or a workspace: its path orders the recipes, so the hint always lands on the same one. */
export interface WorkspaceRecipe {
  readonly path: string;
  readonly analysis: RecipeAnalysis;
}

/**
 * Findings whose recipe's needs can't be read in full (a file that doesn't parse, an operation not in the catalog,
 * a connection not defined): such a recipe might need Administer Jira, so no hint may claim that none does.
 */
const NEEDS_UNKNOWN: ReadonlySet<FindingCode> = new Set<FindingCode>([
  FindingCode.YamlSyntax,
  FindingCode.JsonSyntax,
  FindingCode.UnknownFormat,
  FindingCode.UnreadableFile,
  FindingCode.UnknownTrigger,
  FindingCode.UnknownAction,
  FindingCode.UnknownConnection,
]);

const ADMINISTER = 'ADMINISTER';

/**
 * `account-over-privileged`: for each site whose account holds Administer Jira while no recipe given needs it, one
 * finding, on the connection of the first recipe (by path) that runs on that site. A workspace-level pass: it must
 * see every recipe at once. Returns each recipe's findings, in the order the recipes were given.
 */
export function overPrivilegeFindings(recipes: readonly WorkspaceRecipe[], snapshots: readonly PermissionSnapshot[]): Finding[][] {
  const out = recipes.map((): Finding[] => []);
  if (recipes.some((r) => r.analysis.findings.some((f) => NEEDS_UNKNOWN.has(f.code)))) return out;
  const byPath = recipes.map((_, i) => i).sort((a, b) => recipes[a].path.localeCompare(recipes[b].path));
  const sites = new Map<PermissionSnapshot, { first: { index: number; jiraStep: JiraStep }; needed: boolean; recipes: Set<number> }>();
  const byHost = new Map<string | undefined, PermissionSnapshot | undefined>();
  const snapshotOf = (host: string | undefined) => {
    if (!byHost.has(host)) byHost.set(host, snapshotForHost(host, snapshots));
    return byHost.get(host);
  };
  for (const index of byPath) {
    const { analysis } = recipes[index];
    let resolver: ProjectResolver | undefined;
    const projects = () => (resolver ??= new ProjectResolver(analysis.model));
    for (const jiraStep of analysis.jiraSteps) {
      const snapshot = snapshotOf(jiraStep.connection.host);
      if (!snapshot) {
        // A connection without a host, among several accounts, may run as any of them.
        if (jiraStep.connection.host === undefined && usesAdminister(jiraStep, undefined, projects)) return out;
        continue;
      }
      let site = sites.get(snapshot);
      if (!site) sites.set(snapshot, (site = { first: { index, jiraStep }, needed: false, recipes: new Set() }));
      site.recipes.add(index);
      if (!site.needed) site.needed = usesAdminister(jiraStep, snapshot, projects);
    }
  }
  for (const [snapshot, site] of sites) {
    if (site.needed || snapshot.global?.[ADMINISTER] !== true) continue;
    out[site.first.index].push(overPrivileged(site.first.jiraStep, snapshot, site.recipes.size));
  }
  return out;
}

/**
 * Whether a step may need Administer Jira of the account it runs as (unknown: any account): a requirement of that
 * key alone (a real-time trigger's webhook, unless OAuth 2.0 registers it), or one whose other alternatives the
 * account isn't known to hold in every project of the step.
 */
function usesAdminister({ step, operation }: JiraStep, snapshot: PermissionSnapshot | undefined, resolver: () => ProjectResolver): boolean {
  if (!mayNeedAdminister(operation)) return false;
  return requirementsOf(operation, step.inputs, snapshot ?? {}).some((requirement) => {
    if (!requirement.keys.includes(ADMINISTER)) return false;
    const others = requirement.keys.filter((k) => k !== ADMINISTER);
    if (!snapshot || !others.length) return true;
    if (!needsProject({ keys: others })) return requirementHeld(others, snapshot) !== true;
    const projects = resolver().projectsOf(step);
    return !projects.length || projects.some((ref) => requirementHeld(others, snapshot, projectOf(snapshot, ref)?.project) !== true);
  });
}

/** Whether anything an operation may ask for names Administer Jira: most don't, and need no closer look. */
function mayNeedAdminister(op: OperationSpec): boolean {
  let known = NAMES_ADMINISTER.get(op);
  if (known === undefined) {
    known = [...(op.global ?? []), ...(op.anyOf ?? []).flat(), ...(op.inputRules ?? []).flatMap((r) => r.adds)].includes(ADMINISTER);
    NAMES_ADMINISTER.set(op, known);
  }
  return known;
}

const NAMES_ADMINISTER = new WeakMap<OperationSpec, boolean>();

function overPrivileged({ step, connection }: JiraStep, snapshot: PermissionSnapshot, recipes: number): Finding {
  const label = connection.name ? `Connection "${connection.name}"` : 'The Jira connection';
  const these =
    recipes === 1 ? "the one recipe checked that runs on this site doesn't need" : `none of the ${recipes} recipes checked that run on this site needs`;
  return finding(FindingCode.AccountOverPrivileged, {
    message:
      `${label}: ${accountLabel(snapshot)} holds Administer Jira (ADMINISTER) on ${snapshot.site}, which ${these}. ` +
      'An integration account needs only what its recipes use: `jira-recipe-lint needs` (or Jira Recipe Lint: Show Required Permissions) lists it, with a permission scheme to grant exactly that.',
    range: connectionRange(connection, step),
    permissions: [ADMINISTER],
    site: snapshot.site,
    connection: connection.name,
  });
}
