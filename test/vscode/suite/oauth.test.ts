/**
 * Jira Cloud with OAuth 2.0 (3LO) in the real VS Code: the extension opens the consent in the system browser (the
 * harness's Chromium), the simulated Atlassian consents and redirects to the loopback callback, and the account's
 * scopes are checked — a missing manage:jira-webhook found, then gone after linking again, with no reload.
 */
import { strict as assert } from 'node:assert';
import { createServer } from 'node:net';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { startAtlassianSim, startJiraSim, type AtlassianSim, type JiraSim } from '../../jira-sim/index';
import { diagnosticRows, SIM_URL, waitFor, waitForDiagnostics, workspaceFile } from './util';

const CLIENT = {
  clientId: 'sim-client-vscode',
  clientSecret: 'sim-client-secret-vscode-41d2',
  scopes: ['read:jira-user', 'read:jira-work', 'write:jira-work', 'manage:jira-webhook'],
};
const RECIPE = 'oauth-escalate.recipe.yaml';
const CONFIG = '.jira-recipe-lint.json';
/**
 * The real-time trigger's operation: it watches SEC, which Jan cannot see (its dynamic webhook needs no Administer
 * Jira, but Browse Projects), and, at first, the token lacks manage:jira-webhook.
 */
const NOT_VISIBLE = 'project-not-visible@3:27-3:48';
const LACKS_SCOPE = 'missing-scope@3:27-3:48';

interface AccountRow {
  readonly site: string;
  readonly account: string;
  readonly authType: string;
  readonly state: string;
  readonly detail?: string;
}

const accounts = async () => (await vscode.commands.executeCommand<AccountRow[]>('jiraRecipeLint.showAccounts', { quiet: true })) ?? [];

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * VS Code asks before it opens a website outside its trusted domains, and refuses to ask in tests: the user's answer
 * "Configure Trusted Domains" is an edit of this virtual file, done here for the simulated authorization server.
 */
async function trustOrigin(origin: string): Promise<void> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse('trustedDomains:/Trusted Domains'));
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(0, 0, document.lineCount, 0), JSON.stringify([origin]));
  assert.ok(await vscode.workspace.applyEdit(edit));
  assert.ok(await document.save(), 'trusted domains saved');
}

