import * as vscode from 'vscode';
import { hoverAt } from '../../core/assist/hover';
import type { PermissionService } from '../accounts/permission-service';
import { toPosition, toRange } from '../convert';
import type { RecipeChecker } from '../recipes/recipe-checker';

/** Hover on a trigger or action (what it does, what it needs, what the account holds) or on a permission key. */
export function hoverProvider(checker: RecipeChecker, permissions: PermissionService): vscode.HoverProvider {
  return {
    provideHover(document, position) {
      if (!checker.isRecipe(document)) return undefined;
      const hover = hoverAt(checker.analysis(document), toPosition(position), permissions.snapshots());
      if (!hover) return undefined;
      const markdown = new vscode.MarkdownString(hover.markdown);
      markdown.supportHtml = false;
      return new vscode.Hover(markdown, toRange(hover.range));
    },
  };
}
