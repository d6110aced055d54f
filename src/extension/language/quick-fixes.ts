import * as vscode from 'vscode';
import { FindingCode, isGrantable } from '../../core/check';
import { findingOf, SOURCE, toRange } from '../convert';
import type { RecipeChecker } from '../recipes/recipe-checker';

/** Findings whose suggestion is the name they probably meant: the fix puts it in place of the misspelt one. */
const DID_YOU_MEAN: ReadonlySet<FindingCode> = new Set<FindingCode>([
  FindingCode.UnknownAction,
  FindingCode.UnknownTrigger,
  FindingCode.UnknownInput,
  FindingCode.Schema,
]);

/**
 * Quick fixes: a real-time trigger without Jira Administrators → its polling twin; an unknown operation, input or
 * property → the name it probably meant; any missing grant → copy an access request for the Jira administrator; an
 * account holding more than the recipes need → the report of what they do need.
 */
export class QuickFixes implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly checker: RecipeChecker) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const findings = this.checker.findings(document.uri);
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== SOURCE) continue;
      const finding = findingOf(findings, diagnostic);
      if (!finding) continue;
      if (finding.suggestion && DID_YOU_MEAN.has(finding.code)) {
        actions.push(this.replace(document, diagnostic, `Change to "${finding.suggestion}"`, finding.suggestion, true));
      }
      if (finding.suggestion && finding.code === FindingCode.MissingGlobalPermission) {
        actions.push(
          this.replace(document, diagnostic, `Switch to the polling trigger "${finding.suggestion}" (needs no Jira Administrators)`, finding.suggestion, false),
        );
      }
      if (isGrantable(finding)) {
        const copy = new vscode.CodeAction('Copy access request for your Jira admin', vscode.CodeActionKind.QuickFix);
        copy.diagnostics = [diagnostic];
        copy.command = { command: 'jiraRecipeLint.copyAccessRequest', title: copy.title, arguments: [{ uri: document.uri }] };
        actions.push(copy);
      }
      if (finding.code === FindingCode.AccountOverPrivileged) {
        const show = new vscode.CodeAction('Show the permissions the recipes need', vscode.CodeActionKind.QuickFix);
        show.diagnostics = [diagnostic];
        show.command = { command: 'jiraRecipeLint.showRequiredPermissions', title: show.title, arguments: [{ scope: 'workspace' }] };
        actions.push(show);
      }
    }
    return actions;
  }

  private replace(document: vscode.TextDocument, diagnostic: vscode.Diagnostic, title: string, name: string, preferred: boolean): vscode.CodeAction {
    const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
    action.diagnostics = [diagnostic];
    action.isPreferred = preferred;
    action.edit = new vscode.WorkspaceEdit();
    action.edit.replace(document.uri, toRange(rangeOfValue(document, diagnostic.range)), name);
    return action;
  }
}

/** The name inside its range, without the quotes a quoted scalar carries. */
function rangeOfValue(
  document: vscode.TextDocument,
  range: vscode.Range,
): { start: { line: number; character: number }; end: { line: number; character: number } } {
  const text = document.getText(range);
  const quoted = /^(["']).*\1$/.test(text) ? 1 : 0;
  return {
    start: { line: range.start.line, character: range.start.character + quoted },
    end: { line: range.end.line, character: range.end.character - quoted },
  };
}
