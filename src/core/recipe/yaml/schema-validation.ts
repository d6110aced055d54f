import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import recipeSchema from '../../../../schemas/recipe.schema.json';
import { nodeAtPath, nodeRange, type RecipeDocument } from './document';
import { closest } from '../../text/closest';
import type { Range } from '../../text/range';

export interface SchemaProblem {
  readonly message: string;
  readonly range: Range;
  /** JSON pointer of the value the problem is about. */
  readonly path: string;
  /** For a property that is not allowed: the allowed one it probably meant, to replace its key with. */
  readonly suggestion?: string;
}

let validator: ValidateFunction | undefined;

/** Compiled once per process: compiling costs far more than validating. */
function recipeValidator(): ValidateFunction {
  validator ??= new Ajv({ allErrors: true, verbose: true, strict: true, strictRequired: false }).addKeyword('patternErrorMessage').compile(recipeSchema);
  return validator;
}

/**
 * Validates the recipe against `schemas/recipe.schema.json` and places each problem as the YAML language server does:
 * a missing property on the key of the object that lacks it, a property that is not allowed on its key, a wrong
 * type, enum or pattern on the value.
 */
export function validateRecipeSchema(document: RecipeDocument): SchemaProblem[] {
  const validate = recipeValidator();
  if (validate(document.doc.toJS({ maxAliasCount: 1000 }))) return [];
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const error of validate.errors ?? []) {
    const problem = toProblem(document, error);
    if (!problem) continue;
    const key = `${problem.path}|${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems;
}

function toProblem(document: RecipeDocument, error: ErrorObject): SchemaProblem | undefined {
  // `if` reports "must match then schema" on top of the real error from that branch; `propertyNames` likewise.
  if (error.keyword === 'if' || error.keyword === 'propertyNames') return undefined;
  const segments = error.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const found = nodeAtPath(document.doc, segments);
  const path = error.instancePath || '/';

  if (error.propertyName !== undefined) {
    const key = nodeAtPath(document.doc, [...segments, error.propertyName])?.pair?.key;
    return { path, range: nodeRange(document, key), message: `Name "${error.propertyName}" ${patternText(error)}.` };
  }
  switch (error.keyword) {
    case 'required': {
      const missing = (error.params as { missingProperty: string }).missingProperty;
      const start = found?.node?.range?.[0] ?? 0;
      // On the key of the object that lacks the property; an object with no key (root, list item) gets its first character.
      const range = found?.pair ? nodeRange(document, found.pair.key) : document.lines.rangeAt(start, start + 1);
      return { path, range, message: `Missing property "${missing}".` };
    }
    case 'additionalProperties': {
      const extra = (error.params as { additionalProperty: string }).additionalProperty;
      const key = nodeAtPath(document.doc, [...segments, extra])?.pair?.key;
      const allowed = Object.keys((error.parentSchema as { properties?: object })?.properties ?? {});
      const suggestion = closest(extra, allowed);
      return {
        path: `${path}/${extra}`,
        range: nodeRange(document, key),
        message: `Property "${extra}" is not allowed.${suggestion ? ` Did you mean "${suggestion}"?` : ''}${allowed.length ? ` Allowed here: ${allowed.join(', ')}.` : ''}`,
        ...(suggestion ? { suggestion } : {}),
      };
    }
    default:
      return { path, range: nodeRange(document, found?.node), message: valueMessage(error) };
  }
}

function valueMessage(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'type':
      return `Incorrect type. Expected ${article(String(params.type))}.`;
    case 'enum':
      return `Value is not accepted. Valid values: ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}.`;
    case 'const':
      return `Value must be ${JSON.stringify(params.allowedValue)}.`;
    case 'pattern':
      return `Value ${JSON.stringify(error.data)} ${patternText(error)}.`;
    case 'minLength':
      return 'Value must not be empty.';
    default:
      return `Value ${error.message ?? 'is not valid'}.`;
  }
}

function patternText(error: ErrorObject): string {
  const custom = (error.parentSchema as { patternErrorMessage?: string } | undefined)?.patternErrorMessage;
  return custom ?? `does not match the pattern ${String((error.params as { pattern?: string }).pattern)}`;
}

function article(type: string): string {
  return type === 'object' ? 'a mapping' : type === 'array' ? 'a list' : `a ${type}`;
}
