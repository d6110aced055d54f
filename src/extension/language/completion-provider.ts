import * as vscode from 'vscode';
import { completionsAt, type ProjectChoice } from '../../core/assist/complete';
import { toPosition, toRange } from '../convert';
import type { RecipeChecker } from '../recipes/recipe-checker';

const KIND = {
  trigger: vscode.CompletionItemKind.Event,
  action: vscode.CompletionItemKind.Function,
  input: vscode.CompletionItemKind.Property,
  project: vscode.CompletionItemKind.Module,
} as const;

/** Trigger and action names with their docs, input keys of the step's operation, and visible project keys. */
export function completionProvider(checker: RecipeChecker, projects: () => readonly ProjectChoice[]): vscode.CompletionItemProvider {
  return {
    provideCompletionItems(document, position) {
      if (!checker.isRecipe(document)) return undefined;
      const found = completionsAt(document.getText(), toPosition(position), projects());
      if (!found) return undefined;
      const range = toRange(found.range);
      return found.items.map((entry) => {
        const item = new vscode.CompletionItem({ label: entry.label, description: entry.detail }, KIND[entry.kind]);
        item.detail = entry.detail;
        item.documentation = new vscode.MarkdownString(entry.documentation);
        item.range = range;
        if (entry.kind === 'input') item.insertText = `${entry.label}: `;
        return item;
      });
    },
  };
}
