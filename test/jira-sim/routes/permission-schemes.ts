/**
 * Permission schemes — the "why" behind permissions, readable by administrators only.
 * GET /project/{projectKeyOrId}/permissionscheme: Cloud needs Administer Jira or Administer Projects of that project,
 * Data Center a Jira administrator; 403 otherwise. GET /permissionscheme/{schemeId}: Data Center answers 403 to
 * non-administrators; Cloud's spec answers 404 ("not found or the user does not have the necessary permission"),
 * here for anyone who administers neither Jira nor a project using the scheme.
 * Grants are listed when `expand` has any value; holders carry their user/group/projectRole/field objects when
 * `expand` names them (or is `all`).
 */
import { groupRef, projectRoleRef, userRef } from '../render';
import type { Holder, SimCustomField, SimPermissionScheme } from '../scenario/world';
import { viewableProject } from './lookup';
import { error, expandOf, notAuthenticated, ok } from './reply';
import type { Reply, Route, RouteContext } from './route';

export const projectPermissionScheme: Route = {
  method: 'GET',
  path: '/project/{projectKeyOrId}/permissionscheme',
  cloud: { spec: '/rest/api/3/project/{projectKeyOrId}/permissionscheme', answers: [200, 401, 403, 404] },
  datacenter: { spec: '/api/2/project/{projectKeyOrId}/permissionscheme', answers: [200, 401, 403, 404] },
  handle(ctx) {
    const missing = unavailable(ctx);
    if (missing) return missing;
    if (!ctx.subject) return notAuthenticated();
    const lookup = viewableProject(ctx, ctx.params.projectKeyOrId);
    if (lookup.reply) return lookup.reply;
    const project = lookup.found;
    const allowed =
      ctx.permissions.hasGlobal(ctx.subject, 'ADMINISTER') ||
      (ctx.world.flavour === 'cloud' && ctx.permissions.inProject(ctx.subject, 'ADMINISTER_PROJECTS', project));
    if (!allowed) return error(403, "You don't have permission to view this project's configuration.");
    return ok(schemeJson(ctx, project.permissionScheme));
  },
};

export const permissionScheme: Route = {
  method: 'GET',
  path: '/permissionscheme/{schemeId}',
  cloud: { spec: '/rest/api/3/permissionscheme/{schemeId}', answers: [200, 401, 404] },
  datacenter: { spec: '/api/2/permissionscheme/{schemeId}', answers: [200, 401, 403, 404] },
  handle(ctx) {
    const missing = unavailable(ctx);
    if (missing) return missing;
    if (!ctx.subject) return notAuthenticated();
    const scheme = ctx.world.permissionSchemes.find((s) => String(s.id) === ctx.params.schemeId);
    const notFound = error(404, `Permission scheme with id ${ctx.params.schemeId} not found.`);
    const admin = ctx.permissions.hasGlobal(ctx.subject, 'ADMINISTER');
    if (ctx.world.flavour === 'datacenter') {
      if (!admin) return error(403, 'You are not allowed to view permission schemes.');
      return scheme ? ok(schemeJson(ctx, scheme)) : notFound;
    }
    const administersAUser =
      !!scheme && ctx.world.projects.some((p) => p.permissionScheme === scheme && ctx.permissions.inProject(ctx.subject, 'ADMINISTER_PROJECTS', p));
    return scheme && (admin || administersAUser) ? ok(schemeJson(ctx, scheme)) : notFound;
  },
};

/** Jira before 7.0 has no permission scheme resources. */
function unavailable(ctx: RouteContext): Reply | undefined {
  return ctx.world.features.permissionSchemeResource ? undefined : error(404, `null for uri: ${ctx.requestUrl}`);
}

const EXPANDABLE = 'permissions,user,group,projectRole,field,all';

export function schemeJson(ctx: RouteContext, scheme: SimPermissionScheme): Record<string, unknown> {
  const expand = expandOf(ctx.query);
  const cloud = ctx.world.flavour === 'cloud';
  const self = `${ctx.apiUrl}/permissionscheme/${scheme.id}`;
  return {
    expand: EXPANDABLE,
    id: scheme.id,
    self,
    name: scheme.name,
    description: scheme.description,
    ...(expand.size > 0
      ? {
          permissions: scheme.grants.map((g) => ({
            id: g.id,
            self: cloud ? `${ctx.apiUrl}/permissionscheme/permission/${g.id}` : `${self}/permission/${g.id}`,
            holder: holderJson(ctx, g.holder, expand),
            permission: g.permission,
          })),
        }
      : {}),
  };
}

/**
 * A grant's holder. Cloud: `parameter` (group name, accountId, role id, application key, field id) and `value`
 * (group id for groups, otherwise the parameter), plus `expand` naming the object that can be expanded.
 * Data Center: `parameter` only (group name, user key, role id…).
 */
export function holderJson(ctx: RouteContext, holder: Holder, expand: ReadonlySet<string>): Record<string, unknown> {
  const cloud = ctx.world.flavour === 'cloud';
  const wants = (what: string) => expand.has(what) || expand.has('all');
  const withParameter = (parameter: string, value: string, expandName: string, object: () => unknown) => ({
    type: holder.type,
    parameter,
    ...(cloud ? { value, expand: expandName } : {}),
    ...(wants(expandName) ? { [expandName]: object() } : {}),
  });
  switch (holder.type) {
    case 'anyone':
    case 'reporter':
    case 'assignee':
    case 'projectLead':
      return { type: holder.type };
    case 'applicationRole':
      return holder.application
        ? { type: holder.type, parameter: holder.application.key, ...(cloud ? { value: holder.application.key } : {}) }
        : { type: holder.type };
    case 'group':
      return withParameter(holder.group.name, holder.group.groupId, 'group', () => groupRef(ctx, holder.group));
    case 'user': {
      const id = (cloud ? holder.user.accountId : holder.user.key) ?? '';
      return withParameter(id, id, 'user', () => userRef(ctx, holder.user));
    }
    case 'projectRole':
      return withParameter(String(holder.role.id), String(holder.role.id), 'projectRole', () => projectRoleRef(ctx, holder.role));
    case 'userCustomField':
    case 'groupCustomField':
      return withParameter(holder.field.id, holder.field.id, 'field', () => fieldJson(holder.field));
  }
}

function fieldJson(field: SimCustomField): Record<string, unknown> {
  const custom = `com.atlassian.jira.plugin.system.customfieldtypes:multi${field.type}picker`;
  return {
    id: field.id,
    key: field.id,
    name: field.name,
    custom: true,
    orderable: true,
    navigable: true,
    searchable: true,
    clauseNames: [`cf[${field.id.replace('customfield_', '')}]`, field.name],
    schema: { type: 'array', items: field.type, custom, customId: Number(field.id.replace('customfield_', '')) },
  };
}
