import { strict as assert } from 'node:assert';
import { analyzeOversized, analyzeRecipe, check } from '../../src/core/check';
import { jsonNestsTooDeep, MAX_NESTING, MAX_RECIPE_BYTES } from '../../src/core/recipe/limits';
import { rows } from './helpers';

/** An alias bomb: each anchor repeats the one before nine times, so the whole expands to 9^10 scalars. */
function aliasBomb(): string {
  const lines = ['name: bomb', 'a0: &a0 [x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < 10; i++)
    lines.push(
      `a${i}: &a${i} [${Array(9)
        .fill(`*a${i - 1}`)
        .join(', ')}]`,
    );
  return `${lines.join('\n')}\ntrigger: { event: new_issue }\n`;
}

const codes = (text: string, fileName?: string) => check(analyzeRecipe(text, { fileName })).map((f) => [f.code, f.message]);

describe('limits: no file stops a run', () => {
  it('reports an alias bomb as yaml-syntax at the start of the file, without expanding it', () => {
    assert.deepEqual(codes(aliasBomb(), 'bomb.recipe.yaml'), [
      ['yaml-syntax', 'The YAML parser refused the file: Excessive alias count indicates a resource exhaustion attack.'],
    ]);
    assert.deepEqual(rows(check(aliasBomb())), ['yaml-syntax@0:0-0:0']);
  });

  it(`refuses nesting deeper than ${MAX_NESTING} levels in flow and block YAML and in JSON, and accepts ${MAX_NESTING}`, () => {
    const nested = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
    const deep = `The file nests more than ${MAX_NESTING} levels deep, far deeper than any recipe; it is not checked.`;
    // The root mapping is a level of its own.
    assert.deepEqual(codes(`name: d\ntrigger: { event: new_issue }\nx: ${nested(MAX_NESTING)}\n`), [['yaml-syntax', deep]]);
    assert.deepEqual(codes(`name: d\ntrigger: { event: new_issue }\nx: ${nested(MAX_NESTING - 1)}\n`), [
      ['unverified', 'The Jira connection: Jira permissions not verified: no linked account or permission snapshot.'],
      ['schema', 'Property "x" is not allowed. Allowed here: name, description, connections, defaults, trigger, steps.'],
    ]);
    assert.deepEqual(codes(`x: ${nested(50_000)}\n`), [['yaml-syntax', deep]]);
    const block = Array.from({ length: 2000 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n');
    assert.deepEqual(codes(`${block}\n`), [['yaml-syntax', deep]]);
    assert.deepEqual(codes(`{"nodes": ${nested(50_000)}}`, 'w.json'), [['json-syntax', deep]]);
    assert.deepEqual(codes(`{"nodes": [], "x": "${'['.repeat(500)}"}`, 'w.json')[0][0], 'unknown-format');
  });

  it('counts only brackets outside JSON strings, escaped quotes included', () => {
    assert.equal(jsonNestsTooDeep(`{"a": "${'{'.repeat(200)}\\"${'['.repeat(200)}"}`), false);
    assert.equal(jsonNestsTooDeep(`${'['.repeat(MAX_NESTING)}${']'.repeat(MAX_NESTING)}`), false);
    assert.equal(jsonNestsTooDeep(`${'['.repeat(MAX_NESTING + 1)}${']'.repeat(MAX_NESTING + 1)}`), true);
  });

  it('says in plain words that a file is empty, not text, or far too large', () => {
    assert.deepEqual(codes(''), [['schema', 'The file is empty: a recipe needs at least a name and a trigger (name: …, trigger: { event: … }).']]);
    assert.deepEqual(codes('# just a comment\n\n'), codes(''));
    assert.deepEqual(codes('  \n', 'w.json'), [['unknown-format', 'The file is empty: an n8n workflow or a Workato recipe export is a JSON object.']]);
    assert.deepEqual(codes('name: x\u0000\u0001', 'r.recipe.yaml'), [
      ['unreadable-file', 'This is not a text file (it holds binary data); it is not checked.'],
    ]);
    const huge = `name: x\n${'#'.repeat(MAX_RECIPE_BYTES)}\n`;
    assert.deepEqual(codes(huge), [['unreadable-file', 'The file is 5.0 MB, far larger than any recipe (at most 5 MB); it is not checked.']]);
    assert.deepEqual(
      analyzeOversized(12 * 1024 * 1024, { fileName: 'w.json' }).findings.map((f) => [f.code, f.message, f.severity]),
      [['unreadable-file', 'The file is 12.0 MB, far larger than any recipe (at most 5 MB); it is not checked.', 'error']],
    );
  });

  it('keeps a good recipe next to them unaffected', () => {
    const good = 'name: g\ntrigger: { event: new_issue, input: { project: ENG } }\n';
    analyzeRecipe(aliasBomb());
    assert.deepEqual(
      check(good).map((f) => f.code),
      ['unverified'],
    );
  });
});
