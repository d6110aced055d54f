/** A permission holder as a create-scheme or add-grant request names it (`{type, parameter, value}`), resolved in the world. */
import type { Holder, World } from '../scenario/world';

export function holderFromRequest(world: World, raw: unknown): Holder | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { type, parameter, value } = raw as { type?: unknown; parameter?: unknown; value?: unknown };
  const ids = [parameter, value].filter((x): x is string => typeof x === 'string');
  switch (type) {
    case 'anyone':
    case 'reporter':
    case 'assignee':
    case 'projectLead':
      return { type };
    case 'projectRole': {
      const role = world.projectRoles.find((r) => ids.includes(String(r.id)));
      return role && { type, role };
    }
    case 'group': {
      const group = [...world.groups.values()].find((g) => ids.includes(g.name) || ids.includes(g.groupId));
      return group && { type, group };
    }
    case 'user': {
      const user = world.users.find((u) => ids.some((id) => id === u.accountId || id === u.key || id === u.username));
      return user && { type, user };
    }
    case 'applicationRole': {
      if (!ids.length) return { type };
      const application = world.applicationRoles.find((a) => ids.includes(a.key));
      return application && { type, application };
    }
  }
  return undefined;
}
