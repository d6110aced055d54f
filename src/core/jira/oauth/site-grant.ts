/** An OAuth 2.0 access token made into credentials for one site: its cloud id and scopes from accessible-resources. */
import type { JiraClientOptions } from '../client';
import type { JiraCredentials } from '../credentials';
import { fetchAccessibleResources, resourceForSite, type AccessibleResource } from './accessible-resources';
import { ATLASSIAN_ORIGINS } from './origins';

export type OAuthCredentials = Extract<JiraCredentials, { kind: 'oauth2' }>;

/** Credentials that send `accessToken` to the site through the gateway at `apiUrl`, with the resource's scopes. */
export function siteCredentials(accessToken: string, resource: AccessibleResource, apiUrl: string = ATLASSIAN_ORIGINS.apiUrl): OAuthCredentials {
  return { kind: 'oauth2', accessToken, cloudId: resource.id, apiUrl, scopes: resource.scopes };
}

/** Looks the site up among the grant's resources (a JiraConfigError naming those it covers when it isn't one). */
export async function credentialsForSite(
  site: string,
  accessToken: string,
  apiUrl: string = ATLASSIAN_ORIGINS.apiUrl,
  options: JiraClientOptions = {},
): Promise<OAuthCredentials> {
  const resources = await fetchAccessibleResources(accessToken, apiUrl, options);
  return siteCredentials(accessToken, resourceForSite(resources, site), apiUrl);
}
