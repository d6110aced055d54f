/** GET /serverInfo — version and deployment type (Data Center says "Server"); anyone may ask. */
import { ok } from './reply';
import type { Route } from './route';

const BUILD_DATE = '2025-01-15T10:00:00.000+0000';

export const serverInfo: Route = {
  method: 'GET',
  path: '/serverInfo',
  cloud: { spec: '/rest/api/3/serverInfo', answers: [200] },
  datacenter: { spec: '/api/2/serverInfo', answers: [200] },
  handle(ctx) {
    const { world } = ctx;
    const [major, minor, patch] = world.version.numbers;
    const cloud = world.flavour === 'cloud';
    return ok({
      baseUrl: ctx.siteUrl,
      version: world.version.text,
      versionNumbers: [major, minor, patch],
      deploymentType: cloud ? 'Cloud' : 'Server',
      buildNumber: cloud ? 100290 : major * 100000 + minor * 1000 + patch,
      buildDate: BUILD_DATE,
      ...(cloud ? {} : { databaseBuildNumber: major * 100000 + minor * 1000 + patch }),
      serverTime: new Date().toISOString().replace('Z', '+0000'),
      scmInfo: 'b5e5ff7c4d6ee8c7b5a1c4ff7d2f3c9a1e0d2f7b',
      serverTitle: world.title,
    });
  },
};
