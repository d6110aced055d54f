import { keyOf, propertyOf, scalarText, stringOf, valueOf, type JsonNode } from '../json/tree';
import type { OperationStep, ReadProblem, StepIdEntry } from '../model';
import { isJiraProvider } from './config';
import { inputsOf, referencesIn } from './inputs';
import { lookUpName, type RealtimeTrigger } from './names';
import type { RangeOf } from './part';

/** Deeper blocks than any recipe has; the walk stops there instead of recursing without end. */
const MAX_BLOCK_DEPTH = 200;

/**
 * Walks a Workato `code` tree: the trigger is its root, steps nest in `block` lists under any keyword (`action`,
 * `if`, `elsif`, `else`, `foreach`, `repeat`, `while_condition`, `try`, `catch`, `stop`…) to any depth. Every `as`
 * is an id; only steps whose provider is Jira become operation steps. Tolerant of any shape: what it can't read is a
 * problem, never an exception.
 */
export class StepWalker {
  readonly ids: StepIdEntry[] = [];
  readonly actions: OperationStep[] = [];
  readonly problems: ReadProblem[] = [];
  trigger: OperationStep | undefined;
  /** A `foreach` loop's `as` → the steps whose list it walks, so that its current item leads back to them. */
  private readonly loopSources = new Map<string, string[]>();

  constructor(
    private readonly rangeOf: RangeOf,
    /** The connection name of a Jira provider that the recipe's config lists. */
    private readonly connectionOf: (provider: string) => string | undefined,
  ) {}

  walkTrigger(code: JsonNode): void {
    this.walk(code, 'code', 0);
  }

  private walk(node: JsonNode | undefined, path: string, depth: number): void {
    if (node?.type !== 'object') return;
    const as = this.recordId(node, path);
    const keyword = stringOf(node, 'keyword');
    if (keyword === 'foreach' && as) this.loopSources.set(as, this.loopSourceRefs(node));
    const provider = stringOf(node, 'provider');
    const isOperation = depth === 0 || keyword === 'action' || keyword === undefined;
    if (isJiraProvider(provider) && isOperation) {
      const step = this.operationStep(node, depth === 0 ? 'trigger' : 'action', path, as, provider);
      if (step?.kind === 'trigger') this.trigger = step;
      else if (step) this.actions.push(step);
    }
    const block = valueOf(node, 'block');
    if (!block || block.type === 'null') return;
    if (block.type !== 'array') {
      this.problem('schema', `"block" must be a list of steps; the steps in it are not checked.`, block, as ?? path);
      return;
    }
    if (depth >= MAX_BLOCK_DEPTH) {
      this.problem(
        'schema',
        `Blocks are nested more than ${MAX_BLOCK_DEPTH} deep here; the steps below are not checked.`,
        propertyOf(node, 'block')?.children?.[0],
        as ?? path,
      );
      return;
    }
    (block.children ?? []).forEach((child, index) => this.walk(child, `${path}/block/${index}`, depth + 1));
  }

  private recordId(node: JsonNode, path: string): string | undefined {
    const asNode = valueOf(node, 'as');
    const as = scalarText(asNode)?.trim();
    if (!as) return undefined;
    this.ids.push({ id: as, range: this.rangeOf(asNode), path });
    return as;
  }

  /** The loop's list is a pill (`source`, at the step's root; older exports may keep it in `input`). */
  private loopSourceRefs(node: JsonNode): string[] {
    const source = valueOf(node, 'source') ?? valueOf(valueOf(node, 'input'), 'source');
    return source?.type === 'string' ? referencesIn(source.value as string, this.loopSources) : [];
  }

  private operationStep(node: JsonNode, kind: 'trigger' | 'action', path: string, as: string | undefined, provider: string): OperationStep | undefined {
    const nameNode = valueOf(node, 'name');
    const stepName = as ?? path;
    if (nameNode?.type !== 'string' || !(nameNode.value as string).trim()) {
      this.problem('schema', `This Jira ${kind} has no ${kind} name ("name"); it is not checked.`, nameNode ?? valueOf(node, 'provider'), stepName);
      return undefined;
    }
    const name = nameNode.value as string;
    const found = lookUpName(name, kind);
    const code = kind === 'trigger' ? 'unknown-trigger' : 'unknown-action';
    if (found.found === 'unchecked') return undefined;
    if (found.found === 'other-kind') {
      this.problem(code, `"${name}" is a Jira ${found.kind}, not ${kind === 'trigger' ? 'a trigger' : 'an action'}.`, nameNode, stepName, name);
      return undefined;
    }
    if (found.found === 'unknown') {
      const hint = found.suggestion ? ` Did you mean "${found.suggestion}"?` : '';
      this.problem(
        code,
        `Unknown Jira ${kind} "${name}": Workato's Jira connector has no ${kind} of that name.${hint}`,
        nameNode,
        stepName,
        name,
        found.suggestion,
      );
      return undefined;
    }
    const inputProperty = propertyOf(node, 'input');
    const input = valueOf(node, 'input');
    if (input && input.type !== 'object' && input.type !== 'null')
      this.problem('schema', `"input" must be an object of fields; this step's fields are not checked.`, input, stepName, name);
    return {
      path,
      id: as,
      label: readableLabel(node),
      kind,
      connectionName: this.connectionOf(provider),
      connectionRange: this.rangeOf(valueOf(node, 'provider')),
      operation: found.name.catalog,
      operationRange: this.rangeOf(nameNode),
      inputs: inputsOf(input?.type === 'object' ? input : undefined, this.rangeOf, this.loopSources),
      inputRange: inputProperty && this.rangeOf(keyOf(inputProperty)),
      // Fields keep their Workato names where we know no other: only a step whose fields are all known can lack one.
      ...(!input || input.type === 'object' || input.type === 'null' ? { inputCoverage: { names: false, absence: 'all-if-known' } } : {}),
      webhookAdvice: found.name.realtime ? webhookAdvice(found.name.realtime) : undefined,
    };
  }

  private problem(code: ReadProblem['code'], message: string, node: JsonNode | undefined, step?: string, operation?: string, suggestion?: string): void {
    this.problems.push({ code, message, range: this.rangeOf(node), step, operation, ...(suggestion ? { suggestion } : {}) });
  }
}

/**
 * Workato's ways round a real-time trigger the account may not register (docs.workato.com, the Jira real-time
 * trigger pages): an administrator registers the webhook and the recipe starts with the Webhooks connector, or the
 * recipe polls instead.
 */
function webhookAdvice({ polling }: RealtimeTrigger): string {
  const instead = polling
    ? `, or switch to the polling trigger "${polling.title}" (${polling.name})`
    : `, or poll Jira with the HTTP connector's "New event via polling" trigger`;
  return `In Workato, ask a Jira administrator to register the webhook by hand (Jira administration → System → WebHooks) and start the recipe with the Webhooks connector's "New event" trigger${instead}.`;
}

/** A step's title, else its description without the markup Workato puts in it. */
function readableLabel(node: JsonNode): string | undefined {
  for (const key of ['title', 'description']) {
    const text = stringOf(node, key)
      ?.replace(/<[^>]*>/g, '')
      .replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e] ?? '')
      .replace(/\s+/g, ' ')
      .trim();
    if (text) return text;
  }
  return undefined;
}
