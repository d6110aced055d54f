import * as vscode from 'vscode';
import { accessRequestText } from '../../core/assist/access-request';
import type { PermissionService } from '../accounts/permission-service';
import type { RecipeChecker } from '../recipes/recipe-checker';

/** Copy Access Request: a ready-to-send text for the Jira administrator, for one recipe or all checked ones. */
export function registerCopyAccessRequest(context: vscode.ExtensionContext, checker: RecipeChecker, permissions: PermissionService): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('jiraRecipeLint.copyAccessRequest', async (args: { uri?: vscode.Uri } = {}) => {
      const uri = args.uri ?? activeRecipe(checker);
      const recipes = checker
        .all()
        .filter((r) => !uri || r.uri.toString() === uri.toString())
        .map((r) => ({ recipe: r.analysis.model.name ?? vscode.workspace.asRelativePath(r.uri), findings: r.findings }));
      const text = accessRequestText(recipes, permissions.snapshots());
      if (!text) {
        void vscode.window.showInformationMessage('No missing Jira permission to request: every checked step has what it needs, or is unverified.');
        return undefined;
      }
      await vscode.env.clipboard.writeText(text);
      void vscode.window.showInformationMessage('Access request copied to the clipboard: paste it into a message to your Jira administrator.');
      return text;
    }),
  );
}

function activeRecipe(checker: RecipeChecker): vscode.Uri | undefined {
  const document = vscode.window.activeTextEditor?.document;
  return document && checker.isRecipe(document) ? document.uri : undefined;
}
