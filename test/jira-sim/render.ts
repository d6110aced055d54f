/** JSON shapes shared by several resources: users, groups, project roles, avatars — per flavour. */
import type { RouteContext } from './routes/route';
import type { SimGroup, SimProjectRole, SimUser } from './scenario/world';

export function avatarUrls(siteUrl: string, kind: 'user' | 'project', id: string): Record<string, string> {
  const base = `${siteUrl}/secure/${kind === 'user' ? 'useravatar' : 'projectavatar'}`;
  const owner = kind === 'user' ? `ownerId=${encodeURIComponent(id)}` : `pid=${id}`;
  return {
    '48x48': `${base}?${owner}`,
    '24x24': `${base}?size=small&${owner}`,
    '16x16': `${base}?size=xsmall&${owner}`,
    '32x32': `${base}?size=medium&${owner}`,
  };
}

/** A user as other resources embed it (project lead, permission holder). Cloud hides the email address. */
export function userRef(ctx: RouteContext, user: SimUser): Record<string, unknown> {
  if (ctx.world.flavour === 'cloud') {
    return {
      self: `${ctx.apiUrl}/user?accountId=${encodeURIComponent(user.accountId ?? '')}`,
      accountId: user.accountId,
      accountType: 'atlassian',
      avatarUrls: avatarUrls(ctx.siteUrl, 'user', user.accountId ?? ''),
      displayName: user.displayName,
      active: user.active,
    };
  }
  return {
    self: `${ctx.apiUrl}/user?username=${encodeURIComponent(user.username ?? '')}`,
    key: user.key,
    name: user.username,
    emailAddress: user.email,
    avatarUrls: avatarUrls(ctx.siteUrl, 'user', user.key ?? ''),
    displayName: user.displayName,
    active: user.active,
    timeZone: user.timeZone,
  };
}

export function groupRef(ctx: RouteContext, group: SimGroup): Record<string, unknown> {
  return ctx.world.flavour === 'cloud'
    ? { name: group.name, groupId: group.groupId, self: `${ctx.apiUrl}/group?groupId=${group.groupId}` }
    : { name: group.name, self: `${ctx.apiUrl}/group?groupname=${encodeURIComponent(group.name)}` };
}

export function projectRoleRef(ctx: RouteContext, role: SimProjectRole): Record<string, unknown> {
  return { self: `${ctx.apiUrl}/role/${role.id}`, name: role.name, id: role.id, description: role.description };
}
