import * as vscode from 'vscode';
import { detectDeployment, JiraConfigError, normalizeSite, validateLogin, type JiraCredentials } from '../../core/jira';
import type { AuthType } from '../../core/snapshot';
import type { AccountStore } from '../accounts/account-store';
import { clientOptions } from '../settings';
import { accountName } from '../../core/snapshot';

/**
 * Scripted input, for automation and tests: any field left out is asked for. Secrets passed this way go straight to
 * SecretStorage, like typed ones.
 */
export interface LinkAccountArgs {
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
  oauth2: { label: 'OAuth 2.0', detail: 'Not offered yet.' },
};

/** Link Jira Account…: site URL → Cloud or Server/DC (from serverInfo) → a fitting sign-in → checked with /myself → saved. */
export function registerLinkAccount(context: vscode.ExtensionContext, accounts: AccountStore): void {
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
      const offered = detected.authMethods.filter((m) => m !== 'oauth2');
      const method =
        args.method ??
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
