import { minimatch } from 'minimatch';
import Ajv, { type ValidateFunction } from 'ajv';
import configSchema from '../../../schemas/workspace-config.schema.json';

/** The workspace file VS Code and the CLI both read; `schemas/workspace-config.schema.json` is its contract. */
export const WORKSPACE_CONFIG_FILE = '.jira-recipe-lint.json';

export interface WorkspaceConfig {
  /** Connection name → site URL, for recipes that name a connection but not its site. */
  readonly connections: ReadonlyMap<string, string>;
  /** Findings to ignore; each rule matches what all its fields name. */
  readonly ignore?: readonly IgnoreRule[];
}

/** One entry of `ignore`: `files` is a glob relative to the folder of the configuration file. */
export interface IgnoreRule {
  readonly files?: string;
  readonly code?: string;
  readonly step?: string;
  readonly reason?: string;
}

export const EMPTY_CONFIG: WorkspaceConfig = { connections: new Map() };

export class WorkspaceConfigError extends Error {
  override readonly name = 'WorkspaceConfigError';
}

let validator: ValidateFunction | undefined;

/** Parses and validates the file's text; throws WorkspaceConfigError with a readable reason. */
export function parseWorkspaceConfig(text: string, source = WORKSPACE_CONFIG_FILE): WorkspaceConfig {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new WorkspaceConfigError(`${source} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  validator ??= new Ajv({ allErrors: true, strict: true, verbose: true }).addKeyword('patternErrorMessage').compile(configSchema);
  if (!validator(data)) {
    const reasons = (validator.errors ?? []).slice(0, 3).map((e) => {
      const custom = (e.parentSchema as { patternErrorMessage?: string } | undefined)?.patternErrorMessage;
      return `${e.instancePath || '/'} ${(e.keyword === 'pattern' && custom) || e.message || 'is not valid'}`;
    });
    throw new WorkspaceConfigError(`${source} is not a jira-recipe-lint configuration: ${reasons.join('; ')}`);
  }
  const { connections = {}, ignore = [] } = data as { connections?: Record<string, string>; ignore?: IgnoreRule[] };
  return { connections: new Map(Object.entries(connections)), ignore };
}

/** `NAME=URL` from the command line, on top of (and winning over) the file's mapping. */
export function withConnectionArgs(config: WorkspaceConfig, args: readonly string[]): WorkspaceConfig {
  if (!args.length) return config;
  const connections = new Map(config.connections);
  for (const arg of args) connections.set(...parseConnectionArg(arg));
  return { ...config, connections };
}

/** One `--connection NAME=URL`: [name, url]; the last `=` splits, as names may hold one but URLs here don't. */
export function parseConnectionArg(arg: string): [name: string, url: string] {
  const at = arg.lastIndexOf('=');
  if (at <= 0 || at === arg.length - 1)
    throw new WorkspaceConfigError(`--connection takes NAME=URL, e.g. --connection "Jira acme=https://acme.atlassian.net"; got "${arg}".`);
  return [arg.slice(0, at).trim(), arg.slice(at + 1).trim()];
}

/** The ignore rules that may apply to a file, given as a path relative to the configuration file's folder. */
export function ignoreRulesFor(config: WorkspaceConfig, relativePath: string): IgnoreRule[] {
  const path = relativePath.split('\\').join('/');
  return (config.ignore ?? []).filter((rule) => !rule.files || minimatch(path, rule.files, { dot: true, matchBase: !rule.files.includes('/') }));
}
