import { isMap, isScalar, isSeq, type Node, type Scalar } from 'yaml';
import { pairOf, stringAt, type RecipeDocument } from './document';

/**
 * The parts of a recipe that the permission check reads, taken from the syntax tree so each keeps its node (and so
 * its range). Tolerant: a step that the schema rejects is skipped here, not guessed at.
 */

export interface InputEntry {
  readonly key: string;
  readonly keyNode: Scalar;
  readonly valueNode: Node | null;
  /** The value when it is a plain scalar (string, number, boolean); undefined for maps and lists. */
  readonly literal?: string;
}

export interface OperationStep {
  /** `trigger`, or a path such as `steps/1/then/0`. */
  readonly path: string;
  readonly id?: string;
  readonly kind: 'trigger' | 'action';
  readonly connectionName?: string;
  readonly connectionNode?: Scalar;
  readonly operation: string;
  /** The value of `event:` or `action:`. */
  readonly operationNode: Scalar;
  readonly inputs: ReadonlyMap<string, InputEntry>;
}

export interface StepIdEntry {
  readonly id: string;
  readonly node: Scalar;
  readonly path: string;
}

export interface ConnectionEntry {
  readonly name: string;
  readonly keyNode: Scalar;
  readonly provider?: string;
  readonly host?: string;
  readonly hostNode?: Scalar;
}

export interface RecipeModel {
  readonly name?: string;
  readonly connections: ReadonlyMap<string, ConnectionEntry>;
  /** True when the recipe has a `connections:` block; without one, a connection's name is its provider. */
  readonly declaresConnections: boolean;
  readonly defaultProject?: string;
  readonly trigger?: OperationStep;
  /** Action steps in document order, at any depth of if/foreach blocks. */
  readonly actions: readonly OperationStep[];
  /** Every `id:` of the trigger and of steps and blocks, in document order. */
  readonly ids: readonly StepIdEntry[];
}

export function buildRecipeModel(document: RecipeDocument): RecipeModel {
  const root = document.doc.contents;
  const ids: StepIdEntry[] = [];
  const actions: OperationStep[] = [];

  const trigger = operationStep(pairOf(root, 'trigger')?.value, 'trigger', 'trigger', ids);
  collectSteps(pairOf(root, 'steps')?.value, 'steps', actions, ids);

  return {
    name: stringAt(root, 'name')?.value,
    connections: connectionsOf(pairOf(root, 'connections')?.value),
    declaresConnections: pairOf(root, 'connections') !== undefined,
    defaultProject: stringAt(pairOf(root, 'defaults')?.value, 'project')?.value,
    trigger,
    actions,
    ids,
  };
}

function collectSteps(list: unknown, path: string, actions: OperationStep[], ids: StepIdEntry[]): void {
  if (!isSeq(list)) return;
  list.items.forEach((item, index) => {
    const itemPath = `${path}/${index}`;
    if (!isMap(item)) return;
    if (pairOf(item, 'if') || pairOf(item, 'foreach')) {
      recordId(item, itemPath, ids);
      collectSteps(pairOf(item, 'then')?.value, `${itemPath}/then`, actions, ids);
      collectSteps(pairOf(item, 'else')?.value, `${itemPath}/else`, actions, ids);
      collectSteps(pairOf(item, 'steps')?.value, `${itemPath}/steps`, actions, ids);
      return;
    }
    const step = operationStep(item, 'action', itemPath, ids);
    if (step) actions.push(step);
  });
}

function recordId(map: unknown, path: string, ids: StepIdEntry[]): string | undefined {
  const id = stringAt(map, 'id');
  if (id) ids.push({ id: id.value, node: id.node, path });
  return id?.value;
}

function operationStep(map: unknown, kind: 'trigger' | 'action', path: string, ids: StepIdEntry[]): OperationStep | undefined {
  if (!isMap(map)) return undefined;
  const id = recordId(map, path, ids);
  const operation = stringAt(map, kind === 'trigger' ? 'event' : 'action');
  if (!operation) return undefined;
  const connection = stringAt(map, 'connection');
  return {
    path,
    id,
    kind,
    connectionName: connection?.value,
    connectionNode: connection?.node,
    operation: operation.value,
    operationNode: operation.node,
    inputs: inputsOf(pairOf(map, 'input')?.value),
  };
}

function inputsOf(map: unknown): Map<string, InputEntry> {
  const inputs = new Map<string, InputEntry>();
  if (!isMap(map)) return inputs;
  for (const pair of map.items) {
    if (!isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    const valueNode = (pair.value ?? null) as Node | null;
    const literal = isScalar(valueNode) && valueNode.value !== null && typeof valueNode.value !== 'object' ? String(valueNode.value) : undefined;
    inputs.set(key, { key, keyNode: pair.key as Scalar, valueNode, literal });
  }
  return inputs;
}

function connectionsOf(map: unknown): Map<string, ConnectionEntry> {
  const connections = new Map<string, ConnectionEntry>();
  if (!isMap(map)) return connections;
  for (const pair of map.items) {
    if (!isScalar(pair.key)) continue;
    const name = String(pair.key.value);
    const host = stringAt(pair.value, 'host');
    connections.set(name, { name, keyNode: pair.key as Scalar, provider: stringAt(pair.value, 'provider')?.value, host: host?.value, hostNode: host?.node });
  }
  return connections;
}
