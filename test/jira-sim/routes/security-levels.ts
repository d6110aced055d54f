/**
 * GET /project/{projectKeyOrId}/securitylevel — the issue security levels the caller may set in the project:
 * none unless they hold Set Issue Security there, and only levels they are a member of. 404 if the project is
 * missing or invisible.
 */
import { viewableProject } from './lookup';
import { ok } from './reply';
import type { Route } from './route';

export const securityLevels: Route = {
  method: 'GET',
  path: '/project/{projectKeyOrId}/securitylevel',
  cloud: { spec: '/rest/api/3/project/{projectKeyOrId}/securitylevel', answers: [200, 404] },
  datacenter: { spec: '/api/2/project/{projectKeyOrId}/securitylevel', answers: [200, 404] },
  handle(ctx) {
    const lookup = viewableProject(ctx, ctx.params.projectKeyOrId);
    if (lookup.reply) return lookup.reply;
    const levels = ctx.permissions.settableLevels(ctx.subject, lookup.found).map((level) => {
      const common = {
        self: `${ctx.apiUrl}/securitylevel/${level.id}`,
        id: String(level.id),
        description: level.description,
        name: level.name,
      };
      return ctx.world.flavour === 'cloud' ? { ...common, isDefault: level.isDefault, issueSecuritySchemeId: String(level.schemeId) } : common;
    });
    return ok({ levels });
  },
};
