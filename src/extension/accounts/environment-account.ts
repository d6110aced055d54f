import type * as vscode from 'vscode';
import { credentialsFromEnv, normalizeSite, validateLogin } from '../../core/jira';
import { credentialsForSite, oauthOriginsFromEnv } from '../../core/jira/oauth';
import { clientOptions } from '../settings';
import type { AccountStore } from './account-store';
import { accountName } from '../../core/snapshot';
import { errorMessage } from '../../core/text/error-message';

/**
 * Links the account the environment names: `JIRA_SITE` with the CLI's credential variables (`JIRA_EMAIL` +
 * `JIRA_API_TOKEN`, `JIRA_USERNAME` + `JIRA_PASSWORD`, or `JIRA_PAT`). The secret stays in the environment.
 */
export async function linkEnvironmentAccount(accounts: AccountStore, log: vscode.LogOutputChannel, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  if (!env.JIRA_SITE) return;
  try {
    let credentials = credentialsFromEnv(env);
    if (!credentials) {
      log.warn('JIRA_SITE is set, but no Jira credentials are (JIRA_EMAIL + JIRA_API_TOKEN, JIRA_USERNAME + JIRA_PASSWORD, or JIRA_PAT).');
      return;
    }
    const options = clientOptions(log);
    const site = normalizeSite(env.JIRA_SITE, options).baseUrl;
    // JIRA_OAUTH_ACCESS_TOKEN goes to the gateway only, under the site's cloud id (not refreshed: the environment's job).
    if (credentials.kind === 'oauth2' && !credentials.cloudId)
      credentials = await credentialsForSite(site, credentials.accessToken, oauthOriginsFromEnv(env, options).apiUrl, options);
    const login = await validateLogin(site, credentials, options);
    accounts.useEnvironmentAccount(
      {
        site,
        deployment: login.deployment,
        serverVersion: login.serverVersion,
        authType: credentials.kind,
        account: login.account,
        linkedAt: new Date().toISOString(),
      },
      credentials,
    );
    log.info(`Linked ${accountName(login.account)} on ${site} from the environment.`);
  } catch (e) {
    log.warn(`The Jira account from the environment (JIRA_SITE) could not be linked: ${errorMessage(e)}`);
  }
}
