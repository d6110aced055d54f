/**
 * The write side of a simulated site: what Jira's administration calls change. The world is read-only everywhere
 * else; only these functions change it, the way Jira's own managers would.
 */
import type { Holder, SimGrant, SimPermissionScheme, SimProject, SimProjectRole, SimRoleMembers, SimSecurityLevel, SimUser, World } from './world';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export function addProjectRole(world: World, name: string, description: string): SimProjectRole {
  const roles = world.projectRoles as SimProjectRole[];
  const role = {
    id: nextId(
      roles.map((r) => r.id),
      10000,
    ),
    name,
    description,
  };
  roles.push(role);
  return role;
}

export function addPermissionScheme(world: World, name: string, description: string, grants: readonly Omit<SimGrant, 'id'>[]): SimPermissionScheme {
  const schemes = world.permissionSchemes as SimPermissionScheme[];
  const scheme: SimPermissionScheme = {
    id: nextId(
      schemes.map((s) => s.id),
      10000,
    ),
    name,
    description,
    grants: [],
  };
  schemes.push(scheme);
  for (const grant of grants) addGrant(world, scheme, grant.permission, grant.holder);
  return scheme;
}

export function addGrant(world: World, scheme: SimPermissionScheme, permission: string, holder: Holder): SimGrant {
  const ids = world.permissionSchemes.flatMap((s) => s.grants.map((g) => g.id));
  const grant = { id: nextId(ids, 10000), permission, holder };
  (scheme.grants as SimGrant[]).push(grant);
  return grant;
}

export function associateScheme(project: SimProject, scheme: SimPermissionScheme): void {
  (project as Mutable<SimProject>).permissionScheme = scheme;
}

export function addRoleMembers(project: SimProject, role: SimProjectRole, users: readonly SimUser[], groups: readonly string[]): void {
  const roles = project.roles as Map<number, SimRoleMembers>;
  const current = roles.get(role.id) ?? { users: new Set<SimUser>(), groups: new Set<string>() };
  roles.set(role.id, { users: new Set([...current.users, ...users]), groups: new Set([...current.groups, ...groups]) });
}

/** A global permission granted to a group (Jira administration → Global permissions: no REST call does this). */
export function grantGlobal(world: World, key: string, group: string): void {
  const grants = world.globalGrants as Map<string, ReadonlySet<string>>;
  grants.set(key, new Set([...(grants.get(key) ?? []), group]));
}

function nextId(ids: readonly number[], floor: number): number {
  return Math.max(floor, ...ids) + 1;
}

/** A member added to an issue security level (Jira administration → Issue security schemes: no REST call does this). */
export function addLevelMembers(level: SimSecurityLevel, holders: readonly Holder[]): void {
  (level.members as Holder[]).push(...holders);
}
