import * as path from 'node:path';
import * as vscode from 'vscode';

/** Set by the runner (test/vscode/run-suite.ts) on the VS Code server, and so in this extension host. */
export const SIM_URL = required('JIRA_SIM_URL');

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the suite through test/vscode/run-suite.ts`);
  return value;
}

export function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('The suite needs the examples workspace open.');
  return vscode.Uri.file(path.join(folder.uri.fsPath, name));
}

export async function openRecipe(name: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(name));
  await vscode.window.showTextDocument(document);
  return document;
}

/** Our diagnostics of a file as `code@line:char-line:char` (0-based), sorted by position. */
export function diagnosticRows(uri: vscode.Uri): string[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === 'jira-recipe-lint')
    .map((d) => `${String(d.code)}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`)
    .sort(byPosition);
}

function byPosition(a: string, b: string): number {
  const pos = (row: string) => row.split('@')[1].split('-')[0].split(':').map(Number);
  const [la, ca] = pos(a);
  const [lb, cb] = pos(b);
  return la - lb || ca - cb || a.localeCompare(b);
}

/** Polls until `probe` returns a value that passes `accept`, or fails with the last value seen. */
export async function waitFor<T>(probe: () => T | Promise<T>, accept: (value: T) => boolean, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await probe();
  while (!accept(last)) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}; last seen: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 100));
    last = await probe();
  }
  return last;
}

export async function waitForDiagnostics(uri: vscode.Uri, expected: string[], what: string): Promise<void> {
  await waitFor(() => diagnosticRows(uri), (rows) => JSON.stringify(rows) === JSON.stringify(expected), what);
}

export async function unlinkAll(): Promise<void> {
  const accounts = (await vscode.commands.executeCommand<{ site: string }[]>('jiraRecipeLint.showAccounts', { quiet: true })) ?? [];
  for (const account of accounts) await vscode.commands.executeCommand('jiraRecipeLint.unlinkAccount', { site: account.site });
}

export const JAN = { site: SIM_URL, method: 'api_token', user: 'jan@acme.example', secret: 'sim-token-jan' } as const;
