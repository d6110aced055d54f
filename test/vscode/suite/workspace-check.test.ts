import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ALANA, diagnosticRows, JAN, SIM_URL, unlinkAll, waitFor, waitForDiagnostics, workspaceFile } from './util';

interface SimRequest {
  readonly path: string;
}

async function simRequests(): Promise<SimRequest[]> {
  const response = await fetch(`${new URL(SIM_URL).origin}/__sim/requests`);
  return (await response.json()) as SimRequest[];
}

/** Check Recipe Permissions over the whole workspace, the cache behind it, refresh, export and unlink. */
describe('Check Recipe Permissions on the workspace', () => {
  it('checks every recipe, puts the findings in the Problems panel and sums them up like the CLI', async () => {
    const summary = await vscode.commands.executeCommand('jiraRecipeLint.checkPermissions', { scope: 'workspace', quiet: true });
    // The six YAML recipes and the two JSON ones (the n8n workflow and the Workato recipe, 2 errors each).
    assert.deepEqual(summary, { files: 8, errors: 13, warnings: 0, information: 0, cancelled: false });
    // A file that was never opened gets its diagnostics too.
    assert.deepEqual(diagnosticRows(workspaceFile('sprint-rollover.recipe.yaml')), ['missing-permission@12:12-12:25', 'missing-permission@15:12-15:26']);
    assert.deepEqual(diagnosticRows(workspaceFile('weekly-support-digest.recipe.yaml')), []);
  });

  it('reports an alias bomb and a huge file each with a finding of its own, and checks every other recipe as before', async () => {
    const bomb = workspaceFile('hostile/bomb.recipe.yaml');
    const huge = workspaceFile('hostile/huge.recipe.yaml');
    const anchors = ['a0: &a0 [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 10; i++)
      anchors.push(
        `a${i}: &a${i} [${Array(9)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    await vscode.workspace.fs.writeFile(bomb, new TextEncoder().encode(`name: bomb\n${anchors.join('\n')}\ntrigger: { event: new_issue }\n`));
    await vscode.workspace.fs.writeFile(huge, new TextEncoder().encode(`name: huge\n${'#'.repeat(6 * 1024 * 1024)}\n`));
    try {
      const summary = await vscode.commands.executeCommand('jiraRecipeLint.checkPermissions', { scope: 'workspace', quiet: true });
      assert.deepEqual(summary, { files: 10, errors: 15, warnings: 0, information: 0, cancelled: false });
      assert.deepEqual(diagnosticRows(bomb), ['yaml-syntax@0:0-0:0']);
      assert.deepEqual(diagnosticRows(huge), ['unreadable-file@0:0-0:0']);
      assert.deepEqual(diagnosticRows(workspaceFile('sprint-rollover.recipe.yaml')), ['missing-permission@12:12-12:25', 'missing-permission@15:12-15:26']);
      // Opened in an editor, the bomb is checked as it is typed in, with the same finding.
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(bomb));
      await waitForDiagnostics(bomb, ['yaml-syntax@0:0-0:0'], 'the open alias bomb');
      const [diagnostic] = vscode.languages.getDiagnostics(bomb);
      assert.match(diagnostic.message, /^The YAML parser refused the file: Excessive alias count/);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.workspace.fs.delete(workspaceFile('hostile'), { recursive: true });
    }
    await waitForDiagnostics(bomb, [], 'no findings once the files are gone');
  });

  it('makes no request to Jira when checked again within the cache lifetime, and fetches again on refresh', async () => {
    const before = (await simRequests()).length;
    await vscode.commands.executeCommand('jiraRecipeLint.checkPermissions', { scope: 'workspace', quiet: true });
    assert.equal((await simRequests()).length, before, 'no request within the lifetime');
    await vscode.commands.executeCommand('jiraRecipeLint.refreshPermissions');
    await vscode.commands.executeCommand('jiraRecipeLint.checkPermissions', { scope: 'workspace', quiet: true });
    const after = await simRequests();
    assert.ok(after.length > before, 'refresh fetched again');
    assert.ok(after.slice(before).some((r) => r.path.endsWith('/mypermissions') || r.path.endsWith('/permissions/check')));
  });

  it('exports a permission snapshot for CI that holds no secret', async () => {
    const file = workspaceFile('exported.snapshot.json');
    await vscode.commands.executeCommand('jiraRecipeLint.exportSnapshot', { site: SIM_URL, file });
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
    const snapshot = JSON.parse(text);
    assert.equal(snapshot.site, SIM_URL);
    assert.equal(snapshot.account.displayName, 'Jan Donyada');
    assert.equal(snapshot.projects.ENG.permissions.CLOSE_ISSUES, false);
    assert.equal(snapshot.projects.SEC.visible, false);
    assert.doesNotMatch(text, /sim-token-jan/);
    await vscode.workspace.fs.delete(file);
  });

  it('flags a literal issue the account cannot see on its value, checked on the issue itself', async () => {
    // ENG-9 sits under the security level Top-secret, whose members are ENG's Administrators: Jan is not one.
    const file = workspaceFile('hidden-issue.recipe.yaml');
    const text = [
      'name: Rotate the signing keys',
      'connections:',
      `  jira: { provider: jira, host: ${SIM_URL} }`,
      'trigger: { event: new_issue, input: { project: ENG } }',
      'steps:',
      '  - id: look',
      '    action: get_issue',
      '    input: { issue: ENG-9 }',
      '',
    ].join('\n');
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(text));
    try {
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file));
      await waitForDiagnostics(file, ['issue-not-visible@7:20-7:25'], 'the hidden issue flagged');
      assert.match(
        vscode.languages.getDiagnostics(file)[0].message,
        /works on ENG-9, which Jan Donyada \(jan@acme\.example\) cannot see in project ENG .*: ENG-9 doesn't exist, or sits under an issue security level Jan Donyada isn't in\./,
      );
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.workspace.fs.delete(file);
    }
  });

  it('hints, after a workspace check, that an account holding Administer Jira that no recipe needs holds too much; the hint goes once one needs it', async () => {
    // Alana is a Jira administrator. The recipes with real-time triggers register webhooks, which needs that: set aside.
    const webhooks = ['escalate-urgent-bugs.recipe.yaml', 'incident-to-support-ticket.workflow.json', 'support-bug-escalation.recipe.json'].map(workspaceFile);
    const kept = await Promise.all(webhooks.map((uri) => vscode.workspace.fs.readFile(uri)));
    const evidence = workspaceFile('ops-incident-evidence.recipe.yaml');
    const hint = `account-over-privileged@3:32-3:${32 + SIM_URL.length}`;
    const hints = () =>
      vscode.languages
        .getDiagnostics()
        .flatMap(([uri, diagnostics]) =>
          diagnostics.filter((d) => d.code === 'account-over-privileged').map((d) => `${path.basename(uri.path)} ${d.range.start.line}`),
        );
    const evidenceHint = () => diagnosticRows(evidence).filter((r) => r.startsWith('account-over-privileged'));
    assert.equal(await vscode.commands.executeCommand('jiraRecipeLint.linkAccount', ALANA), SIM_URL);
    try {
      await vscode.commands.executeCommand('jiraRecipeLint.checkPermissions', { scope: 'workspace', quiet: true });
      assert.deepEqual(hints(), [], 'the webhooks need Administer Jira');
      for (const uri of webhooks) await vscode.workspace.fs.delete(uri);
      const summary = (await vscode.commands.executeCommand('jiraRecipeLint.checkPermissions', { scope: 'workspace', quiet: true })) as {
        files: number;
        information: number;
      };
      // Information: the hint, and the sprint step, whose board names no project Alana may browse.
      assert.deepEqual([summary.files, summary.information], [5, 2]);
      // One hint for the site, on the connection of the first recipe by path.
      await waitFor(evidenceHint, (rows) => rows.length === 1 && rows[0] === hint, 'the hint on ops-incident-evidence', {
        on: vscode.languages.onDidChangeDiagnostics,
      });
      assert.deepEqual(hints(), ['ops-incident-evidence.recipe.yaml 3']);
      const [diagnostic] = vscode.languages.getDiagnostics(evidence).filter((d) => d.code === 'account-over-privileged');
      assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Information);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', evidence, diagnostic.range);
      assert.deepEqual(
        actions.filter((a) => a.command?.command === 'jiraRecipeLint.showRequiredPermissions').map((a) => [a.title, a.command?.arguments]),
        [['Show the permissions the recipes need', [{ scope: 'workspace' }]]],
      );
      assert.match(
        diagnostic.message,
        /^Connection "jira": Alana Grant \(alana@acme\.example\) holds Administer Jira \(ADMINISTER\) on \S+, which none of the 5 recipes checked that run on this site needs\. .*Show Required Permissions/,
      );
      // A recipe created beside them that registers a webhook needs it after all: the hint goes, and is back once
      // that recipe is deleted, without another check.
      const created = workspaceFile('created-webhook.recipe.yaml');
      const webhook = ['name: Created', 'connections:', `  jira: { provider: jira, host: ${SIM_URL} }`, 'trigger: { event: updated_issue_webhook }', ''];
      await vscode.workspace.fs.writeFile(created, new TextEncoder().encode(webhook.join('\n')));
      await waitFor(evidenceHint, (rows) => rows.length === 0, 'no hint once a created recipe registers a webhook', {
        on: vscode.languages.onDidChangeDiagnostics,
      });
      await vscode.workspace.fs.delete(created);
      await waitFor(evidenceHint, (rows) => rows.length === 1, 'the hint back once that recipe is deleted', { on: vscode.languages.onDidChangeDiagnostics });
      // Typed into a real-time trigger, the recipe needs it after all: the hint goes, without another check.
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(evidence));
      const line = editor.document.lineAt(6);
      assert.equal(line.text, '  event: new_issue');
      await editor.edit((edit) => edit.replace(line.range, '  event: updated_issue_webhook'));
      await waitFor(evidenceHint, (rows) => rows.length === 0, 'no hint once a recipe registers a webhook', { on: vscode.languages.onDidChangeDiagnostics });
      assert.deepEqual(hints(), []);
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await Promise.all(webhooks.map((uri, i) => vscode.workspace.fs.writeFile(uri, kept[i])));
      assert.equal(await vscode.commands.executeCommand('jiraRecipeLint.linkAccount', JAN), SIM_URL);
    }
    // Back as before: every recipe held again, checked for Jan.
    const summary = await vscode.commands.executeCommand('jiraRecipeLint.checkPermissions', { scope: 'workspace', quiet: true });
    assert.deepEqual(summary, { files: 8, errors: 13, warnings: 0, information: 0, cancelled: false });
    assert.deepEqual(hints(), []);
  });

  it('goes back to unverified when the account is unlinked, without a reload', async () => {
    await unlinkAll();
    const uri = workspaceFile('escalate-urgent-bugs.recipe.yaml');
    await waitForDiagnostics(uri, [`unverified@7:10-7:${10 + SIM_URL.length}`], 'unverified after unlinking');
    assert.deepEqual(await vscode.commands.executeCommand('jiraRecipeLint.showAccounts', { quiet: true }), []);
  });
});
