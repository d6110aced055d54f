import { strict as assert } from 'node:assert';
import { findOperation, OPERATIONS } from '../../../src/core/catalog';
import { analyzeRecipe, check } from '../../../src/core/check';
import { readRecipe } from '../../../src/core/recipe/read';
import { WORKATO_JIRA_NAMES } from '../../../src/core/recipe/workato/names';
import type { Range } from '../../../src/core/text/range';
import { only, project, rangeOf, rows, snapshot, type RangeTuple } from '../helpers';

/** Lines joined with newlines, so recipes in tests keep their layout (and ranges stay easy to read). */
const json = (...lines: string[]) => `${lines.join('\n')}\n`;
const span = (r: Range): RangeTuple => [r.start.line, r.start.character, r.end.line, r.end.character];
const read = (text: string) => readRecipe(text, { fileName: 'r.recipe.json' });
const JIRA_ACME =
  '  "config": [{ "keyword": "application", "provider": "jira", "skip_validation": false, "account_id": { "zip_name": "jira_acme.connection.json", "name": "Jira acme", "folder": "" } }]';

/** A trigger whose JQL names ENG, and three actions on its issue: `_()` pill, `_dp()` pill, literal key. */
const triage = json(
  '{',
  '  "name": "Triage ENG bugs",',
  '  "code": {',
  '    "number": 0, "provider": "jira", "name": "new_issue", "as": "1a2b3c4d", "keyword": "trigger",',
  '    "input": { "jql": "project = ENG AND issuetype = Bug" },',
  '    "block": [',
  `      { "number": 1, "provider": "jira", "name": "create_comment", "as": "5e6f7a8b", "keyword": "action", "input": { "issue_id_or_key": "#{_('data.jira.1a2b3c4d.key')}", "comment": "Triaged." } },`,
  String.raw`      { "number": 2, "provider": "jira", "name": "update_issue_status", "as": "9c0d1e2f", "title": "Close it", "keyword": "action", "input": { "issue_id_or_key": "#{_dp('{\"pill_type\":\"output\",\"provider\":\"jira\",\"line\":\"1a2b3c4d\",\"path\":[\"key\"]}')}", "status": "Closed" } },`,
  '      { "number": 3, "provider": "jira", "name": "upload_attachment", "as": "3a4b5c6d", "keyword": "action", "input": { "issue_key": "OPS-12", "file": "x" } }',
  '    ]',
  '  },',
  JIRA_ACME,
  '}',
);

