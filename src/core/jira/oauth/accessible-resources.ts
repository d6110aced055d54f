/**
 * `GET {apiUrl}/oauth/token/accessible-resources`: the sites an OAuth 2.0 grant covers, each with its cloud id and
 * the scopes granted there. One grant may cover several sites.
 */
import { matchSite } from '../../snapshot/site';
import { withConnection, type JiraClientOptions } from '../client';
import { JiraAuthError, JiraConfigError } from '../errors';
import { isObject, str, unexpectedShape } from '../json';
import { expectOk } from '../responses';
import { ATLASSIAN_ORIGINS } from './origins';

export interface AccessibleResource {
  /** The cloud id. */
  readonly id: string;
  readonly name: string;
  /** The site's URL, e.g. https://acme.atlassian.net */
  readonly url: string;
  readonly scopes: readonly string[];
}

export async function fetchAccessibleResources(
  accessToken: string,
  apiUrl: string = ATLASSIAN_ORIGINS.apiUrl,
  options: JiraClientOptions = {},
): Promise<AccessibleResource[]> {
  return withConnection(apiUrl, { kind: 'oauth2', accessToken }, options, async (http) => {
    const response = await http.get('/oauth/token/accessible-resources');
    if (response.status === 401) {
      throw new JiraAuthError(
        `${http.site.origin} did not accept the OAuth 2.0 access token (401): it expired or the grant was revoked.`,
        response.request,
        401,
      );
    }
    expectOk(response);
    if (!Array.isArray(response.body)) throw unexpectedShape(response.request, 'no list of resources');
    return response.body.flatMap((item): AccessibleResource[] => {
      if (!isObject(item)) return [];
      const id = str(item.id);
      const url = str(item.url);
      if (id === undefined || url === undefined) return [];
      const scopes = Array.isArray(item.scopes) ? item.scopes.filter((s): s is string => typeof s === 'string') : [];
      return [{ id, name: str(item.name) ?? url, url, scopes }];
    });
  });
}

/** The resource of a site (same base URL, else same origin); a JiraConfigError naming the sites the grant covers. */
export function resourceForSite(resources: readonly AccessibleResource[], site: string): AccessibleResource {
  const found = matchSite(site, resources, (r) => r.url);
  if (found) return found;
  const covered = resources.map((r) => r.url).join(', ') || 'none';
  throw new JiraConfigError(`The OAuth 2.0 grant does not cover ${site}; the sites it covers: ${covered}.`);
}
