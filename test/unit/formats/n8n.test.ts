import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { findOperation } from '../../../src/core/catalog';
import { analyzeRecipe, check } from '../../../src/core/check';
import { JIRA_RESOURCES, triggerOperation } from '../../../src/core/recipe/n8n/operations';
import { readRecipe } from '../../../src/core/recipe/read';
import { normalizeSnapshot } from '../../../src/core/snapshot';
import { only, project, rangeOf, rows, snapshot, type RangeTuple } from '../helpers';

/** A workflow as n8n exports it, pretty-printed so that ranges can be found by the text they cover. */
function workflow(nodes: object[], connections: object = {}, name = 'Test workflow'): string {
  return JSON.stringify({ name, nodes, connections, settings: { executionOrder: 'v1' } }, null, 2);
}

const CLOUD = { jiraSoftwareCloudApi: { id: 'c1', name: 'Jira SW Cloud account' } };

function node(name: string, type: string, parameters: object, more: object = {}): object {
  return { parameters, id: `id-${name}`, name, type, typeVersion: 1, position: [0, 0], ...more };
}
const jira = (name: string, parameters: object, more: object = {}) => node(name, 'n8n-nodes-base.jira', parameters, { credentials: CLOUD, ...more });
const jiraTrigger = (name: string, parameters: object, more: object = {}) =>
  node(name, 'n8n-nodes-base.jiraTrigger', parameters, { credentials: CLOUD, webhookId: 'w1', ...more });
const main = (...targets: string[]) => ({ main: [targets.map((t) => ({ node: t, type: 'main', index: 0 }))] });

/** The range of the `nth` occurrence of a one-line `snippet` in `text`. */
function at(text: string, snippet: string, nth = 0): RangeTuple {
  let offset = -1;
  for (let i = 0; i <= nth; i++) offset = text.indexOf(snippet, offset + 1);
  assert.ok(offset >= 0, `${snippet} #${nth} is in the text`);
  const before = text.slice(0, offset).split('\n');
  const line = before.length - 1;
  const character = before[line].length;
  return [line, character, line, character + snippet.length];
}

const read = (text: string) => readRecipe(text, { fileName: 'w.json' });

