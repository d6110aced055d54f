import * as vscode from 'vscode';
import type { PermissionService } from '../accounts/permission-service';
import {
  REQUIRED_PERMISSIONS_VIEW,
  RequiredPermissionsPanel,
  type PanelMessage,
  type ReportScope,
  type RequiredPermissions,
} from '../panels/required-permissions-panel';
import type { RecipeChecker } from '../recipes/recipe-checker';

/** What the command returns: what it shows, and the panel's side for tests and other commands. */
export interface ShownRequiredPermissions extends RequiredPermissions {
  readonly viewType: string;
  /** The handler of the webview's messages (buttons, step links). */
  readonly receive: (message: PanelMessage) => Promise<void>;
  /** What the panel shows now (it renders again when recipes or permissions change). */
  readonly current: () => RequiredPermissions | undefined;
  readonly onDidRender: vscode.Event<RequiredPermissions>;
}

/**
 * Show Required Permissions: what the active recipe or every recipe of the workspace needs from Jira, per site and
 * project, held/missing for the linked accounts, in a panel whose steps link to their line.
 */
export function registerShowRequiredPermissions(context: vscode.ExtensionContext, checker: RecipeChecker, permissions: PermissionService): void {
  const panel = new RequiredPermissionsPanel(checker, permissions);
  context.subscriptions.push(
    panel,
    vscode.commands.registerCommand('jiraRecipeLint.showRequiredPermissions', async (args: { scope?: 'active' | 'workspace' } = {}) => {
      const active = vscode.window.activeTextEditor?.document;
      const activeIsRecipe = active !== undefined && checker.isRecipe(active);
      const scope: ReportScope =
        (args.scope ?? (activeIsRecipe ? 'active' : 'workspace')) === 'active' && activeIsRecipe ? { kind: 'recipe', uri: active.uri } : { kind: 'workspace' };
      // Fresh permissions of the accounts the recipes run as (within the cache lifetime, no request).
      await vscode.commands.executeCommand('jiraRecipeLint.checkPermissions', { scope: scope.kind === 'workspace' ? 'workspace' : 'active', quiet: true });
      const shown: ShownRequiredPermissions = {
        ...(await panel.show(scope)),
        viewType: REQUIRED_PERMISSIONS_VIEW,
        receive: (message) => panel.receive(message),
        current: () => panel.current(),
        onDidRender: panel.onDidRender,
      };
      return shown;
    }),
  );
}
