/**
 * Permission schemes, the administrator's side (Administer Jira for all three):
 * POST /permissionscheme creates a scheme with its grants; PUT /project/{projectKeyOrId}/permissionscheme
 * associates a scheme with a project (which replaces the project's scheme, and every grant in it).
 */
import { permissionByKey } from '../catalog';
import { addPermissionScheme, associateScheme } from '../scenario/edit';
import { findProject, type Holder } from '../scenario/world';
import { holderFromRequest } from './holders';
import { schemeJson } from './permission-schemes';
import { error, fieldErrors, notAuthenticated, ok } from './reply';
import { INVALID_JSON, type Reply, type Route, type RouteContext } from './route';

export const createPermissionScheme: Route = {
  method: 'POST',
  path: '/permissionscheme',
  cloud: { spec: '/rest/api/3/permissionscheme', answers: [201, 400, 401, 403] },
  datacenter: { spec: '/api/2/permissionscheme', answers: [201, 400, 401, 403] },
  handle(ctx) {
    const denied = requireAdmin(ctx);
    if (denied) return denied;
    const body = ctx.body === INVALID_JSON ? undefined : (ctx.body as { name?: unknown; description?: unknown; permissions?: unknown } | undefined);
    const name = typeof body?.name === 'string' ? body.name.trim() : '';
    if (!name) return fieldErrors(400, { name: 'The name of the permission scheme must not be empty.' });
    if (ctx.world.permissionSchemes.some((s) => s.name.toLowerCase() === name.toLowerCase()))
      return fieldErrors(400, { name: `A permission scheme with the name '${name}' already exists.` });
    const grants: { permission: string; holder: Holder }[] = [];
    for (const raw of Array.isArray(body?.permissions) ? (body.permissions as unknown[]) : []) {
      const grant = raw as { permission?: unknown; holder?: unknown };
      const permission = typeof grant?.permission === 'string' ? grant.permission : '';
      if (permissionByKey(ctx.world.flavour, permission)?.type !== 'PROJECT') return error(400, `Permission '${permission}' is not a project permission.`);
      const holder = holderFromRequest(ctx.world, grant.holder);
      if (!holder) return error(400, `The holder ${JSON.stringify(grant.holder ?? null)} does not exist.`);
      grants.push({ permission, holder });
    }
    const scheme = addPermissionScheme(ctx.world, name, typeof body?.description === 'string' ? body.description : '', grants);
    return { status: 201, body: schemeJson(withExpand(ctx), scheme) };
  },
};

export const associatePermissionScheme: Route = {
  method: 'PUT',
  path: '/project/{projectKeyOrId}/permissionscheme',
  cloud: { spec: '/rest/api/3/project/{projectKeyOrId}/permissionscheme', answers: [200, 401, 403, 404] },
  datacenter: { spec: '/api/2/project/{projectKeyOrId}/permissionscheme', answers: [200, 401, 403, 404] },
  handle(ctx) {
    const denied = requireAdmin(ctx);
    if (denied) return denied;
    const project = findProject(ctx.world, ctx.params.projectKeyOrId);
    if (!project) return error(404, `No project could be found with key '${ctx.params.projectKeyOrId}'.`);
    const id = ctx.body === INVALID_JSON ? undefined : (ctx.body as { id?: unknown } | undefined)?.id;
    const scheme = ctx.world.permissionSchemes.find((s) => s.id === Number(id));
    if (!scheme) return error(404, `Permission scheme with id ${String(id)} not found.`);
    associateScheme(project, scheme);
    return ok(schemeJson(ctx, scheme));
  },
};

function requireAdmin(ctx: RouteContext): Reply | undefined {
  if (!ctx.subject) return notAuthenticated();
  return ctx.permissions.hasGlobal(ctx.subject, 'ADMINISTER')
    ? undefined
    : error(403, 'You must have global administrator rights to manage permission schemes.');
}

/** Jira answers a created scheme with its grants. */
function withExpand(ctx: RouteContext): RouteContext {
  const query = new URLSearchParams(ctx.query);
  if (!query.has('expand')) query.set('expand', 'permissions');
  return { ...ctx, query };
}
