import { strict as assert } from 'node:assert';
import { analyzeRecipe } from '../../../src/core/check';
import { RUNTIME_PART as X } from '../../../src/core/recipe/model';
import { workatoShape } from '../../../src/core/recipe/workato/shape';

/** The shape of a dynamic value: its text with the parts known only at run time marked, so a query can be read. */
describe('shapes of dynamic values', () => {
  it('marks the {{ … }} templates of our YAML format', () => {
    const { model } = analyzeRecipe(
      [
        'name: x',
        'trigger: { event: new_issue }',
        'steps:',
        '  - action: search_issues_by_JQL',
        '    input: { jql: \'project = SUP AND summary ~ "{{ t.id }}"\' }',
      ].join('\n'),
    );
    assert.equal(model.actions[0].inputs.get('jql')?.shape, `project = SUP AND summary ~ "${X}"`);
  });

  it('reads a Workato formula as its string literals and run-time parts, and marks #{…} in text', () => {
    assert.equal(
      workatoShape(`='project = ENG AND summary ~ "' + _dp('{"pill_type":"output","path":["a"]}').gsub('"', '') + '"'`),
      `project = ENG AND summary ~ "${X}"`,
    );
    assert.equal(workatoShape(`='it\\'s ' + x`), `it's ${X}`);
    assert.equal(workatoShape(`project = ENG AND key = #{_dp('{"line":"a","path":["key"]}')}`), `project = ENG AND key = ${X}`);
    assert.equal(workatoShape(`='unclosed`), undefined);
    assert.equal(workatoShape(`=(a + b`), undefined);
  });
});
