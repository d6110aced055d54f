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

/**
 * Waits until `probe` returns a value that passes `accept`, re-probing whenever `on` fires (an event that comes with
 * every change of what `probe` reads); without `on`, for state that has no event, it polls. Fails with the last value
 * seen after `timeoutMs`: a deadline for a readable failure, not a wait for time.
 */
export function waitFor<T>(
  probe: () => T | Promise<T>,
  accept: (value: T) => boolean,
  what: string,
  options: { on?: vscode.Event<unknown>; timeoutMs?: number } = {},
): Promise<T> {
  const { on, timeoutMs = 15_000 } = options;
  return new Promise<T>((resolve, reject) => {
    let last: T | undefined;
    let settled = false;
    let probing = false;
    let again = false;
    const stops: (() => void)[] = [];
    const finish = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      for (const stop of stops) stop();
      outcome();
    };
    // One probe at a time; a change while probing asks for one more.
    const check = async (): Promise<void> => {
      if (probing) {
        again = true;
        return;
      }
      probing = true;
      try {
        do {
          again = false;
          const value = await probe();
          last = value;
          if (accept(value)) return finish(() => resolve(value));
        } while (again && !settled);
      } catch (error) {
        finish(() => reject(error as Error));
      } finally {
        probing = false;
      }
    };
    if (on) {
      const subscription = on(() => void check());
      stops.push(() => subscription.dispose());
    } else {
      const poll = setInterval(() => void check(), 100);
      stops.push(() => clearInterval(poll));
    }
    const deadline = setTimeout(() => finish(() => reject(new Error(`Timed out waiting for ${what}; last seen: ${JSON.stringify(last)}`))), timeoutMs);
    stops.push(() => clearTimeout(deadline));
    void check();
  });
}

/** Waits until the file's diagnostics are exactly `expected`, checking again at every change of diagnostics. */
export async function waitForDiagnostics(uri: vscode.Uri, expected: string[], what: string): Promise<void> {
  await waitFor(
    () => diagnosticRows(uri),
    (rows) => JSON.stringify(rows) === JSON.stringify(expected),
    what,
    { on: vscode.languages.onDidChangeDiagnostics },
  );
}

export async function unlinkAll(): Promise<void> {
  const accounts = (await vscode.commands.executeCommand<{ site: string }[]>('jiraRecipeLint.showAccounts', { quiet: true })) ?? [];
  for (const account of accounts) await vscode.commands.executeCommand('jiraRecipeLint.unlinkAccount', { site: account.site });
}

export const JAN = { site: SIM_URL, method: 'api_token', user: 'jan@acme.example', secret: 'sim-token-jan' } as const;

/** A Jira administrator of the demo site (a made-up token, valid only in the simulator). */
export const ALANA = { ...JAN, user: 'alana@acme.example', secret: 'sim-token-alana' } as const;
