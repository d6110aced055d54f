/** Finding the project or issue a request names — and answering 404 when it is missing or invisible, as Jira does. */
import { findIssue, findProject, type SimIssue, type SimProject } from '../scenario/world';
import { error } from './reply';
import type { Reply, RouteContext } from './route';

export type Lookup<T> = { readonly found: T; readonly reply?: undefined } | { readonly found?: undefined; readonly reply: Reply };

/** A project the caller may view ({projectIdOrKey}); 404 for a missing project and for one they cannot see. */
export function viewableProject(ctx: RouteContext, idOrKey: string): Lookup<SimProject> {
  const project = findProject(ctx.world, idOrKey);
  if (project && ctx.permissions.canViewProject(ctx.subject, project)) return { found: project };
  const by = /^\d+$/.test(idOrKey) ? 'id' : 'key';
  return { reply: error(404, `No project could be found with ${by} '${idOrKey}'.`) };
}

/** An issue the caller may see; 404 otherwise. */
export function visibleIssue(ctx: RouteContext, idOrKey: string): Lookup<SimIssue> {
  const issue = findIssue(ctx.world, idOrKey);
  if (issue && ctx.permissions.canSeeIssue(ctx.subject, issue)) return { found: issue };
  return { reply: error(404, 'Issue Does Not Exist') };
}
