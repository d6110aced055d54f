import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeRecipe, check, SEVERITY } from '../../src/core/check';
import { parseSnapshot } from '../../src/core/snapshot';
import { exampleSeeds, fuzzInputs } from '../fuzz/mutations';

const SEED = 20261203;
const COUNT = 2000;

/**
 * Mutated example recipes of every format: no exception escapes the check, every finding is well formed, and no
 * file needs the last-resort "could not be read/checked" finding (which would hide a bug) unless it is binary.
 * Timing is `npm run bench`'s job (bench/fuzz.bench.ts, 10,000 inputs).
 */
describe('fuzz: mutated example recipes', () => {
  const snapshot = parseSnapshot(readFileSync(join(__dirname, '..', '..', 'examples', 'acme.snapshot.json'), 'utf8'));

  it(`checks ${COUNT} mutated recipes without an exception, each finding well formed`, function () {
    this.timeout(60_000);
    const seeds = exampleSeeds();
    assert.ok(seeds.some((s) => s.fileName.endsWith('.workflow.json')) && seeds.some((s) => s.fileName.endsWith('.recipe.json')));
    let index = 0;
    const codes = new Set<string>();
    for (const input of fuzzInputs(seeds, COUNT, SEED)) {
      const where = `input #${index} (seed ${SEED}, ${input.fileName ?? 'no name'}: ${input.mutations.join(', ')})`;
      let findings;
      try {
        findings = check(analyzeRecipe(input.text, { fileName: input.fileName }), [snapshot]);
      } catch (e) {
        assert.fail(`${where} threw: ${String(e)}`);
      }
      for (const f of findings) {
        codes.add(f.code);
        assert.equal(f.severity, SEVERITY[f.code], where);
        assert.ok(f.range.start.line >= 0 && f.range.start.character >= 0 && f.range.end.line >= f.range.start.line, where);
        assert.ok(f.message.length > 0 && !/\n\s+at /.test(f.message), where);
        if (f.code === 'unreadable-file') assert.ok(input.text.includes('\u0000') || input.text.length > 5 * 1024 * 1024, `${where}: ${f.message}`);
      }
      index++;
    }
    // The mutations reach the guards they are meant for.
    for (const code of ['yaml-syntax', 'json-syntax', 'schema', 'missing-permission']) assert.ok(codes.has(code), `some input gets ${code}`);
  });
});
