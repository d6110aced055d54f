/**
 * Projects the caller may see: GET /project/{projectIdOrKey} (404 when not visible), GET /project (all visible;
 * deprecated on Cloud) and Cloud's paged GET /project/search.
 */
import type { Subject } from '../permissions';
import { avatarUrls, userRef } from '../render';
import type { SimProject } from '../scenario/world';
import { viewableProject } from './lookup';
import { error, ok } from './reply';
import type { Route, RouteContext } from './route';

export const getProject: Route = {
  method: 'GET',
  path: '/project/{projectIdOrKey}',
  cloud: { spec: '/rest/api/3/project/{projectIdOrKey}', answers: [200, 404] },
  datacenter: { spec: '/api/2/project/{projectIdOrKey}', answers: [200, 404] },
  handle(ctx) {
    const lookup = viewableProject(ctx, ctx.params.projectIdOrKey);
    return lookup.reply ?? ok(fullProject(ctx, lookup.found));
  },
};

export const listProjects: Route = {
  method: 'GET',
  path: '/project',
  cloud: { spec: '/rest/api/3/project', answers: [200] },
  datacenter: { spec: '/api/2/project', answers: [200] },
  handle(ctx) {
    const visible = ctx.world.projects.filter((p) => ctx.permissions.canViewProject(ctx.subject, p));
    return ok([...visible].sort((a, b) => a.name.localeCompare(b.name)).map((p) => projectSummary(ctx, p)));
  },
};

const MAX_PAGE = 100;
const ORDERS = ['key', 'name'] as const;
const ACTIONS: Record<string, (ctx: RouteContext, subject: Subject, p: SimProject) => boolean> = {
  view: (ctx, s, p) => ctx.permissions.canViewProject(s, p),
  browse: (ctx, s, p) => ctx.permissions.inProject(s, 'BROWSE_PROJECTS', p),
  edit: (ctx, s, p) => ctx.permissions.inProject(s, 'ADMINISTER_PROJECTS', p) || ctx.permissions.hasGlobal(s, 'ADMINISTER'),
  create: (ctx, s, p) => ctx.permissions.inProject(s, 'CREATE_ISSUES', p),
};

export const searchProjects: Route = {
  method: 'GET',
  path: '/project/search',
  cloud: { spec: '/rest/api/3/project/search', answers: [200, 400] },
  handle(ctx) {
    const q = ctx.query;
    const startAt = Number(q.get('startAt') ?? 0);
    const maxResults = Math.min(Number(q.get('maxResults') ?? 50), MAX_PAGE);
    const orderBy = q.get('orderBy') ?? 'key';
    const field = orderBy.replace(/^[+-]/, '');
    const action = ACTIONS[q.get('action') ?? 'view'];
    if (!Number.isInteger(startAt) || startAt < 0 || !Number.isInteger(maxResults) || maxResults < 0) {
      return error(400, 'startAt and maxResults must be non-negative integers.');
    }
    if (!action) return error(400, `Invalid action '${q.get('action')}'.`);
    if (!(ORDERS as readonly string[]).includes(field)) return error(400, `Ordering by '${orderBy}' is not supported.`);

    const keys = new Set(q.getAll('keys').flatMap((k) => k.split(',')));
    // Assumed: an archived project is listed (status=archived) to whoever could view it were it live.
    const statuses = new Set(q.getAll('status').flatMap((s) => s.split(',')));
    if (!statuses.size) statuses.add('live');
    const listed = (p: SimProject) =>
      p.archived ? statuses.has('archived') && action(ctx, ctx.subject, { ...p, archived: false }) : statuses.has('live') && action(ctx, ctx.subject, p);
    const ids = new Set(q.getAll('id').flatMap((k) => k.split(',')));
    const text = q.get('query')?.toLowerCase();
    const matching = ctx.world.projects
      .filter(listed)
      .filter((p) => keys.size === 0 || keys.has(p.key))
      .filter((p) => ids.size === 0 || ids.has(String(p.id)))
      .filter((p) => !text || p.key.toLowerCase().includes(text) || p.name.toLowerCase().includes(text))
      .sort((a, b) => a[field as 'key' | 'name'].localeCompare(b[field as 'key' | 'name']) * (orderBy.startsWith('-') ? -1 : 1));
    const values = matching.slice(startAt, startAt + maxResults);
    const isLast = startAt + values.length >= matching.length;
    const next = new URL(ctx.requestUrl);
    next.searchParams.set('startAt', String(startAt + maxResults));
    next.searchParams.set('maxResults', String(maxResults));
    return ok({
      self: ctx.requestUrl,
      ...(isLast ? {} : { nextPage: next.toString() }),
      maxResults,
      startAt,
      total: matching.length,
      isLast,
      values: values.map((p) => projectSummary(ctx, p)),
    });
  },
};

/** A project as lists show it. */
function projectSummary(ctx: RouteContext, p: SimProject): Record<string, unknown> {
  const common = {
    expand: 'description,lead,issueTypes,url,projectKeys,permissions,insight',
    self: `${ctx.apiUrl}/project/${p.id}`,
    id: String(p.id),
    key: p.key,
    name: p.name,
    avatarUrls: avatarUrls(ctx.siteUrl, 'project', String(p.id)),
    projectTypeKey: p.projectTypeKey,
  };
  const cloud = { ...common, simplified: false, style: 'classic', isPrivate: false, properties: {}, ...(p.archived ? { archived: true } : {}) };
  return ctx.world.flavour === 'cloud' ? cloud : { ...common, archived: false };
}

/** A project as GET /project/{projectIdOrKey} shows it: description, lead and roles included. */
function fullProject(ctx: RouteContext, p: SimProject): Record<string, unknown> {
  return {
    ...projectSummary(ctx, p),
    description: p.description,
    lead: userRef(ctx, p.lead),
    components: [],
    issueTypes: [],
    assigneeType: 'UNASSIGNED',
    versions: [],
    roles: Object.fromEntries(ctx.world.projectRoles.map((r) => [r.name, `${ctx.apiUrl}/project/${p.id}/role/${r.id}`])),
    ...(ctx.world.flavour === 'datacenter' ? { projectKeys: [p.key] } : {}),
  };
}
