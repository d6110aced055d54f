import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { SIM_URL, waitFor, workspaceFile } from './util';

interface RequiredPermissions {
  readonly report: { sites: { site: string; account?: { label: string } }[] };
  readonly markdown: string;
  readonly html: string;
}

interface ShownRequiredPermissions extends RequiredPermissions {
  readonly viewType: string;
  readonly receive: (message: { type: string; step?: number }) => Promise<void>;
  readonly current: () => RequiredPermissions | undefined;
  readonly onDidRender: vscode.Event<RequiredPermissions>;
}

function panelTabs(viewType: string): vscode.Tab[] {
  // VS Code prefixes an extension's view type (`mainThreadWebview-…`).
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith(viewType));
}

/** The index a step's link posts, from the panel's HTML. */
function stepIndex(html: string, text: RegExp): number {
  const links = [...html.matchAll(/<a href="#step-(\d+)">([^<]*)<\/a>/g)];
  const found = links.find((m) => text.test(m[2]));
  assert.ok(found, `a link to ${text}`);
  return Number(found[1]);
}

const show = async () => (await vscode.commands.executeCommand('jiraRecipeLint.showRequiredPermissions', { scope: 'workspace' })) as ShownRequiredPermissions;

/** Show Required Permissions: the needs report of the workspace in a webview panel that follows the theme. */
describe('Show Required Permissions', () => {
  let shown: ShownRequiredPermissions;

  before(async () => {
    shown = await show();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens one panel of what the workspace needs, held and missing for the linked account', async () => {
    assert.deepEqual(
      shown.report.sites.map((s) => [s.site, s.account?.label]),
      [[SIM_URL, 'Jan Donyada (jan@acme.example)']],
    );
    assert.match(shown.markdown, /^\| Administer Jira \(ADMINISTER\) \| .*updated_issue_webhook.* \| ❌ missing \|$/m);
    assert.match(
      shown.markdown,
      /^\| Close Issues \(CLOSE_ISSUES\) \| \[escalate-urgent-bugs\.recipe\.yaml:23 Step "close" \(update_issue_status\), because input status is set\]\(file:\/\/\S+#L23\)/m,
    );
    assert.match(shown.markdown, /^\| Add Comments \(ADD_COMMENTS\) \| .* \| ✅ held \|$/m);
    // The same rows, rendered: a table row per permission, each step a link the panel answers.
    assert.match(shown.html, /<tr>\s*<td>Administer Jira \(ADMINISTER\)<\/td>\s*<td>.*updated_issue_webhook.*<\/td>\s*<td>❌ missing<\/td>\s*<\/tr>/);
    assert.match(shown.html, /<td>Close Issues \(CLOSE_ISSUES\)<\/td>\s*<td><a href="#step-\d+">escalate-urgent-bugs\.recipe\.yaml:23 Step &quot;close&quot;/);
    // Strict: nothing runs or loads but the page's own nonce'd style and script, and nothing remote.
    const nonce = /script-src 'nonce-([^']+)'/.exec(shown.html)?.[1];
    assert.ok(nonce, 'a nonce in the CSP');
    assert.match(shown.html, /content="default-src 'none'; style-src 'nonce-[^']+'; script-src 'nonce-[^']+';"/);
    assert.equal([...shown.html.matchAll(/<script nonce="([^"]+)">/g)].map((m) => m[1]).join(), nonce);
    assert.doesNotMatch(shown.html, /\b(src|href)="(https?:)?\/\//);
    assert.doesNotMatch(shown.html, /#[0-9a-f]{3,6}\b|rgb\(/i, 'colours only from the theme');
    await waitFor(
      () => panelTabs(shown.viewType),
      (tabs) => tabs.length === 1,
      'the panel tab',
    );
    // Shown again, the same panel is reused.
    shown = await show();
    await waitFor(
      () => panelTabs(shown.viewType),
      (tabs) => tabs.length === 1,
      'still one panel tab',
    );
  });

  it('opens a step at its line when its link is clicked', async () => {
    await shown.receive({ type: 'openStep', step: stepIndex(shown.html, /^escalate-urgent-bugs\.recipe\.yaml:23 /) });
    const editor = await waitFor(
      () => vscode.window.activeTextEditor,
      (e) => e?.document.uri.path.endsWith('/escalate-urgent-bugs.recipe.yaml') === true && e.selection.active.line === 22,
      'the recipe open at the step',
      { on: vscode.window.onDidChangeTextEditorSelection },
    );
    assert.equal(editor?.selection.start.line, 22);
    assert.match(editor?.document.getText(editor.selection) ?? '', /update_issue_status/);
  });

  it('copies the Markdown report, the scheme JSON and the access request for the workspace', async () => {
    await shown.receive({ type: 'copyMarkdown' });
    const markdown = await vscode.env.clipboard.readText();
    assert.match(markdown, /^# Jira permissions these recipes need\n/);
    // For a ticket: the steps as text, no links into this machine's files.
    assert.match(
      markdown,
      /^\| Close Issues \(CLOSE_ISSUES\) \| escalate-urgent-bugs\.recipe\.yaml:23 Step "close" \(update_issue_status\), because input status is set/m,
    );
    assert.doesNotMatch(markdown, /file:|#step-/);

    await shown.receive({ type: 'copySchemeJson' });
    const scheme = JSON.parse(await vscode.env.clipboard.readText()) as { name: string; permissions: { holder: unknown; permission: string }[] };
    assert.equal(scheme.name, 'Integration (least privilege)');
    assert.deepEqual(
      scheme.permissions.find((p) => p.permission === 'CLOSE_ISSUES'),
      { holder: { type: 'projectRole', parameter: 'ROLE_ID' }, permission: 'CLOSE_ISSUES' },
    );

    await vscode.env.clipboard.writeText('');
    await shown.receive({ type: 'copyAccessRequest' });
    const request = await vscode.env.clipboard.readText();
    assert.match(request, /Close Issues \(CLOSE_ISSUES\), needed by recipe "Escalate urgent bugs", step close/);
    assert.match(request, /step Open support ticket \(create_issue\)/, 'every recipe of the workspace, the n8n workflow too');
  });

  it('shows the active recipe alone, and copies the access request for it', async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceFile('escalate-urgent-bugs.recipe.yaml')));
    const one = (await vscode.commands.executeCommand('jiraRecipeLint.showRequiredPermissions', { scope: 'active' })) as ShownRequiredPermissions & {
      report: { recipes: string[] };
    };
    assert.deepEqual(one.report.recipes, ['escalate-urgent-bugs.recipe.yaml']);
    await waitFor(
      () => panelTabs(one.viewType),
      (tabs) => tabs.length === 1,
      'the same one panel',
    );
    await vscode.env.clipboard.writeText('');
    await one.receive({ type: 'copyAccessRequest' });
    const request = await vscode.env.clipboard.readText();
    assert.match(request, /Close Issues \(CLOSE_ISSUES\), needed by recipe "Escalate urgent bugs", step close/);
    assert.doesNotMatch(request, /Open support ticket/, 'this recipe only');
    shown = await show();
  });

  it('renders again when a recipe changes', async () => {
    const file = workspaceFile('panel-refresh.recipe.yaml');
    const text = [
      'name: Panel refresh',
      'connections:',
      `  jira: { provider: jira, host: ${SIM_URL} }`,
      'trigger: { event: new_issue, input: { project: ENG } }',
      '',
    ].join('\n');
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(text));
    try {
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file));
      await editor.edit((edit) => edit.insert(new vscode.Position(4, 0), 'steps:\n  - action: delete_issue\n    input: { issue: "{{ trigger.key }}" }\n'));
      const rendered = await waitFor(
        () => shown.current(),
        (r) => /^\| Delete Issues \(DELETE_ISSUES\) \| \[panel-refresh\.recipe\.yaml:6 /m.test(r?.markdown ?? ''),
        'the panel with the new step',
        { on: shown.onDidRender },
      );
      assert.match(rendered?.html ?? '', /<td>Delete Issues \(DELETE_ISSUES\)<\/td>/);
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await vscode.workspace.fs.delete(file);
    }
    await waitFor(
      () => shown.current(),
      (r) => !/panel-refresh/.test(r?.markdown ?? 'panel-refresh'),
      'the panel without the deleted recipe',
      { on: shown.onDidRender },
    );
  });
});
