// Runs in the real extension host: the `vscode` module is VS Code's own API.
const assert = require('assert');
const vscode = require('vscode');

suite('vscode-here harness', () => {
  test('extension host sees the real vscode API, the workspace and env passed with --env', async () => {
    assert.match(vscode.version, /^1\.\d+\.\d+$/);
    assert.strictEqual(process.env.HARNESS_SELFTEST_VALUE, 'passed through --env');
    assert.ok(vscode.workspace.isTrusted, 'workspace trust is off, so the folder counts as trusted');

    const [file] = await vscode.workspace.findFiles('notes.txt');
    assert.ok(file, 'notes.txt is in the opened workspace folder');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file));

    const ext = vscode.extensions.getExtension('jira-recipe-lint.harness-selftest');
    await ext.activate();
    assert.strictEqual(await vscode.commands.executeCommand('harnessSelftest.countTodos'), 2);
    const lines = vscode.languages.getDiagnostics(file).map((d) => d.range.start.line);
    assert.deepStrictEqual(lines, [1, 3]);
  });
});
