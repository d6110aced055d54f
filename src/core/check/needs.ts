import { isGlobalPermission, type OperationSpec } from '../catalog';
import type { OperationStep } from '../recipe/model';
import type { PermissionNeeds } from '../snapshot/needs';
import type { RecipeAnalysis } from './analyze';
import { literalBoardId } from './boards';
import { literalIssueKey, ProjectResolver } from './projects';
import { agentRequirement, keysToFetch } from './requirements';

/**
 * Needs of all Jira steps, grouped by their connection's host ('' for connections without a host, which use the
 * only linked account). One fetch per site then covers every recipe: never one request per step.
 */
export function permissionNeeds(analyses: readonly RecipeAnalysis[]): Map<string, PermissionNeeds> {
  const bySite = new Map<string, SiteNeeds>();
  for (const analysis of analyses) {
    const resolver = new ProjectResolver(analysis.model);
    for (const { step, connection, operation } of analysis.jiraSteps) {
      const host = connection.host ?? '';
      let site = bySite.get(host);
      if (!site) bySite.set(host, (site = emptySiteNeeds()));
      for (const rule of operation.otherProjects ?? []) {
        if (!step.inputs.has(rule.input)) continue;
        for (const project of resolver.projectsNamedBy(step, rule.input, rule.names)) addAll(site.projects, project, rule.project);
      }
      const keys = keysToFetch(operation, step.inputs);
      const projectKeys = keys.filter((k) => !isGlobalPermission(k));
      for (const key of keys.filter(isGlobalPermission)) site.global.add(key);
      if (!projectKeys.length) continue;
      // A literal issue is asked about as itself: a project answer is not exact for issue-role grants.
      const board = literalBoardId(operation, step);
      if (board !== undefined) addAll(site.boards, board, projectKeys);
      const issue = literalIssueKey(step);
      if (issue) addAll(site.issues, issue, projectKeys);
      // A literal transition or status on a literal issue is judged by the transitions Jira offers there.
      if (issue && namesTransition(operation, step)) site.transitions.add(issue);
      // Service Desk Agent is asked only in projects (never on issues), and only where the type says service_desk.
      const agent = agentRequirement(operation)?.keys ?? [];
      for (const project of resolver.projectsOf(step)) {
        addAll(site.projects, project, [...projectKeys, ...agent]);
        if (step.inputs.has('security')) site.security.add(project);
      }
    }
  }
  const result = new Map<string, PermissionNeeds>();
  for (const [host, site] of bySite) {
    result.set(host, {
      global: [...site.global].sort(),
      projects: sortedRecord(site.projects),
      securityLevelProjects: [...site.security].sort(),
      ...(site.issues.size ? { issues: sortedRecord(site.issues) } : {}),
      ...(site.transitions.size ? { transitionIssues: [...site.transitions].sort() } : {}),
      ...(site.boards.size ? { boards: sortedRecord(site.boards) } : {}),
    });
  }
  return result;
}

interface SiteNeeds {
  readonly global: Set<string>;
  readonly projects: Map<string, Set<string>>;
  readonly security: Set<string>;
  readonly issues: Map<string, Set<string>>;
  readonly transitions: Set<string>;
  readonly boards: Map<string, Set<string>>;
}

function emptySiteNeeds(): SiteNeeds {
  return { global: new Set(), projects: new Map(), security: new Set(), issues: new Map(), transitions: new Set(), boards: new Map() };
}

function namesTransition(operation: OperationSpec, step: OperationStep): boolean {
  return (operation.workflowInputs ?? []).some(({ input }) => {
    const entry = step.inputs.get(input);
    return !!entry && !entry.dynamic && !!entry.literal?.trim();
  });
}

function addAll(map: Map<string, Set<string>>, key: string, values: readonly string[]): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  for (const value of values) set.add(value);
}

function sortedRecord(map: ReadonlyMap<string, ReadonlySet<string>>): Record<string, string[]> {
  return Object.fromEntries([...map].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, [...v].sort()]));
}