describe('Workato recipe exports', () => {
  describe('reading', () => {
    it('reads the trigger and the actions with their ids, paths, ranges and connection', () => {
      const { model, problems, broken } = read(triage);
      assert.deepEqual(problems, []);
      assert.equal(broken, false);
      assert.equal(model.format, 'workato');
      assert.equal(model.name, 'Triage ENG bugs');
      const trigger = model.trigger!;
      assert.equal(trigger.kind, 'trigger');
      assert.equal(trigger.operation, 'new_issue');
      assert.equal(trigger.path, 'code');
      assert.equal(trigger.id, '1a2b3c4d');
      assert.equal(trigger.connectionName, 'Jira acme');
      assert.deepEqual(trigger.operationRange, { start: { line: 3, character: 45 }, end: { line: 3, character: 56 } });
      assert.deepEqual(trigger.inputs.get('jql')?.literal, 'project = ENG AND issuetype = Bug');
      assert.deepEqual(
        model.actions.map((a) => [a.path, a.id, a.operation, a.label]),
        [
          ['code/block/0', '5e6f7a8b', 'create_comment', undefined],
          ['code/block/1', '9c0d1e2f', 'update_issue_status', 'Close it'],
          ['code/block/2', '3a4b5c6d', 'upload_attachment', undefined],
        ],
      );
      assert.deepEqual(
        model.ids.map((e) => [e.id, e.path, e.range.start.line, e.range.start.character]),
        [
          ['1a2b3c4d', 'code', 3, 64],
          ['5e6f7a8b', 'code/block/0', 6, 73],
          ['9c0d1e2f', 'code/block/1', 7, 78],
          ['3a4b5c6d', 'code/block/2', 8, 76],
        ],
      );
    });

    it('maps Workato field names to catalog inputs, with the ranges of the Workato key and value', () => {
      const [comment, close, upload] = read(triage).model.actions;
      const issue = comment.inputs.get('issue')!;
      assert.deepEqual(
        [issue.keyRange.start, issue.keyRange.end],
        [
          { line: 6, character: 117 },
          { line: 6, character: 134 },
        ],
      );
      assert.deepEqual(
        [issue.valueRange.start, issue.valueRange.end],
        [
          { line: 6, character: 136 },
          { line: 6, character: 168 },
        ],
      );
      assert.deepEqual([issue.dynamic, issue.refs], [true, ['1a2b3c4d']]);
      assert.deepEqual([close.inputs.get('issue')?.dynamic, close.inputs.get('issue')?.refs], [true, ['1a2b3c4d']]);
      assert.deepEqual([upload.inputs.get('issue')?.literal, upload.inputs.get('issue')?.dynamic], ['OPS-12', false]);
    });

    it('reads connections from config: named by the account, or by the provider when account_id is null', () => {
      const text = json(
        '{',
        '  "name": "Two sites",',
        '  "code": { "provider": "jira", "name": "new_issue", "as": "aa", "keyword": "trigger", "input": { "jql": "project = ENG" }, "block": [',
        '    { "provider": "jira_secondary", "name": "create_issue", "as": "bb", "keyword": "action", "input": { "project_issuetype": "OPS--Task", "summary": "x" } }',
        '  ] },',
        '  "config": [',
        '    { "keyword": "application", "provider": "jira", "skip_validation": false, "account_id": { "zip_name": "a.connection.json", "name": "Jira acme", "folder": "" } },',
        '    { "keyword": "application", "provider": "jira_secondary", "skip_validation": false, "account_id": null },',
        '    { "keyword": "application", "provider": "slack", "skip_validation": false, "account_id": { "zip_name": "s.connection.json", "name": "Slack", "folder": "" } }',
        '  ]',
        '}',
      );
      const { model } = read(text);
      assert.equal(model.declaresConnections, true);
      assert.deepEqual(
        [...model.connections.values()].map((c) => [c.name, c.provider, c.host, span(c.keyRange)]),
        [
          ['Jira acme', 'jira', undefined, [6, 135, 6, 146]],
          ['jira_secondary', 'jira', undefined, [7, 4, 7, 108]],
        ],
      );
      assert.deepEqual([model.trigger?.connectionName, model.actions[0].connectionName], ['Jira acme', 'jira_secondary']);
      const create = model.actions[0];
      assert.deepEqual([create.inputs.get('project')?.literal, create.inputs.get('issue_type')?.literal], ['OPS', 'Task']);
    });

    it('declares no connections when config lists no Jira application', () => {
      const text = json(
        '{',
        '  "code": { "provider": "jira", "name": "new_issue", "keyword": "trigger" },',
        '  "config": [{ "keyword": "application", "provider": "clock", "account_id": null }]',
        '}',
      );
      const { model } = read(text);
      assert.equal(model.declaresConnections, false);
      assert.equal(model.connections.size, 0);
      assert.equal(model.trigger?.connectionName, undefined);
    });

    it('walks blocks under every keyword to any depth, and ignores steps of other providers', () => {
      const text = json(
        '{',
        '  "code": { "provider": "salesforce", "name": "updated_custom_object", "as": "t0", "keyword": "trigger", "block": [',
        '    { "keyword": "if", "input": {}, "block": [',
        '      { "keyword": "try", "input": {}, "block": [',
        '        { "provider": "jira", "name": "create_issue", "as": "s1", "keyword": "action", "input": { "project_key": "OPS" } }',
        '      ] },',
        '      { "keyword": "catch", "as": "c1", "input": {}, "block": [',
        '        { "provider": "slack", "name": "create_comment", "as": "s2", "keyword": "action", "input": {} }',
        '      ] }',
        '    ] },',
        '    { "keyword": "else", "input": {}, "block": [',
        '      { "keyword": "foreach", "as": "f1", "source": "#{_(\'data.salesforce.t0.items\')}", "input": {}, "block": [',
        '        { "keyword": "repeat", "as": "r1", "input": {}, "block": [',
        '          { "keyword": "while_condition", "input": {} },',
        '          { "provider": "jira", "name": "get_issue", "as": "s3", "keyword": "action", "input": { "issue_id_or_key": "ENG-4" } }',
        '        ] }',
        '      ] }',
        '    ] },',
        '    { "keyword": "stop", "as": "e9", "input": { "stop_with_error": "false" } }',
        '  ] }',
        '}',
      );
      const { model, problems } = read(text);
      assert.deepEqual(problems, []);
      assert.equal(model.trigger, undefined);
      assert.deepEqual(
        model.actions.map((a) => [a.path, a.operation, span(a.operationRange)]),
        [
          ['code/block/0/block/0/block/0', 'create_issue', [4, 38, 4, 52]],
          ['code/block/1/block/0/block/0/block/1', 'get_issue', [14, 40, 14, 51]],
        ],
      );
      assert.deepEqual(
        model.ids.map((e) => e.id),
        ['t0', 's1', 'c1', 's2', 'f1', 'r1', 's3', 'e9'],
      );
    });

    it('reads a wrapped recipe whose code and version.config are JSON strings, pointing at the strings', () => {
      const code = JSON.stringify({
        provider: 'jira',
        name: 'new_issue',
        as: 'w1',
        keyword: 'trigger',
        input: { jql: 'project = SUP' },
        block: [
          { provider: 'jira', name: 'create_comment', as: 'w2', keyword: 'action', input: { issue_id_or_key: "#{_('data.jira.w1.key')}", comment: 'x' } },
        ],
      });
      const config = JSON.stringify([{ keyword: 'application', provider: 'jira', name: 'jira', skip_validation: false, account_id: { name: 'Jira wrapped' } }]);
      const text = json(
        '{',
        '  "recipe_id": 4711,',
        `  "code": ${JSON.stringify(code)},`,
        `  "version": { "name": "Wrapped", "version_no": 3, "config": ${JSON.stringify(config)} }`,
        '}',
      );
      const { model, problems } = read(text);
      assert.deepEqual(problems, []);
      assert.equal(model.name, 'Wrapped');
      assert.deepEqual(span(model.connections.get('Jira wrapped')!.keyRange), [3, 61, 3, 61 + JSON.stringify(config).length]);
      const codeRange = [2, 10, 2, 10 + JSON.stringify(code).length];
      assert.deepEqual(span(model.trigger!.operationRange), codeRange);
      assert.deepEqual(span(model.actions[0].operationRange), codeRange);
      assert.deepEqual(model.actions[0].inputs.get('issue')?.refs, ['w1']);

      const findings = check(text, [snapshot({ projects: { SUP: project(['BROWSE_PROJECTS'], ['ADD_COMMENTS']) } })]);
      assert.deepEqual(
        findings.map((f) => [f.code, f.project, rangeOf(f)]),
        [['missing-permission', 'SUP', codeRange]],
      );
    });

    it('reads a wrapper whose code is an object and whose config is a string', () => {
      const config = JSON.stringify([{ keyword: 'application', provider: 'jira', account_id: null }]);
      const text = json(
        '{',
        '  "recipe_id": 12,',
        '  "code": { "provider": "jira", "name": "updated_issue", "as": "x1", "keyword": "trigger" },',
        `  "version": { "name": "Half wrapped", "config": ${JSON.stringify(config)} }`,
        '}',
      );
      const { model } = read(text);
      assert.equal(model.name, 'Half wrapped');
      assert.deepEqual([...model.connections.keys()], ['jira']);
      assert.deepEqual(model.trigger?.operationRange, { start: { line: 2, character: 40 }, end: { line: 2, character: 55 } });
    });

    it('takes Workato formula mode (=) and escaped _dp pills as dynamic, with their references', () => {
      const text = json(
        '{',
        '  "code": { "provider": "jira", "name": "new_issue", "as": "t1", "keyword": "trigger", "block": [',
        String.raw`    { "provider": "jira", "name": "search_issues_by_JQL", "as": "s1", "keyword": "action", "input": { "jql": "='project = ENG AND reporter = ' + _dp('{\"pill_type\":\"output\",\"provider\":\"jira\",\"line\":\"t1\",\"path\":[\"fields\"]}')" } },`,
        String.raw`    { "provider": "jira", "name": "get_issue", "as": "s2", "keyword": "action", "input": { "issue_id_or_key": "#{_dp('{\\\"pill_type\\\":\\\"output\\\",\\\"provider\\\":\\\"jira\\\",\\\"line\\\":\\\"s1\\\",\\\"path\\\":[\\\"issues\\\"]}')}" } },`,
        '    { "provider": "jira", "name": "get_issue", "as": "s3", "keyword": "action", "input": { "issue_id_or_key": "=\'ENG-\' + 7.to_s" } }',
        '  ] }',
        '}',
      );
      const [search, byPill, byFormula] = read(text).model.actions;
      assert.deepEqual([search.inputs.get('jql')?.dynamic, search.inputs.get('jql')?.refs], [true, ['t1']]);
      assert.deepEqual([byPill.inputs.get('issue')?.dynamic, byPill.inputs.get('issue')?.refs], [true, ['s1']]);
      assert.deepEqual([byFormula.inputs.get('issue')?.dynamic, byFormula.inputs.get('issue')?.refs], [true, []]);
    });

    it('labels a step by its title, else by its description without markup', () => {
      const text = json(
        '{',
        '  "code": { "provider": "jira", "name": "new_issue", "keyword": "trigger", "description": "<span class=\\"provider\\">New issue</span> in <span class=\\"provider\\">Jira</span> &amp; more", "block": [',
        '    { "provider": "jira", "name": "get_issue", "as": "g1", "title": "", "description": "   ", "keyword": "action", "input": {} }',
        '  ] }',
        '}',
      );
      const { model } = read(text);
      assert.equal(model.trigger?.label, 'New issue in Jira & more');
      assert.equal(model.actions[0].label, undefined);
    });
  });

  describe('checking', () => {
    it("puts a step acting on the trigger's issue in the trigger's projects, for both pill forms and a literal key", () => {
      const snap = snapshot({
        projects: {
          ENG: project(['BROWSE_PROJECTS'], ['ADD_COMMENTS', 'TRANSITION_ISSUES', 'CLOSE_ISSUES']),
          OPS: project(['BROWSE_PROJECTS'], ['CREATE_ATTACHMENTS']),
        },
      });
      const findings = check(triage, [snap]);
      assert.deepEqual(rows(findings), [
        'missing-permission@6:49-6:65',
        'missing-permission@7:49-7:70',
        'missing-permission@7:265-7:273',
        'missing-permission@8:49-8:68',
      ]);
      assert.deepEqual(
        findings.map((f) => [f.step, f.operation, f.project, f.permissions.join()]),
        [
          ['5e6f7a8b', 'create_comment', 'ENG', 'ADD_COMMENTS'],
          ['9c0d1e2f', 'update_issue_status', 'ENG', 'TRANSITION_ISSUES'],
          ['9c0d1e2f', 'update_issue_status', 'ENG', 'CLOSE_ISSUES'],
          ['3a4b5c6d', 'upload_attachment', 'OPS', 'CREATE_ATTACHMENTS'],
        ],
      );
      assert.equal(
        findings[0].message,
        'Step "5e6f7a8b": Create comment (create_comment) needs Add Comments (ADD_COMMENTS) in project ENG, which Jan Donyada (jan@acme.example) lacks on https://acme.atlassian.net.',
      );
      assert.match(findings[1].message, /^Step "Close it": Update issue status/);
      assert.equal(findings[2].input, 'status');
    });

    it("follows a loop over a search to the projects of the search's JQL", () => {
      const text = json(
        '{',
        '  "code": { "provider": "clock", "name": "scheduled_event", "as": "t1", "keyword": "trigger", "block": [',
        '    { "provider": "jira", "name": "search_issues_by_JQL", "as": "s1", "keyword": "action", "input": { "jql": "project = SUP AND status = Open" } },',
        String.raw`    { "keyword": "foreach", "as": "f1", "repeat_mode": "simple", "source": "#{_dp('{\"pill_type\":\"output\",\"provider\":\"jira\",\"line\":\"s1\",\"path\":[\"issues\"]}')}", "input": {}, "block": [`,
        String.raw`      { "provider": "jira", "name": "assign_issue", "as": "a1", "keyword": "action", "input": { "issue_id_or_key": "#{_dp('{\"pill_type\":\"output\",\"provider\":\"foreach\",\"line\":\"f1\",\"path\":[\"key\"]}')}", "assignee": "5b10ac8d82e05b22cc7d4ef5" } }`,
        '    ] }',
        '  ] }',
        '}',
      );
      const findings = check(text, [snapshot({ projects: { SUP: project(['BROWSE_PROJECTS'], ['ASSIGN_ISSUES']) } })]);
      assert.deepEqual(
        findings.map((f) => [f.code, f.step, f.project, f.permissions.join()]),
        [['missing-permission', 'a1', 'SUP', 'ASSIGN_ISSUES']],
      );
    });

    it("puts the permission a nested field adds on that field's key", () => {
      const text = json(
        '{',
        '  "code": { "provider": "jira", "name": "new_issue", "as": "t1", "keyword": "trigger", "input": { "jql": "project = SUP" }, "block": [',
        '    { "provider": "jira", "name": "update_issue", "as": "u1", "keyword": "action", "input": { "issue_id_or_key": "SUP-3", "fields": { "reporter": { "accountId": "557058:f58131cb" } } } }',
        '  ] }',
        '}',
      );
      const findings = check(text, [snapshot({ projects: { SUP: project(['BROWSE_PROJECTS', 'EDIT_ISSUES'], ['MODIFY_REPORTER']) } })]);
      assert.deepEqual(rows(findings), ['missing-permission@2:134-2:144']);
      assert.equal(findings[0].input, 'reporter');
    });

    it("flags a real-time trigger without Administer Jira with Workato's way round it, and no suggestion", () => {
      const text = json(
        '{',
        '  "name": "Real-time",',
        '  "code": { "provider": "jira", "name": "updated_issue_webhook", "as": "rt", "title": "Bug changed", "keyword": "trigger", "input": { "jql": "project = ENG" } },',
        JIRA_ACME,
        '}',
      );
      const [f] = check(text, [snapshot({ projects: { ENG: project(['BROWSE_PROJECTS']) } })]);
      assert.equal(f.code, 'missing-global-permission');
      assert.deepEqual(rangeOf(f), [2, 40, 2, 63]);
      assert.equal(f.step, 'rt');
      assert.deepEqual(f.permissions, ['ADMINISTER']);
      assert.equal(f.suggestion, undefined);
      assert.equal(
        f.message,
        'Trigger "Bug changed": New/updated issue (real-time) (updated_issue_webhook) registers a Jira webhook, which needs the global permission Administer Jira (ADMINISTER); Jan Donyada (jan@acme.example) lacks it on https://acme.atlassian.net. In Workato, ask a Jira administrator to register the webhook by hand (Jira administration → System → WebHooks) and start the recipe with the Webhooks connector\'s "New event" trigger, or switch to the polling trigger "New/updated issue" (updated_issue).',
      );
      const comment = text.replace('updated_issue_webhook', 'updated_comment_webhook');
      assert.match(
        check(comment, [snapshot({ projects: { ENG: project(['BROWSE_PROJECTS']) } })])[0].message,
        /"New event" trigger, or poll Jira with the HTTP connector's "New event via polling" trigger\.$/,
      );
    });

    it("checks Workato names that differ from the catalog's as their catalog operation", () => {
      const text = json(
        '{',
        '  "code": { "provider": "jira", "name": "issue_created_or_updated_bulk", "as": "b1", "keyword": "trigger", "input": { "jql": "project = OPS" } }',
        '}',
      );
      assert.equal(read(text).model.trigger?.operation, 'updated_issue_batch');
      assert.deepEqual(rows(check(text, [snapshot({ projects: { OPS: project([], ['BROWSE_PROJECTS']) } })])), ['missing-permission@1:40-1:71']);
    });

    it("uses the site a workspace mapping gives the connection's name", () => {
      const sites = new Map([['Jira acme', 'https://acme.atlassian.net']]);
      const snaps = [
        snapshot({
          projects: {
            ENG: project(['BROWSE_PROJECTS', 'ADD_COMMENTS', 'TRANSITION_ISSUES', 'CLOSE_ISSUES']),
            OPS: project(['BROWSE_PROJECTS', 'CREATE_ATTACHMENTS']),
          },
        }),
        snapshot({ site: 'https://other.atlassian.net' }),
      ];
      assert.deepEqual(check(analyzeRecipe(triage, { fileName: 'r.recipe.json', connectionSites: sites }), snaps), []);
      assert.deepEqual(
        only(check(triage, snaps), 'unverified').map((f) => rangeOf(f)),
        [[11, 152, 11, 163]],
      );
    });
  });

  describe('names', () => {
    it('accepts every catalog operation under its own name', () => {
      for (const op of OPERATIONS)
        assert.deepEqual([op.name, WORKATO_JIRA_NAMES[op.name]?.kind, WORKATO_JIRA_NAMES[op.name]?.catalog], [op.name, op.kind, op.name]);
    });

    it('maps Workato names only to catalog operations of their kind, real-time triggers to real-time ones', () => {
      for (const [name, entry] of Object.entries(WORKATO_JIRA_NAMES)) {
        const op = entry.catalog ? findOperation(entry.catalog) : findOperation(name);
        if (!entry.catalog) {
          assert.equal(op, undefined, `${name} is in the catalog now: check it as that operation`);
          continue;
        }
        assert.equal(op?.kind, entry.kind, name);
        assert.equal(op?.triggerType === 'realtime', entry.realtime !== undefined, name);
        assert.equal(entry.realtime?.polling?.name, op?.pollingAlternative, name);
        if (entry.realtime?.polling) assert.equal(findOperation(entry.realtime.polling.name)?.title, entry.realtime.polling.title, name);
      }
    });
  });

  describe('problems', () => {
    it('flags unknown Jira actions and triggers on their name with the closest Workato name, and leaves them out', () => {
      const text = json(
        '{',
        '  "code": { "provider": "jira", "name": "new_isue", "as": "t1", "keyword": "trigger", "block": [',
        '    { "provider": "jira", "name": "create_coment", "as": "s1", "keyword": "action", "input": {} },',
        '    { "provider": "jira", "name": "search_issues_by_jql", "as": "s2", "keyword": "action", "input": {} },',
        '    { "provider": "jira", "name": "new_issue", "as": "s3", "keyword": "action", "input": {} },',
        '    { "provider": "jira", "name": "send_to_slack", "as": "s4", "keyword": "action", "input": {} },',
        '    { "provider": "salesforce", "name": "send_to_slack", "as": "s5", "keyword": "action", "input": {} }',
        '  ] }',
        '}',
      );
      const { model, problems } = read(text);
      assert.equal(model.trigger, undefined);
      assert.deepEqual(model.actions, []);
      assert.deepEqual(
        problems.map((p) => [p.code, p.step, p.operation, p.suggestion, span(p.range)]),
        [
          ['unknown-trigger', 't1', 'new_isue', 'new_issue', [1, 40, 1, 50]],
          ['unknown-action', 's1', 'create_coment', 'create_comment', [2, 34, 2, 49]],
          ['unknown-action', 's2', 'search_issues_by_jql', 'search_issues_by_JQL', [3, 34, 3, 56]],
          ['unknown-action', 's3', 'new_issue', undefined, [4, 34, 4, 45]],
          ['unknown-action', 's4', 'send_to_slack', undefined, [5, 34, 5, 49]],
        ],
      );
      assert.equal(
        problems[1].message,
        'Unknown Jira action "create_coment": Workato\'s Jira connector has no action of that name. Did you mean "create_comment"?',
      );
      assert.equal(problems[3].message, '"new_issue" is a Jira trigger, not an action.');
      const findings = check(text);
      assert.deepEqual(
        findings.map((f) => [f.code, f.suggestion]),
        [
          ['unknown-trigger', 'new_issue'],
          ['unknown-action', 'create_comment'],
          ['unknown-action', 'search_issues_by_JQL'],
          ['unknown-action', undefined],
          ['unknown-action', undefined],
        ],
      );
    });

    it('leaves Workato actions the catalog has no operation for unchecked, without a finding', () => {
      const text = json(
        '{',
        '  "code": { "provider": "jira", "name": "new_issue", "as": "t1", "keyword": "trigger", "input": { "jql": "project = ENG" }, "block": [',
        '    { "provider": "jira", "name": "__adhoc_http_action", "as": "h1", "keyword": "action", "input": { "verb": "post", "path": "/rest/api/2/issueLink" } },',
        '    { "provider": "jira", "name": "get_current_user", "as": "h2", "keyword": "action", "input": {} }',
        '  ] }',
        '}',
      );
      assert.deepEqual(read(text).model.actions, []);
      assert.deepEqual(check(text, [snapshot({ projects: { ENG: project(['BROWSE_PROJECTS']) } })]), []);
    });

    it('reports a JSON syntax error where it is', () => {
      const broken = triage.replace('"keyword": "trigger",', '"keyword": "trigger"');
      const result = read(broken);
      assert.equal(result.broken, true);
      assert.equal(result.model.format, 'workato');
      assert.deepEqual(
        result.problems.map((p) => [p.code, p.message, span(p.range)]),
        [['json-syntax', 'JSON syntax error: comma expected.', [4, 4, 4, 11]]],
      );
      assert.deepEqual(rows(check(broken)), ['json-syntax@4:4-4:11']);
    });

    it('says a .json file that is neither an n8n workflow nor a Workato recipe is of an unknown format', () => {
      const result = readRecipe('{ "name": "settings", "code": { "keyword": "action" } }\n', { fileName: 'settings.json' });
      assert.deepEqual(
        result.problems.map((p) => p.code),
        ['unknown-format'],
      );
      assert.equal(result.broken, true);
      const wrappedBadCode = readRecipe('{ "recipe_id": 1, "code": "{ not json", "version": {} }\n', { fileName: 'r.recipe.json' });
      assert.deepEqual(
        wrappedBadCode.problems.map((p) => p.code),
        ['unknown-format'],
      );
    });

    it('reports shapes it cannot read as schema problems and never throws', () => {
      const text = json(
        '{',
        '  "recipe_id": 9,',
        '  "code": { "provider": "jira", "name": 42, "as": 1234, "keyword": "trigger", "block": [',
        '    17, null, "text",',
        '    { "keyword": "if", "block": { "not": "a list" } },',
        '    { "provider": "jira", "name": "get_issue", "as": "g1", "keyword": "action", "input": "issue ENG-1" },',
        '    { "provider": "jira", "name": "get_issue", "as": "g2", "keyword": "action", "input": { "issue_id_or_key": 10042, "fields": ["summary"] } },',
        '    { "provider": ["jira"], "name": "get_issue", "keyword": "action" }',
        '  ] },',
        '  "version": { "config": "[{ broken" }',
        '}',
      );
      const { model, problems } = read(text);
      assert.deepEqual(
        problems.map((p) => [p.code, p.step, span(p.range)]),
        [
          ['schema', undefined, [9, 25, 9, 36]],
          ['schema', '1234', [2, 40, 2, 42]],
          ['schema', 'code/block/3', [4, 32, 4, 51]],
          ['schema', 'g1', [5, 89, 5, 102]],
        ],
      );
      assert.match(problems[0].message, /"config" holds a string that is not valid JSON/);
      assert.match(problems[1].message, /has no trigger name/);
      assert.deepEqual(
        model.ids.map((e) => e.id),
        ['1234', 'g1', 'g2'],
      );
      assert.deepEqual(
        model.actions.map((a) => [a.id, a.inputs.size]),
        [
          ['g1', 0],
          ['g2', 2],
        ],
      );
      assert.equal(model.actions[1].inputs.get('issue')?.literal, '10042');
    });

    it('refuses 250 nested blocks as nesting too deep, before parsing', () => {
      let code = '{ "provider": "jira", "name": "get_issue", "as": "deep", "keyword": "action", "input": { "issue_id_or_key": "ENG-1" } }';
      for (let i = 0; i < 250; i++) code = `{ "keyword": "if", "input": {}, "block": [${code}] }`;
      const text = `{ "code": { "provider": "jira", "name": "new_issue", "keyword": "trigger", "block": [${code}] } }\n`;
      const { model, problems } = read(text);
      assert.deepEqual(model.actions, []);
      assert.deepEqual(
        problems.map((p) => [p.code, p.message]),
        [['json-syntax', 'The file nests more than 100 levels deep, far deeper than any recipe; it is not checked.']],
      );
    });
  });
});
