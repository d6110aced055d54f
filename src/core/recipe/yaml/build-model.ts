import { isMap, isScalar, isSeq, type Node, type Scalar } from 'yaml';
import { RUNTIME_PART, type ConnectionEntry, type InputCoverage, type InputEntry, type OperationStep, type RecipeModel, type StepIdEntry } from '../model';
import { nodeRange, pairOf, stringAt, type RecipeDocument } from './document';

/**
 * Our YAML recipe format → the recipe model, with each part's range taken from the syntax tree. Tolerant: a step
 * that the schema rejects is skipped here, not guessed at.
 */
export function buildYamlModel(document: RecipeDocument): RecipeModel {
  const builder = new YamlModelBuilder(document);
  const root = document.doc.contents;
  const trigger = builder.operationStep(pairOf(root, 'trigger')?.value, 'trigger', 'trigger');
  builder.collectSteps(pairOf(root, 'steps')?.value, 'steps');
  return {
    format: 'yaml',
    name: stringAt(root, 'name')?.value,
    connections: builder.connectionsOf(pairOf(root, 'connections')?.value),
    declaresConnections: pairOf(root, 'connections') !== undefined,
    defaultProject: stringAt(pairOf(root, 'defaults')?.value, 'project')?.value,
    trigger,
    actions: builder.actions,
    ids: builder.ids,
  };
}

/** `{{ id.… }}` or `{{ id[…] }}`: a reference to the output of the step with that id. */
const REFERENCE = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*[.[]/g;
const TEMPLATE = /\{\{/;
const TEMPLATES = /\{\{[\s\S]*?\}\}/g;
/** Our YAML names every input as the catalog does, and has no defaults: input checks see all. */
const FULL_COVERAGE: InputCoverage = { names: true, absence: 'all' };

function isNullScalar(node: unknown): boolean {
  return isScalar(node) && node.value === null;
}

class YamlModelBuilder {
  readonly ids: StepIdEntry[] = [];
  readonly actions: OperationStep[] = [];

  constructor(private readonly document: RecipeDocument) {}

  private range(node: Node | null | undefined) {
    return nodeRange(this.document, node);
  }

  collectSteps(list: unknown, path: string): void {
    if (!isSeq(list)) return;
    list.items.forEach((item, index) => {
      const itemPath = `${path}/${index}`;
      if (!isMap(item)) return;
      if (pairOf(item, 'if') || pairOf(item, 'foreach')) {
        this.recordId(item, itemPath);
        for (const branch of ['then', 'else', 'steps']) this.collectSteps(pairOf(item, branch)?.value, `${itemPath}/${branch}`);
        return;
      }
      const step = this.operationStep(item, 'action', itemPath);
      if (step) this.actions.push(step);
    });
  }

  private recordId(map: unknown, path: string): string | undefined {
    const id = stringAt(map, 'id');
    if (id) this.ids.push({ id: id.value, range: this.range(id.node), path });
    return id?.value;
  }

  operationStep(map: unknown, kind: 'trigger' | 'action', path: string): OperationStep | undefined {
    if (!isMap(map)) return undefined;
    const id = this.recordId(map, path);
    const operation = stringAt(map, kind === 'trigger' ? 'event' : 'action');
    if (!operation) return undefined;
    const connection = stringAt(map, 'connection');
    const input = pairOf(map, 'input');
    // An `input` that is no mapping is the schema's finding; its inputs are then not checked.
    const checkable = !input || isMap(input.value) || input.value === null || isNullScalar(input.value);
    return {
      path,
      id,
      kind,
      connectionName: connection?.value,
      connectionRange: connection && this.range(connection.node),
      operation: operation.value,
      operationRange: this.range(operation.node),
      inputs: this.inputsOf(input?.value),
      inputRange: input && this.range(input.key),
      ...(checkable ? { inputCoverage: FULL_COVERAGE } : {}),
    };
  }

  private inputsOf(map: unknown): Map<string, InputEntry> {
    const inputs = new Map<string, InputEntry>();
    if (!isMap(map)) return inputs;
    for (const pair of map.items) {
      if (!isScalar(pair.key)) continue;
      const key = String(pair.key.value);
      const valueNode = (pair.value ?? null) as Node | null;
      const literal = isScalar(valueNode) && valueNode.value !== null && typeof valueNode.value !== 'object' ? String(valueNode.value) : undefined;
      const dynamic = literal !== undefined && TEMPLATE.test(literal);
      const refs = dynamic ? [...literal.matchAll(REFERENCE)].map((m) => m[1]) : [];
      const blank =
        valueNode === null || isNullScalar(valueNode) || literal?.trim() === '' || ((isMap(valueNode) || isSeq(valueNode)) && !valueNode.items.length);
      const shape = dynamic ? literal.replace(TEMPLATES, RUNTIME_PART) : undefined;
      const fields = isMap(valueNode) && valueNode.items.length ? this.inputsOf(valueNode) : undefined;
      inputs.set(key, {
        key,
        keyRange: this.range(pair.key as Scalar),
        valueRange: this.range(valueNode),
        literal,
        dynamic,
        refs,
        ...(blank ? { blank } : {}),
        ...(shape ? { shape } : {}),
        ...(fields ? { fields } : {}),
      });
    }
    return inputs;
  }

  connectionsOf(map: unknown): Map<string, ConnectionEntry> {
    const connections = new Map<string, ConnectionEntry>();
    if (!isMap(map)) return connections;
    for (const pair of map.items) {
      if (!isScalar(pair.key)) continue;
      const name = String(pair.key.value);
      const host = stringAt(pair.value, 'host');
      connections.set(name, {
        name,
        keyRange: this.range(pair.key as Scalar),
        provider: stringAt(pair.value, 'provider')?.value,
        host: host?.value,
        hostRange: host && this.range(host.node),
      });
    }
    return connections;
  }
}
