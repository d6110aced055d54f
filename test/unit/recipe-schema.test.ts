import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from 'yaml-language-server/lib/umd/languageservice/yamlLanguageService';
import { formatSchema, generateRecipeSchema, SCHEMA_FILE } from '../../scripts/generate-recipe-schema';
import { check } from '../../src/core/check';
import { yaml } from './helpers';

describe('recipe schema: inputs per operation', () => {
  const text = readFileSync(SCHEMA_FILE, 'utf8');
  const schema = JSON.parse(text) as { $id: string };

  it('is what scripts/generate-recipe-schema.ts writes from the catalog (run it after changing the catalog)', async () => {
    assert.equal(await formatSchema(generateRecipeSchema(schema as Record<string, unknown>)), text);
  });

  it("lets the YAML language server offer and describe the step's inputs", async () => {
    const service = getLanguageService({
      schemaRequestService: (uri) => Promise.reject(new Error(`no schema fetches (${uri})`)),
      workspaceContext: { resolveRelativePath: (relative, resource) => new URL(relative, resource).toString() },
    });
    service.configure({ completion: true, hover: true, validate: true, schemas: [{ uri: schema.$id, fileMatch: ['*'], schema }] });
    const recipe = yaml('name: t', 'trigger: { event: new_issue }', 'steps:', '  - action: create_comment', '    input:', '      ');
    const document = TextDocument.create('file:///r.recipe.yaml', 'yaml', 1, recipe);
    const list = await service.doComplete(document, { line: 5, character: 6 }, false);
    const labels = list.items.map((i) => i.label);
    for (const input of ['issue', 'comment', 'visibility']) assert.ok(labels.includes(input), `${input} among ${labels.join(', ')}`);
    assert.ok(!labels.includes('summary'), 'inputs of other operations stay out');
  });

  it('adds no finding of its own: input names and required inputs stay the check’s, which knows formats and defaults', () => {
    const text = yaml(
      'name: t',
      'defaults: { project: ENG }',
      'trigger: { event: new_issue }',
      'steps:',
      '  - action: create_issue',
      '    input: { sumary: x, issue_type: Bug }',
    );
    assert.deepEqual(
      check(text).map((f) => `${f.code}:${f.input ?? ''}`),
      ['unverified:', 'missing-input:summary', 'unknown-input:sumary'],
    );
  });
});
