/**
 * GET /rest/agile/1.0/board/{boardId}/project (Jira Software's getProjects) — the projects a board's filter is
 * bounded to, ordered by name, in one page. As the DC spec says: "Projects are returned only if user can browse all
 * projects that are associated with the board" (else the list is empty), and nothing for a board the user may not
 * view. A board is viewable (inferred: its filter is shared with its projects) by whoever may view one of its
 * projects; 404 for a board that is missing or not viewable, 401 for anonymous. Served the same on Cloud, whose
 * platform spec has no agile operations: validated against the DC spec.
 */
import { error, notAuthenticated, ok } from './reply';
import type { Route } from './route';

const served = { spec: '/agile/1.0/board/{boardId}/project', answers: [200, 400, 401, 404] } as const;

export const boardProjects: Route = {
  method: 'GET',
  api: 'agile',
  path: '/board/{boardId}/project',
  cloud: { ...served, contract: 'datacenter' },
  datacenter: served,
  handle(ctx) {
    if (!ctx.subject) return notAuthenticated();
    const id = ctx.params.boardId;
    if (!/^\d+$/.test(id)) return error(400, `The board id '${id}' is not a number.`);
    const board = ctx.world.boards.find((b) => String(b.id) === id);
    if (!board || !board.projects.some((p) => ctx.permissions.canViewProject(ctx.subject, p))) {
      return error(404, `Board does not exist or you do not have permission to see it.`);
    }
    const all = board.projects.every((p) => ctx.permissions.inProject(ctx.subject, 'BROWSE_PROJECTS', p));
    const values = (all ? [...board.projects] : [])
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((p) => ({
        self: `${ctx.siteUrl}/rest/api/2/project/${p.id}`,
        id: String(p.id),
        key: p.key,
        name: p.name,
        avatarUrls: { '48x48': `${ctx.siteUrl}/secure/projectavatar?pid=${p.id}` },
        projectTypeKey: p.projectTypeKey,
      }));
    return ok({ maxResults: 50, startAt: 0, total: values.length, isLast: true, values });
  },
};
