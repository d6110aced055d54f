import type { JsonNode } from '../json/tree';
import { stringOf, valueOf } from '../json/tree';

/** n8n node types, compared in lower case: older exports spell them in other cases (`n8n-nodes-base.Jira`). */
const JIRA_ACTION_TYPES = new Set(['n8n-nodes-base.jira', 'n8n-nodes-base.jiratool']);
const JIRA_TRIGGER_TYPE = 'n8n-nodes-base.jiratrigger';

/** Whether a node type is one of n8n's own (built-in nodes, and the `@n8n/` packages such as LangChain's). */
export function isN8nNodeType(type: string | undefined): boolean {
  const lower = type?.toLowerCase();
  return lower !== undefined && (lower.startsWith('n8n-nodes-base.') || lower.startsWith('@n8n/'));
}

/** What a node is to us: a Jira action (the Jira node and its AI-tool twin), the Jira Trigger, or nothing. */
export function jiraNodeKind(type: string | undefined): 'action' | 'trigger' | undefined {
  const lower = type?.toLowerCase();
  if (lower === undefined) return undefined;
  if (JIRA_ACTION_TYPES.has(lower)) return 'action';
  return lower === JIRA_TRIGGER_TYPE ? 'trigger' : undefined;
}

/** A workflow: a top-level object with a `nodes` list in which some node is one of n8n's. */
export function isWorkflowRoot(root: JsonNode): boolean {
  if (root.type !== 'object') return false;
  const nodes = valueOf(root, 'nodes');
  return nodes?.type === 'array' && (nodes.children ?? []).some((node) => isN8nNodeType(stringOf(node, 'type')));
}

/**
 * Nodes that hand their input items on unchanged (they route, filter, wait or batch them): `$json` after one of
 * them still means the item of the node before it.
 */
const PASS_THROUGH_TYPES = new Set(
  ['if', 'filter', 'switch', 'noOp', 'wait', 'merge', 'splitInBatches', 'limit', 'removeDuplicates', 'sort'].map((t) => `n8n-nodes-base.${t}`.toLowerCase()),
);

export function passesItemsThrough(type: string | undefined): boolean {
  return type !== undefined && PASS_THROUGH_TYPES.has(type.toLowerCase());
}

/** Credential types of the Jira nodes, by the `jiraVersion` parameter that picks them (default `cloud`). */
export const JIRA_CREDENTIALS: Readonly<Record<string, string>> = {
  cloud: 'jiraSoftwareCloudApi',
  server: 'jiraSoftwareServerApi',
  serverPat: 'jiraSoftwareServerPatApi',
};
