// Flags every "TODO" in open .txt documents as a warning, and counts them on command.
const vscode = require('vscode');

function activate(context) {
  const diagnostics = vscode.languages.createDiagnosticCollection('harness-selftest');
  const refresh = (doc) => {
    if (!doc.fileName.endsWith('.txt')) return;
    const found = [];
    for (const m of doc.getText().matchAll(/TODO/g)) {
      const range = new vscode.Range(doc.positionAt(m.index), doc.positionAt(m.index + m[0].length));
      found.push(new vscode.Diagnostic(range, 'TODO left in text', vscode.DiagnosticSeverity.Warning));
    }
    diagnostics.set(doc.uri, found);
  };
  vscode.workspace.textDocuments.forEach(refresh);
  context.subscriptions.push(
    diagnostics,
    vscode.workspace.onDidOpenTextDocument(refresh),
    vscode.workspace.onDidChangeTextDocument((e) => refresh(e.document)),
    vscode.commands.registerCommand('harnessSelftest.countTodos', () => {
      const doc = vscode.window.activeTextEditor?.document;
      const count = doc ? diagnostics.get(doc.uri)?.length ?? 0 : 0;
      vscode.window.showInformationMessage(`${count} TODO(s) in the active file`);
      return count;
    }),
  );
}

module.exports = { activate };
