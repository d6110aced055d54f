import * as vscode from 'vscode';
import type { JiraClientOptions } from '../core/jira';
import { RECIPE_GLOB } from '../core/recipe/files';
import { jiraLogger } from './log';

/** The extension's settings (see `contributes.configuration` in package.json). */
export const SECTION = 'jiraRecipeLint';

export interface Settings {
  /** Glob of recipe files. */
  readonly files: string;
  /** How long fetched permissions are fresh, in milliseconds. */
  readonly cacheLifetimeMs: number;
  /** Delay after typing before a recipe is checked again. */
  readonly checkDelayMs: number;
  readonly requestTimeoutMs: number;
  readonly maxConcurrentRequests: number;
  /** Plain http to non-loopback sites; application-scoped, so a workspace can't turn it on. */
  readonly allowInsecureHttp: boolean;
}

export function readSettings(): Settings {
  const c = vscode.workspace.getConfiguration(SECTION);
  return {
    files: c.get<string>('files', RECIPE_GLOB),
    cacheLifetimeMs: Math.max(0, c.get<number>('cacheLifetimeMinutes', 10)) * 60_000,
    checkDelayMs: Math.max(0, c.get<number>('checkDelayMs', 300)),
    requestTimeoutMs: Math.max(1, c.get<number>('requestTimeoutSeconds', 10)) * 1000,
    maxConcurrentRequests: Math.max(1, c.get<number>('maxConcurrentRequests', 4)),
    allowInsecureHttp: c.inspect<boolean>('allowInsecureHttp')?.globalValue ?? false,
  };
}

/** The Jira client's options as the settings set them, for every call the extension makes. */
export function clientOptions(log?: vscode.LogOutputChannel): JiraClientOptions {
  const settings = readSettings();
  return {
    timeoutMs: settings.requestTimeoutMs,
    concurrency: settings.maxConcurrentRequests,
    allowInsecureHttp: settings.allowInsecureHttp,
    ...(log ? { logger: jiraLogger(log) } : {}),
  };
}
