import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { SIM_URL, waitFor } from './util';

interface RequiredPermissions {
  readonly report: { sites: { site: string; account?: { label: string } }[] };
  readonly markdown: string;
}

function markdownPreviews(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && /markdown/i.test(t.input.viewType));
}

/** Show Required Permissions: the needs report of the workspace in a rendered Markdown preview, steps as links. */
describe('Show Required Permissions', () => {
  let shown: RequiredPermissions;

  before(async () => {
    shown = (await vscode.commands.executeCommand('jiraRecipeLint.showRequiredPermissions', { scope: 'workspace' })) as RequiredPermissions;
  });

  it('opens a rendered Markdown preview of what the workspace needs, held and missing for the linked account', async () => {
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
    await waitFor(markdownPreviews, (tabs) => tabs.length > 0, 'a Markdown preview tab');
  });

  it('links each step to its line in the recipe', async () => {
    const link = /\[escalate-urgent-bugs\.recipe\.yaml:23 [^\]]*\]\((file:\/\/\S+?)\)/.exec(shown.markdown)?.[1];
    assert.ok(link, 'a link to the step');
    await vscode.commands.executeCommand('vscode.open', vscode.Uri.parse(link));
    const editor = await waitFor(
      () => vscode.window.activeTextEditor,
      (e) => e?.document.uri.path.endsWith('/escalate-urgent-bugs.recipe.yaml') === true && e.selection.active.line === 22,
      'the recipe open at the step',
      { on: vscode.window.onDidChangeTextEditorSelection },
    );
    assert.match(editor?.document.lineAt(22).text ?? '', /update_issue_status/);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