describe('a Jira Cloud account linked with OAuth 2.0', () => {
  let jira: JiraSim;
  let atlassian: AtlassianSim;
  const uri = workspaceFile(RECIPE);
  const workspaceConfig = workspaceFile(CONFIG);
  const config = () => vscode.workspace.getConfiguration('jiraRecipeLint');
  const tokenRequests = () => atlassian.requests.filter((r) => r.server === 'auth' && r.path === '/oauth/token').length;

  before(async () => {
    const root = vscode.extensions.getExtension('jira-recipe-lint.jira-recipe-lint')?.extensionPath;
    assert.ok(root, 'the extension under test');
    jira = await startJiraSim({ scenario: join(root, 'test', 'jira-sim', 'scenarios', 'demo.yaml') });
    const callbackUrl = `http://127.0.0.1:${await freePort()}/callback`;
    // Atlassian's origins are another host to VS Code, which would tunnel a URL of 127.0.0.1 or localhost opened from a
    // remote extension host (as here) to its port proxy: 127.0.0.2 is loopback all the same (the browser may reach it).
    atlassian = await startAtlassianSim({
      sites: [{ sim: jira, name: 'acme' }],
      clients: [{ ...CLIENT, callbackUrls: [callbackUrl] }],
      consentAs: 'jan@acme.example',
      host: '127.0.0.2',
    });
    await trustOrigin(atlassian.authUrl);
    // The n8n and Workato examples name no site: mapped to the other simulator, their steps don't run on this account.
    const connections = { 'Jira Cloud (acme)': SIM_URL, 'Jira acme': SIM_URL };
    await vscode.workspace.fs.writeFile(workspaceConfig, new TextEncoder().encode(JSON.stringify({ connections })));
    // What the user sets once: their integration's client id and callback, and (here) the simulator for Atlassian.
    const global = vscode.ConfigurationTarget.Global;
    await config().update('oauth.clientId', CLIENT.clientId, global);
    await config().update('oauth.callbackUrl', callbackUrl, global);
    await config().update('oauth.apiUrl', atlassian.apiUrl, global);
    await config().update('oauth.authUrl', atlassian.authUrl, global);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const file of [uri, workspaceConfig]) await vscode.workspace.fs.delete(file).then(undefined, () => undefined);
    for (const key of ['oauth.clientId', 'oauth.callbackUrl', 'oauth.apiUrl', 'oauth.authUrl'])
      await config().update(key, undefined, vscode.ConfigurationTarget.Global);
    await atlassian?.close();
    await jira?.close();
  });

  it('links through the consent in the browser, asking only for the scopes the recipes of the site need', async () => {
    const site = await vscode.commands.executeCommand('jiraRecipeLint.linkAccount', { site: jira.url, method: 'oauth2', clientSecret: CLIENT.clientSecret });
    assert.equal(site, jira.url);
    const linked = (await accounts()).find((a) => a.site === jira.url);
    assert.deepEqual([linked?.account, linked?.authType], ['Jan Donyada', 'oauth2']);
    assert.deepEqual([...atlassian.grants[0].scopes].sort(), ['offline_access', 'read:jira-user', 'read:jira-work']);
    // Only the anonymous serverInfo (is it Cloud?) goes to the site itself; the token only through the gateway.
    assert.ok(jira.requests.some((r) => r.viaGateway));
    assert.ok(
      jira.requests.every((r) => r.viaGateway || !r.hadAuthorization),
      'no credentials sent to the site itself',
    );
  });

  it('finds the missing manage:jira-webhook scope on a recipe with a real-time trigger, naming both forms', async () => {
    const text = [
      'name: Escalate through OAuth',
      'connections:',
      `  jira: { provider: jira, host: ${jira.url} }`,
      'trigger: { id: bug, event: updated_issue_webhook, input: { project: SEC } }',
      'steps:',
      '  - id: look',
      '    action: get_issue',
      '    input: { issue: ENG-1 }',
      '',
    ].join('\n');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await waitForDiagnostics(uri, [LACKS_SCOPE, NOT_VISIBLE], 'the missing scope, next to the missing permission');
    const scope = vscode.languages.getDiagnostics(uri).find((d) => d.code === 'missing-scope');
    assert.match(
      scope?.message ?? '',
      /needs the OAuth 2\.0 scopes read:jira-work, manage:jira-webhook \(classic\) or read:field:jira, read:project:jira, write:webhook:jira \(granular\)/,
    );
    assert.match(scope?.message ?? '', /link the account again to consent to it/);
  });

  it('loses the finding once linked again with the scope, without a reload', async () => {
    const site = await vscode.commands.executeCommand('jiraRecipeLint.linkAccount', { site: jira.url, method: 'oauth2' });
    assert.equal(site, jira.url);
    assert.ok(atlassian.grants[1].scopes.includes('manage:jira-webhook'), 'the second consent asked for the scope the recipe needs');
    await waitForDiagnostics(uri, [NOT_VISIBLE], 'only the permission finding');
  });

  it('refreshes an access token Jira refuses, silently', async () => {
    const before = tokenRequests();
    atlassian.expireAccessTokens();
    await vscode.commands.executeCommand('jiraRecipeLint.refreshPermissions', { site: jira.url });
    const summary = await vscode.commands.executeCommand<{ errors: number }>('jiraRecipeLint.checkPermissions', { scope: 'active', quiet: true });
    assert.equal(summary?.errors, 1);
    assert.equal(tokenRequests(), before + 1, 'one refresh');
    assert.equal((await accounts()).find((a) => a.site === jira.url)?.state, 'ok');
    assert.deepEqual(diagnosticRows(uri), [NOT_VISIBLE]);
  });

  it('asks to link again when the grant was revoked, and unlinking forgets the account', async () => {
    atlassian.revoke();
    atlassian.expireAccessTokens();
    await vscode.commands.executeCommand('jiraRecipeLint.refreshPermissions', { site: jira.url });
    await vscode.commands.executeCommand('jiraRecipeLint.checkPermissions', { scope: 'active', quiet: true });
    const failed = await waitFor(
      async () => (await accounts()).find((a) => a.site === jira.url),
      (a) => a?.state === 'auth-failed',
      'the account to be marked as refused',
    );
    assert.match(failed?.detail ?? '', /revoked or has expired.*link the account again/);
    assert.equal(await vscode.commands.executeCommand('jiraRecipeLint.unlinkAccount', { site: jira.url }), true);
    assert.equal(
      (await accounts()).find((a) => a.site === jira.url),
      undefined,
    );
    await waitFor(
      () => diagnosticRows(uri),
      (rows) => rows.length === 1 && rows[0].startsWith('unverified@2:'),
      'unverified once unlinked',
      { on: vscode.languages.onDidChangeDiagnostics },
    );
  });
});
