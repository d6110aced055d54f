/**
 * POST /permissions/check (Cloud only) — for global permissions, those held; for project permissions, the listed
 * projects and issues where each is held. Unknown ids and nulls are ignored; at most 1,000 valid project ids and
 * 1,000 valid issue ids; asking about another account needs Administer Jira.
 */
import { permissionByKey } from '../catalog';
import type { Subject } from '../permissions';
import { error, fieldErrors, ok } from './reply';
import { INVALID_JSON, type Reply, type Route, type RouteContext } from './route';

const MAX_IDS = 1000;

interface ProjectPermissionsRequest {
  readonly permissions: string[];
  readonly projects: number[];
  readonly issues: number[];
}

export const bulkCheck: Route = {
  method: 'POST',
  path: '/permissions/check',
  cloud: { spec: '/rest/api/3/permissions/check', answers: [200, 400, 403] },
  handle(ctx) {
    const request = parse(ctx.body);
    if ('reply' in request) return request.reply;
    const target = targetOf(ctx, request.accountId);
    if ('reply' in target) return target.reply;
    const subject = target.subject;

    const unknownGlobal = request.globalPermissions.filter((k) => permissionByKey('cloud', k)?.type !== 'GLOBAL');
    const unknownProject = request.projectPermissions.flatMap((p) => p.permissions).filter((k) => permissionByKey('cloud', k)?.type !== 'PROJECT');
    const unknown = [...unknownGlobal, ...unknownProject];
    if (unknown.length > 0) {
      return fieldErrors(400, Object.fromEntries(unknown.map((k) => [k, 'Unrecognized permission'])));
    }
    if (request.projectPermissions.some((p) => p.permissions.length === 0)) {
      return error(400, 'At least one project permission is required in each projectPermissions entry.');
    }

    const projects = new Set(request.projectPermissions.flatMap((p) => p.projects));
    const issues = new Set(request.projectPermissions.flatMap((p) => p.issues));
    const validProjects = ctx.world.projects.filter((p) => projects.has(p.id));
    const validIssues = ctx.world.issues.filter((i) => issues.has(i.id));
    if (validProjects.length > MAX_IDS || validIssues.length > MAX_IDS) {
      return error(400, `You can check at most ${MAX_IDS} projects and ${MAX_IDS} issues at once.`);
    }

    const grants = new Map<string, { projects: Set<number>; issues: Set<number> }>();
    for (const entry of request.projectPermissions) {
      for (const key of entry.permissions) {
        const grant = grants.get(key) ?? { projects: new Set<number>(), issues: new Set<number>() };
        grants.set(key, grant);
        for (const project of validProjects) {
          if (entry.projects.includes(project.id) && ctx.permissions.inProject(subject, key, project)) {
            grant.projects.add(project.id);
          }
        }
        for (const issue of validIssues) {
          if (entry.issues.includes(issue.id) && ctx.permissions.onIssue(subject, key, issue)) {
            grant.issues.add(issue.id);
          }
        }
      }
    }
    return ok({
      globalPermissions: [...new Set(request.globalPermissions)].filter((k) => ctx.permissions.hasGlobal(subject, k)),
      projectPermissions: [...grants]
        .filter(([, g]) => g.projects.size > 0 || g.issues.size > 0)
        .map(([permission, g]) => ({ permission, projects: [...g.projects], issues: [...g.issues] })),
    });
  },
};

interface BulkRequest {
  readonly accountId?: string;
  readonly globalPermissions: string[];
  readonly projectPermissions: ProjectPermissionsRequest[];
}

const invalid = (): { reply: Reply } => ({
  reply: error(400, 'Invalid request payload. Refer to the REST API documentation and try again.'),
});

/** Nulls are ignored, as are empty strings among project permissions. */
function parse(body: unknown): BulkRequest | { reply: Reply } {
  if (body === INVALID_JSON || typeof body !== 'object' || body === null || Array.isArray(body)) return invalid();
  const b = body as Record<string, unknown>;
  if (b.accountId !== undefined && b.accountId !== null && typeof b.accountId !== 'string') return invalid();
  const globalPermissions = strings(b.globalPermissions);
  const entries = b.projectPermissions === undefined || b.projectPermissions === null ? [] : b.projectPermissions;
  if (!globalPermissions || !Array.isArray(entries)) return invalid();
  const projectPermissions: ProjectPermissionsRequest[] = [];
  for (const entry of entries) {
    if (entry === null) continue;
    if (typeof entry !== 'object') return invalid();
    const e = entry as Record<string, unknown>;
    const permissions = strings(e.permissions);
    const projects = numbers(e.projects);
    const issues = numbers(e.issues);
    if (!permissions || !projects || !issues) return invalid();
    projectPermissions.push({ permissions: permissions.filter((p) => p !== ''), projects, issues });
  }
  return {
    ...(typeof b.accountId === 'string' ? { accountId: b.accountId } : {}),
    globalPermissions,
    projectPermissions,
  };
}

function strings(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return undefined;
  const items = value.filter((v) => v !== null);
  return items.every((v) => typeof v === 'string') ? (items as string[]) : undefined;
}

function numbers(value: unknown): number[] | undefined {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return undefined;
  const items = value.filter((v) => v !== null);
  return items.every((v) => Number.isInteger(v)) ? (items as number[]) : undefined;
}

/** Whose permissions: the caller's, or (for Jira administrators only) another account's. */
function targetOf(ctx: RouteContext, accountId: string | undefined): { subject: Subject } | { reply: Reply } {
  if (accountId === undefined || accountId === ctx.subject?.accountId) return { subject: ctx.subject };
  if (!ctx.permissions.hasGlobal(ctx.subject, 'ADMINISTER')) {
    return { reply: error(403, 'Only Jira administrators can perform this operation.') };
  }
  const user = ctx.world.users.find((u) => u.accountId === accountId);
  return user ? { subject: user } : { reply: error(400, `The accountId '${accountId}' is not valid.`) };
}
