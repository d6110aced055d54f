/**
 * Linking Jira Cloud with OAuth 2.0 (3LO): the user's own integration from Atlassian's developer console (client id
 * in the settings, client secret in SecretStorage), consent in the system browser with a `state` only this attempt
 * knows, the redirect received on loopback, the code exchanged for tokens, and the site found among the grant's.
 */
import * as vscode from 'vscode';
import { normalizeSite, validateLogin, type JiraClientOptions } from '../../core/jira';
import {
  authorizationUrl,
  exchangeCode,
  fetchAccessibleResources,
  listenForRedirect,
  newState,
  resourceForSite,
  siteCredentials,
  type AccessibleResource,
  type TokenSet,
} from '../../core/jira/oauth';
import type { AccountStore } from './account-store';
import type { OAuthAccounts } from './oauth-accounts';
import { readOAuthSettings, saveClientId, type OAuthSettings } from './oauth-settings';

export interface OAuthLinkArgs {
  readonly clientId?: string;
  /** Goes straight to SecretStorage, as a typed one would. */
  readonly clientSecret?: string;
  /** Other sites of the same grant to link too; when absent and the grant has some, the user is asked. */
  readonly alsoLink?: readonly string[];
}

export interface OAuthLinkContext {
  readonly accounts: AccountStore;
  readonly oauth: OAuthAccounts;
  readonly options: JiraClientOptions;
  readonly log: vscode.LogOutputChannel;
}

/** Runs the flow for `site` asking for `scopes`; resolves to the sites linked, or undefined when given up or failed. */
export async function linkWithOAuth(site: string, scopes: readonly string[], args: OAuthLinkArgs, ctx: OAuthLinkContext): Promise<string[] | undefined> {
  const settings = readOAuthSettings();
  const client = await integration(settings, args, ctx.oauth);
  if (!client) return undefined;
  try {
    const tokens = await consent(settings, client, scopes, ctx.options);
    if (!tokens) return undefined;
    const unasked = scopes.filter((s) => !tokens.scopes.includes(s));
    if (unasked.length) ctx.log.warn(`Atlassian granted the OAuth 2.0 integration ${client.clientId} less than asked: not ${unasked.join(', ')}.`);
    const resources = await fetchAccessibleResources(tokens.accessToken, settings.origins.apiUrl, ctx.options);
    const main = resourceForSite(resources, site);
    const others = await otherSites(
      resources.filter((r) => r !== main),
      args,
    );
    if (!others) return undefined;
    const grantId = await ctx.oauth.saveGrant(tokens);
    const linked: string[] = [];
    for (const [resource, url] of [[main, site] as const, ...others.map((r) => [r, r.url] as const)]) {
      const base = normalizeSite(url, { allowInsecureHttp: true }).baseUrl;
      const login = await validateLogin(base, siteCredentials(tokens.accessToken, resource, settings.origins.apiUrl), ctx.options);
      await ctx.oauth.saveLink(base, { grantId, cloudId: resource.id, clientId: client.clientId, origins: settings.origins });
      await ctx.accounts.link(
        {
          site: base,
          deployment: login.deployment,
          serverVersion: login.serverVersion,
          authType: 'oauth2',
          account: login.account,
          linkedAt: new Date().toISOString(),
        },
        undefined,
      );
      linked.push(base);
    }
    return linked;
  } catch (e) {
    ctx.log.warn(`Linking ${site} with OAuth 2.0 failed: ${(e as Error).message}`);
    void vscode.window.showErrorMessage(`Linking ${site} with OAuth 2.0 failed: ${(e as Error).message}`);
    return undefined;
  }
}

/** The client id (settings, else asked and saved) and its secret (SecretStorage, else asked and stored). */
async function integration(
  settings: OAuthSettings,
  args: OAuthLinkArgs,
  oauth: OAuthAccounts,
): Promise<{ clientId: string; clientSecret: string } | undefined> {
  const step = (n: string) => `Link Jira Account (3/3): OAuth 2.0 ${n}`;
  let clientId = args.clientId?.trim() || settings.clientId;
  if (!clientId) {
    clientId =
      (
        await vscode.window.showInputBox({
          title: step('client id'),
          prompt: 'Client ID of your OAuth 2.0 integration (developer.atlassian.com → Developer console → your app → Settings)',
          ignoreFocusOut: true,
        })
      )?.trim() ?? '';
    if (!clientId) return undefined;
  }
  if (clientId !== settings.clientId) await saveClientId(clientId);
  let clientSecret = args.clientSecret ?? (await oauth.clientSecret(clientId));
  if (!clientSecret) {
    clientSecret = await vscode.window.showInputBox({
      title: step('client secret'),
      prompt: 'Secret of the same integration (Settings → Secret)',
      password: true,
      ignoreFocusOut: true,
    });
    if (!clientSecret) return undefined;
  }
  await oauth.storeClientSecret(clientId, clientSecret);
  return { clientId, clientSecret };
}

/** Consent in the browser: opens the authorization URL, waits for the redirect (cancellable), exchanges the code. */
async function consent(
  settings: OAuthSettings,
  client: { clientId: string; clientSecret: string },
  scopes: readonly string[],
  options: JiraClientOptions,
): Promise<TokenSet | undefined> {
  const state = newState();
  const abort = new AbortController();
  const listener = await listenForRedirect(settings.callbackUrl, state, abort.signal);
  try {
    const url = authorizationUrl({ authUrl: settings.origins.authUrl, clientId: client.clientId, scopes, redirectUri: listener.redirectUri, state });
    const code = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Authorize Jira Recipe Lint in your browser…', cancellable: true },
      async (_progress, token) => {
        token.onCancellationRequested(() => abort.abort());
        if (!(await vscode.env.openExternal(vscode.Uri.parse(url)))) throw new Error('The browser could not be opened.');
        return listener.code;
      },
    );
    return await exchangeCode({ ...client, authUrl: settings.origins.authUrl }, code, listener.redirectUri, options);
  } catch (e) {
    if (abort.signal.aborted) return undefined;
    throw e;
  } finally {
    await listener.close();
  }
}

/** Other sites the same grant covers: those the caller named, or those the user picks. */
async function otherSites(candidates: readonly AccessibleResource[], args: OAuthLinkArgs): Promise<AccessibleResource[] | undefined> {
  if (args.alsoLink)
    return candidates.filter((r) =>
      args.alsoLink?.some((s) => normalizeSite(s, { allowInsecureHttp: true }).baseUrl === normalizeSite(r.url, { allowInsecureHttp: true }).baseUrl),
    );
  if (!candidates.length) return [];
  const picked = await vscode.window.showQuickPick(
    candidates.map((r) => ({ label: r.name, description: r.url, resource: r })),
    { title: 'The same consent covers these sites too: link them as well?', canPickMany: true, ignoreFocusOut: true },
  );
  return picked ? picked.map((p) => p.resource) : undefined;
}
