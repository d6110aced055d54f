/**
 * Writes the catalog's inputs per operation into schemas/recipe.schema.json, so that plain YAML tooling (the YAML
 * language server, other editors) offers and describes each trigger's and action's inputs. Only descriptions:
 * whether an input is known or required is the check's to say (`unknown-input`, `missing-input`, with formats and
 * defaults in mind), so the schema adds no constraint and no finding. test/unit/recipe-schema.test.ts fails when
 * the schema is out of date.
 *
 *   npx tsx scripts/generate-recipe-schema.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as prettier from 'prettier';
import { OPERATIONS } from '../src/core/catalog/operations';
import type { OperationKind } from '../src/core/catalog/types';

export const SCHEMA_FILE = join(resolve(__dirname, '..'), 'schemas/recipe.schema.json');

type Json = Record<string, unknown>;

/** One `if`/`then` per operation of the kind: when the step names it, its `input` lists the operation's inputs. */
function inputsByOperation(kind: OperationKind): Json[] {
  const key = kind === 'trigger' ? 'event' : 'action';
  return OPERATIONS.filter((op) => op.kind === kind && op.inputs?.length).map((op) => ({
    if: { properties: { [key]: { const: op.name } }, required: [key] },
    then: {
      properties: {
        input: {
          type: 'object',
          description: `Inputs of ${op.title} (${op.name}).`,
          properties: Object.fromEntries((op.inputs ?? []).map((i) => [i.key, { description: `${i.description}${i.required ? ' Required.' : ''}` }])),
        },
      },
    },
  }));
}

/** The schema with its generated parts put in place; everything else as it is. */
export function generateRecipeSchema(current: Json): Json {
  const definitions = current.definitions as Record<string, Json>;
  return {
    ...current,
    definitions: {
      ...definitions,
      trigger: { ...definitions.trigger, allOf: inputsByOperation('trigger') },
      actionStep: { ...definitions.actionStep, allOf: inputsByOperation('action') },
    },
  };
}

export async function formatSchema(schema: Json): Promise<string> {
  const options = (await prettier.resolveConfig(SCHEMA_FILE)) ?? {};
  // Indented first: Prettier keeps an object on several lines when its text has them, as the hand-written parts do.
  return prettier.format(JSON.stringify(schema, null, 2), { ...options, filepath: SCHEMA_FILE });
}

async function main(): Promise<void> {
  const current = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as Json;
  writeFileSync(SCHEMA_FILE, await formatSchema(generateRecipeSchema(current)));
}

if (require.main === module) void main();
