import { strict as assert } from 'node:assert';
import { analyzeRecipe, check, type Finding } from '../../src/core/check';
import { closest } from '../../src/core/text/closest';
import { only, project, rangeOf, snapshot, yaml } from './helpers';

const header = [
  'name: t',
  'connections:',
  '  jira: { provider: jira, host: https://acme.atlassian.net }',
  'trigger: { event: new_issue, input: { project: ENG } }',
];

/** Input findings as rows: code, input, suggestion, range. */
const inputRows = (findings: readonly Finding[]) =>
  findings.filter((f) => f.code === 'unknown-input' || f.code === 'missing-input').map((f) => [f.code, f.input, f.suggestion, rangeOf(f)]);

describe('inputs per operation', () => {
  describe('our YAML format', () => {
    it('flags a misspelt input with the name it meant, and the required input it leaves missing on the input: key', () => {
      const text = yaml(...header, 'steps:', '  - id: note', '    action: create_comment', '    input: { isue: ENG-1, comment: hi }');
      const findings = check(text);
      assert.deepEqual(inputRows(findings), [
        ['missing-input', 'issue', undefined, [7, 4, 7, 9]],
        ['unknown-input', 'isue', 'issue', [7, 13, 7, 17]],
      ]);
      const [missing, unknown] = only(findings, 'missing-input').concat(only(findings, 'unknown-input'));
      assert.equal(unknown.severity, 'warning');
      assert.equal(unknown.message, 'Create comment (create_comment) has no input "isue". Did you mean "issue"? It takes: issue, comment, visibility.');
      assert.equal(missing.severity, 'error');
      assert.equal(missing.step, 'note');
      assert.equal(missing.operation, 'create_comment');
      assert.equal(missing.message, 'Step "note" (create_comment) needs the input "issue": Issue key or id, e.g. ENG-7 or {{ trigger.key }}.');
    });

    it('checks the permission a misspelt input would add only once it is spelt right', () => {
      const snap = snapshot({ projects: { ENG: project(['BROWSE_PROJECTS', 'CREATE_ISSUES'], ['ASSIGN_ISSUES']) } });
      const step = (assignee: string) =>
        yaml(...header, 'steps:', '  - action: create_issue', `    input: { project: ENG, issue_type: Bug, summary: x, ${assignee}: bob }`);
      assert.deepEqual(
        check(step('asignee'), [snap]).map((f) => [f.code, f.suggestion, rangeOf(f)]),
        [['unknown-input', 'assignee', [6, 56, 6, 63]]],
      );
      assert.deepEqual(
        check(step('assignee'), [snap]).map((f) => [f.code, f.permissions]),
        [['missing-permission', ['ASSIGN_ISSUES']]],
      );
    });

    it('reports every required input a step lacks, on the operation when there is no input:, and takes the project from defaults', () => {
      const bare = yaml(...header, 'steps:', '  - action: create_issue');
      assert.deepEqual(inputRows(check(bare)), [
        ['missing-input', 'project', undefined, [5, 12, 5, 24]],
        ['missing-input', 'summary', undefined, [5, 12, 5, 24]],
        ['missing-input', 'issue_type', undefined, [5, 12, 5, 24]],
      ]);
      const withDefault = yaml(
        ...header,
        'defaults: { project: ENG }',
        'steps:',
        '  - action: create_issue',
        '    input: { summary: "{{ trigger.fields.summary }}", issue_type: Task }',
      );
      assert.deepEqual(inputRows(check(withDefault)), []);
    });

    it('counts a blank required input as missing, on its own key', () => {
      const text = yaml(
        ...header,
        'steps:',
        '  - action: create_comment',
        '    input:',
        '      issue: ENG-1',
        '      comment: ""',
        '  - action: get_issue',
        '    input: { issue: }',
      );
      const findings = check(text);
      assert.deepEqual(inputRows(findings), [
        ['missing-input', 'comment', undefined, [8, 6, 8, 13]],
        ['missing-input', 'issue', undefined, [10, 13, 10, 18]],
      ]);
      assert.match(findings.find((f) => f.input === 'comment')!.message, /needs the input "comment", which is empty: Comment text\./);
    });

    it('checks trigger inputs, and leaves steps of other providers, unknown operations and a non-mapping input to their own findings', () => {
      const text = yaml(
        'name: t',
        'connections:',
        '  jira: { provider: jira, host: https://acme.atlassian.net }',
        '  zd: { provider: zendesk }',
        'trigger: { event: new_issue, input: { projct: ENG } }',
        'steps:',
        '  - { connection: zd, action: create_ticket, input: { subjet: x } }',
        '  - { action: create_coment, input: { isue: ENG-1 } }',
        '  - { action: get_issue, input: ENG-1 }',
      );
      const findings = check(text);
      assert.deepEqual(inputRows(findings), [['unknown-input', 'projct', 'project', [4, 38, 4, 44]]]);
      assert.deepEqual(
        findings.map((f) => f.code),
        ['unverified', 'unknown-input', 'unknown-action', 'schema'],
      );
    });

    it('offers no did-you-mean for a name far from every input', () => {
      const text = yaml(...header, 'steps:', '  - action: get_issue', '    input: { issue: ENG-1, colour: blue }');
      const [f] = only(check(text), 'unknown-input');
      assert.equal(f.suggestion, undefined);
      assert.equal(f.message, 'Get issue (get_issue) has no input "colour". It takes: issue, fields.');
    });

    it('gives a property the schema does not allow the name it probably meant', () => {
      const text = yaml(...header, 'steps:', '  - acton: create_comment', '    input: { issue: ENG-1, comment: hi }');
      const schema = only(check(text), 'schema').find((f) => f.suggestion);
      assert.ok(schema);
      assert.equal(schema.suggestion, 'action');
      assert.deepEqual(rangeOf(schema), [5, 4, 5, 9]);
      assert.equal(schema.message, 'Property "acton" is not allowed. Did you mean "action"? Allowed here: id, description, connection, action, input.');
    });
  });

  describe('n8n workflows', () => {
    const workflow = (parameters: object) =>
      JSON.stringify(
        {
          name: 'w',
          nodes: [
            {
              parameters,
              name: 'Jira',
              type: 'n8n-nodes-base.jira',
              typeVersion: 1,
              position: [0, 0],
              credentials: { jiraSoftwareCloudApi: { id: 'c1', name: 'Jira SW Cloud account' } },
            },
          ],
          connections: {},
        },
        null,
        2,
      );
    const n8nRows = (text: string) => inputRows(check(analyzeRecipe(text, { fileName: 'w.json' })));

    it('reports a required top-level parameter that n8n has no default for, on the operation, and never an unknown input', () => {
      const text = workflow({ resource: 'issueComment', jiraVersion: 'cloud', options: { wikiMarkup: true }, comment: 'hi' });
      assert.deepEqual(n8nRows(text), [['missing-input', 'issue', undefined, [13, 14, 13, 35]]]);
      assert.equal(text.split('\n')[13].slice(14, 35), '"n8n-nodes-base.jira"');
    });

    it('takes n8n defaults and parameters inside collections as given', () => {
      // binaryPropertyName defaults to "data"; the JQL of "Get many" sits in its options.
      assert.deepEqual(n8nRows(workflow({ resource: 'issueAttachment', operation: 'add', issueKey: 'ENG-1' })), []);
      assert.deepEqual(n8nRows(workflow({ operation: 'getAll' })), []);
      assert.deepEqual(n8nRows(workflow({ resource: 'issueComment', issueKey: 'ENG-1', jsonParameters: true, commentJson: '{"type":"doc"}' })), []);
    });
  });

  describe('Workato recipe exports', () => {
    const recipe = (input: string) =>
      [
        '{',
        '  "name": "r",',
        '  "code": { "number": 0, "provider": "jira", "name": "new_issue", "as": "t1", "keyword": "trigger", "input": { "jql": "project = ENG" }, "block": [',
        `    { "number": 1, "provider": "jira", "name": "create_comment", "as": "s1", "keyword": "action", "input": ${input} }`,
        '  ] }',
        '}',
      ].join('\n');
    const workatoRows = (text: string) => inputRows(check(analyzeRecipe(text, { fileName: 'r.recipe.json' })));

    it("reports a missing required field on the input key when all the step's fields are known", () => {
      assert.deepEqual(workatoRows(recipe('{ "comment": "hi" }')), [['missing-input', 'issue', undefined, [3, 98, 3, 105]]]);
      assert.deepEqual(workatoRows(recipe('{ "issue_id_or_key": "ENG-1", "comment": "hi" }')), []);
    });

    it('stays silent when a field it does not know may be the missing one by another name', () => {
      assert.deepEqual(workatoRows(recipe('{ "ticket_ref": "ENG-1", "comment": "hi" }')), []);
    });
  });

  describe('closest()', () => {
    it('finds a typo within two edits or a third of the name, ignoring case, and nothing farther', () => {
      assert.equal(closest('isue', ['issue', 'comment']), 'issue');
      assert.equal(closest('Create_Issue', ['create_issue', 'get_issue']), 'create_issue');
      assert.equal(closest('colour', ['issue', 'fields']), undefined);
      assert.equal(closest('x', []), undefined);
    });
  });

  it('keeps the analysis free of input findings for a broken file', () => {
    assert.deepEqual(inputRows(analyzeRecipe('name: [\n').findings as Finding[]), []);
  });
});
