import { closestMatch as closest } from '../../text/closest';
import type { Range } from '../../text/range';
import { jsonRange, scalarText, type JsonDocument, type JsonNode } from '../json/tree';
import type { ConnectionEntry, InputEntry, OperationStep, ReadProblem, RecipeModel, StepIdEntry } from '../model';
import { readParameterString, type ExpressionRef } from './expressions';
import { JIRA_CREDENTIALS, jiraNodeKind, passesItemsThrough } from './nodes';
import {
  DEFAULT_RESOURCE,
  JIRA_RESOURCES,
  N8N_WEBHOOK_ADVICE,
  TRIGGER_PARAMETERS,
  triggerOperation,
  type N8nResource,
  type ParameterMapping,
} from './operations';

/**
 * An n8n workflow → the recipe model. Every node name is a step id; each Jira node (`jira`, `jiraTool`) is an
 * action and the Jira Trigger is the trigger, in the order of `nodes`. Tolerant of any shape: what isn't what n8n
 * would write is skipped, never guessed at and never thrown over.
 */
export function buildN8nModel(document: JsonDocument): { model: RecipeModel; problems: ReadProblem[] } {
  return new WorkflowReader(document).read();
}

type ParameterValue = Pick<InputEntry, 'valueRange' | 'literal' | 'dynamic' | 'refs'>;

const CREDENTIAL_TYPES = new Set(Object.values(JIRA_CREDENTIALS));

const hasOwn = (record: object, key: string) => Object.prototype.hasOwnProperty.call(record, key);

class WorkflowReader {
  private readonly problems: ReadProblem[] = [];
  private readonly ids: StepIdEntry[] = [];
  private readonly actions: OperationStep[] = [];
  private trigger: OperationStep | undefined;
  private readonly connections = new Map<string, ConnectionEntry>();
  /** Node name → its type, to follow items through nodes that pass them on. */
  private readonly typesByName = new Map<string, string | undefined>();
  /** Node name → the nodes whose `main` output connects into it, in the order `connections` lists them. */
  private readonly sources: Map<string, string[]>;
  private readonly itemSources = new Map<string, string[]>();

  constructor(private readonly document: JsonDocument) {
    this.sources = mainSources(field(document.root, 'connections'));
  }

  read(): { model: RecipeModel; problems: ReadProblem[] } {
    const root = this.document.root;
    const nodes = field(root, 'nodes');
    const list = nodes?.type === 'array' ? (nodes.children ?? []) : [];
    // One look at each node's properties: its type is needed before its turn, to follow items through it.
    const fields = list.map(nodeFields);
    for (const f of fields) {
      const name = scalarText(f?.name);
      if (name !== undefined && !this.typesByName.has(name)) this.typesByName.set(name, f?.type?.type === 'string' ? (f.type.value as string) : undefined);
    }
    fields.forEach((f, index) => {
      if (f) this.readNode(f, index);
    });
    const model: RecipeModel = {
      format: 'n8n',
      name: stringField(root, 'name'),
      connections: this.connections,
      // Without credentials on any node, a workflow runs on the only linked account.
      declaresConnections: this.connections.size > 0,
      trigger: this.trigger,
      actions: this.actions,
      ids: this.ids,
    };
    return { model, problems: this.problems };
  }

  private range(node: JsonNode | undefined): Range {
    return jsonRange(this.document, node);
  }

  /** A string's text without its quotes, so that a fix replacing it keeps the JSON valid; other values whole. */
  private innerRange(node: JsonNode): Range {
    return node.type === 'string' && node.length >= 2 ? this.document.lines.rangeAt(node.offset + 1, node.offset + node.length - 1) : this.range(node);
  }

