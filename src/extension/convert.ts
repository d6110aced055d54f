import * as vscode from 'vscode';
import type { Finding, SuppressedFinding } from '../core/check';
import type { Range } from '../core/text/range';

/** The `source` every diagnostic of ours carries. */
export const SOURCE = 'jira-recipe-lint';

export function toRange(range: Range): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

export function toPosition(position: vscode.Position): { line: number; character: number } {
  return { line: position.line, character: position.character };
}

const SEVERITY = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
} as const;

export function toDiagnostic(finding: Finding): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toRange(finding.range), finding.message, SEVERITY[finding.severity]);
  diagnostic.source = SOURCE;
  diagnostic.code = finding.code;
  return diagnostic;
}

/** A finding silenced by a comment or an ignore rule: a hint, shown faintly and saying what silenced it. */
export function toSuppressedDiagnostic(finding: SuppressedFinding): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(
    toRange(finding.range),
    `${finding.message} (suppressed by ${finding.suppressedBy}${finding.suppressionReason ? `: ${finding.suppressionReason}` : ''})`,
    vscode.DiagnosticSeverity.Hint,
  );
  diagnostic.source = SOURCE;
  diagnostic.code = finding.code;
  return diagnostic;
}

/** The finding behind a diagnostic that VS Code hands back (a copy, so matched by code, range and message). */
export function findingOf(findings: readonly Finding[], diagnostic: vscode.Diagnostic): Finding | undefined {
  return findings.find((f) => f.code === diagnostic.code && f.message === diagnostic.message && toRange(f.range).isEqual(diagnostic.range));
}
