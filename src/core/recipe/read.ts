import { errorMessage } from '../text/error-message';
import { START_RANGE } from '../text/range';
import { jsonNestsTooDeep, MAX_RECIPE_BYTES, NESTING_MESSAGE } from './limits';
import { parseJsonDocument } from './json/tree';
import { emptyModel, type ReadProblem, type ReadRecipe, type RecipeFormat } from './model';
import { isN8nWorkflow, readN8nWorkflow } from './n8n/read';
import { isWorkatoRecipe, readWorkatoRecipe } from './workato/read';
import { EMPTY_YAML_MESSAGE, readYamlRecipe } from './yaml/read';

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
  const jsonName = isJsonFileName(options.fileName);
  const fallback: RecipeFormat = jsonName ? 'n8n' : 'yaml';
  const refused = refusal(text, jsonName);
  if (refused) return failed(text, fallback, refused);
  const syntax = jsonName ? 'json-syntax' : 'yaml-syntax';
  try {
    if (jsonName || (options.fileName === undefined && looksLikeJsonObject(text))) {
      if (jsonNestsTooDeep(text)) return failed(text, fallback, { code: 'json-syntax', message: NESTING_MESSAGE, range: START_RANGE });
      const read = readJsonRecipe(text);
      if (read || jsonName) return read ?? unknownJson(text);
    }
    return readYamlRecipe(text);
  } catch (e) {
    // Whatever goes wrong stays on this one file: the other files of a run are checked as usual.
    if (e instanceof RangeError) return failed(text, fallback, { code: syntax, message: NESTING_MESSAGE, range: START_RANGE });
    if (e instanceof ReferenceError && /alias/i.test(e.message))
      return failed(text, fallback, { code: syntax, message: `The YAML parser refused the file: ${e.message}.`, range: START_RANGE });
    return unreadableRecipe(text, fallback, e);
  }
}

/** A file that could not be read at all, for the reason given; the finding sits at its start. */
export function unreadableRecipe(text: string, format: RecipeFormat, reason: unknown): ReadRecipe {
  return failed(text, format, { code: 'unreadable-file', message: `This file could not be read: ${errorMessage(reason)}.`, range: START_RANGE });
}

/** A file over `MAX_RECIPE_BYTES`, refused by its size before it is read. */
export function oversizedRecipe(bytes: number, fileName?: string): ReadRecipe {
  return failed('', isJsonFileName(fileName) ? 'n8n' : 'yaml', oversized(bytes));
}

/** The format of a JSON text we recognise, without building anything; undefined for other JSON. */
export function detectJsonFormat(text: string): RecipeFormat | undefined {
  // Most JSON in a workspace is neither: a look at the text spares parsing it.
  if (refusal(text, true) || !looksLikeJsonObject(text) || !MAY_BE_RECIPE.test(text)) return undefined;
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

/** Huge, binary or empty files are refused before any parser sees them. */
function refusal(text: string, json: boolean): ReadProblem | undefined {
  if (text.length > MAX_RECIPE_BYTES) return oversized(text.length);
  if (text.includes('\u0000'))
    return { code: 'unreadable-file', message: 'This is not a text file (it holds binary data); it is not checked.', range: START_RANGE };
  if (!text.replace(/^\uFEFF/, '').trim())
    return json
      ? { code: 'unknown-format', message: 'The file is empty: an n8n workflow or a Workato recipe export is a JSON object.', range: START_RANGE }
      : { code: 'schema', message: EMPTY_YAML_MESSAGE, range: START_RANGE };
  return undefined;
}

function oversized(bytes: number): ReadProblem {
  return {
    code: 'unreadable-file',
    message: `The file is ${(bytes / 1024 / 1024).toFixed(1)} MB, far larger than any recipe (at most ${MAX_RECIPE_BYTES / 1024 / 1024} MB); it is not checked.`,
    range: START_RANGE,
  };
}

function failed(text: string, format: RecipeFormat, problem: ReadProblem): ReadRecipe {
  return { text, model: emptyModel(format), problems: [problem], broken: true };
}

/** Text every n8n workflow (a node type) or Workato recipe (the trigger keyword) holds. */
const MAY_BE_RECIPE = /n8n-nodes-base\.|"@n8n\/|"keyword"\s*:\s*"trigger"|\\"keyword\\"\s*:\s*\\"trigger\\"/i;

function looksLikeJsonObject(text: string): boolean {
  return /^\uFEFF?\s*\{\s*"/.test(text);
}
