import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import {
  EMPTY_CONFIG,
  parseWorkspaceConfig,
  withConnectionArgs,
  WORKSPACE_CONFIG_FILE,
  WorkspaceConfigError,
  type WorkspaceConfig,
} from '../core/config/workspace-config';
import { InputError } from './usage';

/** The configuration with the folder its `ignore` globs are relative to (the file's, else the current one). */
export interface LoadedConfig extends WorkspaceConfig {
  readonly dir: string;
}

/**
 * The workspace configuration: `--config FILE`, else the nearest `.jira-recipe-lint.json` in the current folder or
 * above it (as VS Code reads it at the workspace root), then `--connection NAME=URL` on top.
 */
export function loadWorkspaceConfig(file: string | undefined, connectionArgs: readonly string[], cwd = process.cwd()): LoadedConfig {
  try {
    const path = file ?? findUp(cwd);
    const dir = path ? dirname(resolve(path)) : resolve(cwd);
    let config = EMPTY_CONFIG;
    if (path) {
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch {
        throw new InputError(`Cannot read ${path}.`);
      }
      config = parseWorkspaceConfig(text, path);
    }
    return { ...withConnectionArgs(config, connectionArgs), dir };
  } catch (e) {
    if (e instanceof WorkspaceConfigError) throw new InputError(e.message);
    throw e;
  }
}

function findUp(start: string): string | undefined {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    const candidate = join(dir, WORKSPACE_CONFIG_FILE);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}
