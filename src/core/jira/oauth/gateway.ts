/** Atlassian's API gateway: an OAuth 2.0 token reaches a Jira Cloud site only as `{apiUrl}/ex/jira/{cloudId}`. */
import { JiraConfigError } from '../errors';
import { normalizeSite, type JiraSite, type SiteOptions } from '../site';
import { ATLASSIAN_ORIGINS } from './origins';

export function gatewaySite(cloudId: string, apiUrl: string = ATLASSIAN_ORIGINS.apiUrl, options: SiteOptions = {}): JiraSite {
  if (!/^[A-Za-z0-9-]+$/.test(cloudId)) throw new JiraConfigError(`Not a valid Jira Cloud id: "${cloudId}"`);
  return normalizeSite(`${normalizeSite(apiUrl, options).baseUrl}/ex/jira/${cloudId}`, options);
}
