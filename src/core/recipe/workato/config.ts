import { stringOf, valueOf, type JsonNode } from '../json/tree';
import type { ConnectionEntry } from '../model';
import type { RangeOf } from './part';

/**
 * Providers of Jira steps: `jira`, and `jira_secondary` for a recipe's second Jira connection (seen in
 * salto-io/salto's Workato adapter, which treats both as Jira).
 */
export function isJiraProvider(provider: string | undefined): provider is string {
  return provider === 'jira' || provider === 'jira_secondary';
}

export interface RecipeConnections {
  /** Jira connections by name. */
  readonly connections: Map<string, ConnectionEntry>;
  /** The connection's name for each Jira provider the config lists: a step's provider tells its connection. */
  readonly byProvider: Map<string, string>;
}

/**
 * Jira connections from a recipe's `config` list: `{"keyword": "application", "provider": "jira",
 * "account_id": {"zip_name": …, "name": "Jira acme", "folder": …}}`. A connection is named by `account_id.name`;
 * without one (`account_id: null`, or a bare account number in recipes pulled through Workato's API) by its
 * provider. Exports never hold the site: a workspace mapping supplies it by name.
 */
export function connectionsOf(config: JsonNode | undefined, rangeOf: RangeOf): RecipeConnections {
  const connections = new Map<string, ConnectionEntry>();
  const byProvider = new Map<string, string>();
  if (config?.type !== 'array') return { connections, byProvider };
  for (const entry of config.children ?? []) {
    const provider = stringOf(entry, 'provider');
    if (!isJiraProvider(provider) || byProvider.has(provider)) continue;
    const keyword = stringOf(entry, 'keyword');
    if (keyword !== undefined && keyword !== 'application') continue;
    const account = valueOf(entry, 'account_id');
    const accountName = valueOf(account, 'name');
    const named = accountName?.type === 'string' && (accountName.value as string).trim() !== '';
    const name = named ? (accountName.value as string) : provider;
    byProvider.set(provider, name);
    if (!connections.has(name))
      connections.set(name, { name, keyRange: rangeOf(named ? accountName : account && account.type !== 'null' ? account : entry), provider: 'jira' });
  }
  return { connections, byProvider };
}
