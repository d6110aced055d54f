import * as vscode from 'vscode';
import { buildNeedsReport, needsReportMarkdown, type NeedsReport } from '../../core/assist/needs-report';
import type { PermissionService } from '../accounts/permission-service';
import type { RecipeChecker } from '../recipes/recipe-checker';
import { readWorkspaceRecipes } from './check-permissions';

export interface RequiredPermissions {
  readonly report: NeedsReport;
  readonly markdown: string;
}

/**
 * Show Required Permissions: what the active recipe or every recipe of the workspace needs from Jira, per site and
 * project, held/missing for the linked accounts, as a rendered Markdown preview whose steps link to their line.
 */
export function registerShowRequiredPermissions(context: vscode.ExtensionContext, checker: RecipeChecker, permissions: PermissionService): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('jiraRecipeLint.showRequiredPermissions', async (args: { scope?: 'active' | 'workspace' } = {}) => {
      const active = vscode.window.activeTextEditor?.document;
      const activeIsRecipe = active !== undefined && checker.isRecipe(active);
      const scope = args.scope ?? (activeIsRecipe ? 'active' : 'workspace');
      // Fresh permissions of the accounts the recipes run as (within the cache lifetime, no request).
      await vscode.commands.executeCommand('jiraRecipeLint.checkPermissions', { scope, quiet: true });
      const files =
        scope === 'active' && active && activeIsRecipe ? [{ uri: active.uri, analysis: checker.analysis(active) }] : await readWorkspaceRecipes(checker);
      const recipes = files.map((f) => ({ recipe: vscode.workspace.asRelativePath(f.uri), analysis: f.analysis, uri: f.uri }));
      const report = buildNeedsReport(recipes, permissions.snapshots());
      const uris = new Map(recipes.map((r) => [r.recipe, r.uri]));
      const markdown = needsReportMarkdown(report, {
        stepLink: (ref) =>
          uris
            .get(ref.recipe)
            ?.with({ fragment: `L${ref.line}` })
            .toString(),
      });
      const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown });
      try {
        await vscode.commands.executeCommand('markdown.showPreview', document.uri);
      } catch {
        // Without VS Code's Markdown extension, the text itself.
        await vscode.window.showTextDocument(document);
      }
      const result: RequiredPermissions = { report, markdown };
      return result;
    }),
  );
}