describe('n8n workflows', () => {
  describe('detection and the model', () => {
    it('reads a workflow by its content, with every node name as a step id and Jira nodes as steps', () => {
      const text = workflow(
        [node('Webhook', 'n8n-nodes-base.webhook', { path: 'gh' }), jira('Create issue', { project: '10001', issueType: '10002', summary: 'Hello' })],
        { Webhook: main('Create issue') },
        'GitHub to Jira',
      );
      const { model, problems, broken } = read(text);
      assert.equal(broken, false);
      assert.deepEqual(problems, []);
      assert.equal(model.format, 'n8n');
      assert.equal(model.name, 'GitHub to Jira');
      assert.deepEqual(
        model.ids.map((e) => [e.id, e.path]),
        [
          ['Webhook', 'nodes/0'],
          ['Create issue', 'nodes/1'],
        ],
      );
      assert.deepEqual(rangeTuple(model.ids[1].range), at(text, '"Create issue"'));
      assert.equal(model.trigger, undefined);
      assert.equal(model.actions.length, 1);
      const [step] = model.actions;
      assert.equal(step.id, 'Create issue');
      assert.equal(step.path, 'nodes/1');
      assert.equal(step.kind, 'action');
      assert.equal(step.operation, 'create_issue');
      assert.deepEqual([...step.inputs.keys()], ['project', 'issue_type', 'summary']);
      assert.equal(step.inputs.get('project')?.literal, '10001');
      assert.equal(step.connectionName, 'Jira SW Cloud account');
      assert.deepEqual([...model.connections.keys()], ['Jira SW Cloud account']);
      assert.equal(model.connections.get('Jira SW Cloud account')?.provider, 'jira');
      assert.equal(model.declaresConnections, true);
    });

    it('knows node types in any case and @n8n/ packages, and refuses other JSON by name', () => {
      const old = JSON.stringify({ nodes: [{ name: 'Jira', type: 'n8n-nodes-base.Jira', parameters: { issueKey: 'ENG-1', operation: 'get' } }] });
      assert.equal(read(old).model.actions[0]?.operation, 'get_issue');
      const agent = JSON.stringify({ nodes: [{ name: 'Agent', type: '@n8n/n8n-nodes-langchain.agent', parameters: {} }] });
      assert.equal(read(agent).model.format, 'n8n');
      assert.deepEqual(read(agent).problems, []);
      for (const other of ['{"hello": "world"}', '{"nodes": [{"type": "custom.thing"}]}', '{"nodes": "n8n-nodes-base.jira"}']) {
        const { problems, broken } = read(other);
        assert.equal(broken, true, other);
        assert.deepEqual(
          problems.map((p) => `${p.code}@${p.range.start.line}:${p.range.start.character}`),
          ['unknown-format@0:0'],
          other,
        );
      }
    });

    it('reports a JSON syntax error at its exact place, and nothing else', () => {
      const text = [
        '{',
        '  "nodes": [',
        '    { "name": "A", "type": "n8n-nodes-base.jira" }',
        '    { "name": "B", "type": "n8n-nodes-base.jira" }',
        '  ]',
        '}',
      ].join('\n');
      const findings = check(text, [snapshot()]);
      assert.deepEqual(rows(findings), ['json-syntax@3:4-3:5']);
      assert.equal(findings[0].message, 'JSON syntax error: comma expected.');
      assert.deepEqual(rows(analyzeRecipe('{"nodes": [{"type": "n8n-nodes-base.jira"', { fileName: 'w.json' }).findings).slice(0, 1), [
        'json-syntax@0:41-0:42',
      ]);
    });

    it('ignores other nodes, and a workflow without Jira nodes has nothing to check', () => {
      const text = workflow(
        [
          node('Cron', 'n8n-nodes-base.scheduleTrigger', {}),
          node('Slack', 'n8n-nodes-base.slack', { text: 'hi' }, { credentials: { slackApi: { id: 's', name: 'Slack' } } }),
        ],
        { Cron: main('Slack') },
      );
      const { model } = read(text);
      assert.deepEqual(model.actions, []);
      assert.equal(model.connections.size, 0);
      assert.deepEqual(
        model.ids.map((e) => e.id),
        ['Cron', 'Slack'],
      );
      assert.deepEqual(check(text, [snapshot()]), []);
    });

    it('never throws over shapes n8n would not write', () => {
      const texts = [
        '{"nodes": [null, 1, "x", [], {"type": "n8n-nodes-base.noOp"}, {"type": "n8n-nodes-base.jira", "parameters": []}]}',
        JSON.stringify({
          connections: { A: 5, B: { main: [5, [null, { node: 3 }], [{ node: 'C' }]] }, C: { main: 'x' } },
          nodes: [
            { name: 12, type: 'n8n-nodes-base.jira', parameters: { resource: 5 } },
            { name: 'C', type: 'n8n-nodes-base.jira', parameters: { operation: null }, credentials: 5 },
            { name: 'D', type: 'n8n-nodes-base.jira', parameters: { project: { __rl: true } }, credentials: { jiraSoftwareCloudApi: 7 } },
            {
              name: 'E',
              type: 'n8n-nodes-base.jira',
              parameters: { project: { __rl: true, value: { __rl: true, value: '1' } }, issueKey: '={{ $json.x }}' },
              credentials: { jiraSoftwareCloudApi: {} },
            },
            { name: 'F', type: 'n8n-nodes-base.jiraTrigger', parameters: { events: 'x', additionalFields: 'y' }, disabled: 'yes' },
            { name: 'G', type: 'n8n-nodes-base.jira', parameters: { resource: 'constructor', operation: 'toString' } },
            {
              name: 'H',
              type: 'n8n-nodes-base.jira',
              parameters: { resource: 'user', operation: 'hasOwnProperty' },
              credentials: { jiraSoftwareServerApi: { name: '  ' } },
            },
            { type: 'n8n-nodes-base.jira', parameters: { operation: 'update', updateFields: [1, 2], issueKey: '=' } },
          ],
        }),
      ];
      for (const text of texts) {
        const analysis = analyzeRecipe(text, { fileName: 'w.json' });
        assert.ok(Array.isArray(check(analysis, [snapshot()])), text);
      }
      const weird = read(texts[1]);
      assert.deepEqual(
        weird.problems.map((p) => `${p.code}:${p.step}:${p.operation}`),
        ['unknown-action:12:5', 'unknown-action:C:null', 'unknown-action:G:constructor', 'unknown-action:H:hasOwnProperty'],
      );
      assert.deepEqual(
        weird.model.actions.map((s) => `${s.id ?? s.path}:${s.operation}:${[...s.inputs.keys()].join('+')}`),
        ['D:create_issue:', 'E:create_issue:', 'nodes/7:update_issue:'],
      );
      assert.equal(weird.model.trigger?.operation, 'new_event');
      assert.equal(weird.model.trigger?.disabled, undefined);
    });
  });

  describe('defaults, resource locators and project ids', () => {
    it('takes a node without resource and operation for "create an issue", its findings on the "type" value, its project by id', () => {
      const text = [
        '{',
        '  "name": "Defaults",',
        '  "nodes": [',
        '    {',
        '      "parameters": { "project": "10001", "issueType": "10002", "summary": "Hello" },',
        '      "name": "Create issue",',
        '      "type": "n8n-nodes-base.jira",',
        '      "typeVersion": 1,',
        '      "position": [0, 0]',
        '    }',
        '  ],',
        '  "connections": {}',
        '}',
      ].join('\n');
      const findings = check(text, [snapshot({ projects: { OPS: project(['BROWSE_PROJECTS'], ['CREATE_ISSUES'], { id: '10001', name: 'Operations' }) } })]);
      assert.deepEqual(rows(findings), ['missing-permission@6:14-6:35']);
      const [f] = findings;
      assert.equal(f.project, 'OPS');
      assert.equal(f.step, 'Create issue');
      assert.equal(f.operation, 'create_issue');
      assert.deepEqual(f.permissions, ['CREATE_ISSUES']);
      assert.equal(
        f.message,
        'Step "Create issue": Create issue (create_issue) needs Create Issues (CREATE_ISSUES) in project OPS, which Jan Donyada (jan@acme.example) lacks on https://acme.atlassian.net.',
      );
    });

    it('puts findings on the "operation" value when it is given, and knows each resource\'s default operation', () => {
      const text = workflow([
        jira('Read', { operation: 'get', issueKey: 'ENG-1' }),
        jira('Comment', { resource: 'issueComment', issueKey: 'ENG-1', comment: 'hi' }),
        jira('Attach', { resource: 'issueAttachment', issueKey: 'ENG-1' }),
        jira('Invite', { resource: 'user', emailAddress: 'a@b.example', displayName: 'A' }),
      ]);
      assert.deepEqual(
        read(text).model.actions.map((s) => s.operation),
        ['get_issue', 'create_comment', 'upload_attachment', 'create_user'],
      );
      const findings = check(text, [
        snapshot({ global: { ADMINISTER: false }, projects: { ENG: project([], ['BROWSE_PROJECTS', 'ADD_COMMENTS', 'CREATE_ATTACHMENTS']) } }),
      ]);
      assert.deepEqual(
        findings.map((f) => `${f.step}:${f.permissions.join()}@${rangeOf(f).join(',')}`),
        [
          `Read:BROWSE_PROJECTS@${at(text, '"get"')}`,
          `Comment:BROWSE_PROJECTS@${at(text, '"n8n-nodes-base.jira"', 1)}`,
          `Comment:ADD_COMMENTS@${at(text, '"n8n-nodes-base.jira"', 1)}`,
          `Attach:BROWSE_PROJECTS@${at(text, '"n8n-nodes-base.jira"', 2)}`,
          `Attach:CREATE_ATTACHMENTS@${at(text, '"n8n-nodes-base.jira"', 2)}`,
          `Invite:ADMINISTER@${at(text, '"n8n-nodes-base.jira"', 3)}`,
        ],
      );
    });

    it('reads a resource locator as its value, in any mode', () => {
      const text = workflow([
        jira('From list', {
          project: { __rl: true, value: '10001', mode: 'list', cachedResultName: 'Operations' },
          issueType: { __rl: true, value: '10004', mode: 'list' },
          summary: 'x',
        }),
        jira('By id', { project: { __rl: true, value: '10000', mode: 'id' }, issueType: '10004', summary: 'y' }),
      ]);
      const [list, byId] = read(text).model.actions;
      assert.equal(list.inputs.get('project')?.literal, '10001');
      assert.equal(list.inputs.get('issue_type')?.literal, '10004');
      assert.deepEqual(rangeTuple(list.inputs.get('project')!.keyRange), at(text, '"project"'));
      assert.deepEqual(rangeTuple(list.inputs.get('project')!.valueRange), at(text, '"10001"'));
      assert.equal(byId.inputs.get('project')?.literal, '10000');
      const findings = check(text, [
        snapshot({
          projects: {
            OPS: project(['BROWSE_PROJECTS', 'CREATE_ISSUES'], [], { id: '10001' }),
            ENG: project(['BROWSE_PROJECTS'], ['CREATE_ISSUES'], { id: '10000' }),
          },
        }),
      ]);
      assert.deepEqual(
        findings.map((f) => `${f.code}:${f.step}:${f.project}`),
        ['missing-permission:By id:ENG'],
      );
    });

    it('leaves a blank project out: its permissions are unverified, and the input it lacks is reported', () => {
      const text = workflow([
        jira('Template', { project: '', issueType: '', summary: 'x' }),
        jira('Template 2', { project: { __rl: true, value: '', mode: 'list' }, summary: 'y' }),
      ]);
      const { model } = read(text);
      assert.deepEqual(
        model.actions.map((s) => [...s.inputs.keys()]),
        [['summary'], ['summary']],
      );
      const findings = check(text, [snapshot({ projects: { ENG: project([], ['BROWSE_PROJECTS', 'CREATE_ISSUES']) } })]);
      assert.deepEqual(
        findings.map((f) => `${f.code}:${f.step}:${f.input ?? ''}`),
        [
          'missing-input:Template:project',
          'missing-input:Template:issue_type',
          'unverified:Template:',
          'missing-input:Template 2:project',
          'missing-input:Template 2:issue_type',
          'unverified:Template 2:',
        ],
      );
      assert.match(
        findings[2].message,
        /needs Browse Projects \(BROWSE_PROJECTS\), Create Issues \(CREATE_ISSUES\) in a project that can't be told from the step/,
      );
      assert.deepEqual(rangeOf(findings[2]), at(text, '"n8n-nodes-base.jira"'));
    });

    it("maps every operation of n8n's Jira node onto a catalog action", () => {
      const seen: string[] = [];
      for (const [resource, spec] of Object.entries(JIRA_RESOURCES)) {
        assert.ok(spec.operations[spec.defaultOperation], `${resource} has its default`);
        for (const [name, op] of Object.entries(spec.operations)) {
          const catalog = findOperation(op.operation);
          assert.equal(catalog?.kind, 'action', `${resource}:${name} → ${op.operation}`);
          const keys = new Set((catalog?.inputs ?? []).map((i) => i.key));
          for (const p of op.parameters) assert.ok(keys.has(p.input), `${op.operation} has the input ${p.input}`);
          seen.push(`${resource}:${name}`);
        }
      }
      assert.deepEqual(seen.sort(), [
        'issue:changelog',
        'issue:create',
        'issue:delete',
        'issue:get',
        'issue:getAll',
        'issue:notify',
        'issue:transitions',
        'issue:update',
        'issueAttachment:add',
        'issueAttachment:get',
        'issueAttachment:getAll',
        'issueAttachment:remove',
        'issueComment:add',
        'issueComment:get',
        'issueComment:getAll',
        'issueComment:remove',
        'issueComment:update',
        'user:create',
        'user:delete',
        'user:get',
      ]);
    });
  });

  describe('expressions', () => {
    it("follows $json to the Jira Trigger through a node that passes items on, and works in its filter's project", () => {
      const text = workflow(
        [
          jiraTrigger('Jira Trigger', { events: ['jira:issue_created'], additionalFields: { filter: 'project = ENG AND priority = Highest' } }),
          node('Urgent?', 'n8n-nodes-base.if', { conditions: {} }),
          jira('Comment', { resource: 'issueComment', issueKey: '={{ $json.issue.key }}', comment: 'On it' }),
        ],
        { 'Jira Trigger': main('Urgent?'), 'Urgent?': main('Comment') },
      );
      const { model } = read(text);
      const issue = model.actions[0].inputs.get('issue');
      assert.equal(issue?.dynamic, true);
      assert.equal(issue?.literal, '={{ $json.issue.key }}');
      assert.deepEqual(issue?.refs, ['Jira Trigger']);
      assert.equal(model.trigger?.inputs.get('jql')?.literal, 'project = ENG AND priority = Highest');
      const findings = check(text, [snapshot({ global: { ADMINISTER: true }, projects: { ENG: project(['BROWSE_PROJECTS'], ['ADD_COMMENTS']) } })]);
      assert.deepEqual(
        findings.map((f) => `${f.code}@${rangeOf(f)}`),
        [`missing-permission@${at(text, '"n8n-nodes-base.jira"')}`],
      );
      assert.equal(findings[0].project, 'ENG');
      assert.equal(findings[0].step, 'Comment');
    });

    it('reads $node["…"], $node.…, $("…"), $(\'…\') and $items("…") as references to those nodes, in order', () => {
      const expression =
        '={{ $(\'Find\').item.json.key }} {{ $node["Lookup"].json.x }} {{ $node.Other.json }} {{ $items("Batch")[0] }} {{ $("Find").first() }}';
      const text = workflow([jira('Act', { operation: 'get', issueKey: expression })]);
      assert.deepEqual(read(text).model.actions[0].inputs.get('issue')?.refs, ['Find', 'Lookup', 'Other', 'Batch']);
    });

    it('takes the project of the node an expression names', () => {
      const text = workflow(
        [
          node('Webhook', 'n8n-nodes-base.webhook', {}),
          jira('Find', { operation: 'get', issueKey: 'OPS-12' }),
          node('Wait', 'n8n-nodes-base.wait', {}),
          jira('Close', { operation: 'update', issueKey: '={{ $node["Find"].json["key"] }}', updateFields: { summary: 'Done' } }),
        ],
        { Webhook: main('Find'), Find: main('Wait'), Wait: main('Close') },
      );
      const findings = check(text, [snapshot({ projects: { OPS: project(['BROWSE_PROJECTS'], ['EDIT_ISSUES']) } })]);
      assert.deepEqual(
        findings.map((f) => `${f.code}:${f.step}:${f.project}:${f.permissions}`),
        ['missing-permission:Close:OPS:EDIT_ISSUES'],
      );
    });

    it('reads "=" without {{ }} as fixed text, and $json without connections as no reference', () => {
      const text = workflow([jira('Fixed', { operation: 'get', issueKey: '=ENG-7' }), jira('Alone', { operation: 'get', issueKey: '={{ $json.key }}' })]);
      const [fixed, alone] = read(text).model.actions;
      assert.deepEqual([fixed.inputs.get('issue')?.literal, fixed.inputs.get('issue')?.dynamic], ['ENG-7', false]);
      assert.deepEqual(alone.inputs.get('issue')?.refs, []);
      const findings = check(text, [snapshot({ projects: { ENG: project([], ['BROWSE_PROJECTS']) } })]);
      assert.deepEqual(
        findings.map((f) => `${f.code}:${f.step}`),
        ['missing-permission:Fixed', 'unverified:Alone'],
      );
    });
  });

  describe('permissions that parameters add', () => {
    it('puts Assign Issues for additionalFields.assignee on the "assignee" key', () => {
      const text = workflow([
        jira('Create', {
          project: '10000',
          issueType: '10001',
          summary: 'x',
          additionalFields: { assignee: { __rl: true, value: '5b10ac8d82e05b22cc7d4ef5', mode: 'list', cachedResultName: 'Jan' }, labels: ['a'] },
        }),
      ]);
      const findings = check(text, [snapshot({ projects: { ENG: project(['BROWSE_PROJECTS', 'CREATE_ISSUES'], ['ASSIGN_ISSUES'], { id: '10000' }) } })]);
      assert.deepEqual(rows(findings).length, 1);
      const [f] = findings;
      assert.equal(f.code, 'missing-permission');
      assert.deepEqual(rangeOf(f), at(text, '"assignee"'));
      assert.equal(f.input, 'assignee');
      assert.equal(f.project, 'ENG');
      assert.match(f.message, /needs Assign Issues \(ASSIGN_ISSUES\) in project ENG.*Setting the assignee needs Assign Issues\.$/);
    });

    it('makes a status change a transition, and a transition named like a close needs Close Issues', () => {
      const update = (statusId: object) => workflow([jira('Move', { operation: 'update', issueKey: 'ENG-3', updateFields: { statusId, reporter: '' } })]);
      const eng = (missing: string[]) => [
        snapshot({
          projects: {
            ENG: project(
              ['BROWSE_PROJECTS', 'EDIT_ISSUES', 'TRANSITION_ISSUES'].filter((k) => !missing.includes(k)),
              missing,
            ),
          },
        }),
      ];
      const closing = update({ __rl: true, value: '31', mode: 'list', cachedResultName: 'Close Issue' });
      const [f] = check(closing, eng(['CLOSE_ISSUES']));
      assert.deepEqual([f.code, f.permissions, f.input], ['missing-permission', ['CLOSE_ISSUES'], 'status']);
      assert.deepEqual(rangeOf(f), at(closing, '"statusId"'));
      const byId = update({ __rl: true, value: '31', mode: 'id' });
      assert.deepEqual(check(byId, eng(['CLOSE_ISSUES'])), []);
      assert.deepEqual(
        check(byId, eng(['TRANSITION_ISSUES'])).map((g) => `${g.permissions}@${rangeOf(g)}`),
        [`TRANSITION_ISSUES@${at(byId, '"statusId"')}`],
      );
    });
  });

  describe('unknown resources and operations', () => {
    it("flags a misspelt operation on its text, naming the node and n8n's operations, with the likely one as the fix", () => {
      const text = workflow([jira('Oops', { resource: 'issue', operation: 'craete', project: '10000' })]);
      const { model, problems } = read(text);
      assert.deepEqual(model.actions, []);
      assert.deepEqual(
        model.ids.map((e) => e.id),
        ['Oops'],
      );
      const findings = check(text, [snapshot({ projects: { ENG: project([], ['BROWSE_PROJECTS', 'CREATE_ISSUES'], { id: '10000' }) } })]);
      assert.deepEqual(
        findings.map((f) => `${f.code}@${rangeOf(f)}`),
        [`unknown-action@${at(text, 'craete')}`],
      );
      const [f] = findings;
      assert.equal(f.severity, 'error');
      assert.equal(f.suggestion, 'create');
      assert.equal(f.step, 'Oops');
      assert.equal(f.operation, 'craete');
      assert.equal(
        f.message,
        'Jira node "Oops": unknown operation "craete" for resource "issue". n8n\'s operations for issue: changelog, create, delete, get, getAll, notify, transitions, update. Did you mean "create"?',
      );
      assert.equal(problems[0].suggestion, 'create');
    });

    it('flags a misspelt resource, and suggests nothing for noise', () => {
      const text = workflow([jira('Res', { resource: 'issueComent', issueKey: 'ENG-1' }), jira('Noise', { resource: 'user', operation: 'sendSlackMessage' })]);
      const findings = check(text);
      assert.deepEqual(
        findings.map((f) => `${f.code}:${f.suggestion}@${rangeOf(f)}`),
        [`unknown-action:issueComment@${at(text, 'issueComent')}`, `unknown-action:undefined@${at(text, 'sendSlackMessage')}`],
      );
      assert.equal(
        findings[0].message,
        'Jira node "Res": unknown resource "issueComent". n8n\'s Jira node has the resources issue, issueAttachment, issueComment, user. Did you mean "issueComment"?',
      );
      assert.equal(
        findings[1].message,
        'Jira node "Noise": unknown operation "sendSlackMessage" for resource "user". n8n\'s operations for user: create, delete, get.',
      );
    });
  });

  describe('the Jira Trigger', () => {
    it('registers a webhook: without Administer Jira, the finding says what to do in n8n and suggests no polling trigger', () => {
      const text = workflow([jiraTrigger('Jira Trigger', { events: ['*'], additionalFields: { filter: 'project = ENG' } })]);
      const { model } = read(text);
      assert.equal(model.trigger?.kind, 'trigger');
      assert.equal(model.trigger?.id, 'Jira Trigger');
      assert.equal(model.trigger?.operation, 'updated_issue_webhook');
      const findings = check(text, [snapshot({ projects: { ENG: project(['BROWSE_PROJECTS']) } })]);
      assert.deepEqual(
        findings.map((f) => `${f.code}@${rangeOf(f)}`),
        [`missing-global-permission@${at(text, '"n8n-nodes-base.jiraTrigger"')}`],
      );
      const [f] = findings;
      assert.equal(f.suggestion, undefined);
      assert.equal(f.step, 'Jira Trigger');
      assert.deepEqual(f.permissions, ['ADMINISTER']);
      assert.equal(
        f.message,
        'Trigger "Jira Trigger": New/updated issue (real-time) (updated_issue_webhook) registers a Jira webhook, which needs the global permission Administer Jira (ADMINISTER); Jan Donyada (jan@acme.example) lacks it on https://acme.atlassian.net. In n8n, ask a Jira administrator to register the webhook (Jira settings → System → WebHooks) and receive it with a Webhook node, or poll instead with a Schedule Trigger and the Jira node\'s "Get many issues".',
      );
    });

    it('picks the real-time trigger by its events', () => {
      assert.equal(triggerOperation(['jira:issue_updated', 'comment_created']), 'updated_issue_webhook');
      assert.equal(triggerOperation(['*']), 'updated_issue_webhook');
      assert.equal(triggerOperation(['comment_created', 'worklog_created']), 'updated_comment_webhook');
      assert.equal(triggerOperation(['worklog_updated']), 'updated_worklog_webhook');
      assert.equal(triggerOperation(['jira:issue_deleted', 'comment_deleted']), 'deleted_object');
      assert.equal(triggerOperation(['sprint_started', 'jira:version_released']), 'new_event');
      assert.equal(triggerOperation([]), 'new_event');
      assert.equal(triggerOperation(undefined), 'new_event');
      for (const name of ['updated_issue_webhook', 'updated_comment_webhook', 'updated_worklog_webhook', 'deleted_object', 'new_event']) {
        assert.equal(findOperation(name)?.triggerType, 'realtime', name);
      }
    });

    it('checks a further Jira Trigger too', () => {
      const text = workflow([jiraTrigger('Issues', { events: ['jira:issue_created'] }), jiraTrigger('Comments', { events: ['comment_created'] })]);
      const { model } = read(text);
      assert.equal(model.trigger?.id, 'Issues');
      assert.deepEqual(
        model.actions.map((s) => `${s.id}:${s.kind}:${s.operation}`),
        ['Comments:trigger:updated_comment_webhook'],
      );
      assert.deepEqual(
        only(check(text, [snapshot()]), 'missing-global-permission').map((f) => f.step),
        ['Issues', 'Comments'],
      );
    });
  });

  describe('disabled nodes, jiraTool and credentials', () => {
    it('reports a disabled Jira node as information only, on its name, and checks none of its permissions', () => {
      const text = workflow([jira('Delete', { operation: 'delete', issueKey: 'ENG-1' }, { disabled: true })]);
      const { model } = read(text);
      assert.equal(model.actions[0].disabled, true);
      const findings = check(text, [snapshot({ projects: { ENG: project([], ['BROWSE_PROJECTS', 'DELETE_ISSUES']) } })]);
      assert.deepEqual(
        findings.map((f) => `${f.code}:${f.severity}@${rangeOf(f)}`),
        [`disabled-step:information@${at(text, '"Delete"')}`],
      );
      assert.equal(findings[0].message, 'Jira node "Delete" is disabled: n8n doesn\'t run it, so its permissions are not checked.');
      assert.equal(findings[0].step, 'Delete');
      assert.equal(findings[0].operation, 'delete_issue');
    });

    it('checks the Jira tool of an AI agent like the Jira node', () => {
      const text = workflow([
        node('Agent', '@n8n/n8n-nodes-langchain.agent', {}),
        node('Jira tool', 'n8n-nodes-base.jiraTool', { resource: 'issueComment', operation: 'getAll', issueKey: 'OPS-3' }, { credentials: CLOUD }),
        node(
          'Search tool',
          'n8n-nodes-base.jiraTool',
          { operation: 'getAll', options: { jql: "={{ $fromAI('jql', 'JQL', 'string') }}" } },
          { credentials: CLOUD },
        ),
      ]);
      const { model } = read(text);
      assert.deepEqual(
        model.actions.map((s) => s.operation),
        ['get_issue_comments', 'search_issues_by_JQL'],
      );
      assert.equal(model.actions[1].inputs.get('jql')?.dynamic, true);
      const findings = check(text, [snapshot({ projects: { OPS: project([], ['BROWSE_PROJECTS']) } })]);
      assert.deepEqual(
        findings.map((f) => `${f.code}:${f.step}@${rangeOf(f)}`),
        [`missing-permission:Jira tool@${at(text, '"getAll"')}`, `unverified:Search tool@${at(text, '"getAll"', 1)}`],
      );
    });

    it('names the credential a node runs with: by jiraVersion, in old exports by name alone', () => {
      const text = workflow([
        jira('Cloud', { operation: 'get', issueKey: 'ENG-1' }),
        jira(
          'Server',
          { jiraVersion: 'server', operation: 'get', issueKey: 'ENG-1' },
          { credentials: { jiraSoftwareCloudApi: { id: 'c1', name: 'Jira SW Cloud account' }, jiraSoftwareServerApi: { id: 's1', name: 'Acme DC' } } },
        ),
        jira('Old', { operation: 'get', issueKey: 'ENG-1' }, { credentials: { jiraSoftwareCloudApi: 'Legacy Jira' } }),
        jira('None', { operation: 'get', issueKey: 'ENG-1' }, { credentials: undefined }),
      ]);
      const { model } = read(text);
      assert.deepEqual(
        model.actions.map((s) => s.connectionName),
        ['Jira SW Cloud account', 'Acme DC', 'Legacy Jira', undefined],
      );
      assert.deepEqual([...model.connections.keys()], ['Jira SW Cloud account', 'Acme DC', 'Legacy Jira']);
      assert.deepEqual(rangeTuple(model.actions[1].connectionRange!), at(text, '"Acme DC"'));
      assert.deepEqual(rangeTuple(model.connections.get('Legacy Jira')!.keyRange), at(text, '"Legacy Jira"'));
    });

    it('checks each credential against the site the workspace maps it to', () => {
      const text = workflow([
        jira(
          'On DC',
          { jiraVersion: 'serverPat', operation: 'get', issueKey: 'ENG-1' },
          { credentials: { jiraSoftwareServerPatApi: { id: 'p', name: 'Acme DC' } } },
        ),
      ]);
      const cloud = snapshot({ projects: { ENG: project(['BROWSE_PROJECTS']) } });
      const dc = snapshot({
        site: 'https://jira.acme.example',
        deployment: 'server',
        serverVersion: '10.3.0',
        authType: 'pat',
        projects: { ENG: project([], ['BROWSE_PROJECTS']) },
      });
      assert.deepEqual(
        check(text, [cloud, dc]).map((f) => f.code),
        ['unverified'],
      );
      const mapped = check(analyzeRecipe(text, { fileName: 'w.json', connectionSites: new Map([['Acme DC', 'https://jira.acme.example']]) }), [cloud, dc]);
      assert.deepEqual(
        mapped.map((f) => `${f.code}:${f.site}`),
        ['missing-permission:https://jira.acme.example'],
      );
    });
  });

  it('checks the example workflow against the acme snapshot', () => {
    const text = readFileSync('examples/incident-to-support-ticket.workflow.json', 'utf8');
    const acme = normalizeSnapshot(JSON.parse(readFileSync('examples/acme.snapshot.json', 'utf8')));
    const findings = check(analyzeRecipe(text, { fileName: 'incident-to-support-ticket.workflow.json' }), [acme]);
    assert.deepEqual(
      findings.map((f) => `${f.code}:${f.step}:${f.project}:${f.permissions}@${rangeOf(f)}`),
      [
        `missing-global-permission:Jira Trigger:null:ADMINISTER@${at(text, '"n8n-nodes-base.jiraTrigger"')}`,
        `missing-permission:Open support ticket:SUP:MODIFY_REPORTER@${at(text, '"reporter"')}`,
      ],
    );
  });
});

function rangeTuple(range: { start: { line: number; character: number }; end: { line: number; character: number } }): RangeTuple {
  return [range.start.line, range.start.character, range.end.line, range.end.character];
}
