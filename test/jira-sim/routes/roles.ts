/**
 * Project roles, the administrator's side. POST /role creates a role (Administer Jira; 409 for a name in use).
 * POST /project/{projectIdOrKey}/role/{id} adds users (Cloud: account ids, DC: usernames) or groups to a role in a
 * project (Administer Jira, or Administer Projects there); Cloud answers 404 also to callers without that right.
 */
import { projectRoleRef, userRef } from '../render';
import { addProjectRole, addRoleMembers } from '../scenario/edit';
import { findProject, type SimProject, type SimProjectRole, type SimUser } from '../scenario/world';
import { error, fieldErrors, notAuthenticated, ok } from './reply';
import { INVALID_JSON, type Reply, type Route, type RouteContext } from './route';

export const createRole: Route = {
  method: 'POST',
  path: '/role',
  cloud: { spec: '/rest/api/3/role', answers: [200, 400, 401, 403, 409] },
  datacenter: { spec: '/api/2/role', answers: [200, 400, 401, 403, 409] },
  handle(ctx) {
    if (!ctx.subject) return notAuthenticated();
    if (!ctx.permissions.hasGlobal(ctx.subject, 'ADMINISTER')) return error(403, 'You must have global administrator rights to create project roles.');
    const body = ctx.body === INVALID_JSON ? undefined : (ctx.body as { name?: unknown; description?: unknown } | undefined);
    const name = typeof body?.name === 'string' ? body.name.trim() : '';
    if (!name) return fieldErrors(400, { name: 'You must specify a name for the project role.' });
    if (ctx.world.projectRoles.some((r) => r.name.toLowerCase() === name.toLowerCase()))
      return error(409, `A project role with name '${name}' already exists.`);
    const role = addProjectRole(ctx.world, name, typeof body?.description === 'string' ? body.description : '');
    return ok(projectRoleRef(ctx, role));
  },
};

export const addRoleActors: Route = {
  method: 'POST',
  path: '/project/{projectIdOrKey}/role/{id}',
  cloud: { spec: '/rest/api/3/project/{projectIdOrKey}/role/{id}', answers: [200, 400, 401, 404] },
  datacenter: { spec: '/api/2/project/{projectIdOrKey}/role/{id}', answers: [200, 400, 401, 404] },
  handle(ctx) {
    if (!ctx.subject) return notAuthenticated();
    const project = findProject(ctx.world, ctx.params.projectIdOrKey);
    const role = ctx.world.projectRoles.find((r) => String(r.id) === ctx.params.id);
    const allowed =
      !!project && (ctx.permissions.hasGlobal(ctx.subject, 'ADMINISTER') || ctx.permissions.inProject(ctx.subject, 'ADMINISTER_PROJECTS', project));
    if (!project || !allowed) return error(404, `No project could be found with key '${ctx.params.projectIdOrKey}'.`);
    if (!role) return error(404, `Can not retrieve a role actor for a null project role.`);
    return addActors(ctx, project, role);
  },
};

function addActors(ctx: RouteContext, project: SimProject, role: SimProjectRole): Reply {
  const body = ctx.body === INVALID_JSON ? undefined : (ctx.body as { user?: unknown; group?: unknown; groupId?: unknown } | undefined);
  const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  const userIds = list(body?.user);
  const groupRefs = [...list(body?.group), ...list(body?.groupId)];
  if (!userIds.length && !groupRefs.length) return error(400, 'Specify users or groups to add to the role.');
  const cloud = ctx.world.flavour === 'cloud';
  const users: SimUser[] = [];
  for (const id of userIds) {
    const user = ctx.world.users.find((u) => (cloud ? u.accountId === id : u.username === id));
    if (!user) return error(400, `The user with ${cloud ? 'account ID' : 'username'} '${id}' does not exist.`);
    users.push(user);
  }
  const groups: string[] = [];
  for (const ref of groupRefs) {
    const group = [...ctx.world.groups.values()].find((g) => g.name === ref || g.groupId === ref);
    if (!group) return error(400, `The group '${ref}' does not exist.`);
    groups.push(group.name);
  }
  addRoleMembers(project, role, users, groups);
  const members = project.roles.get(role.id);
  const actors = [
    ...[...(members?.users ?? [])].map((u, i) => userActor(ctx, u, i)),
    ...[...(members?.groups ?? [])].map((g, i) => ({ id: 20000 + i, displayName: g, name: g, type: 'atlassian-group-role-actor' })),
  ];
  return ok({ ...projectRoleRef(ctx, role), self: `${ctx.apiUrl}/project/${project.key}/role/${role.id}`, actors });
}

function userActor(ctx: RouteContext, user: SimUser, index: number): Record<string, unknown> {
  if (ctx.world.flavour === 'cloud')
    return { id: 10000 + index, displayName: user.displayName, type: 'atlassian-user-role-actor', actorUser: { accountId: user.accountId } };
  const ref = userRef(ctx, user);
  return { name: ref.name };
}
