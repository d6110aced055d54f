/**
 * POST /issue/bulkfetch (Cloud only) — up to 100 issues by id or key, in ascending id order. Issues that don't
 * exist, or that the caller can't see (Browse Projects, issue security), are left out silently, as the spec says;
 * `issueErrors` is for retriable errors, which the simulator has none of. Keys match case-insensitively. Only the
 * `project` field is rendered; others asked for are left out. Anonymous callers get 401 unless some issue is open to
 * anyone (inferred: the spec says the operation "can be accessed anonymously" and declares 401).
 */
import { findIssue, type SimIssue } from '../scenario/world';
import { error, ok } from './reply';
import { INVALID_JSON, type Route } from './route';

const MAX_ISSUES = 100;

export const bulkFetchIssues: Route = {
  method: 'POST',
  path: '/issue/bulkfetch',
  cloud: { spec: '/rest/api/3/issue/bulkfetch', answers: [200, 400, 401] },
  handle(ctx) {
    const body = ctx.body;
    if (body === INVALID_JSON || typeof body !== 'object' || body === null || Array.isArray(body)) return error(400, 'Invalid request payload.');
    const { issueIdsOrKeys, fields } = body as Record<string, unknown>;
    if (!Array.isArray(issueIdsOrKeys) || !issueIdsOrKeys.every((k) => typeof k === 'string')) {
      return error(400, 'issueIdsOrKeys must be a list of issue ids or keys.');
    }
    if (issueIdsOrKeys.length === 0 || issueIdsOrKeys.length > MAX_ISSUES) {
      return error(400, `Provide between 1 and ${MAX_ISSUES} issue ids or keys.`);
    }
    if (!ctx.subject && !ctx.world.issues.some((issue) => ctx.permissions.canSeeIssue(null, issue))) {
      return error(401, 'You are not authorized to perform this operation. Please log in.');
    }
    const found = new Map<number, SimIssue>();
    for (const idOrKey of issueIdsOrKeys as string[]) {
      const issue = findIssue(ctx.world, /^\d+$/.test(idOrKey) ? idOrKey : idOrKey.toUpperCase());
      if (issue && ctx.permissions.canSeeIssue(ctx.subject, issue)) found.set(issue.id, issue);
    }
    const wantsProject = Array.isArray(fields) && fields.some((f) => f === 'project' || f === '*all');
    const issues = [...found.values()]
      .sort((a, b) => a.id - b.id)
      .map((issue) => ({
        expand: '',
        id: String(issue.id),
        self: `${ctx.apiUrl}/issue/${issue.id}`,
        key: issue.key,
        fields: wantsProject
          ? { project: { self: `${ctx.apiUrl}/project/${issue.project.id}`, id: String(issue.project.id), key: issue.project.key, name: issue.project.name } }
          : {},
      }));
    return ok({ issues, issueErrors: [] });
  },
};
