import { isGlobalPermission } from '../catalog';
import type { PermissionNeeds } from '../snapshot/needs';
import type { RecipeAnalysis } from './analyze';
import { ProjectResolver } from './projects';
import { requirementsOf } from './requirements';

/**
 * Needs of all Jira steps, grouped by their connection's host ('' for connections without a host, which use the
 * only linked account). One fetch per site then covers every recipe: never one request per step.
 */
export function permissionNeeds(analyses: readonly RecipeAnalysis[]): Map<string, PermissionNeeds> {
  const bySite = new Map<string, { global: Set<string>; projects: Map<string, Set<string>>; security: Set<string> }>();
  for (const analysis of analyses) {
    const resolver = new ProjectResolver(analysis.model);
    for (const { step, connection, operation } of analysis.jiraSteps) {
      const host = connection.host ?? '';
      let site = bySite.get(host);
      if (!site) bySite.set(host, (site = { global: new Set(), projects: new Map(), security: new Set() }));
      for (const rule of operation.otherProjects ?? []) {
        if (!step.inputs.has(rule.input)) continue;
        for (const project of resolver.projectsNamedBy(step, rule.input, rule.names))
          for (const key of rule.project) projectSet(site.projects, project).add(key);
      }
      const keys = requirementsOf(operation, step.inputs).flatMap((r) => r.keys);
      const projectKeys = keys.filter((k) => !isGlobalPermission(k));
      for (const key of keys.filter(isGlobalPermission)) site.global.add(key);
      if (!projectKeys.length) continue;
      for (const project of resolver.projectsOf(step)) {
        const set = projectSet(site.projects, project);
        for (const key of projectKeys) set.add(key);
        if (step.inputs.has('security')) site.security.add(project);
      }
    }
  }
  const result = new Map<string, PermissionNeeds>();
  for (const [host, site] of bySite) {
    result.set(host, {
      global: [...site.global].sort(),
      projects: Object.fromEntries([...site.projects].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, [...v].sort()])),
      securityLevelProjects: [...site.security].sort(),
    });
  }
  return result;
}

function projectSet(projects: Map<string, Set<string>>, project: string): Set<string> {
  let set = projects.get(project);
  if (!set) projects.set(project, (set = new Set()));
  return set;
}
