import type { ConnectionEntry, OperationStep, RecipeModel } from '../recipe/model';

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

const isJiraProvider = (provider: string | undefined) => provider?.toLowerCase() === 'jira';

export function isJira(connection: ResolvedConnection): boolean {
  return isJiraProvider(connection.provider);
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
