import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { diagnosticRows, waitFor, waitForDiagnostics, workspaceFile } from './util';

/** Editing a recipe with no account linked: schema and catalog checks run at once, offline. */
describe('editing a recipe (no account linked)', () => {
  const scratch = workspaceFile('drafts/scratch.recipe.yaml');
  let document: vscode.TextDocument;

  before(async () => {
    const text = [
      'name: Draft',
      'trigger:',
      '  id: bug',
      '  event: new_issue',
      '  input: { project: ENG }',
      'steps:',
      '  - action: create_coment',
      '    inputs: { isue: ENG-1, comment: hi }',
      '',
    ].join('\n');
    await vscode.workspace.fs.writeFile(scratch, new TextEncoder().encode(text));
    document = await vscode.workspace.openTextDocument(scratch);
    await vscode.window.showTextDocument(document);
  });

  after(async () => {
    // Whatever a failed test left behind.
    await vscode.workspace.fs.delete(workspaceFile('drafts'), { recursive: true }).then(undefined, () => undefined);
  });

  it('shows schema and catalog findings with exact ranges, source and code', async () => {
    await waitForDiagnostics(scratch, ['unverified@3:9-3:18', 'unknown-action@6:12-6:25', 'schema@7:4-7:10'], 'first diagnostics');
    const diagnostics = vscode.languages.getDiagnostics(scratch);
    const unknown = diagnostics.find((d) => d.code === 'unknown-action');
    assert.equal(unknown?.message, 'Unknown Jira action "create_coment". Did you mean "create_comment"?');
    assert.equal(unknown?.severity, vscode.DiagnosticSeverity.Error);
    assert.ok(diagnostics.every((d) => d.source === 'jira-recipe-lint'));
    const unverified = diagnostics.find((d) => d.code === 'unverified');
    assert.equal(unverified?.severity, vscode.DiagnosticSeverity.Information);
    assert.match(unverified?.message ?? '', /Jira permissions not verified: no linked account/);
  });

  it("completes action names with their documentation, and the input keys of the step's action", async () => {
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', scratch, new vscode.Position(6, 24));
    const comment = list.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'create_comment');
    assert.ok(comment, 'create_comment is offered');
    assert.equal(comment.detail, 'Create comment — Jira action');
    assert.match((comment.documentation as vscode.MarkdownString).value, /Needs: Browse Projects, Add Comments\./);
    const triggerList = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      scratch,
      new vscode.Position(3, 18),
    );
    const labels = triggerList.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('updated_issue_webhook') && !labels.includes('create_issue'), labels.join());
  });

  it('applies the quick fix for an unknown action and re-checks the edited text', async () => {
    const unknown = vscode.languages.getDiagnostics(scratch).find((d) => d.code === 'unknown-action');
    assert.ok(unknown);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', scratch, unknown.range);
    const fix = actions.find((a) => a.title === 'Change to "create_comment"');
    assert.ok(fix?.edit, `fix offered among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(document.lineAt(6).text, '  - action: create_comment');
    // Now a Jira step, whose inputs are checked: with `inputs` misspelt, it has none.
    await waitForDiagnostics(
      scratch,
      ['unverified@3:9-3:18', 'missing-input@6:12-6:26', 'missing-input@6:12-6:26', 'schema@7:4-7:10'],
      'diagnostics after the fix',
    );
  });

  it('applies the did-you-mean of a property the schema does not allow, then of an unknown input', async () => {
    const fixFor = async (code: string, title: string) => {
      const diagnostic = vscode.languages.getDiagnostics(scratch).find((d) => d.code === code);
      assert.ok(diagnostic, code);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', scratch, diagnostic.range);
      const fix = actions.find((a) => a.title === title);
      assert.ok(fix?.edit, `${title} offered among: ${actions.map((a) => a.title).join(' | ')}`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
    };
    await fixFor('schema', 'Change to "input"');
    assert.equal(document.lineAt(7).text, '    input: { isue: ENG-1, comment: hi }');
    await waitForDiagnostics(scratch, ['unverified@3:9-3:18', 'missing-input@7:4-7:9', 'unknown-input@7:13-7:17'], 'the misspelt input');
    const unknown = vscode.languages.getDiagnostics(scratch).find((d) => d.code === 'unknown-input');
    assert.equal(unknown?.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(unknown?.message ?? '', /has no input "isue"\. Did you mean "issue"\?/);
    await fixFor('unknown-input', 'Change to "issue"');
    assert.equal(document.lineAt(7).text, '    input: { issue: ENG-1, comment: hi }');
    await waitForDiagnostics(scratch, ['unverified@3:9-3:18'], 'diagnostics after both fixes');
  });

  it('re-checks while typing: a duplicate id appears on the later step', async () => {
    const edit = new vscode.WorkspaceEdit();
    edit.insert(scratch, new vscode.Position(8, 0), '  - { id: bug, action: get_issue, input: { issue: ENG-2 } }\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitForDiagnostics(scratch, ['unverified@3:9-3:18', 'duplicate-id@8:10-8:13'], 'duplicate id');
  });

  it('leaves other YAML files alone', async () => {
    const text = new TextEncoder().encode('steps:\n  - action: nothing_we_know\n');
    const other = workspaceFile('not-a-recipe.yaml');
    // The same text in a recipe, opened after it: once its findings are in, the other file has been seen too (files
    // are checked as they open, in order), and it got none.
    const recipe = workspaceFile('drafts/same-text.recipe.yaml');
    await vscode.workspace.fs.writeFile(other, text);
    await vscode.workspace.fs.writeFile(recipe, text);
    try {
      await vscode.workspace.openTextDocument(other);
      await vscode.workspace.openTextDocument(recipe);
      await waitFor(
        () => diagnosticRows(recipe),
        (rows) => rows.includes('unknown-action@1:12-1:27'),
        'the findings of the same text in a recipe',
        { on: vscode.languages.onDidChangeDiagnostics },
      );
      assert.deepEqual(diagnosticRows(other), []);
    } finally {
      await vscode.workspace.fs.delete(other);
      await vscode.workspace.fs.delete(recipe);
    }
  });

  it('follows the file on disk when the editor closes with its changes discarded', async () => {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    // On disk the step still has its typo: the unknown action is back, the duplicate id gone.
    await waitForDiagnostics(scratch, ['unverified@3:9-3:18', 'unknown-action@6:12-6:25', 'schema@7:4-7:10'], 'the findings of the file on disk');
  });

  it('drops the findings of a deleted recipe', async () => {
    await vscode.workspace.fs.delete(workspaceFile('drafts'), { recursive: true });
    await waitForDiagnostics(scratch, [], 'no findings for a deleted file');
  });
});