  private readNode(node: NodeFields, index: number): void {
    const path = `nodes/${index}`;
    const { name: nameNode, type: typeNode, parameters } = node;
    const name = scalarText(nameNode);
    if (name !== undefined) this.ids.push({ id: name, range: this.range(nameNode), path });
    const kind = jiraNodeKind(typeNode?.type === 'string' ? (typeNode.value as string) : undefined);
    if (!kind || !typeNode) return;

    const disabled = node.disabled?.value === true;
    const chosen = chosenParameters(parameters);
    const found = kind === 'trigger' ? this.triggerOperation(chosen, typeNode) : this.actionOperation(chosen, typeNode, name ?? path);
    if (!found) return;
    const step: OperationStep = {
      path,
      id: name,
      kind,
      ...this.connectionOf(node.credentials, chosen.jiraVersion),
      operation: found.operation,
      operationRange: found.range,
      inputs: this.inputsOf(parameters, found.parameters, name),
      ...(disabled ? { disabled: true } : {}),
      ...(kind === 'trigger' ? { webhookAdvice: N8N_WEBHOOK_ADVICE } : {}),
    };
    if (disabled) {
      this.problems.push({
        code: 'disabled-step',
        message: `Jira node "${name ?? path}" is disabled: n8n doesn't run it, so its permissions are not checked.`,
        range: this.range(nameNode ?? typeNode),
        step: name ?? path,
        operation: step.operation,
      });
    }
    // The model has one trigger; a workflow's further Jira Triggers are checked as steps of their own.
    if (kind === 'trigger' && !this.trigger) this.trigger = step;
    else this.actions.push(step);
  }

  private triggerOperation({ events: eventsNode }: ChosenParameters, typeNode: JsonNode) {
    const events = eventsNode?.type === 'array' ? (eventsNode.children ?? []).flatMap((e) => (e.type === 'string' ? [e.value as string] : [])) : undefined;
    return { operation: triggerOperation(events), range: this.range(typeNode), parameters: TRIGGER_PARAMETERS };
  }

  /** The catalog operation of a Jira node; undefined (with a problem) when its resource or operation is unknown. */
  private actionOperation({ resource: resourceNode, operation: operationNode }: ChosenParameters, typeNode: JsonNode, label: string) {
    const resourceName = resourceNode === undefined ? DEFAULT_RESOURCE : resourceNode.type === 'string' ? (resourceNode.value as string) : undefined;
    const resource: N8nResource | undefined = resourceName !== undefined && hasOwn(JIRA_RESOURCES, resourceName) ? JIRA_RESOURCES[resourceName] : undefined;
    if (!resource || resourceName === undefined) {
      const valid = Object.keys(JIRA_RESOURCES);
      this.unknown(
        resourceNode as JsonNode,
        label,
        `unknown resource ${this.shown(resourceNode as JsonNode)}. n8n's Jira node has the resources ${valid.join(', ')}.`,
        valid,
      );
      return undefined;
    }
    const operationName =
      operationNode === undefined ? resource.defaultOperation : operationNode.type === 'string' ? (operationNode.value as string) : undefined;
    const operation = operationName !== undefined && hasOwn(resource.operations, operationName) ? resource.operations[operationName] : undefined;
    if (!operation) {
      const valid = Object.keys(resource.operations);
      this.unknown(
        operationNode as JsonNode,
        label,
        `unknown operation ${this.shown(operationNode as JsonNode)} for resource "${resourceName}". n8n's operations for ${resourceName}: ${valid.join(', ')}.`,
        valid,
      );
      return undefined;
    }
    // Left out, the operation is n8n's default, named nowhere in the file but by the node's type.
    return { operation: operation.operation, range: this.range(operationNode ?? typeNode), parameters: operation.parameters };
  }

  private shown(node: JsonNode): string {
    return node.type === 'string' ? `"${node.value as string}"` : this.document.text.slice(node.offset, node.offset + node.length);
  }

