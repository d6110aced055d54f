import * as vscode from 'vscode';
import { accessRequestText } from '../../core/assist/access-request';
import type { PermissionService } from '../accounts/permission-service';
import type { RecipeChecker } from '../recipes/recipe-checker';
import type { CheckSummary } from './check-permissions';

export interface CopyAccessRequestArgs {
  /** One recipe (a quick fix passes its file). */
  readonly uri?: vscode.Uri;
  /** Without `uri`: the active recipe or every recipe of the workspace; asked when the active editor is a recipe. */
  readonly scope?: 'active' | 'workspace';
}

/**
 * Copy Access Request: a ready-to-send text for the Jira administrator, for one recipe or for every recipe of the
 * workspace (checked first with fresh permissions, as Check Recipe Permissions does).
 */
export function registerCopyAccessRequest(context: vscode.ExtensionContext, checker: RecipeChecker, permissions: PermissionService): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('jiraRecipeLint.copyAccessRequest', async (args: CopyAccessRequestArgs = {}) => {
      const active = activeRecipe(checker);
      const scope = args.uri ? 'active' : (args.scope ?? (active ? await pickScope(active) : 'workspace'));
      if (!scope) return undefined;
      const uri = args.uri ?? (scope === 'active' ? active : undefined);
      if (scope === 'workspace') {
        const summary = await vscode.commands.executeCommand<CheckSummary | undefined>('jiraRecipeLint.checkPermissions', { scope: 'workspace', quiet: true });
        if (!summary || summary.cancelled) return undefined;
      }
      const recipes = checker
        .all()
        .filter((r) => !uri || r.uri.toString() === uri.toString())
        .sort((a, b) => a.uri.path.localeCompare(b.uri.path))
        .map((r) => ({ recipe: r.analysis.model.name ?? vscode.workspace.asRelativePath(r.uri), findings: r.findings }));
      const text = accessRequestText(recipes, permissions.snapshots());
      const which = scope === 'workspace' ? 'recipe of the workspace' : 'step of this recipe';
      if (!text) {
        void vscode.window.showInformationMessage(`No missing Jira permission to request: every checked ${which} has what it needs, or is unverified.`);
        return undefined;
      }
      await vscode.env.clipboard.writeText(text);
      const covered = scope === 'workspace' ? `all ${recipes.length} recipes of the workspace` : 'this recipe';
      void vscode.window.showInformationMessage(`Access request for ${covered} copied to the clipboard: paste it into a message to your Jira administrator.`);
      return text;
    }),
  );
}

async function pickScope(active: vscode.Uri): Promise<'active' | 'workspace' | undefined> {
  const picked = await vscode.window.showQuickPick(
    [
      { label: 'This recipe', description: vscode.workspace.asRelativePath(active), scope: 'active' as const },
      { label: 'All recipes in the workspace', scope: 'workspace' as const },
    ],
    { title: 'Copy Access Request for' },
  );
  return picked?.scope;
}

function activeRecipe(checker: RecipeChecker): vscode.Uri | undefined {
  const document = vscode.window.activeTextEditor?.document;
  return document && checker.isRecipe(document) ? document.uri : undefined;
}
