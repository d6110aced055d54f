/**
 * GET /mypermissions — which permissions the caller holds, globally, in a project or on an issue.
 * Cloud: `permissions` (comma-separated current keys) is required. Data Center: no such parameter; every key is
 * answered, each renamed permission twice (its old key flagged `deprecatedKey`); Jira 6.x knows only the old keys.
 */
import { permissionsOf, type SimPermission } from '../catalog';
import type { SimIssue, SimProject } from '../scenario/world';
import { viewableProject, visibleIssue, type Lookup } from './lookup';
import { error, ok } from './reply';
import type { Reply, Route, RouteContext } from './route';

type Context = { readonly kind: 'global' } | { readonly kind: 'project'; readonly project: SimProject } | { readonly kind: 'issue'; readonly issue: SimIssue };

export const myPermissions: Route = {
  method: 'GET',
  path: '/mypermissions',
  cloud: { spec: '/rest/api/3/mypermissions', answers: [200, 400, 404] },
  datacenter: { spec: '/api/2/mypermissions', answers: [200, 400, 404] },
  handle(ctx) {
    const wanted = ctx.world.flavour === 'cloud' ? requestedPermissions(ctx) : { entries: dcEntries(ctx) };
    if ('reply' in wanted) return wanted.reply;
    const context = contextOf(ctx);
    if (context.reply) return context.reply;
    const permissions: Record<string, unknown> = {};
    for (const { key, permission, deprecated } of wanted.entries) {
      permissions[key] = {
        ...(permission.id !== undefined ? { id: permission.id } : {}),
        key,
        name: permission.name,
        type: permission.type,
        description: permission.description,
        havePermission: holds(ctx, permission, context.found),
        ...(deprecated ? { deprecatedKey: true } : {}),
      };
    }
    return ok({ permissions });
  },
};

interface Entry {
  /** the key as answered (legacy on old DC, and for DC's deprecated twins) */
  readonly key: string;
  readonly permission: SimPermission;
  readonly deprecated: boolean;
}

function requestedPermissions(ctx: RouteContext): { entries: Entry[] } | { reply: Reply } {
  const keys = (ctx.query.get('permissions') ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter((k) => k !== '');
  if (keys.length === 0) return { reply: error(400, "The 'permissions' query parameter is required.") };
  const known = new Map(permissionsOf('cloud').map((p) => [p.key, p]));
  const unknown = keys.filter((k) => !known.has(k));
  if (unknown.length > 0) return { reply: error(400, `Unrecognized permission keys: ${unknown.join(', ')}`) };
  return { entries: [...new Set(keys)].map((key) => ({ key, permission: known.get(key)!, deprecated: false })) };
}

function dcEntries(ctx: RouteContext): Entry[] {
  const { features } = ctx.world;
  return permissionsOf('datacenter').flatMap((permission) => {
    const [legacy] = permission.legacyKeys;
    if (features.legacyKeysOnly) return [{ key: legacy ?? permission.key, permission, deprecated: false }];
    const current = { key: permission.key, permission, deprecated: false };
    return features.deprecatedKeyTwins ? [current, ...permission.legacyKeys.map((key) => ({ key, permission, deprecated: true }))] : [current];
  });
}

/** issueId beats issueKey, projectId beats projectKey, and an issue beats a project. */
function contextOf(ctx: RouteContext): Lookup<Context> {
  const dc = ctx.world.flavour === 'datacenter';
  const issue = ctx.query.get('issueId') ?? ctx.query.get('issueKey');
  const project = ctx.query.get('projectId') ?? ctx.query.get('projectKey');
  for (const name of ['issueId', 'projectId']) {
    const id = ctx.query.get(name);
    if (id === null || /^\d+$/.test(id)) continue;
    // Data Center documents 400 for an id that is not a number; Cloud simply finds no such project or issue.
    if (dc) return { reply: error(400, `The ${name} '${id}' is not valid.`) };
    return {
      reply: error(404, name === 'issueId' ? 'Issue Does Not Exist' : `No project could be found with id '${id}'.`),
    };
  }
  if (issue !== null) {
    const found = visibleIssue(ctx, issue);
    return found.reply ? { reply: found.reply } : { found: { kind: 'issue', issue: found.found } };
  }
  if (project !== null) {
    const found = viewableProject(ctx, project);
    return found.reply ? { reply: found.reply } : { found: { kind: 'project', project: found.found } };
  }
  return { found: { kind: 'global' } };
}

function holds(ctx: RouteContext, permission: SimPermission, context: Context): boolean {
  const { permissions, subject } = ctx;
  if (permission.type === 'GLOBAL') return permissions.hasGlobal(subject, permission.key);
  switch (context.kind) {
    case 'global':
      return permissions.anywhere(subject, permission.key);
    case 'project':
      return permissions.inProject(subject, permission.key, context.project);
    case 'issue':
      return permissions.onIssue(subject, permission.key, context.issue);
  }
}
