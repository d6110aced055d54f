import type { ConnectionEntry, OperationStep, RecipeModel } from '../recipe/model';
import type { Range } from '../text/range';

/** The connection a step runs on, as far as the recipe tells. */
export interface ResolvedConnection {
  /** Name for messages and for grouping; '' for a recipe without a connections block and no name on the step. */
  readonly name: string;
  readonly provider: string | undefined;
  readonly host?: string;
  readonly entry?: ConnectionEntry;
  /** The step names a connection that the recipe's `connections:` doesn't define. */
  readonly undefinedName?: boolean;
}

/** Connection name → site URL, from the workspace file `.jira-recipe-lint.json` or the CLI's `--connection`. */
export type ConnectionSites = ReadonlyMap<string, string>;

const isJiraProvider = (provider: string | undefined) => provider?.toLowerCase() === 'jira';

export function isJira(connection: ResolvedConnection): boolean {
  return isJiraProvider(connection.provider);
}

/** The model with a site for each connection that names none but is mapped to one. */
export function withConnectionSites(model: RecipeModel, sites: ConnectionSites | undefined): RecipeModel {
  if (!sites?.size || ![...model.connections.values()].some((c) => c.host === undefined && sites.has(c.name))) return model;
  const connections = new Map<string, ConnectionEntry>();
  for (const [name, entry] of model.connections)
    connections.set(name, entry.host === undefined && sites.has(name) ? { ...entry, host: sites.get(name) } : entry);
  return { ...model, connections };
}

/** Where findings about a connection's account sit: its declaration (the host, else its key), else the step. */
export function connectionRange(connection: ResolvedConnection, step: OperationStep): Range {
  return connection.entry?.hostRange ?? connection.entry?.keyRange ?? step.operationRange;
}

/**
 * A named connection is looked up in `connections:` (without that block, the name is the provider). A step that
 * names none uses the only Jira connection, or else the trigger's connection.
 */
export function resolveConnection(step: OperationStep, model: RecipeModel): ResolvedConnection {
  if (step.connectionName !== undefined) return byName(step.connectionName, model);
  if (!model.declaresConnections) return { name: '', provider: 'jira' };
  const jira = [...model.connections.values()].filter((c) => isJiraProvider(c.provider));
  if (jira.length === 1) return fromEntry(jira[0]);
  if (step.kind === 'action' && model.trigger?.connectionName !== undefined) return byName(model.trigger.connectionName, model);
  // Several Jira connections and nothing to choose by: a Jira step whose account we can't tell.
  return { name: '', provider: jira.length ? 'jira' : undefined };
}

function byName(name: string, model: RecipeModel): ResolvedConnection {
  if (!model.declaresConnections) return { name, provider: name };
  const entry = model.connections.get(name);
  return entry ? fromEntry(entry) : { name, provider: undefined, undefinedName: true };
}

function fromEntry(entry: ConnectionEntry): ResolvedConnection {
  return { name: entry.name, provider: entry.provider, host: entry.host, entry };
}
