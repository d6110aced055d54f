import * as vscode from 'vscode';
import { permissionNeeds } from '../../core/check';
import type { AccountStore } from '../accounts/account-store';
import type { PermissionService } from '../accounts/permission-service';
import type { RecipeChecker } from '../recipes/recipe-checker';
import { pickAccount } from './pick-account';

/**
 * Export Permission Snapshot: what an account holds for the checked recipes, as a JSON file for CI
 * (`jira-recipe-lint check --snapshot FILE`). A snapshot holds no secret.
 */
export function registerExportSnapshot(context: vscode.ExtensionContext, accounts: AccountStore, permissions: PermissionService, checker: RecipeChecker): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('jiraRecipeLint.exportSnapshot', async (args: { site?: string; file?: vscode.Uri } = {}) => {
      const account = await pickAccount(accounts, args.site, 'Export the permissions of which account?');
      if (!account) {
        void vscode.window.showInformationMessage('Link a Jira account first: Jira Recipe Lint: Link Jira Account…');
        return undefined;
      }
      const needs = permissions.byAccount(permissionNeeds(checker.all().map((r) => r.analysis))).get(account);
      const snapshot = needs
        ? await permissions
            .fetch(account, needs)
            .catch((e: Error) => void vscode.window.showErrorMessage(`Could not fetch permissions from ${account.site}: ${e.message}`))
        : permissions.snapshotOf(account.site);
      if (!snapshot) return undefined;
      const host = new URL(account.site).hostname;
      const file =
        args.file ??
        (await vscode.window.showSaveDialog({
          title: 'Export Permission Snapshot',
          defaultUri: vscode.Uri.joinPath(vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file('.'), `${host}.snapshot.json`),
          filters: { 'Permission snapshot': ['json'] },
        }));
      if (!file) return undefined;
      await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(`${JSON.stringify(snapshot, null, 2)}\n`));
      void vscode.window.showInformationMessage(`Permission snapshot written to ${vscode.workspace.asRelativePath(file)} (no secrets in it).`);
      return file;
    }),
  );
}
