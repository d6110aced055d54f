import { strict as assert } from 'node:assert';
import { createServer } from 'node:http';
import * as vscode from 'vscode';
import { diagnosticRows, JAN, openRecipe, SIM_URL, waitFor, waitForDiagnostics, workspaceFile } from './util';

const ESCALATE = 'escalate-urgent-bugs.recipe.yaml';
/** The host line of the examples, which the runner pointed at the Jira simulator. */
const HOST = `unverified@7:10-7:${10 + SIM_URL.length}`;
const LINKED = ['missing-global-permission@13:9-13:30', 'missing-permission@22:101-22:107'];

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
}

/** Linking the account the recipes run as (the simulator's Jan Donyada), and what the editor then shows. */
describe('with a linked Jira account', () => {
  const uri = workspaceFile(ESCALATE);

  before(async () => {
    await openRecipe(ESCALATE);
    await waitForDiagnostics(uri, [HOST], 'unverified before linking');
  });

  it('refuses a wrong token with a clear error, and stores nothing', async () => {
    const site = await vscode.commands.executeCommand('jiraRecipeLint.linkAccount', { ...JAN, secret: 'wrong-token' });
    assert.equal(site, undefined);
    assert.deepEqual(await vscode.commands.executeCommand('jiraRecipeLint.showAccounts', { quiet: true }), []);
    await waitForDiagnostics(uri, [HOST], 'still unverified, never missing');
  });

  it('links through the command with scripted input, and the diagnostics update without a reload', async () => {
    const site = await vscode.commands.executeCommand('jiraRecipeLint.linkAccount', JAN);
    assert.equal(site, SIM_URL);
    await waitForDiagnostics(uri, LINKED, 'permission findings after linking');
    const accounts = await vscode.commands.executeCommand<{ account: string; deployment: string; authType: string; state: string }[]>(
      'jiraRecipeLint.showAccounts',
      { quiet: true },
    );
    assert.deepEqual(
      accounts?.map((a) => [a.account, a.deployment, a.authType, a.state]),
      [['Jan Donyada', 'cloud', 'api_token', 'ok']],
    );
    const close = vscode.languages.getDiagnostics(uri).find((d) => d.code === 'missing-permission');
    assert.match(
      close?.message ?? '',
      /^Step "close": Update issue status \(update_issue_status\) needs Close Issues \(CLOSE_ISSUES\) in project ENG, which Jan Donyada \(jan@acme\.example\) lacks on http:\/\/127\.0\.0\.1:\d+\./,
    );
  });

  it('keeps the findings of several open recipes with different projects, and settles without more requests', async () => {
    const ops = workspaceFile('ops-incident-evidence.recipe.yaml');
    await openRecipe('ops-incident-evidence.recipe.yaml');
    await waitForDiagnostics(ops, ['missing-permission@10:12-10:29', 'missing-permission@15:12-15:23'], 'OPS findings');
    await waitForDiagnostics(uri, LINKED, 'ENG findings still there');
    const count = async () => ((await (await fetch(`${new URL(SIM_URL).origin}/__sim/requests`)).json()) as unknown[]).length;
    const before = await count();
    // Check each of them through the command, which returns once it has its permissions: both are answered by what
    // was fetched already, one snapshot covering both recipes, so nothing more is asked of Jira.
    const summary = { files: 1, errors: 2, warnings: 0, information: 0, cancelled: false };
    assert.deepEqual(await vscode.commands.executeCommand('jiraRecipeLint.checkPermissions', { scope: 'active', quiet: true }), summary, 'OPS');
    await openRecipe(ESCALATE);
    assert.deepEqual(await vscode.commands.executeCommand('jiraRecipeLint.checkPermissions', { scope: 'active', quiet: true }), summary, 'ENG');
    assert.equal(await count(), before, 'no requests once both are checked');
    assert.deepEqual(diagnosticRows(uri), LINKED);
    assert.deepEqual(diagnosticRows(ops), ['missing-permission@10:12-10:29', 'missing-permission@15:12-15:23']);
  });

  it("explains a failing step in a hover: the permission table for the step's project and what to do", async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(22, 60));
    const text = hoverText(hovers);
    assert.match(text, /^✗ \*\*Update issue status\*\* fails as Jan Donyada on 127\.0\.0\.1:\d+\./);
    assert.match(text, /\| \| Browse Projects \| Transition Issues \| Close Issues \(for `status`\) \|\n\|---\|:-:\|:-:\|:-:\|\n\| ENG \| ✓ \| ✓ \| ✗ \|/);
    assert.match(text, /\n- ✗ \*\*Close Issues\*\* `CLOSE_ISSUES` in ENG: ask a Jira administrator, or a project administrator of ENG\.\n/);
    assert.match(text, /<summary>About `update_issue_status`, a Jira action · fetched <span title="[^"]+ UTC">(just now|\d+ min ago)<\/span><\/summary>/);
  });

  it('leaves out of the hover what the diagnostic under the pointer says', async () => {
    const close = vscode.languages.getDiagnostics(uri).find((d) => d.code === 'missing-permission');
    assert.ok(close);
    const text = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, close.range.start));
    assert.match(close.message, /This comes from the classic workflow's conditions/);
    assert.match(text, /^\| \| Browse Projects/, 'no verdict: the diagnostic gives it');
    assert.doesNotMatch(text, /classic workflow's conditions/);
  });

  it('offers the project keys the account can see', async () => {
    const file = workspaceFile('project-completion.recipe.yaml');
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode('name: x\ndefaults:\n  project: \ntrigger: { event: new_issue }\n'));
    try {
      await vscode.workspace.openTextDocument(file);
      // The project list is fetched in the background on first use; SEC is not visible to the account.
      const keys = await waitFor(
        async () => {
          const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', file, new vscode.Position(2, 11));
          return list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label)).sort();
        },
        (labels) => labels.length >= 3,
        'project completions',
      );
      assert.deepEqual(keys, ['ENG', 'OPS', 'SUP']);
    } finally {
      await vscode.workspace.fs.delete(file);
    }
  });

  it('never contacts a site that is not linked, whatever a recipe names as its host', async () => {
    let requests = 0;
    const decoy = createServer((_req, res) => {
      requests++;
      res.end('{}');
    });
    await new Promise<void>((resolve) => decoy.listen(0, '127.0.0.1', resolve));
    const port = (decoy.address() as { port: number }).port;
    const file = workspaceFile('elsewhere.recipe.yaml');
    try {
      const text = `name: Elsewhere\nconnections:\n  jira: { provider: jira, host: "http://127.0.0.1:${port}" }\ntrigger: { event: new_issue, input: { project: ENG } }\n`;
      await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(text));
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file));
      await waitForDiagnostics(file, [`unverified@2:32-2:${34 + `http://127.0.0.1:${port}`.length}`], 'unverified for the unlinked host');
      await vscode.commands.executeCommand('jiraRecipeLint.checkPermissions', { scope: 'active', quiet: true });
      assert.equal(requests, 0);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.workspace.fs.delete(file);
      decoy.close();
    }
  });

  it('switches a real-time trigger to its polling twin with a quick fix', async () => {
    const trigger = vscode.languages.getDiagnostics(uri).find((d) => d.code === 'missing-global-permission');
    assert.ok(trigger);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, trigger.range);
    assert.deepEqual(
      actions.map((a) => a.title),
      ['Switch to the polling trigger "updated_issue" (needs no Jira Administrators)', 'Copy access request for your Jira admin'],
    );
    assert.ok(actions[0].edit && (await vscode.workspace.applyEdit(actions[0].edit)));
    const document = await vscode.workspace.openTextDocument(uri);
    assert.equal(document.lineAt(13).text, '  event: updated_issue');
    await waitForDiagnostics(uri, ['missing-permission@22:101-22:107'], 'the trigger finding gone');
    await vscode.window.showTextDocument(document); // revert acts on the active editor
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitForDiagnostics(uri, LINKED, 'findings back after revert');
  });

  it('copies an access request for the Jira admin, naming the account, site, project and permission', async () => {
    const close = vscode.languages.getDiagnostics(uri).find((d) => d.code === 'missing-permission');
    assert.ok(close);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, close.range);
    const copy = actions.find((a) => a.title === 'Copy access request for your Jira admin');
    assert.ok(copy?.command);
    const text = await vscode.commands.executeCommand<string>(copy.command.command, ...(copy.command.arguments ?? []));
    assert.match(text, /Account: Jan Donyada \(jan@acme\.example\) \(Jira Cloud\)/);
    assert.match(text, /- Administer Jira \(ADMINISTER\), needed by recipe "Escalate urgent bugs", trigger bug \(updated_issue_webhook\)/);
    assert.match(
      text,
      /Project ENG \(Engineering\):\n- Close Issues \(CLOSE_ISSUES\), needed by recipe "Escalate urgent bugs", step close \(update_issue_status\)/,
    );
    assert.doesNotMatch(text, /sim-token-jan/);
    assert.equal(await vscode.env.clipboard.readText(), text);
    assert.doesNotMatch(text, /Attach monitoring evidence/, 'the quick fix asks for its own recipe only');
  });

  it('copies one access request for every recipe of the workspace, open or not', async () => {
    const text = await vscode.commands.executeCommand<string>('jiraRecipeLint.copyAccessRequest', { scope: 'workspace' });
    assert.match(text, /Close Issues \(CLOSE_ISSUES\), needed by recipe "Escalate urgent bugs", step close/);
    assert.match(text, /Create Attachments \(CREATE_ATTACHMENTS\), needed by recipe "Attach monitoring evidence to new incidents"/);
    // Never opened in this run: read from disk and checked with fresh permissions first.
    assert.match(text, /recipe "Sync new Zendesk tickets to Jira", step issue \(create_issue\)/);
    assert.match(text, /step Open support ticket \(create_issue\)/, 'the n8n workflow too');
    assert.equal(await vscode.env.clipboard.readText(), text);
  });
  it('shows a suppressed finding as a hint that says what silenced it, and offers no quick fix for it', async () => {
    const draft = workspaceFile('drafts/suppressed.recipe.yaml');
    const lines = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)).split('\n');
    lines.splice(22, 0, '      # jira-recipe-lint-disable-next-line missing-permission -- QA closes these');
    await vscode.workspace.fs.writeFile(draft, new TextEncoder().encode(lines.join('\n')));
    try {
      await openRecipe('drafts/suppressed.recipe.yaml');
      await waitForDiagnostics(draft, ['missing-global-permission@13:9-13:30', 'missing-permission@23:101-23:107'], 'the suppressed finding, as a hint');
      const diagnostics = vscode.languages.getDiagnostics(draft);
      const hint = diagnostics.find((d) => d.code === 'missing-permission');
      assert.equal(hint?.severity, vscode.DiagnosticSeverity.Hint);
      assert.match(hint?.message ?? '', /needs Close Issues .*\(suppressed by a jira-recipe-lint-disable-next-line comment\)$/);
      assert.equal(diagnostics.find((d) => d.code === 'missing-global-permission')?.severity, vscode.DiagnosticSeverity.Error);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', draft, hint.range);
      assert.ok(!actions.some((a) => a.title === 'Copy access request for your Jira admin'), actions.map((a) => a.title).join(' | '));
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.workspace.fs.delete(workspaceFile('drafts'), { recursive: true }).then(undefined, () => undefined);
    }
  });
});
