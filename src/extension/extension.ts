import * as vscode from 'vscode';
import { JSON_GLOB } from '../core/recipe/files';
import { AccountStore } from './accounts/account-store';
import { linkEnvironmentAccount } from './accounts/environment-account';
import { OAuthAccounts } from './accounts/oauth-accounts';
import { PermissionService } from './accounts/permission-service';
import { registerCheckPermissions } from './commands/check-permissions';
import { registerCopyAccessRequest } from './commands/copy-access-request';
import { registerExportSnapshot } from './commands/export-snapshot';
import { registerLinkAccount } from './commands/link-account';
import { registerRefreshPermissions } from './commands/refresh-permissions';
import { registerShowAccounts } from './commands/show-accounts';
import { registerShowRequiredPermissions } from './commands/show-required-permissions';
import { registerUnlinkAccount } from './commands/unlink-account';
import { completionProvider } from './language/completion-provider';
import { hoverProvider } from './language/hover-provider';
import { QuickFixes } from './language/quick-fixes';
import { createLog } from './log';
import { RecipeChecker } from './recipes/recipe-checker';
import { readSettings, SECTION } from './settings';
import { RECIPE_LANGUAGES } from './recipes/recipe-documents';
import { StatusBar } from './status-bar';
import { WorkspaceConfigFile } from './workspace-config';

/** Recipe files keep their language (`yaml`, `json`), so other tooling keeps working; we only add our checks on top. */
const YAML: vscode.DocumentSelector = [{ language: 'yaml' }];

export function activate(context: vscode.ExtensionContext): void {
  const log = createLog(context);
  const oauth = new OAuthAccounts(context.secrets, context.globalState);
  const accounts = new AccountStore(context.secrets, context.globalState, oauth);
  const permissions = new PermissionService(accounts, log);
  const workspaceConfig = new WorkspaceConfigFile(log);
  const checker = new RecipeChecker(permissions, () => workspaceConfig.config);
  const statusBar = new StatusBar(accounts, permissions, checker);
  context.subscriptions.push(accounts, permissions, workspaceConfig, checker, statusBar);

  // Language features.
  context.subscriptions.push(
    vscode.languages.registerHoverProvider(RECIPE_LANGUAGES, hoverProvider(checker, permissions)),
    // Completions read our YAML format's lines; n8n and Workato files are edited in their platforms.
    vscode.languages.registerCompletionItemProvider(
      YAML,
      completionProvider(checker, () => permissions.projectChoices()),
      ':',
      ' ',
    ),
    vscode.languages.registerCodeActionsProvider(RECIPE_LANGUAGES, new QuickFixes(checker), QuickFixes.metadata),
  );

  // Commands.
  registerLinkAccount(context, accounts, { oauth, checker, log });
  registerUnlinkAccount(context, accounts);
  registerShowAccounts(context, accounts, permissions);
  registerCheckPermissions(context, checker, permissions);
  registerRefreshPermissions(context, accounts, permissions, checker);
  registerCopyAccessRequest(context, checker, permissions);
  registerExportSnapshot(context, accounts, permissions, checker);
  registerShowRequiredPermissions(context, checker, permissions);

  // Checks follow the editor, and every change of account or permissions re-checks at once: never a reload.
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument((d) => checker.checkDocument(d)),
    vscode.workspace.onDidChangeTextDocument((e) => checker.schedule(e.document)),
    vscode.workspace.onDidCloseTextDocument((d) => void checker.recheckFromDisk(d.uri)),
    accounts.onDidChange(() => {
      void vscode.commands.executeCommand('setContext', 'jiraRecipeLint.hasAccounts', accounts.list().length > 0);
      permissions.forget();
      checker.recheckAll();
    }),
    permissions.onDidChange(() => {
      checker.recheckAll();
      statusBar.update();
    }),
    checker.onDidCheck(() => statusBar.update()),
    vscode.window.onDidChangeActiveTextEditor(() => statusBar.update()),
    vscode.workspace.onDidGrantWorkspaceTrust(() => checker.recheckAll()),
    workspaceConfig.onDidChange(() => checker.recheckAll()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(SECTION)) checker.recheckAll();
    }),
  );
  // Recipe files changed or deleted outside the editor keep their findings true to the disk. Deletions are watched
  // everywhere: a deleted folder is reported as the folder, not as the recipes in it.
  // Created ones join the workspace once it has been checked as a whole.
  const changes = vscode.workspace.createFileSystemWatcher(readSettings().files, false, false, true);
  // JSON recipes (n8n, Workato) are known by content; only those already checked are followed.
  const jsonChanges = vscode.workspace.createFileSystemWatcher(JSON_GLOB, false, false, true);
  const deletions = vscode.workspace.createFileSystemWatcher('**/*', true, true, false);
  context.subscriptions.push(
    changes,
    deletions,
    jsonChanges,
    changes.onDidChange((uri) => void checker.recheckFromDisk(uri)),
    jsonChanges.onDidChange((uri) => void checker.recheckFromDisk(uri)),
    changes.onDidCreate((uri) => void checker.adoptCreated(uri, true)),
    jsonChanges.onDidCreate((uri) => void checker.adoptCreated(uri, false)),
    deletions.onDidDelete((uri) => checker.forgetUnder(uri)),
  );
  void workspaceConfig.load();
  for (const document of vscode.workspace.textDocuments) checker.checkDocument(document);
  statusBar.update();
  void vscode.commands.executeCommand('setContext', 'jiraRecipeLint.hasAccounts', accounts.list().length > 0);
  // In restricted mode nothing is fetched; an account from the environment waits for trust like everything else.
  if (vscode.workspace.isTrusted) void linkEnvironmentAccount(accounts, log);
  else context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => void linkEnvironmentAccount(accounts, log)));
  log.info(`Jira Recipe Lint ${context.extension.packageJSON.version} active; ${accounts.list().length} linked account(s).`);
}

export function deactivate(): void {}
