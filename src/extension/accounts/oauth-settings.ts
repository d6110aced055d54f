import * as vscode from 'vscode';
import { oauthOrigins, type OAuthOrigins } from '../../core/jira/oauth';
import { SECTION } from '../settings';

/** Atlassian's developer console takes this callback URL by default; it must match the integration's exactly. */
export const DEFAULT_CALLBACK_URL = 'http://127.0.0.1:9417/callback';

export interface OAuthSettings {
  /** The OAuth 2.0 integration's client id; '' until the user gives it. */
  readonly clientId: string;
  /** Where the browser brings the authorization back: a loopback URL registered with the integration. */
  readonly callbackUrl: string;
  /** Atlassian's origins (settings, else JIRA_OAUTH_API_URL / JIRA_OAUTH_AUTH_URL, else Atlassian's own). */
  readonly origins: OAuthOrigins;
}

/**
 * The `jiraRecipeLint.oauth.*` settings. Only user (application) values count: a workspace must not be able to send
 * the user's tokens or client secret to origins of its choosing, nor swap the integration they consent to.
 */
export function readOAuthSettings(env: NodeJS.ProcessEnv = process.env): OAuthSettings {
  const c = vscode.workspace.getConfiguration(SECTION);
  const user = (key: string) => c.inspect<string>(`oauth.${key}`)?.globalValue?.trim() || undefined;
  const allowInsecureHttp = c.inspect<boolean>('allowInsecureHttp')?.globalValue ?? false;
  return {
    clientId: user('clientId') ?? '',
    callbackUrl: user('callbackUrl') ?? DEFAULT_CALLBACK_URL,
    origins: oauthOrigins({ apiUrl: user('apiUrl') ?? env.JIRA_OAUTH_API_URL, authUrl: user('authUrl') ?? env.JIRA_OAUTH_AUTH_URL }, { allowInsecureHttp }),
  };
}

export async function saveClientId(clientId: string): Promise<void> {
  await vscode.workspace.getConfiguration(SECTION).update('oauth.clientId', clientId, vscode.ConfigurationTarget.Global);
}
