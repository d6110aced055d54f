import * as vscode from 'vscode';
import type { AccountStore } from '../accounts/account-store';
import type { PermissionService } from '../accounts/permission-service';
import type { RecipeChecker } from '../recipes/recipe-checker';

/** Refresh Permissions: forgets what was fetched (for one site, or all) and checks open recipes again. */
export function registerRefreshPermissions(
  context: vscode.ExtensionContext,
  accounts: AccountStore,
  permissions: PermissionService,
  checker: RecipeChecker,
): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('jiraRecipeLint.refreshPermissions', async (args: { site?: string } = {}) => {
      const site = args.site ? accounts.get(args.site)?.site : undefined;
      permissions.forget(site);
      checker.recheckAll();
    }),
  );
}