  private unknown(node: JsonNode, label: string, text: string, valid: readonly string[]): void {
    const value = node.type === 'string' ? (node.value as string) : undefined;
    const suggestion = value === undefined ? undefined : closest(value, valid);
    this.problems.push({
      code: 'unknown-action',
      message: `Jira node "${label}": ${text}${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
      range: this.innerRange(node),
      step: label,
      operation: value ?? this.shown(node),
      ...(suggestion ? { suggestion } : {}),
    });
  }

  /** The Jira credential a node runs with: the one its `jiraVersion` picks, else any Jira credential it names. */
  private connectionOf(credentials: JsonNode | undefined, jiraVersion: JsonNode | undefined): Pick<OperationStep, 'connectionName' | 'connectionRange'> {
    const version = jiraVersion?.type === 'string' ? (jiraVersion.value as string) : 'cloud';
    const preferred = hasOwn(JIRA_CREDENTIALS, version) ? JIRA_CREDENTIALS[version] : undefined;
    let value: JsonNode | undefined;
    for (const property of credentials?.type === 'object' ? (credentials.children ?? []) : []) {
      const type = property.children?.[0]?.value;
      if (typeof type !== 'string' || !CREDENTIAL_TYPES.has(type)) continue;
      if (value === undefined || type === preferred) value = property.children?.[1];
      if (type === preferred) break;
    }
    // `{"id": "…", "name": "Jira SW Cloud account"}`; very old exports name the credential alone.
    const nameNode = value?.type === 'string' ? value : credentialName(value);
    const name = scalarText(nameNode)?.trim();
    if (!name || !nameNode) return {};
    const range = this.range(nameNode);
    if (!this.connections.has(name)) this.connections.set(name, { name, keyRange: range, provider: 'jira' });
    return { connectionName: name, connectionRange: range };
  }

  /** The inputs a node's parameters give, in the order they are written; each parameter looked at once. */
  private inputsOf(parameters: JsonNode | undefined, mappings: readonly ParameterMapping[], self: string | undefined): Map<string, InputEntry> {
    const inputs = new Map<string, InputEntry>();
    this.collectInputs(parameters, lookupOf(mappings), inputs, self);
    return inputs;
  }

  private collectInputs(object: JsonNode | undefined, lookup: Lookup, inputs: Map<string, InputEntry>, self: string | undefined): void {
    if (object?.type !== 'object') return;
    for (const property of object.children ?? []) {
      const keyNode = property.children?.[0];
      const valueNode = property.children?.[1];
      if (keyNode?.type !== 'string' || !valueNode) continue;
      const entry = lookup.get(keyNode.value as string);
      if (entry === undefined) continue;
      if (entry instanceof Map) {
        this.collectInputs(valueNode, entry, inputs, self);
        continue;
      }
      if (inputs.has(entry.input)) continue;
      const value = this.parameterValue(valueNode, entry.preferCachedName === true, self);
      // An empty parameter (a template's blank project) is left out: the step is then unverified, never wrong.
      if (value) inputs.set(entry.input, { key: entry.input, keyRange: this.range(keyNode), ...value });
    }
  }

  private parameterValue(node: JsonNode, preferCachedName: boolean, self: string | undefined): ParameterValue | undefined {
    if (isResourceLocator(node)) {
      // `{"__rl": true, "mode": "list" | "id" | "url", "value": "10001", "cachedResultName": "Operations"}`
      const inner = field(node, 'value');
      const value = inner && !isResourceLocator(inner) ? this.parameterValue(inner, false, self) : undefined;
      const cached = preferCachedName && stringField(node, 'mode') === 'list' ? stringField(node, 'cachedResultName')?.trim() : undefined;
      return value && cached && !value.dynamic ? { ...value, literal: cached } : value;
    }
    const valueRange = this.range(node);
    switch (node.type) {
      case 'string': {
        const read = readParameterString(node.value as string);
        if (!read.dynamic && !read.literal.trim()) return undefined;
        return { valueRange, literal: read.literal, dynamic: read.dynamic, refs: this.stepRefs(read.refs, self) };
      }
      case 'number':
      case 'boolean':
        return { valueRange, literal: String(node.value), dynamic: false, refs: [] };
      case 'array':
      case 'object':
        return node.children?.length ? { valueRange, dynamic: false, refs: [] } : undefined;
      default:
        return undefined;
    }
  }

  /** Node names an expression refers to; the current item (`$json`) stands for the nodes it comes from. */
  private stepRefs(refs: readonly ExpressionRef[], self: string | undefined): string[] {
    const names: string[] = [];
    const add = (name: string) => {
      if (name !== self && !names.includes(name)) names.push(name);
    };
    for (const ref of refs) {
      if ('node' in ref) add(ref.node);
      else if (self !== undefined) for (const name of this.itemSourcesOf(self)) add(name);
    }
    return names;
  }

  /** The nodes whose items reach this one: those connected into it, looking past nodes that pass items on. */
  private itemSourcesOf(name: string): string[] {
    const cached = this.itemSources.get(name);
    if (cached) return cached;
    const found: string[] = [];
    const seen = new Set<string>([name]);
    const visit = (target: string) => {
      for (const source of this.sources.get(target) ?? []) {
        if (seen.has(source)) continue;
        seen.add(source);
        if (passesItemsThrough(this.typesByName.get(source))) visit(source);
        else found.push(source);
      }
    };
    visit(name);
    this.itemSources.set(name, found);
    return found;
  }
}

/** `connections[source].main[output][i].node === target`, turned round: target → its sources. */
function mainSources(connections: JsonNode | undefined): Map<string, string[]> {
  const sources = new Map<string, string[]>();
  for (const property of connections?.type === 'object' ? (connections.children ?? []) : []) {
    const source = property.children?.[0]?.value;
    if (typeof source !== 'string') continue;
    const main = field(property.children?.[1], 'main');
    for (const branch of main?.type === 'array' ? (main.children ?? []) : []) {
      for (const link of branch.type === 'array' ? (branch.children ?? []) : []) {
        const target = scalarText(field(link, 'node'));
        if (target === undefined) continue;
        const list = sources.get(target);
        if (!list) sources.set(target, [source]);
        else if (!list.includes(source)) list.push(source);
      }
    }
  }
  return sources;
}

/** The parts of a node we read, found in one pass over its properties (of duplicate keys the first, as `propertyOf` takes). */
interface NodeFields {
  name?: JsonNode;
  type?: JsonNode;
  parameters?: JsonNode;
  credentials?: JsonNode;
  disabled?: JsonNode;
}

function nodeFields(node: JsonNode): NodeFields | undefined {
  if (node.type !== 'object') return undefined;
  const fields: NodeFields = {};
  for (const property of node.children ?? []) {
    const key: unknown = property.children?.[0]?.value;
    if (key === 'name' || key === 'type' || key === 'parameters' || key === 'credentials' || key === 'disabled') fields[key] ??= property.children?.[1];
  }
  return fields;
}

/** The parameters that choose what a node does, found in one pass over them. */
interface ChosenParameters {
  resource?: JsonNode;
  operation?: JsonNode;
  jiraVersion?: JsonNode;
  events?: JsonNode;
}

function chosenParameters(parameters: JsonNode | undefined): ChosenParameters {
  const chosen: ChosenParameters = {};
  if (parameters?.type !== 'object') return chosen;
  for (const property of parameters.children ?? []) {
    const key: unknown = property.children?.[0]?.value;
    if (key === 'resource' || key === 'operation' || key === 'jiraVersion' || key === 'events') chosen[key] ??= property.children?.[1];
  }
  return chosen;
}

/** A credential's `name`, else (a credential without one) its `id`. */
function credentialName(credential: JsonNode | undefined): JsonNode | undefined {
  if (credential?.type !== 'object') return undefined;
  let id: JsonNode | undefined;
  for (const property of credential.children ?? []) {
    const key: unknown = property.children?.[0]?.value;
    const value = property.children?.[1];
    if (key === 'name' && scalarText(value)?.trim()) return value;
    if (key === 'id') id ??= value;
  }
  return id;
}

/**
 * The value under `key` in an object node. A plain loop: these lookups run for every node, and jsonc-parser's nodes
 * come in many shapes, which makes each property read slow.
 */
function field(node: JsonNode | undefined, key: string): JsonNode | undefined {
  if (node?.type !== 'object' || !node.children) return undefined;
  for (const property of node.children) if (property.children?.[0]?.value === key) return property.children[1];
  return undefined;
}

function stringField(node: JsonNode | undefined, key: string): string | undefined {
  const value = field(node, key);
  return value?.type === 'string' ? (value.value as string) : undefined;
}

function isResourceLocator(node: JsonNode): boolean {
  if (node.type !== 'object' || !node.children) return false;
  let marked = false;
  let mode = false;
  let value = false;
  for (const property of node.children) {
    const key: unknown = property.children?.[0]?.value;
    if (key === '__rl') marked = property.children?.[1]?.value === true;
    else if (key === 'mode') mode = true;
    else if (key === 'value') value = true;
  }
  return marked || (mode && value);
}

/** Parameter mappings as a tree of names (`additionalFields` → `assignee` → the mapping), built once per table. */
type Lookup = Map<string, ParameterMapping | Lookup>;
const lookups = new WeakMap<readonly ParameterMapping[], Lookup>();

function lookupOf(mappings: readonly ParameterMapping[]): Lookup {
  let lookup = lookups.get(mappings);
  if (lookup) return lookup;
  lookup = new Map();
  for (const mapping of mappings) {
    let level = lookup;
    mapping.path.forEach((segment, i) => {
      if (i === mapping.path.length - 1) {
        if (!level.has(segment)) level.set(segment, mapping);
        return;
      }
      let next = level.get(segment);
      if (!(next instanceof Map)) level.set(segment, (next = new Map()));
      level = next;
    });
  }
  lookups.set(mappings, lookup);
  return lookup;
}
