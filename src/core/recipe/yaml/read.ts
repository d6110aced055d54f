import type { ReadProblem, ReadRecipe } from '../model';
import { buildYamlModel } from './build-model';
import { parseRecipeDocument } from './document';
import { validateRecipeSchema } from './schema-validation';
import { suppressionComments } from './suppressions';

/** Reads one of our YAML recipes: syntax errors alone when it doesn't parse, else schema problems and the model. */
export function readYamlRecipe(text: string): ReadRecipe {
  const document = parseRecipeDocument(text);
  const model = { ...buildYamlModel(document), suppressions: suppressionComments(text) };
  if (document.syntaxErrors.length) {
    // A broken file gets only its syntax errors: schema errors on a half-parsed tree would mislead.
    const problems = document.syntaxErrors.map((e): ReadProblem => ({ code: 'yaml-syntax', message: e.message, range: e.range }));
    return { text, model, problems, broken: true };
  }
  const problems = validateRecipeSchema(document).map((p): ReadProblem => ({
    code: 'schema',
    message: p.message,
    range: p.range,
    ...(p.suggestion ? { suggestion: p.suggestion } : {}),
  }));
  return { text, model, problems, broken: false };
}
