import { START_RANGE } from '../../text/range';
import { NESTING_MESSAGE, yamlNestsTooDeep } from '../limits';
import { emptyModel, type ReadProblem, type ReadRecipe } from '../model';
import { buildYamlModel } from './build-model';
import { parseRecipeDocument } from './document';
import { validateRecipeSchema } from './schema-validation';
import { suppressionComments } from './suppressions';

/** For an empty YAML recipe, or one of comments only. */
export const EMPTY_YAML_MESSAGE = 'The file is empty: a recipe needs at least a name and a trigger (name: …, trigger: { event: … }).';

/** Reads one of our YAML recipes: syntax errors alone when it doesn't parse, else schema problems and the model. */
export function readYamlRecipe(text: string): ReadRecipe {
  const document = parseRecipeDocument(text);
  // The parser stops at its stack's end with an error of its own; a deep file that parsed is refused as well.
  if (yamlNestsTooDeep(document.doc) || document.syntaxErrors.some((e) => /call stack/i.test(e.message)))
    return { text, model: emptyModel('yaml'), problems: [{ code: 'yaml-syntax', message: NESTING_MESSAGE, range: START_RANGE }], broken: true };
  const model = { ...buildYamlModel(document), suppressions: suppressionComments(text) };
  if (document.syntaxErrors.length) {
    // A broken file gets only its syntax errors: schema errors on a half-parsed tree would mislead.
    const problems = document.syntaxErrors.map((e): ReadProblem => ({ code: 'yaml-syntax', message: e.message, range: e.range }));
    return { text, model, problems, broken: true };
  }
  if (document.doc.contents === null) return { text, model, problems: [{ code: 'schema', message: EMPTY_YAML_MESSAGE, range: START_RANGE }], broken: false };
  const problems = validateRecipeSchema(document).map((p): ReadProblem => ({
    code: 'schema',
    message: p.message,
    range: p.range,
    ...(p.suggestion ? { suggestion: p.suggestion } : {}),
  }));
  return { text, model, problems, broken: false };
}
