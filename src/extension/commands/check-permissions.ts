import * as vscode from 'vscode';
import { countBySeverity, permissionNeeds, type RecipeAnalysis } from '../../core/check';
import { IGNORED_GLOBS, isRecipeFile, JSON_GLOB } from '../../core/recipe/files';
import { MAX_RECIPE_BYTES } from '../../core/recipe/limits';
import { isAbortError } from '../../core/jira';
import type { PermissionService } from '../accounts/permission-service';
import type { RecipeChecker } from '../recipes/recipe-checker';
import { readSettings } from '../settings';
import { errorMessage } from '../../core/text/error-message';

export interface CheckSummary {
  readonly files: number;
  readonly errors: number;
  readonly warnings: number;
  readonly information: number;
  readonly cancelled: boolean;
}

/**
 * Check Recipe Permissions: the active recipe or every recipe in the workspace, with fresh permissions, in a
 * cancellable progress notification; results go to the Problems panel, and a summary is shown.
 */
export function registerCheckPermissions(context: vscode.ExtensionContext, checker: RecipeChecker, permissions: PermissionService): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('jiraRecipeLint.checkPermissions', async (args: { scope?: 'active' | 'workspace'; quiet?: boolean } = {}) => {
      const active = vscode.window.activeTextEditor?.document;
      const activeIsRecipe = active !== undefined && checker.isRecipe(active);
      const scope =
        args.scope ??
        (activeIsRecipe
          ? (
              await vscode.window.showQuickPick(
                [
                  { label: 'Active recipe', description: vscode.workspace.asRelativePath(active.uri), scope: 'active' as const },
                  { label: 'All recipes in the workspace', scope: 'workspace' as const },
                ],
                { title: 'Check Recipe Permissions' },
              )
            )?.scope
          : 'workspace');
      if (!scope) return undefined;

      return vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'Checking recipe permissions', cancellable: true },
        async (progress, token) => {
          const abort = new AbortController();
          token.onCancellationRequested(() => abort.abort());
          progress.report({ message: 'finding recipes…' });
          // An active editor that is no recipe (package.json, any other JSON or YAML) has nothing to check.
          const files =
            scope === 'active' && active
              ? activeIsRecipe
                ? [{ uri: active.uri, analysis: checker.analysis(active) }]
                : []
              : await readWorkspaceRecipes(checker);
          progress.report({ message: `fetching permissions for ${files.length} recipe(s)…` });
          if (vscode.workspace.isTrusted) {
            const needs = permissions.byAccount(permissionNeeds(files.map((f) => f.analysis)));
            await Promise.all(
              [...needs].map(([account, need]) =>
                permissions.fetch(account, need, { signal: abort.signal }).catch((e) => {
                  if (!isAbortError(e))
                    void vscode.window.showWarningMessage(`Permissions on ${account.site} could not be fetched; its steps stay unverified: ${errorMessage(e)}`);
                }),
              ),
            );
          }
          if (token.isCancellationRequested) return { files: 0, errors: 0, warnings: 0, information: 0, cancelled: true };
          // The workspace as a whole also tells whether an account holds more than any of its recipes needs.
          const findings = (scope === 'workspace' ? checker.publishWorkspace(files) : files.map((f) => checker.publish(f.uri, f.analysis))).flat();
          const summary: CheckSummary = { files: files.length, ...countBySeverity(findings), cancelled: false };
          if (!args.quiet) void showSummary(summary);
          return summary;
        },
      );
    }),
  );
}

/** Every recipe of the workspace: files matching the setting, and JSON files that are recipes by content. */
export async function readWorkspaceRecipes(checker: RecipeChecker): Promise<{ uri: vscode.Uri; analysis: RecipeAnalysis }[]> {
  const exclude = `{${IGNORED_GLOBS.join(',')}}`;
  const [named, json] = await Promise.all([vscode.workspace.findFiles(readSettings().files, exclude), vscode.workspace.findFiles(JSON_GLOB, exclude)]);
  const unique = new Map([...named, ...json].map((uri) => [uri.toString(), uri]));
  const open = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d]));
  const namedKeys = new Set(named.map((u) => u.toString()));
  const read = await Promise.all(
    [...unique.values()]
      .sort((a, b) => a.path.localeCompare(b.path))
      .map(async (uri) => {
        const named = namedKeys.has(uri.toString());
        const document = open.get(uri.toString());
        if (document) return named || checker.isRecipe(document) ? [{ uri, analysis: checker.analysis(document) }] : [];
        // One file that is huge or can't be read gets a finding of its own; the others are checked as usual.
        try {
          const { size } = await vscode.workspace.fs.stat(uri);
          if (size > MAX_RECIPE_BYTES) return named ? [{ uri, analysis: checker.oversized(size, uri.path) }] : [];
          const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
          return named || isRecipeFile(uri.path, () => text) ? [{ uri, analysis: checker.analyze(text, uri.path) }] : [];
        } catch (e) {
          return named ? [{ uri, analysis: checker.unreadable(e, uri.path) }] : [];
        }
      }),
  );
  return read.flat();
}

async function showSummary(s: CheckSummary): Promise<void> {
  const text = `Checked ${s.files} recipe${s.files === 1 ? '' : 's'}: ${s.errors} error${s.errors === 1 ? '' : 's'}, ${s.warnings} warning${s.warnings === 1 ? '' : 's'}, ${s.information} unverified or informational.`;
  const show = s.errors || s.warnings ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  if (await show(text, 'Show Problems')) await vscode.commands.executeCommand('workbench.actions.view.problems');
}
