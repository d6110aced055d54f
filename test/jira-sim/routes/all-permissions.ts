/** GET /permissions — every permission the site knows. Cloud: anyone. Data Center: administrators only (403). */
import { permissionsOf } from '../catalog';
import { error, notAuthenticated, ok } from './reply';
import type { Route } from './route';

export const allPermissions: Route = {
  method: 'GET',
  path: '/permissions',
  cloud: { spec: '/rest/api/3/permissions', answers: [200] },
  datacenter: { spec: '/api/2/permissions', answers: [200, 401, 403] },
  handle(ctx) {
    const { world } = ctx;
    const dc = world.flavour === 'datacenter';
    if (dc && !ctx.subject) return notAuthenticated();
    if (dc && !ctx.permissions.hasGlobal(ctx.subject, 'ADMINISTER')) {
      return error(403, 'You are not allowed to view all permissions.');
    }
    const permissions: Record<string, unknown> = {};
    for (const p of permissionsOf(world.flavour)) {
      // Jira 6.x names permissions by their old keys only.
      const key = world.features.legacyKeysOnly ? (p.legacyKeys[0] ?? p.key) : p.key;
      permissions[key] = {
        ...(dc && p.id !== undefined ? { id: p.id } : {}),
        key,
        name: p.name,
        type: p.type,
        description: p.description,
      };
    }
    return ok({ permissions });
  },
};
