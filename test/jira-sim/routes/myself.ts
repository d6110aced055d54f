/** GET /myself — the signed-in user; `expand=groups,applicationRoles` lists their groups and product access. */
import { groupRef, userRef } from '../render';
import type { SimUser } from '../scenario/world';
import { expandOf, notAuthenticated, ok } from './reply';
import type { Route, RouteContext } from './route';

export const myself: Route = {
  method: 'GET',
  path: '/myself',
  cloud: { spec: '/rest/api/3/myself', answers: [200, 401] },
  datacenter: { spec: '/api/2/myself', answers: [200, 401] },
  handle(ctx) {
    const user = ctx.subject;
    if (!user) return notAuthenticated();
    const expand = expandOf(ctx.query);
    const groups = [...user.groups].sort().flatMap((name) => {
      const group = ctx.world.groups.get(name);
      return group ? [groupRef(ctx, group)] : [];
    });
    const roles = applicationRoles(ctx, user);
    const lists = {
      groups: { size: groups.length, items: expand.has('groups') ? groups : [] },
      applicationRoles: { size: roles.length, items: expand.has('applicationRoles') ? roles : [] },
      expand: 'groups,applicationRoles',
    };
    // The user as other resources show them, plus what only they see of themselves.
    const own = ctx.world.flavour === 'cloud' ? { emailAddress: user.email, timeZone: user.timeZone } : { deleted: false };
    return ok({ ...userRef(ctx, user), ...own, locale: user.locale, ...lists });
  },
};

function applicationRoles(ctx: RouteContext, user: SimUser): Record<string, unknown>[] {
  const held = new Set(ctx.permissions.applicationRolesOf(user));
  return ctx.world.applicationRoles
    .filter((a) => held.has(a.key))
    .map((a) => {
      const details = a.groups.flatMap((g) => {
        const group = ctx.world.groups.get(g);
        return group ? [groupRef(ctx, group)] : [];
      });
      const common = {
        key: a.key,
        name: a.name,
        groups: a.groups,
        defaultGroups: a.groups.slice(0, 1),
        selectedByDefault: false,
        defined: true,
        hasUnlimitedSeats: true,
        platform: false,
      };
      return ctx.world.flavour === 'cloud' ? { ...common, groupDetails: details, defaultGroupsDetails: details.slice(0, 1) } : common;
    });
}
