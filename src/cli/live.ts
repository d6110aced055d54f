import { permissionNeeds, type RecipeAnalysis } from '../core/check';
import { isGlobalPermission, OPERATIONS } from '../core/catalog';
import {
  credentialsFromEnv,
  fetchSnapshot,
  JiraAuthError,
  JiraConfigError,
  JiraInsecureHttpError,
  JiraUnsupportedVersionError,
  mergeNeeds,
  normalizeSite,
  type JiraLogger,
  type PermissionNeeds,
} from '../core/jira';
import { credentialsForSite, oauthOriginsFromEnv } from '../core/jira/oauth';
import { siteOrigin, type PermissionSnapshot } from '../core/snapshot';
import { InputError } from './usage';

export interface LiveOptions {
  readonly site: string;
  readonly allowHttp: boolean;
  readonly env: NodeJS.ProcessEnv;
  readonly log: JiraLogger;
}

/**
 * Fetches a snapshot from a live Jira with credentials from the environment only. Missing or rejected credentials
 * and unusable sites are input errors (exit 2); the messages never hold a secret.
 */
export async function fetchLiveSnapshot(options: LiveOptions, needs: PermissionNeeds): Promise<PermissionSnapshot> {
  let credentials;
  try {
    normalizeSite(options.site, { allowInsecureHttp: options.allowHttp });
    credentials = credentialsFromEnv(options.env);
  } catch (e) {
    if (e instanceof JiraConfigError) throw refusal(e);
    throw e;
  }
  if (!credentials)
    throw new InputError(
      `--site needs credentials in the environment: JIRA_EMAIL and JIRA_API_TOKEN, or JIRA_OAUTH_ACCESS_TOKEN (Jira Cloud), or JIRA_USERNAME and JIRA_PASSWORD, or JIRA_PAT (Server/Data Center).`,
    );
  const clientOptions = { allowInsecureHttp: options.allowHttp, logger: options.log };
  try {
    // An OAuth 2.0 token reaches the site only through Atlassian's gateway, under the site's cloud id.
    if (credentials.kind === 'oauth2' && !credentials.cloudId) {
      const { apiUrl } = oauthOriginsFromEnv(options.env, clientOptions);
      credentials = await credentialsForSite(options.site, credentials.accessToken, apiUrl, clientOptions);
    }
    return await fetchSnapshot(options.site, credentials, needs, clientOptions);
  } catch (e) {
    if (e instanceof JiraAuthError) throw new InputError(`Jira at ${options.site} rejected the credentials: ${e.message}`);
    if (e instanceof JiraConfigError) throw refusal(e);
    if (e instanceof JiraUnsupportedVersionError) throw new InputError(e.message);
    throw e;
  }
}

/** A site the client won't use, in the CLI's words: a refusal names the flag that overrides it. */
function refusal(e: JiraConfigError): InputError {
  if (e instanceof JiraInsecureHttpError)
    return new InputError(`Refusing plain http for ${e.origin}: credentials would travel unencrypted. Use https, or pass --allow-http to allow it.`);
  return new InputError(e.message);
}

/**
 * What recipe files need from a site: with `site`, only their connections with that host and those with none
 * (what `check --site` will use); without, every Jira connection (`snapshot`, where the user chose the site).
 */
export function needsOfRecipes(analyses: readonly RecipeAnalysis[], site?: string): PermissionNeeds {
  const bySite = permissionNeeds(analyses);
  const origin = site && siteOrigin(site);
  let needs: PermissionNeeds = { global: [], projects: {}, securityLevelProjects: [] };
  for (const [host, n] of bySite) if (!origin || host === '' || siteOrigin(host) === origin) needs = mergeNeeds(needs, n);
  return needs;
}

/** Every permission any catalog operation can need, for `snapshot --projects`. */
export function needsOfProjects(projects: readonly string[]): PermissionNeeds {
  const keys = OPERATIONS.flatMap((op) => [
    ...(op.project ?? []),
    ...(op.global ?? []),
    ...(op.anyOf ?? []).flat(),
    ...(op.inputRules ?? []).flatMap((r) => r.adds),
  ]);
  const all = [...new Set(keys)].sort();
  const projectKeys = all.filter((k) => !isGlobalPermission(k));
  return { global: all.filter(isGlobalPermission), projects: Object.fromEntries(projects.map((p) => [p, projectKeys])), securityLevelProjects: [...projects] };
}
