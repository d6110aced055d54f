import { strict as assert } from 'node:assert';
import { check } from '../../src/core/check';
import { only, rangeOf, yaml } from './helpers';

/** Ranges follow the YAML language server: missing property → parent's key, not allowed → key, wrong value → value. */
describe('recipe schema', () => {
  const schemaFindings = (text: string) => only(check(text), 'schema');

  it('accepts the recipe from the format description, with blocks nested to any depth', () => {
    const text = yaml(
      'name: Escalate urgent bugs',
      'connections:',
      '  jira: { provider: jira, host: https://acme.atlassian.net }',
      'defaults: { project: ENG }',
      'trigger: { id: bug, connection: jira, event: updated_issue, input: { jql: "project = ENG" } }',
      'steps:',
      '  - if: "{{ bug.x }}"',
      '    then:',
      '      - foreach: "{{ bug.y }}"',
      '        steps:',
      '          - if: "{{ z }}"',
      '            then: [ { action: get_issue, input: { issue: ENG-1 } } ]',
      '            else: [ { action: get_issue, input: { issue: ENG-2 } } ]',
    );
    assert.deepEqual(schemaFindings(text), []);
  });

  it('puts a missing top-level property on the first character of the document', () => {
    const [f] = schemaFindings(yaml('trigger: { event: new_issue }'));
    assert.equal(f.message, 'Missing property "name".');
    assert.deepEqual(rangeOf(f), [0, 0, 0, 1]);
  });

  it("puts a missing property of a keyed object on that object's key", () => {
    const [f] = schemaFindings(yaml('name: x', 'trigger:', '  connection: jira'));
    assert.equal(f.message, 'Missing property "event".');
    assert.deepEqual(rangeOf(f), [1, 0, 1, 7]);
  });

  it('puts a missing property of a list item on its first character', () => {
    const [f] = schemaFindings(yaml('name: x', 'trigger: { event: new_issue }', 'steps:', '  - connection: jira', '    input: {}'));
    assert.equal(f.message, 'Missing property "action".');
    assert.deepEqual(rangeOf(f), [3, 4, 3, 5]);
  });

  it('puts a property that is not allowed on its key, with the one it probably meant, and lists what is allowed', () => {
    const [f] = schemaFindings(yaml('name: x', 'trigger: { event: new_issue }', 'steps:', '  - action: get_issue', '    inputs: { issue: ENG-1 }'));
    assert.match(f.message, /^Property "inputs" is not allowed\. Did you mean "input"\? Allowed here: id, description, connection, action, input\.$/);
    assert.equal(f.suggestion, 'input');
    assert.deepEqual(rangeOf(f), [4, 4, 4, 10]);
  });

  it('checks if-blocks and foreach-blocks with their own keys', () => {
    const text = yaml('name: x', 'trigger: { event: new_issue }', 'steps:', '  - if: "{{ a }}"', '    steps: []', '  - foreach: "{{ b }}"');
    const messages = schemaFindings(text).map((f) => `${f.message} ${rangeOf(f).join(',')}`);
    assert.deepEqual(
      messages.sort(),
      [
        'Missing property "steps". 5,4,5,5',
        'Missing property "then". 3,4,3,5',
        'Property "steps" is not allowed. Allowed here: id, description, if, then, else. 4,4,4,9',
      ].sort(),
    );
  });

  it('puts a wrong type on the value', () => {
    const [f] = schemaFindings(yaml('name: x', 'trigger: { event: new_issue }', 'steps:', '  - action: [get_issue]'));
    assert.equal(f.message, 'Incorrect type. Expected a string.');
    assert.deepEqual(rangeOf(f), [3, 12, 3, 23]);
  });

  it('puts a pattern mismatch on the value, with a readable reason', () => {
    const [f] = schemaFindings(yaml('name: x', 'defaults:', '  project: eng', 'trigger: { event: new_issue }'));
    assert.match(f.message, /^Value "eng" is not a Jira project key/);
    assert.deepEqual(rangeOf(f), [2, 11, 2, 14]);
  });

  it('rejects a connection host that is not a site URL', () => {
    const [f] = schemaFindings(yaml('name: x', 'connections:', '  jira: { provider: jira, host: acme.atlassian.net }', 'trigger: { event: new_issue }'));
    assert.match(f.message, /is not a site URL/);
    assert.deepEqual(rangeOf(f), [2, 32, 2, 50]);
  });

  it('puts a bad connection name on the name', () => {
    const [f] = schemaFindings(yaml('name: x', 'connections:', '  "my jira": { provider: jira }', 'trigger: { event: new_issue }'));
    assert.match(f.message, /^Name "my jira" is not a valid connection name/);
    assert.deepEqual(rangeOf(f), [2, 2, 2, 11]);
  });

  it('rejects a file that is not a mapping, on its first character', () => {
    const [f] = schemaFindings('- just\n- a list\n');
    assert.equal(f.message, 'Incorrect type. Expected a mapping.');
    assert.deepEqual(rangeOf(f), [0, 0, 1, 8]);
  });

  it('reports an empty file in plain words', () => {
    const messages = schemaFindings('').map((f) => f.message);
    assert.deepEqual(messages, ['The file is empty: a recipe needs at least a name and a trigger (name: …, trigger: { event: … }).']);
  });
});

describe('YAML syntax', () => {
  it('reports broken YAML as a finding with its range, and nothing else', () => {
    const findings = check(yaml('name: x', 'trigger: { event: new_issue', 'steps: []'));
    assert.ok(findings.length >= 1);
    assert.ok(findings.every((f) => f.code === 'yaml-syntax' && f.severity === 'error'));
    assert.match(findings[0].message, /^YAML syntax error: /);
    assert.equal(findings[0].range.start.line >= 1, true);
  });

  it('reports a duplicate key', () => {
    const [f] = check(yaml('name: x', 'name: y', 'trigger: { event: new_issue }'));
    assert.equal(f.code, 'yaml-syntax');
    assert.match(f.message, /unique/i);
    assert.deepEqual(rangeOf(f), [1, 0, 1, 4]);
  });

  it('survives tabs, aliases and odd scalars without throwing', () => {
    const texts = ['\t', 'name: &a x\ntrigger: *a\n', 'name: 3\ntrigger: { event: 7 }\nsteps: [ null, 1, "x" ]\n', '%', ': :'];
    for (const text of texts) assert.doesNotThrow(() => check(text), text);
  });
});
