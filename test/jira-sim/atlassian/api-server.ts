/**
 * api.atlassian.com on loopback: `GET /oauth/token/accessible-resources`, and the gateway
 * `/ex/jira/{cloudId}/rest/…` that forwards a call to its site as the token's user — once the token is live, covers
 * the site and holds the call's scopes.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { JiraSim } from '../index';
import type { GrantBook } from './grants';
import { scopeSetsOf, scopesAllow } from './gateway-scopes';
import { bearerOf, json } from './http';

export interface SimSite {
  readonly sim: JiraSim;
  readonly cloudId: string;
  readonly name: string;
}

export interface ApiServerState {
  readonly book: GrantBook;
  readonly sites: readonly SimSite[];
}

const UNAUTHORIZED = { code: 401, message: 'Unauthorized' };
/** What the real gateway answers for a call outside the token's scopes (seen in Atlassian's developer community). */
const SCOPE_MISMATCH = { code: 401, message: 'Unauthorized; scope does not match' };

export async function serveApi(state: ApiServerState, req: IncomingMessage, res: ServerResponse): Promise<number> {
  const url = new URL(req.url ?? '/', 'http://api.invalid');
  const grant = state.book.grantOfAccessToken(bearerOf(req) ?? '');
  if (url.pathname === '/oauth/token/accessible-resources' && req.method === 'GET') {
    if (!grant) return json(res, 401, UNAUTHORIZED);
    // The product scopes granted; offline_access is about the grant, not a site.
    const scopes = grant.scopes.filter((s) => s !== 'offline_access');
    const sites = state.sites.filter((s) => grant.cloudIds.includes(s.cloudId));
    return json(
      res,
      200,
      sites.map((s) => ({ id: s.cloudId, name: s.name, url: s.sim.url, scopes, avatarUrl: `${s.sim.url}/secure/projectavatar` })),
    );
  }
  const gateway = /^\/ex\/jira\/([^/]+)(\/rest\/.*)$/.exec(url.pathname);
  if (!gateway) return json(res, 404, { code: 404, message: 'Not Found' });
  const site = state.sites.find((s) => s.cloudId === gateway[1]);
  if (!grant || !site || !grant.cloudIds.includes(site.cloudId)) return json(res, 401, UNAUTHORIZED);
  const user = site.sim.world.users.find((u) => u.email.toLowerCase() === grant.user.toLowerCase());
  if (!user?.active) return json(res, 401, UNAUTHORIZED);
  const method = req.method ?? 'GET';
  const sets = scopeSetsOf(method, gateway[2]);
  if (sets && !scopesAllow(sets, grant.scopes)) return json(res, 401, SCOPE_MISMATCH);
  await site.sim.serveForwarded(req, res, { url: `${gateway[2]}${url.search}`, user });
  return res.statusCode;
}
