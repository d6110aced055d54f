import * as vscode from 'vscode';
import { detectDeployment, JiraConfigError, normalizeSite, validateLogin, type JiraCredentials } from '../../core/jira';
import type { AuthType } from '../../core/snapshot';
import type { AccountStore } from '../accounts/account-store';
import type { OAuthAccounts } from '../accounts/oauth-accounts';
import { linkWithOAuth, type OAuthLinkArgs } from '../accounts/oauth-link';
import { scopesForSite } from '../accounts/oauth-scopes';
import type { RecipeChecker } from '../recipes/recipe-checker';
import { clientOptions } from '../settings';
import { accountName } from '../../core/snapshot';
import { readWorkspaceRecipes } from './check-permissions';

/**
 * Scripted input, for automation and tests: any field left out is asked for. Secrets passed this way go straight to
 * SecretStorage, like typed ones.
 */
export interface LinkAccountArgs extends OAuthLinkArgs {
  readonly site?: string;
  readonly method?: AuthType;
  /** Email (Cloud API token) or username (Server/DC password). */
  readonly user?: string;
  /** API token, password or personal access token. */
  readonly secret?: string;
}

const METHOD_LABEL: Record<AuthType, { label: string; detail: string }> = {
  api_token: { label: 'Email and API token', detail: 'Jira Cloud: create a token at id.atlassian.com → Security → API tokens.' },
  pat: { label: 'Personal access token', detail: 'Data Center 8.14+: Profile → Personal Access Tokens.' },
  password: { label: 'Username and password', detail: 'Jira Server/Data Center.' },
  oauth2: { label: 'Jira Cloud (OAuth 2.0)', detail: 'Your own OAuth 2.0 integration from developer.atlassian.com; you consent in the browser.' },
};

/** What the OAuth 2.0 sign-in needs besides the account store: its tokens, and the recipes whose scopes to ask for. */
export interface OAuthLinkDeps {
  readonly oauth: OAuthAccounts;
  readonly checker: RecipeChecker;
  readonly log: vscode.LogOutputChannel;
}

/** Link Jira Account…: site URL → Cloud or Server/DC (from serverInfo) → a fitting sign-in → checked with /myself → saved. */
export function registerLinkAccount(context: vscode.ExtensionContext, accounts: AccountStore, deps: OAuthLinkDeps): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('jiraRecipeLint.linkAccount', async (args: LinkAccountArgs = {}) => {
      const options = clientOptions();
      const siteInput =
        args.site ??
        (await vscode.window.showInputBox({
          title: 'Link Jira Account (1/3): site',
          prompt: 'Base URL of your Jira site, with its context path if it has one',
          placeHolder: 'https://your-site.atlassian.net or https://jira.example.com/jira',
          ignoreFocusOut: true,
          validateInput: (value) => siteProblem(value, options.allowInsecureHttp ?? false),
        }));
      if (!siteInput) return undefined;
      const site = normalizeSite(siteInput, options).baseUrl;

      const detected = await withProgress(`Contacting ${site}…`, () => detectDeployment(site, options));
      if (detected instanceof Error) {
        void vscode.window.showErrorMessage(`Could not reach Jira at ${site}: ${detected.message}`);
        return undefined;
      }
      const offered = detected.authMethods;
      // Linking again (after a revoked grant, say) keeps the way the account was linked.
      const method =
        args.method ??
        (accounts.get(site)?.authType === 'oauth2' ? 'oauth2' : undefined) ??
        (offered.length === 1
          ? offered[0]
          : (
              await vscode.window.showQuickPick(
                offered.map((m) => ({ ...METHOD_LABEL[m], method: m })),
                {
                  title: `Link Jira Account (2/3): sign-in for ${detected.deployment === 'cloud' ? 'Jira Cloud' : `Jira Server/Data Center ${detected.serverVersion}`}`,
                  ignoreFocusOut: true,
                },
              )
            )?.method);
      if (!method) return undefined;
      if (method === 'oauth2') return linkOAuth(site, args, accounts, deps);

      const credentials = await askCredentials(method, args);
      if (!credentials) return undefined;

      const login = await withProgress(`Signing in to ${site}…`, () => validateLogin(site, credentials, options));
      if (login instanceof Error) {
        void vscode.window.showErrorMessage(`Jira did not accept the login for ${site}: ${login.message}`);
        return undefined;
      }
      await accounts.link(
        {
          site,
          deployment: login.deployment,
          serverVersion: login.serverVersion,
          authType: method,
          account: login.account,
          linkedAt: new Date().toISOString(),
        },
        credentials,
      );
      const who = accountName(login.account);
      void vscode.window.showInformationMessage(
        `Linked ${who} on ${site} (${login.deployment === 'cloud' ? 'Jira Cloud' : `Jira ${login.serverVersion}`}). Recipes are being checked against its permissions.`,
      );
      return site;
    }),
  );
}

async function linkOAuth(site: string, args: LinkAccountArgs, accounts: AccountStore, deps: OAuthLinkDeps): Promise<string | undefined> {
  const scopes = scopesForSite(
    site,
    (await readWorkspaceRecipes(deps.checker)).map((r) => r.analysis),
  );
  const linked = await linkWithOAuth(site, scopes, args, { accounts, oauth: deps.oauth, options: clientOptions(deps.log), log: deps.log });
  if (!linked) return undefined;
  const who = accountName(accounts.get(site)!.account);
  void vscode.window.showInformationMessage(
    `Linked ${who} on ${linked.join(', ')} (Jira Cloud, OAuth 2.0). Recipes are being checked against its permissions and scopes.`,
  );
  return linked[0];
}

/** Runs a request under a progress notification; resolves to the error instead of throwing it. */
async function withProgress<T>(title: string, work: () => Promise<T>): Promise<T | Error> {
  try {
    return await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, work);
  } catch (e) {
    return e instanceof Error ? e : new Error(String(e));
  }
}

function siteProblem(value: string, allowInsecureHttp: boolean): string | undefined {
  try {
    normalizeSite(value, { allowInsecureHttp });
    return undefined;
  } catch (e) {
    return e instanceof JiraConfigError ? e.message : 'Not a valid URL.';
  }
}

async function askCredentials(method: AuthType, args: LinkAccountArgs): Promise<JiraCredentials | undefined> {
  const step = (n: string) => `Link Jira Account (3/3): ${n}`;
  if (method === 'pat') {
    const token = args.secret ?? (await vscode.window.showInputBox({ title: step('personal access token'), password: true, ignoreFocusOut: true }));
    return token ? { kind: 'pat', token } : undefined;
  }
  const cloud = method === 'api_token';
  const user =
    args.user ??
    (await vscode.window.showInputBox({
      title: step(cloud ? 'email' : 'username'),
      placeHolder: cloud ? 'you@example.com' : 'username',
      ignoreFocusOut: true,
    }));
  if (!user) return undefined;
  const secret = args.secret ?? (await vscode.window.showInputBox({ title: step(cloud ? 'API token' : 'password'), password: true, ignoreFocusOut: true }));
  if (!secret) return undefined;
  return cloud ? { kind: 'api_token', email: user, token: secret } : { kind: 'password', username: user, password: secret };
}
