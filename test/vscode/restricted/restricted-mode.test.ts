import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { SIM_URL, waitForDiagnostics, workspaceFile } from '../suite/util';

/**
 * Restricted mode: the workspace is untrusted, yet an account is offered through the environment. Schema and catalog
 * checks run; permissions are not checked and Jira is not contacted at all.
 */
describe('in an untrusted workspace (restricted mode)', () => {
  it('runs, untrusted', () => {
    assert.equal(vscode.workspace.isTrusted, false);
  });

  it('shows schema and catalog findings, and no permission findings', async () => {
    const file = workspaceFile('restricted.recipe.yaml');
    const text =
      'name: Restricted\ntrigger: { event: updated_issue_webhook, input: { project: ENG } }\nsteps:\n  - action: create_coment\n    input: { issue: ENG-1 }\n';
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(text));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file));
    await waitForDiagnostics(file, ['unknown-action@3:12-3:25'], 'catalog findings only');
    const escalate = workspaceFile('escalate-urgent-bugs.recipe.yaml');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(escalate));
    // A full check of it, which returns once its findings are published: none, though the environment offers an
    // account that lacks two of its permissions.
    const summary = await vscode.commands.executeCommand('jiraRecipeLint.checkPermissions', { scope: 'active', quiet: true });
    assert.deepEqual(summary, { files: 1, errors: 0, warnings: 0, information: 0, cancelled: false });
    await waitForDiagnostics(escalate, [], 'no permission findings for a recipe that is otherwise fine');
  });

  it('has contacted no Jira site', async () => {
    const response = await fetch(`${new URL(SIM_URL).origin}/__sim/requests`);
    assert.deepEqual(await response.json(), []);
  });
});
