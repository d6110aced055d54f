import { START_RANGE } from '../text/range';
import { parseJsonDocument } from './json/tree';
import { emptyModel, type ReadProblem, type ReadRecipe, type RecipeFormat } from './model';
import { isN8nWorkflow, readN8nWorkflow } from './n8n/read';
import { isWorkatoRecipe, readWorkatoRecipe } from './workato/read';
import { readYamlRecipe } from './yaml/read';

/** Far larger than any recipe: such a file gets a finding instead of being parsed (and freezing an editor). */
export const MAX_RECIPE_BYTES = 5 * 1024 * 1024;

export interface ReadOptions {
  /** The file's name or path: `.json` files are read as JSON formats, everything else as our YAML format. */
  readonly fileName?: string;
}

/** Whether a file name is a JSON file, whose format is told by its content. */
export function isJsonFileName(fileName: string | undefined): boolean {
  return fileName !== undefined && /\.json$/i.test(fileName);
}

/**
 * Reads a recipe file of any format we know into the one recipe model. The format is told by content: `.json` files
 * (and text without a name that is a JSON object) are n8n workflows or Workato recipes; anything else is our YAML.
 * Never throws: a file that can't be read becomes a problem on that file.
 */
export function readRecipe(text: string, options: ReadOptions = {}): ReadRecipe {
  const fallback: RecipeFormat = isJsonFileName(options.fileName) ? 'n8n' : 'yaml';
  const refused = refusal(text);
  if (refused) return failed(text, fallback, refused);
  try {
    if (isJsonFileName(options.fileName) || (options.fileName === undefined && looksLikeJsonObject(text))) {
      const read = readJsonRecipe(text);
      if (read || isJsonFileName(options.fileName)) return read ?? unknownJson(text);
    }
    return readYamlRecipe(text);
  } catch (e) {
    // A parser's resource limit (alias bombs, deep nesting) or any other failure stays on this one file.
    const reason = e instanceof Error ? e.message : String(e);
    return failed(text, fallback, {
      code: isJsonFileName(options.fileName) ? 'json-syntax' : 'yaml-syntax',
      message: `The file could not be read: ${reason}.`,
      range: START_RANGE,
    });
  }
}

/** The format of a JSON text we recognise, without building anything; undefined for other JSON. */
export function detectJsonFormat(text: string): RecipeFormat | undefined {
  // Most JSON in a workspace is neither: a look at the text spares parsing it.
  if (refusal(text) || !looksLikeJsonObject(text) || !MAY_BE_RECIPE.test(text)) return undefined;
  const { root } = parseJsonDocument(text);
  if (!root) return undefined;
  if (isN8nWorkflow(root)) return 'n8n';
  if (isWorkatoRecipe(root)) return 'workato';
  return undefined;
}

/** An n8n workflow or a Workato recipe; undefined for JSON that is neither (and parses). */
function readJsonRecipe(text: string): ReadRecipe | undefined {
  const document = parseJsonDocument(text);
  if (document.root && isN8nWorkflow(document.root)) return readN8nWorkflow(document);
  if (document.root && isWorkatoRecipe(document.root)) return readWorkatoRecipe(document);
  if (document.syntaxErrors.length) return { text, model: emptyModel('n8n'), problems: document.syntaxErrors, broken: true };
  return undefined;
}

function unknownJson(text: string): ReadRecipe {
  return failed(text, 'n8n', {
    code: 'unknown-format',
    message:
      'Not a recipe jira-recipe-lint knows: expected an n8n workflow (a "nodes" list of n8n nodes) or a Workato recipe export (a "code" block whose keyword is "trigger").',
    range: START_RANGE,
  });
}

/** Empty, binary or huge files are refused before any parser sees them. */
function refusal(text: string): ReadProblem | undefined {
  if (text.length > MAX_RECIPE_BYTES)
    return {
      code: 'unknown-format',
      message: `The file is ${(text.length / 1024 / 1024).toFixed(1)} MB, far larger than any recipe; it is not checked.`,
      range: START_RANGE,
    };
  if (!text.replace(/^\uFEFF/, '').trim())
    return { code: 'unknown-format', message: 'The file is empty: a recipe needs at least a name and its steps.', range: START_RANGE };
  if (text.includes('\u0000'))
    return { code: 'unknown-format', message: 'The file is not text (it holds binary data); it is not checked.', range: START_RANGE };
  return undefined;
}

function failed(text: string, format: RecipeFormat, problem: ReadProblem): ReadRecipe {
  return { text, model: emptyModel(format), problems: [problem], broken: true };
}

/** Text every n8n workflow (a node type) or Workato recipe (the trigger keyword) holds. */
const MAY_BE_RECIPE = /n8n-nodes-base\.|"@n8n\/|"keyword"\s*:\s*"trigger"|\\"keyword\\"\s*:\s*\\"trigger\\"/i;

function looksLikeJsonObject(text: string): boolean {
  return /^\uFEFF?\s*\{\s*"/.test(text);
}
