import { strict as assert } from 'node:assert';
import { check } from '../../src/core/check';
import { only, project, rangeOf, rows, snapshot, yaml } from './helpers';

const header = ['name: t', 'connections:', '  jira: { provider: jira, host: https://acme.atlassian.net }'];

describe('check engine', () => {
  describe('missing-permission', () => {
    const text = yaml(
      ...header,
      'trigger: { id: bug, event: new_issue, input: { project: ENG } }',
      'steps:',
      '  - id: note',
      '    action: create_comment',
      '    input: { issue: "{{ bug.key }}", comment: hi }',
    );

    it('flags a project permission set to false on the action, naming step, operation, permission, project and account', () => {
      const [f] = check(text, [snapshot({ projects: { ENG: project(['BROWSE_PROJECTS'], ['ADD_COMMENTS']) } })]);
      assert.equal(f.code, 'missing-permission');
      assert.equal(f.severity, 'error');
      assert.deepEqual(rangeOf(f), [6, 12, 6, 26]);
      assert.equal(f.step, 'note');
      assert.equal(f.operation, 'create_comment');
      assert.equal(f.project, 'ENG');
      assert.deepEqual(f.permissions, ['ADD_COMMENTS']);
      assert.equal(
        f.message,
        'Step "note": Create comment (create_comment) needs Add Comments (ADD_COMMENTS) in project ENG, which Jan Donyada (jan@acme.example) lacks on https://acme.atlassian.net.',
      );
    });

    it('says who holds the permission when the scheme was readable', () => {
      const grants = {
        ADD_COMMENTS: [
          { type: 'projectRole', parameter: '10002', displayName: 'QA' },
          { type: 'group', parameter: 'jira-administrators' },
        ],
      };
      const [f] = check(text, [
        snapshot({ projects: { ENG: project(['BROWSE_PROJECTS'], ['ADD_COMMENTS'], { permissionScheme: { readable: true, grants } }) } }),
      ]);
      assert.match(f.message, /Jira grants it to the project role QA and the group jira-administrators in this project\.$/);
    });

    it('gives one finding per step, project and permission', () => {
      const multi = yaml(
        ...header,
        'trigger: { event: new_issue, input: { jql: "project in (ENG, OPS)" } }',
        'steps:',
        '  - action: delete_issue',
        '    input: { issue: "{{ trigger.key }}" }',
      );
      const findings = check(multi, [
        snapshot({ projects: { ENG: project([], ['BROWSE_PROJECTS', 'DELETE_ISSUES']), OPS: project(['BROWSE_PROJECTS'], ['DELETE_ISSUES']) } }),
      ]);
      const missing = only(findings, 'missing-permission').map((f) => `${f.project}:${f.permissions.join()}`);
      assert.deepEqual(missing.sort(), ['ENG:BROWSE_PROJECTS', 'ENG:BROWSE_PROJECTS', 'ENG:DELETE_ISSUES', 'OPS:DELETE_ISSUES']);
    });

    it('makes an "any of" group one finding listing the alternatives, and none when one is held', () => {
      const del = yaml(
        ...header,
        'trigger: { event: new_issue, input: { project: ENG } }',
        'steps:',
        '  - action: delete_comment',
        '    input: { issue: ENG-1, comment_id: "1" }',
      );
      const [f] = only(
        check(del, [snapshot({ projects: { ENG: project(['BROWSE_PROJECTS'], ['DELETE_OWN_COMMENTS', 'DELETE_ALL_COMMENTS']) } })]),
        'missing-permission',
      );
      assert.deepEqual(f.permissions, ['DELETE_OWN_COMMENTS', 'DELETE_ALL_COMMENTS']);
      assert.match(
        f.message,
        /needs one of Delete Own Comments \(DELETE_OWN_COMMENTS\) or Delete All Comments \(DELETE_ALL_COMMENTS\) in project ENG, and Jan Donyada \(jan@acme.example\) holds none of them/,
      );
      assert.deepEqual(check(del, [snapshot({ projects: { ENG: project(['BROWSE_PROJECTS', 'DELETE_ALL_COMMENTS'], ['DELETE_OWN_COMMENTS']) } })]), []);
    });

    it('lets a global alternative satisfy a mixed "any of" group', () => {
      const version = yaml(
        ...header,
        'trigger: { event: new_issue, input: { project: ENG } }',
        'steps:',
        '  - action: create_version',
        '    input: { project: ENG, name: "1.0" }',
      );
      assert.deepEqual(
        check(version, [snapshot({ global: { ADMINISTER: true }, projects: { ENG: project(['BROWSE_PROJECTS'], ['ADMINISTER_PROJECTS']) } })]),
        [],
      );
      assert.deepEqual(
        rows(check(version, [snapshot({ global: { ADMINISTER: false }, projects: { ENG: project(['BROWSE_PROJECTS'], ['ADMINISTER_PROJECTS']) } })])),
        ['missing-permission@5:12-5:26'],
      );
    });

    it("puts a permission that an input adds on that input's key", () => {
      const close = yaml(
        ...header,
        'trigger: { event: new_issue, input: { project: ENG } }',
        'steps:',
        '  - id: close',
        '    action: update_issue_status',
        '    input:',
        '      issue: ENG-1',
        '      status: Closed',
      );
      const [f] = check(close, [snapshot({ projects: { ENG: project(['BROWSE_PROJECTS', 'TRANSITION_ISSUES'], ['CLOSE_ISSUES']) } })]);
      assert.equal(f.code, 'missing-permission');
      assert.deepEqual(rangeOf(f), [9, 6, 9, 12]);
      assert.match(f.message, /Close Issues \(CLOSE_ISSUES\).*This comes from the classic workflow's conditions: its close transitions need Close Issues/);
    });

    it('reads legacy Server keys in a snapshot as their current names', () => {
      const [f] = check(text, [snapshot({ deployment: 'server', serverVersion: '8.20.1', projects: { ENG: project(['BROWSE'], ['COMMENT_ISSUE']) } })]);
      assert.equal(f.code, 'missing-permission');
      assert.deepEqual(f.permissions, ['ADD_COMMENTS']);
    });
  });

  describe('missing-global-permission', () => {
    it('flags a real-time trigger without Jira Administrators, with the by-hand webhook and polling alternatives', () => {
      const text = yaml(...header, 'trigger:', '  event: updated_issue_webhook', '  input: { jql: "project = ENG" }');
      const [f] = check(text, [snapshot({ projects: { ENG: project(['BROWSE_PROJECTS']) } })]);
      assert.equal(f.code, 'missing-global-permission');
      assert.deepEqual(rangeOf(f), [4, 9, 4, 30]);
      assert.equal(f.step, 'trigger');
      assert.equal(f.project, null);
      assert.deepEqual(f.permissions, ['ADMINISTER']);
      assert.equal(f.suggestion, 'updated_issue');
      assert.match(f.message, /registers a Jira webhook, which needs the global permission Administer Jira \(ADMINISTER\)/);
      assert.match(
        f.message,
        /A Jira administrator can register the webhook by hand .* HTTP webhook trigger instead, or switch to the polling trigger "updated_issue"\.$/,
      );
    });

    it('flags other global permissions without needing a project', () => {
      const text = yaml(...header, 'trigger: { event: new_issue }', 'steps:', '  - action: find_user', '    input: { query: x }');
      const [f] = only(check(text, [snapshot({ global: { USER_PICKER: false } })]), 'missing-global-permission');
      assert.equal(f.step, 'steps/0');
      assert.match(f.message, /needs the global permission Browse users and groups \(USER_PICKER\)/);
    });
  });

  describe('project-not-visible', () => {
    it("flags a project the snapshot can't see, once per step, and checks nothing more there", () => {
      const text = yaml(
        ...header,
        'trigger: { event: new_issue, input: { project: ENG } }',
        'steps:',
        '  - action: upload_attachment',
        '    input: { issue: SEC-4, file: x }',
      );
      const findings = check(text, [snapshot({ projects: { ENG: project(['BROWSE_PROJECTS']), SEC: { visible: false } } })]);
      assert.deepEqual(rows(findings), ['project-not-visible@5:12-5:29']);
      assert.match(
        findings[0].message,
        /works in project SEC, which Jan Donyada \(jan@acme.example\) cannot see .* doesn't exist, or the account lacks Browse Projects/,
      );
    });
  });

  describe('security-level-unavailable', () => {
    const text = (level: string) =>
      yaml(
        ...header,
        'trigger: { event: new_issue, input: { project: ENG } }',
        'steps:',
        '  - action: create_issue',
        `    input: { project: ENG, issue_type: Task, summary: x, security: ${level} }`,
      );
    const snap = (held: boolean) =>
      snapshot({
        projects: {
          ENG: project(['BROWSE_PROJECTS', 'CREATE_ISSUES', ...(held ? ['SET_ISSUE_SECURITY'] : [])], held ? [] : ['SET_ISSUE_SECURITY'], {
            securityLevels: held ? ['Internal'] : [],
          }),
        },
      });

    it('flags a level the account may not set, on the value', () => {
      const [f] = check(text('Top-secret'), [snap(true)]);
      assert.equal(f.code, 'security-level-unavailable');
      assert.deepEqual(rangeOf(f), [6, 67, 6, 77]);
      assert.match(f.message, /may not set the issue security level "Top-secret" in project ENG \(levels it may set: Internal\)/);
    });

    it('accepts a level it may set, and leaves templated levels alone', () => {
      assert.deepEqual(check(text('internal'), [snap(true)]), []);
      assert.deepEqual(check(text('"{{ trigger.level }}"'), [snap(true)]), []);
    });

    it('reports only the missing Set Issue Security when the account lacks it', () => {
      assert.deepEqual(
        check(text('Top-secret'), [snap(false)]).map((f) => `${f.code}:${f.permissions}`),
        ['missing-permission:SET_ISSUE_SECURITY'],
      );
    });
  });

  describe('account and site findings', () => {
    const text = yaml(...header, 'trigger: { event: new_issue, input: { project: ENG } }');

    it('warns about password authentication on Jira Cloud, on the connection host', () => {
      const [f] = check(text, [snapshot({ authType: 'password', projects: { ENG: project(['BROWSE_PROJECTS']) } })]);
      assert.equal(f.code, 'deprecated-auth');
      assert.equal(f.severity, 'warning');
      assert.deepEqual(rangeOf(f), [2, 32, 2, 58]);
      assert.match(f.message, /deprecated it on 1 December 2018.*API token/);
    });

    it('does not warn about passwords on Server/Data Center', () => {
      assert.deepEqual(
        check(text, [snapshot({ deployment: 'server', serverVersion: '9.12.0', authType: 'password', projects: { ENG: project(['BROWSE_PROJECTS']) } })]),
        [],
      );
    });

    it('refuses to check against Jira older than 7.0, and says why', () => {
      const findings = check(text, [snapshot({ deployment: 'server', serverVersion: '6.4.14', projects: { ENG: project([], ['BROWSE_PROJECTS']) } })]);
      assert.deepEqual(rows(findings), ['unsupported-version@2:32-2:58']);
      assert.match(findings[0].message, /runs Jira 6\.4\.14, older than 7\.0/);
    });
  });

  describe('unverified: missing data is never an error', () => {
    const text = yaml(
      ...header,
      'trigger: { event: new_issue, input: { project: ENG } }',
      'steps:',
      '  - action: create_comment',
      '    input: { issue: "{{ nowhere.key }}", comment: x }',
    );

    it('says once per connection that there is no snapshot for its host', () => {
      const findings = check(text, [snapshot({ site: 'https://other.atlassian.net' })]);
      assert.deepEqual(rows(findings), ['unverified@2:32-2:58']);
      assert.equal(findings[0].severity, 'information');
      assert.match(findings[0].message, /no linked account or permission snapshot for https:\/\/acme\.atlassian\.net/);
    });

    it('reports an unresolved project as unverified, not as missing', () => {
      const findings = check(text, [snapshot({ projects: { ENG: project(['BROWSE_PROJECTS']) } })]);
      assert.deepEqual(rows(findings), ['unverified@5:12-5:26']);
      assert.match(findings[0].message, /in a project that can't be told from the step; set input.project/);
    });

    it('reports a project absent from the snapshot, a permission absent, and an unavailable project as unverified', () => {
      const withIssue = text.replace('{{ nowhere.key }}', 'ENG-1');
      const cases = [
        snapshot({ projects: {} }),
        snapshot({ projects: { ENG: project(['BROWSE_PROJECTS']) } }),
        snapshot({ projects: { ENG: { visible: true, unavailable: 'Jira answered 503 Service Unavailable' } } }),
      ];
      for (const snap of cases) {
        const findings = check(withIssue, [snap]);
        assert.ok(findings.length > 0);
        assert.ok(
          findings.every((f) => f.code === 'unverified' && f.severity === 'information'),
          JSON.stringify(rows(findings)),
        );
      }
      assert.match(check(withIssue, [cases[2]])[0].message, /could not be fetched \(Jira answered 503/);
    });

    it('treats an unknown global permission as unverified', () => {
      const findings = check(yaml(...header, 'trigger: { event: deleted_object }'), [snapshot({ global: {} })]);
      assert.deepEqual(
        findings.map((f) => f.code),
        ['unverified'],
      );
    });

    it('needs a host to choose among several snapshots', () => {
      const noHost = yaml('name: t', 'trigger: { event: new_issue, input: { project: ENG } }');
      const snaps = [
        snapshot({ projects: { ENG: project([], ['BROWSE_PROJECTS']) } }),
        snapshot({ site: 'https://jira.acme.example', projects: { ENG: project([], ['BROWSE_PROJECTS']) } }),
      ];
      assert.deepEqual(
        check(noHost, [snaps[0]]).map((f) => f.code),
        ['missing-permission'],
      );
      const [f] = check(noHost, snaps);
      assert.equal(f.code, 'unverified');
      assert.match(f.message, /add host: to the connection/);
    });

    it('picks the snapshot by base URL, then by origin', () => {
      const dc = yaml(
        'name: t',
        'connections:',
        '  jira: { provider: jira, host: "https://jira.acme.example/jira/" }',
        'trigger: { event: new_issue, input: { project: ENG } }',
      );
      const snaps = [
        snapshot({ site: 'https://jira.acme.example/other', projects: { ENG: project(['BROWSE_PROJECTS']) } }),
        snapshot({ site: 'https://jira.acme.example/jira', projects: { ENG: project([], ['BROWSE_PROJECTS']) } }),
      ];
      assert.deepEqual(
        check(dc, snaps).map((f) => f.code),
        ['missing-permission'],
      );
      assert.deepEqual(check(dc, [snaps[0]]), []);
    });
  });

  describe('recipe structure', () => {
    it('flags a duplicate step id on the later one', () => {
      const text = yaml(
        'name: t',
        'trigger: { id: a, event: new_issue }',
        'steps:',
        '  - { id: b, action: get_issue, input: { issue: ENG-1 } }',
        '  - foreach: "{{ a.x }}"',
        '    steps:',
        '      - { id: a, action: get_issue, input: { issue: ENG-1 } }',
      );
      const [f] = only(check(text), 'duplicate-id');
      assert.deepEqual(rangeOf(f), [6, 14, 6, 15]);
      assert.match(f.message, /^Step id "a" is already used on line 2\./);
    });

    it('flags unknown triggers and actions with a suggestion, and an action used as a trigger', () => {
      const text = yaml('name: t', 'trigger: { event: create_issue }', 'steps:', '  - action: create_coment', '  - action: send_to_slack');
      const findings = check(text).filter((f) => f.code.startsWith('unknown'));
      assert.deepEqual(
        findings.map((f) => [f.code, f.suggestion, rangeOf(f)]),
        [
          ['unknown-trigger', undefined, [1, 18, 1, 30]],
          ['unknown-action', 'create_comment', [3, 12, 3, 25]],
          ['unknown-action', undefined, [4, 12, 4, 25]],
        ],
      );
      assert.equal(findings[0].message, '"create_issue" is a Jira action, not a trigger.');
      assert.equal(findings[1].message, 'Unknown Jira action "create_coment". Did you mean "create_comment"?');
    });

    it('leaves steps of other providers alone and flags a connection that is not defined', () => {
      const text = yaml(
        'name: t',
        'connections:',
        '  zd: { provider: zendesk }',
        '  jira: { provider: jira }',
        'trigger: { connection: zd, event: new_ticket }',
        'steps:',
        '  - { connection: zd, action: update_ticket }',
        '  - { connection: slack, action: post_message }',
      );
      assert.deepEqual(
        check(text).map((f) => [f.code, rangeOf(f)]),
        [['unknown-connection', [7, 18, 7, 23]]],
      );
    });

    it('gives a step without a connection the only Jira connection', () => {
      const text = yaml(
        'name: t',
        'connections:',
        '  zd: { provider: zendesk }',
        '  jira: { provider: jira, host: https://acme.atlassian.net }',
        'trigger: { connection: zd, event: new_ticket }',
        'steps:',
        '  - { action: create_comment, input: { issue: ENG-1, comment: hi } }',
      );
      const findings = check(text, [snapshot({ projects: { ENG: project(['BROWSE_PROJECTS'], ['ADD_COMMENTS']) } })]);
      assert.deepEqual(
        findings.map((f) => f.code),
        ['missing-permission'],
      );
    });

    it("gives a step without a connection the trigger's connection when there are several Jira connections", () => {
      const text = yaml(
        'name: t',
        'connections:',
        '  cloud: { provider: jira, host: https://acme.atlassian.net }',
        '  dc: { provider: jira, host: https://jira.acme.example }',
        'trigger: { connection: dc, event: new_issue, input: { project: ENG } }',
        'steps:',
        '  - { action: create_comment, input: { issue: ENG-1, comment: hi } }',
      );
      const dcSnap = snapshot({
        site: 'https://jira.acme.example',
        deployment: 'server',
        serverVersion: '9.12.0',
        projects: { ENG: project(['BROWSE_PROJECTS'], ['ADD_COMMENTS']) },
      });
      const findings = check(text, [snapshot({ projects: { ENG: project(['BROWSE_PROJECTS', 'ADD_COMMENTS']) } }), dcSnap]);
      assert.deepEqual(
        findings.map((f) => [f.code, f.site]),
        [['missing-permission', 'https://jira.acme.example']],
      );
    });
  });

  it('finds nothing wrong when everything is held', () => {
    const text = yaml(
      ...header,
      'trigger: { event: new_issue, input: { project: ENG } }',
      'steps:',
      '  - action: create_issue',
      '    input: { project: ENG, issue_type: Bug, summary: x, assignee: me, duedate: "2026-12-24" }',
    );
    assert.deepEqual(check(text, [snapshot({ projects: { ENG: project(['BROWSE_PROJECTS', 'CREATE_ISSUES', 'ASSIGN_ISSUES', 'SCHEDULE_ISSUES']) } })]), []);
  });
});
