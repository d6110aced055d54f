import { strict as assert } from 'node:assert';
import { createServer, type Server } from 'node:http';
import * as vscode from 'vscode';
import { diagnosticRows, JAN, openRecipe, SIM_URL, unlinkAll, waitForDiagnostics, workspaceFile } from './util';

const N8N = 'incident-to-support-ticket.workflow.json';
const WORKATO = 'support-bug-escalation.recipe.json';
const CONFIG = '.jira-recipe-lint.json';

/** The n8n workflow with no account: unverified on the credential's name ("Jira Cloud (acme)"). */
const N8N_UNVERIFIED = ['unverified@19:18-19:37'];
/** With Jan's account: the Jira Trigger's "type" value, and the "reporter" key of "Open support ticket". */
const N8N_LINKED = ['missing-global-permission@12:14-12:42', 'missing-permission@62:10-62:20'];
/** With Jan's account: the trigger's "name" value, and the "status" key of "Close the duplicate". */
const WORKATO_LINKED = ['missing-global-permission@9:12-9:35', 'missing-permission@182:18-182:26'];

/** A Jira node whose operation is misspelt, as n8n would save it; the typo is on line 6, inside its quotes. */
const TYPO_WORKFLOW = `${JSON.stringify(
  {
    name: 'Typo',
    nodes: [
      {
        parameters: { resource: 'issue', operation: 'updat', issueKey: 'ENG-1', updateFields: {} },
        id: '3b1c9e2a-5d47-4f80-a6e1-7c2d9b0f4e35',
        name: 'Update it',
        type: 'n8n-nodes-base.jira',
        typeVersion: 1,
        position: [0, 0],
        credentials: { jiraSoftwareCloudApi: { id: 'Qm3vT8kPzL1xYw2a', name: 'Jira Cloud (acme)' } },
      },
    ],
    connections: {},
  },
  null,
  2,
)}\n`;
const TYPO = ['unknown-action@6:22-6:27'];

/**
 * Ordinary JSON that a cheap look can't rule out: an n8n community node's package.json, which names n8n-nodes-base
 * and lists its "nodes", but is no workflow.
 */
const COMMUNITY_PACKAGE = `${JSON.stringify(
  {
    name: 'n8n-nodes-acme-jira-helpers',
    version: '0.1.0',
    description: 'Helper nodes to use next to n8n-nodes-base.jira',
    keywords: ['n8n-community-node-package'],
    n8n: { n8nNodesApiVersion: 1, credentials: [], nodes: ['dist/nodes/JiraHelpers/JiraHelpers.node.js'] },
    peerDependencies: { 'n8n-workflow': '*' },
  },
  null,
  2,
)}\n`;

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
}

async function hoverAt(uri: vscode.Uri, line: number, character: number): Promise<string> {
  return hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(line, character)));
}

