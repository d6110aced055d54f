import { propertyOf, stringOf, valueOf, type JsonDocument, type JsonNode } from '../json/tree';
import { emptyModel, type ReadProblem, type ReadRecipe, type RecipeModel } from '../model';
import { connectionsOf } from './config';
import { parseEmbedded, rangesIn, rangesOfString, type RangeOf } from './part';
import { StepWalker } from './steps';

/**
 * Workato recipe exports: the recipe JSON of an exported package (`*.recipe.json`): `{"name", "code", "config", …}`
 * where `code` is the trigger step (`"keyword": "trigger"`) holding the other steps in `block` lists, and `config`
 * lists the recipe's connections. Tools that pull recipes through Workato's API wrap them as
 * `{"recipe_id", "code", "version": {"name", "config", …}}`, with `code` and `version.config` possibly JSON strings.
 */
export function isWorkatoRecipe(root: JsonNode): boolean {
  if (root.type !== 'object') return false;
  const code = valueOf(root, 'code');
  if (isTriggerStep(code)) return true;
  return code?.type === 'string' && propertyOf(root, 'recipe_id') !== undefined && isTriggerStep(parseEmbedded(code.value as string));
}

function isTriggerStep(node: JsonNode | undefined): boolean {
  return node?.type === 'object' && stringOf(node, 'keyword') === 'trigger';
}

export function readWorkatoRecipe(document: JsonDocument): ReadRecipe {
  const { text, root } = document;
  if (document.syntaxErrors.length || !root) return { text, model: emptyModel('workato'), problems: document.syntaxErrors, broken: true };
  const problems: ReadProblem[] = [];
  const version = valueOf(root, 'version');
  const code = partOf(document, valueOf(root, 'code'), 'code', problems);
  const config = partOf(document, valueOf(root, 'config') ?? valueOf(version, 'config'), 'config', problems);
  const { connections, byProvider } = connectionsOf(config?.node, config?.rangeOf ?? rangesIn(document));
  const walker = new StepWalker(code?.rangeOf ?? rangesIn(document), (provider) => byProvider.get(provider));
  if (code && isTriggerStep(code.node)) walker.walkTrigger(code.node);
  else
    problems.push({
      code: 'schema',
      message: '"code" must be the recipe\'s trigger step (an object whose "keyword" is "trigger").',
      range: (code?.rangeOf ?? rangesIn(document))(code?.node ?? root),
    });
  const model: RecipeModel = {
    format: 'workato',
    name: stringOf(root, 'name') ?? stringOf(version, 'name'),
    connections,
    declaresConnections: connections.size > 0,
    trigger: walker.trigger,
    actions: walker.actions,
    ids: walker.ids,
  };
  return { text, model, problems: [...problems, ...walker.problems], broken: false };
}

interface Part {
  readonly node: JsonNode;
  readonly rangeOf: RangeOf;
}

/** A part of the recipe as a tree, whether the export holds it as JSON or as a string of JSON. */
function partOf(document: JsonDocument, node: JsonNode | undefined, name: string, problems: ReadProblem[]): Part | undefined {
  if (!node || node.type === 'null') return undefined;
  if (node.type !== 'string') return { node, rangeOf: rangesIn(document) };
  const rangeOf = rangesOfString(document, node);
  const parsed = parseEmbedded(node.value as string);
  if (!parsed) {
    problems.push({ code: 'schema', message: `"${name}" holds a string that is not valid JSON; it is not checked.`, range: rangeOf(node) });
    return undefined;
  }
  return { node: parsed, rangeOf };
}
