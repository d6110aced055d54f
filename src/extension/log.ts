import * as vscode from 'vscode';
import type { JiraLogger } from '../core/jira';

/** The "Jira Recipe Lint" log channel. Nothing written here may hold a secret: the core client redacts its own. */
export function createLog(context: vscode.ExtensionContext): vscode.LogOutputChannel {
  const log = vscode.window.createOutputChannel('Jira Recipe Lint', { log: true });
  context.subscriptions.push(log);
  return log;
}

export function jiraLogger(log: vscode.LogOutputChannel): JiraLogger {
  return (level, message) => {
    if (level === 'error') log.error(message);
    else if (level === 'warn') log.warn(message);
    else if (level === 'info') log.info(message);
    else log.debug(message);
  };
}