async function writeText(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

async function deleteQuietly(uri: vscode.Uri): Promise<void> {
  await vscode.workspace.fs.delete(uri, { recursive: true }).then(undefined, () => undefined);
}

function message(uri: vscode.Uri, code: string): string {
  return vscode.languages.getDiagnostics(uri).find((d) => d.source === 'jira-recipe-lint' && d.code === code)?.message ?? '';
}

/**
 * n8n workflows and Workato recipe exports, end to end: they stay `json`, and get diagnostics, hovers, quick fixes,
 * access requests and the workspace check against the Jira simulator, the site mapped by the workspace file. Runs
 * last; starts and ends with no account linked, as the workspace check leaves it.
 */
describe('n8n workflows and Workato recipes (JSON)', () => {
  const n8n = workspaceFile(N8N);
  const workato = workspaceFile(WORKATO);
  const config = workspaceFile(CONFIG);
  const typo = workspaceFile('typo.workflow.json');
  const communityFolder = workspaceFile('n8n-nodes-acme-jira-helpers');
  const community = workspaceFile('n8n-nodes-acme-jira-helpers/package.json');
  const later = workspaceFile('opened-later.workflow.json');

  before(async () => {
    await unlinkAll();
    await deleteQuietly(config);
  });

  after(async () => {
    // Whatever a failed test left behind; the restricted-mode suite runs next in this workspace.
    for (const uri of [config, typo, communityFolder, later]) await deleteQuietly(uri);
    await unlinkAll();
  });

  it('keeps an n8n workflow as json and shows its findings once an account is linked, with advice in n8n terms', async () => {
    const document = await openRecipe(N8N);
    assert.equal(document.languageId, 'json');
    await waitForDiagnostics(n8n, N8N_UNVERIFIED, 'unverified before linking');
    assert.equal(message(n8n, 'unverified'), 'Connection "Jira Cloud (acme)": Jira permissions not verified: no linked account or permission snapshot.');

    assert.equal(await vscode.commands.executeCommand('jiraRecipeLint.linkAccount', JAN), SIM_URL);
    await waitForDiagnostics(n8n, N8N_LINKED, 'permission findings after linking');
    assert.equal(
      message(n8n, 'missing-global-permission'),
      `Trigger "Jira Trigger": New/updated issue (real-time) (updated_issue_webhook) registers a Jira webhook, which needs the global permission Administer Jira (ADMINISTER); Jan Donyada (jan@acme.example) lacks it on ${SIM_URL}. In n8n, ask a Jira administrator to register the webhook (Jira settings → System → WebHooks) and receive it with a Webhook node, or poll instead with a Schedule Trigger and the Jira node's "Get many issues".`,
    );
    assert.equal(
      message(n8n, 'missing-permission'),
      `Step "Open support ticket": Create issue (create_issue) needs Modify Reporter (MODIFY_REPORTER) in project SUP, which Jan Donyada (jan@acme.example) lacks on ${SIM_URL}. Setting the reporter needs Modify Reporter.`,
    );
    assert.equal(vscode.languages.getDiagnostics(n8n).find((d) => d.code === 'missing-permission')?.severity, vscode.DiagnosticSeverity.Error);
  });

  it('explains an n8n node in a hover on its type: the permission table for its project, named by id in the workflow', async () => {
    // "Open support ticket" names its project by id (10002); the table shows it by key.
    const create = await hoverAt(n8n, 72, 20);
    assert.ok(create.startsWith(`✗ **Create issue** fails as Jan Donyada on ${new URL(SIM_URL).host}.`), create);
    assert.match(create, /\| \| Browse Projects \| Create Issues \|.* Modify Reporter \(for `reporter`\) \|/);
    assert.match(create, /\| SUP \| ✓ \| ✓ \|.* ✗ \|/);
    assert.match(create, /<summary>About `create_issue`, a Jira action · fetched <span title="[^"]+ UTC">(just now|\d+ min ago)<\/span><\/summary>/);
    assert.match(create, /- ✗ \*\*Modify Reporter\*\* `MODIFY_REPORTER` in SUP: /);
    assert.match(create, /- Modify Reporter: setting the reporter needs Modify Reporter\./);
    // Registering the trigger's webhook needs Administer Jira only, whatever project its JQL filters to.
    const trigger = await hoverAt(n8n, 12, 30);
    assert.match(trigger, /<summary>About `updated_issue_webhook`, a Jira real-time trigger/);
    assert.match(trigger, /- ✗ \*\*Administer Jira\*\* `ADMINISTER` \(global\)/);
    assert.doesNotMatch(trigger, /BROWSE_PROJECTS/);
    // Other nodes (the Slack one) have no hover from us.
    assert.doesNotMatch(await hoverAt(n8n, 155, 20), /Jira (action|real-time trigger)/);
  });

  it('checks a Workato recipe: findings, a hover on the step name, and an access request naming what to grant', async () => {
    const document = await openRecipe(WORKATO);
    assert.equal(document.languageId, 'json');
    await waitForDiagnostics(workato, WORKATO_LINKED, 'Workato findings with the linked account');
    assert.equal(
      message(workato, 'missing-global-permission'),
      `Trigger "New or updated bug in Support": New/updated issue (real-time) (updated_issue_webhook) registers a Jira webhook, which needs the global permission Administer Jira (ADMINISTER); Jan Donyada (jan@acme.example) lacks it on ${SIM_URL}. In Workato, ask a Jira administrator to register the webhook by hand (Jira administration → System → WebHooks) and start the recipe with the Webhooks connector's "New event" trigger, or switch to the polling trigger "New/updated issue" (updated_issue).`,
    );
    assert.equal(
      message(workato, 'missing-permission'),
      `Step "Close the duplicate": Update issue status (update_issue_status) needs Close Issues (CLOSE_ISSUES) in project ENG, which Jan Donyada (jan@acme.example) lacks on ${SIM_URL}. This comes from the classic workflow's conditions: its close transitions need Close Issues (a custom workflow may differ).`,
    );

    // The step inside foreach → if works on issues of the ENG search before it.
    const hover = await hoverAt(workato, 176, 30);
    assert.match(hover, /^✗ \*\*Update issue status\*\* fails as Jan Donyada/);
    assert.match(hover, /\| \| Browse Projects \| Transition Issues \| Close Issues \(for `status`\) \|\n\|---\|:-:\|:-:\|:-:\|\n\| ENG \| ✓ \| ✓ \| ✗ \|/);

    const text = await vscode.commands.executeCommand<string>('jiraRecipeLint.copyAccessRequest', { uri: workato });
    assert.ok(text.includes(`Site: ${SIM_URL}\nAccount: Jan Donyada (jan@acme.example) (Jira Cloud)`), text);
    assert.match(
      text,
      /Global permissions \(Jira administration → System → Global permissions\):\n- Administer Jira \(ADMINISTER\), needed by recipe "Escalate Support bugs to Engineering", trigger 3f9a1c07 \(updated_issue_webhook\)\n/,
    );
    assert.match(
      text,
      /Project ENG \(Engineering\):\n- Close Issues \(CLOSE_ISSUES\), needed by recipe "Escalate Support bugs to Engineering", step f3a8d6c4 \(update_issue_status\)/,
    );
    // Only this recipe: the n8n workflow's Modify Reporter in SUP is not asked for.
    assert.doesNotMatch(text, /MODIFY_REPORTER|Project SUP/);
    assert.doesNotMatch(text, /sim-token-jan/);
    assert.equal(await vscode.env.clipboard.readText(), text);
  });

  it('follows .jira-recipe-lint.json: a credential mapped to a site with no account is unverified, never missing, and no site is contacted', async () => {
    let requests = 0;
    const decoy: Server = createServer((_req, res) => {
      requests++;
      res.end('{}');
    });
    await new Promise<void>((resolve) => decoy.listen(0, '127.0.0.1', resolve));
    const elsewhere = `http://127.0.0.1:${(decoy.address() as { port: number }).port}`;
    const mapTo = (site: string) => writeText(config, `${JSON.stringify({ connections: { 'Jira Cloud (acme)': site } }, null, 2)}\n`);
    try {
      await mapTo(elsewhere);
      await waitForDiagnostics(n8n, N8N_UNVERIFIED, 'unverified once the credential is mapped to a site without an account');
      assert.equal(
        message(n8n, 'unverified'),
        `Connection "Jira Cloud (acme)": Jira permissions not verified: no linked account or permission snapshot for ${elsewhere}.`,
      );
      // The mapping is by name: the Workato recipe's connection "Jira acme" still runs as the only linked account.
      assert.deepEqual(diagnosticRows(workato), WORKATO_LINKED);
      await openRecipe(N8N);
      assert.deepEqual(await vscode.commands.executeCommand('jiraRecipeLint.checkPermissions', { scope: 'active', quiet: true }), {
        files: 1,
        errors: 0,
        warnings: 0,
        information: 1,
        cancelled: false,
      });
      assert.equal(requests, 0, 'the mapped site was never contacted');

      await mapTo(SIM_URL);
      await waitForDiagnostics(n8n, N8N_LINKED, 'findings back once the credential is mapped to the linked site');

      // Removing the file is followed too: map elsewhere again, then delete, and the only linked account is used.
      await mapTo(elsewhere);
      await waitForDiagnostics(n8n, N8N_UNVERIFIED, 'unverified again');
      await vscode.workspace.fs.delete(config);
      await waitForDiagnostics(n8n, N8N_LINKED, 'findings back once the workspace file is gone');
      assert.equal(requests, 0);
    } finally {
      await deleteQuietly(config);
      decoy.close();
    }
  });

  it('fixes a misspelt n8n operation with a quick fix, and the finding goes away', async () => {
    await writeText(typo, TYPO_WORKFLOW);
    try {
      const document = await openRecipe('typo.workflow.json');
      await waitForDiagnostics(typo, TYPO, 'the unknown operation');
      assert.equal(
        message(typo, 'unknown-action'),
        'Jira node "Update it": unknown operation "updat" for resource "issue". n8n\'s operations for issue: changelog, create, delete, get, getAll, notify, transitions, update. Did you mean "update"?',
      );
      const unknown = vscode.languages.getDiagnostics(typo).find((d) => d.code === 'unknown-action');
      assert.ok(unknown);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', typo, unknown.range);
      const fix = actions.find((a) => a.title === 'Change to "update"');
      assert.ok(fix?.edit, `fix offered among: ${actions.map((a) => a.title).join(' | ')}`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      assert.equal(document.lineAt(6).text, '        "operation": "update",');
      // Jan may edit issues in ENG: nothing left once the permissions are in.
      await waitForDiagnostics(typo, [], 'no findings after the fix');
      const hover = await hoverAt(typo, 6, 24);
      assert.match(hover, /^✓ \*\*Update issue\*\* can run as Jan Donyada/);
      assert.match(hover, /\| \| Browse Projects \| Edit Issues \|\n\|---\|:-:\|:-:\|\n\| ENG \| ✓ \| ✓ \|/);
      // The fixed file is still valid JSON, and saves as such.
      assert.ok(await document.save());
      const saved = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(typo)));
      assert.equal(saved.nodes[0].parameters.operation, 'update');
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    } finally {
      await deleteQuietly(typo);
    }
  });

  it('counts the JSON recipes in the workspace check, and skips other JSON', async () => {
    // Never opened: the check reads it from disk and leaves it alone.
    await writeText(community, COMMUNITY_PACKAGE);
    try {
      const summary = await vscode.commands.executeCommand('jiraRecipeLint.checkPermissions', { scope: 'workspace', quiet: true });
      // The six YAML recipes (9 errors) and the two JSON ones (2 each); not acme.snapshot.json, not package.json.
      assert.deepEqual(summary, { files: 8, errors: 13, warnings: 0, information: 0, cancelled: false });
      assert.deepEqual(diagnosticRows(n8n), N8N_LINKED);
      assert.deepEqual(diagnosticRows(workato), WORKATO_LINKED);
      assert.deepEqual(diagnosticRows(community), []);
      assert.deepEqual(diagnosticRows(workspaceFile('acme.snapshot.json')), []);
    } finally {
      await deleteQuietly(communityFolder);
    }
  });

  it('shows nothing on an ordinary JSON file, open in the editor', async () => {
    await writeText(community, COMMUNITY_PACKAGE);
    await writeText(later, TYPO_WORKFLOW);
    try {
      const document = await vscode.workspace.openTextDocument(community);
      await vscode.window.showTextDocument(document);
      assert.equal(document.languageId, 'json');
      // A workflow opened after it: once its findings are in, the package.json has been seen too (files are checked
      // as they open, in order), and it got none.
      await vscode.workspace.openTextDocument(later);
      await waitForDiagnostics(later, TYPO, 'the findings of the workflow opened later');
      assert.deepEqual(diagnosticRows(community), []);
      // Neither hovers nor quick fixes of ours there.
      assert.doesNotMatch(await hoverAt(community, 3, 50), /Jira (action|real-time trigger|polling trigger)/);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        community,
        new vscode.Range(0, 0, document.lineCount, 0),
      );
      assert.deepEqual(
        actions.filter((a) => /access request|Change to|polling trigger/.test(a.title)).map((a) => a.title),
        [],
      );
      // Checking "the active recipe" while it is the active editor checks nothing and shows nothing.
      assert.deepEqual(await vscode.commands.executeCommand('jiraRecipeLint.checkPermissions', { scope: 'active', quiet: true }), {
        files: 0,
        errors: 0,
        warnings: 0,
        information: 0,
        cancelled: false,
      });
      assert.deepEqual(diagnosticRows(community), []);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    } finally {
      await deleteQuietly(communityFolder);
      await deleteQuietly(later);
    }
    await waitForDiagnostics(later, [], 'no findings for the deleted workflow');
  });
});
