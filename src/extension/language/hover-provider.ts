import * as vscode from 'vscode';
import { hoverAt } from '../../core/assist/hover';
import { containsPosition } from '../../core/text/range';
import type { PermissionService } from '../accounts/permission-service';
import { toPosition, toRange } from '../convert';
import type { RecipeChecker } from '../recipes/recipe-checker';

/** Hover on a trigger or action (what it does, what it needs, what the account holds) or on a permission key. */
export function hoverProvider(checker: RecipeChecker, permissions: PermissionService): vscode.HoverProvider {
  return {
    provideHover(document, position) {
      if (!checker.isRecipe(document)) return undefined;
      const at = toPosition(position);
      // VS Code shows the diagnostics under the pointer in the same hover: the step's hover doesn't repeat them.
      const shown = checker.findings(document.uri).filter((f) => containsPosition(f.range, at));
      const hover = hoverAt(checker.analysis(document), at, permissions.snapshots(), { shown });
      if (!hover) return undefined;
      // HTML for the collapsed section and the full time as a tooltip; VS Code sanitizes it, and the core escapes
      // the names it takes from snapshots and recipes.
      const markdown = new vscode.MarkdownString(hover.markdown);
      markdown.supportHtml = true;
      return new vscode.Hover(markdown, toRange(hover.range));
    },
  };
}
