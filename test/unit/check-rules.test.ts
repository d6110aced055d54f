import { strict as assert } from 'node:assert';
import { hoverAt } from '../../src/core/assist/hover';
import { analyzeRecipe, check } from '../../src/core/check';
import { only, project, rangeOf, rows, snapshot, yaml } from './helpers';

/** Corrected catalog rules, each as the check engine applies it: what it flags, where, and what it lets pass. */

const header = ['name: t', 'connections:', '  jira: { provider: jira, host: https://acme.atlassian.net }'];
const ACCOUNT_ID = '5b10ac8d82e05b22cc7d4ef5'; // the account of the helpers' snapshot

describe('catalog rules in the check', () => {
  describe('update_issue_status', () => {
    const transition = (status: string) =>
      yaml(
        ...header,
        'trigger: { event: new_issue, input: { project: ENG } }',
        'steps:',
        '  - action: update_issue_status',
        '    input:',
        '      issue: ENG-1',
        `      status: ${status}`,
      );
    const eng = snapshot({ projects: { ENG: project(['BROWSE_PROJECTS', 'TRANSITION_ISSUES'], ['CLOSE_ISSUES', 'RESOLVE_ISSUES']) } });

    it('needs no Resolve Issues for status Done (simplified and team-managed workflows guard it with nothing)', () => {
      assert.deepEqual(check(transition('Done'), [eng]), []);
    });

    it("flags Resolved as missing Resolve Issues on the status key, saying it comes from the classic workflow's conditions", () => {
      const [f] = check(transition('Resolved'), [eng]);
      assert.equal(f.code, 'missing-permission');
      assert.deepEqual(rangeOf(f), [8, 6, 8, 12]);
      assert.deepEqual(f.permissions, ['RESOLVE_ISSUES']);
      assert.match(
        f.message,
        /This comes from the classic workflow's conditions: its resolve transitions need Resolve Issues \(a custom workflow may differ\)\.$/,
      );
    });

    it('keeps Close, Closed and Close Issue as close transitions', () => {
      for (const status of ['Close', 'Closed', '"Close Issue"'])
        assert.deepEqual(rows(check(transition(status), [eng])), ['missing-permission@8:6-8:12'], status);
    });
  });

  describe('add_watcher', () => {
    const watch = (user: string) =>
      yaml(
        ...header,
        'trigger: { event: new_issue, input: { project: ENG } }',
        'steps:',
        '  - action: add_watcher',
        `    input: { issue: ENG-1, user: ${user} }`,
      );
    const eng = snapshot({ projects: { ENG: project(['BROWSE_PROJECTS'], ['MANAGE_WATCHERS']) } });

    it("needs no Manage Watchers to add the account's own id or username", () => {
      assert.deepEqual(check(watch(ACCOUNT_ID), [eng]), []);
      assert.deepEqual(check(watch('JAN@acme.example'), [eng]), []);
    });

    it('needs Manage Watchers for someone else, or a user known only when the recipe runs', () => {
      assert.deepEqual(rows(check(watch('557058:someone-else'), [eng])), ['missing-permission@6:27-6:31']);
      assert.deepEqual(rows(check(watch('"{{ trigger.reporter }}"'), [eng])), ['missing-permission@6:27-6:31']);
    });
  });

  describe('real-time triggers', () => {
    it('need only Administer Jira: no Browse Projects in the project the JQL filters to', () => {
      const text = yaml(...header, 'trigger:', '  event: updated_issue_webhook', '  input: { jql: "project = SUP" }');
      const admin = snapshot({ global: { ADMINISTER: true }, projects: { SUP: project([], ['BROWSE_PROJECTS']) } });
      assert.deepEqual(check(text, [admin]), []);
      const invisible = snapshot({ global: { ADMINISTER: true }, projects: { SUP: { visible: false } } });
      assert.deepEqual(check(text, [invisible]), []);
    });
  });

  describe('fixVersions', () => {
    it('needs Resolve Issues, on the fixVersions key', () => {
      const text = yaml(
        ...header,
        'trigger: { event: new_issue, input: { project: ENG } }',
        'steps:',
        '  - action: update_issue',
        '    input:',
        '      issue: ENG-1',
        '      fixVersions: "2.0"',
      );
      const [f] = check(text, [snapshot({ projects: { ENG: project(['BROWSE_PROJECTS', 'EDIT_ISSUES'], ['RESOLVE_ISSUES']) } })]);
      assert.equal(f.code, 'missing-permission');
      assert.deepEqual(rangeOf(f), [8, 6, 8, 17]);
      assert.match(f.message, /Resolve Issues \(RESOLVE_ISSUES\) in project ENG.*Setting the Fix Version needs Resolve Issues/);
    });
  });

  describe('JQL that proves no project', () => {
    it('leaves the steps on its issues unverified instead of checking them in one project or in defaults.project', () => {
      const text = yaml(
        ...header,
        'defaults: { project: SUP }',
        'trigger: { id: t, event: new_issue, input: { jql: "project = ENG OR assignee = currentUser()" } }',
        'steps:',
        '  - action: create_comment',
        '    input: { issue: "{{ t.key }}", comment: hi }',
      );
      const none = project([], ['BROWSE_PROJECTS', 'ADD_COMMENTS']);
      const findings = check(text, [snapshot({ projects: { ENG: none, SUP: none } })]);
      assert.deepEqual(rows(findings), ['unverified@4:25-4:34', 'unverified@6:12-6:26']);
      assert.equal(only(findings, 'missing-permission').length, 0);
      assert.match(findings[1].message, /in a project that can't be told from the step/);
    });
  });

  describe('link_issues', () => {
    const link = (linked: string) =>
      yaml(
        ...header,
        'trigger: { event: new_issue, input: { project: ENG } }',
        'steps:',
        '  - action: link_issues',
        '    input:',
        '      issue: ENG-1',
        `      linked_issue: ${linked}`,
        '      link_type: Blocks',
      );

    it("needs Browse Projects in the linked issue's project too, reported on linked_issue", () => {
      const findings = check(link('SEC-9'), [snapshot({ projects: { ENG: project(['BROWSE_PROJECTS', 'LINK_ISSUES']), SEC: { visible: false } } })]);
      assert.deepEqual(rows(findings), ['project-not-visible@8:6-8:18']);
      assert.equal(findings[0].project, 'SEC');
      const browse = check(link('SEC-9'), [
        snapshot({ projects: { ENG: project(['BROWSE_PROJECTS', 'LINK_ISSUES']), SEC: project([], ['BROWSE_PROJECTS']) } }),
      ]);
      assert.deepEqual(rows(browse), ['missing-permission@8:6-8:18']);
      assert.match(browse[0].message, /needs Browse Projects \(BROWSE_PROJECTS\) in project SEC.*Jira needs Browse Projects in the projects of both issues\./);
    });

    it('checks a link within one project once, and a linked issue known only at run time as unverified', () => {
      const eng = snapshot({ projects: { ENG: project(['LINK_ISSUES'], ['BROWSE_PROJECTS']) } });
      // The trigger's Browse Projects in ENG, and the link's: none for linked_issue.
      assert.deepEqual(rows(check(link('ENG-2'), [eng])), ['missing-permission@3:18-3:27', 'missing-permission@5:12-5:23']);
      const dynamic = check(link('"{{ somewhere.key }}"'), [snapshot({ projects: { ENG: project(['BROWSE_PROJECTS', 'LINK_ISSUES']) } })]);
      assert.deepEqual(rows(dynamic), ['unverified@5:12-5:23']);
      assert.match(dynamic[0].message, /needs Browse Projects \(BROWSE_PROJECTS\) in the project of linked_issue, which can't be told from the step\./);
    });
  });

  describe('global permissions', () => {
    it('are named as global, never as being in the project', () => {
      const text = yaml(
        ...header,
        'trigger: { event: new_issue, input: { project: ENG } }',
        'steps:',
        '  - action: create_version',
        '    input: { project: ENG, name: "1.0" }',
      );
      const [f] = check(text, [snapshot({ global: { ADMINISTER: false }, projects: { ENG: project(['BROWSE_PROJECTS'], ['ADMINISTER_PROJECTS']) } })]);
      assert.equal(f.code, 'missing-permission');
      assert.deepEqual(rangeOf(f), [5, 12, 5, 26]);
      assert.match(
        f.message,
        /needs one of Administer Projects \(ADMINISTER_PROJECTS\) in project ENG or the global permission Administer Jira \(ADMINISTER\), and Jan Donyada/,
      );
      const unresolved = yaml(
        ...header,
        'trigger: { event: new_issue }',
        'steps:',
        '  - action: create_version',
        '    input: { project: "{{ x.y }}", name: "1.0" }',
      );
      const u = check(unresolved, [snapshot({ global: {} })]).find((f) => f.step === 'steps/0')!;
      assert.match(
        u.message,
        /needs Administer Projects \(ADMINISTER_PROJECTS\) in a project that can't be told from the step, or the global permission Administer Jira \(ADMINISTER\);/,
      );
    });
  });

  describe('a project given by numeric id', () => {
    it('is checked as the project the snapshot knows by that id, not reported "not visible"', () => {
      const text = yaml(
        ...header,
        'trigger: { event: new_issue }',
        'steps:',
        '  - action: create_issue',
        '    input: { project: "10001", issue_type: Task, summary: x }',
      );
      const findings = check(text, [snapshot({ projects: { ENG: project(['BROWSE_PROJECTS'], ['CREATE_ISSUES'], { id: '10001' }) } })]);
      // The trigger names no project (unverified); the step's id is ENG's.
      assert.deepEqual(rows(findings), ['unverified@3:18-3:27', 'missing-permission@5:12-5:24']);
      assert.equal(findings[1].project, 'ENG');
    });
  });

  describe('Own and All (comments, attachments)', () => {
    const fromTrigger = yaml(
      ...header,
      'trigger: { id: c, event: updated_comment_webhook }',
      'steps:',
      '  - action: delete_comment',
      '    input:',
      '      issue: ENG-1',
      '      comment_id: "{{ c.comment.id }}"',
    );
    const admin = { ADMINISTER: true };

    it("warns on the item's key when only Own is held and the comment may be anyone's", () => {
      const [f] = check(fromTrigger, [
        snapshot({ global: admin, projects: { ENG: project(['BROWSE_PROJECTS', 'DELETE_OWN_COMMENTS'], ['DELETE_ALL_COMMENTS']) } }),
      ]);
      assert.equal(f.code, 'conditional-permission');
      assert.equal(f.severity, 'warning');
      assert.deepEqual(rangeOf(f), [8, 6, 8, 16]);
      assert.deepEqual(f.permissions, ['DELETE_ALL_COMMENTS']);
      assert.equal(
        f.message,
        `Step "Delete comment, line 6": Delete comment (delete_comment) needs Delete All Comments (DELETE_ALL_COMMENTS) in project ENG unless the comment is one Jan Donyada (jan@acme.example) created: it holds only Delete Own Comments (DELETE_OWN_COMMENTS) there, and it comes from the trigger, so it may be anyone's. Whether Jira allows it depends on the comment's author.`,
      );
    });

    it('accepts All, and reports neither held as the missing alternatives', () => {
      assert.deepEqual(
        check(fromTrigger, [snapshot({ global: admin, projects: { ENG: project(['BROWSE_PROJECTS', 'DELETE_ALL_COMMENTS'], ['DELETE_OWN_COMMENTS']) } })]),
        [],
      );
      const none = check(fromTrigger, [
        snapshot({ global: admin, projects: { ENG: project(['BROWSE_PROJECTS'], ['DELETE_OWN_COMMENTS', 'DELETE_ALL_COMMENTS']) } }),
      ]);
      assert.deepEqual(rows(none), ['missing-permission@5:12-5:26']);
    });

    it('accepts Own for an item an earlier step of the recipe created', () => {
      const own = yaml(
        ...header,
        'trigger: { event: new_issue, input: { project: ENG } }',
        'steps:',
        '  - { id: note, action: create_comment, input: { issue: ENG-1, comment: hi } }',
        '  - { action: update_comment, input: { issue: ENG-1, comment_id: "{{ note.id }}", comment: edited } }',
        '  - { id: file, action: upload_attachment, input: { issue: ENG-1, file: x } }',
        '  - { action: delete_attachment, input: { issue: ENG-1, attachment_id: "{{ file.id }}" } }',
      );
      const held = ['BROWSE_PROJECTS', 'ADD_COMMENTS', 'CREATE_ATTACHMENTS', 'EDIT_OWN_COMMENTS', 'DELETE_OWN_ATTACHMENTS'];
      assert.deepEqual(check(own, [snapshot({ projects: { ENG: project(held, ['EDIT_ALL_COMMENTS', 'DELETE_ALL_ATTACHMENTS']) } })]), []);
    });

    it("fails with only Own when another account's step created the item, and accepts Own when it was the same account", () => {
      const twoAccounts = (botHost: string) =>
        yaml(
          'name: t',
          'connections:',
          '  jira: { provider: jira, host: https://acme.atlassian.net }',
          `  bot: { provider: jira, host: ${botHost} }`,
          'trigger: { connection: jira, event: new_issue, input: { project: ENG } }',
          'steps:',
          '  - { id: note, connection: bot, action: create_comment, input: { issue: ENG-1, comment: hi } }',
          '  - { connection: jira, action: update_comment, input: { issue: ENG-1, comment_id: "{{ note.id }}", comment: edited } }',
        );
      const eng = { ENG: project(['BROWSE_PROJECTS', 'ADD_COMMENTS', 'EDIT_OWN_COMMENTS'], ['EDIT_ALL_COMMENTS']) };
      const jan = snapshot({ projects: eng });
      const bot = snapshot({ site: 'https://bot.atlassian.net', account: { id: 'bot-1', name: 'bot@acme.example', displayName: 'Sync Bot' }, projects: eng });
      const findings = check(twoAccounts('https://bot.atlassian.net'), [jan, bot]);
      assert.deepEqual(rows(findings), ['missing-permission@7:71-7:81']);
      assert.deepEqual(findings[0].permissions, ['EDIT_ALL_COMMENTS']);
      assert.equal(
        findings[0].message,
        'Step "Update comment, line 8": Update comment (update_comment) needs Edit All Comments (EDIT_ALL_COMMENTS) in project ENG, which Jan Donyada (jan@acme.example) lacks on https://acme.atlassian.net: the comment is not its own (step "note" created it as Sync Bot (bot@acme.example)), and it holds only Edit Own Comments (EDIT_OWN_COMMENTS) there.',
      );
      // Both connections run as Jan: the comment is Jan's own.
      assert.deepEqual(check(twoAccounts('https://acme.atlassian.net'), [jan]), []);
      // The other connection's account is not known: Own may not cover it, and the warning says so.
      const unknown = check(twoAccounts('https://other.atlassian.net'), [jan]);
      assert.deepEqual(
        unknown.map((f) => f.code),
        ['unverified', 'conditional-permission'],
      );
      assert.match(unknown[1].message, /step "note" created it on another connection, whose account isn't known/);
      // The hover says the same as the check: ✗ for another account's comment, ⚠ where its author isn't known.
      const at = { line: 7, character: 40 };
      const notOwn = hoverAt(analyzeRecipe(twoAccounts('https://bot.atlassian.net')), at, [jan, bot])?.markdown ?? '';
      assert.match(notOwn, /^✗ \*\*Update comment\*\* fails as Jan Donyada/);
      assert.match(notOwn, /\| ENG \| ✓ \| ✗ \|/);
      assert.match(
        notOwn,
        /- ✗ \*\*Edit All Comments\*\* `EDIT_ALL_COMMENTS` in ENG: the comment is not Jan Donyada's own, as step "note" created it as Sync Bot/,
      );
      const maybe = hoverAt(analyzeRecipe(twoAccounts('https://other.atlassian.net')), at, [jan])?.markdown ?? '';
      assert.match(maybe, /^✓ \*\*Update comment\*\* can run as Jan Donyada on acme\.atlassian\.net, on some issues only/);
      assert.match(maybe, /- ⚠ In ENG, only \*\*Edit Own Comments\*\* is held: the step fails on comments Jan Donyada didn't create/);
      assert.doesNotMatch(hoverAt(analyzeRecipe(twoAccounts('https://acme.atlassian.net')), at, [jan])?.markdown ?? '', /⚠|✗/);
    });

    it('leaves All unverified when the snapshot lacks it', () => {
      const [f] = check(fromTrigger, [snapshot({ global: admin, projects: { ENG: project(['BROWSE_PROJECTS', 'DELETE_OWN_COMMENTS']) } })]);
      assert.equal(f.code, 'unverified');
      assert.match(f.message, /Delete All Comments \(DELETE_ALL_COMMENTS\) \(for a comment the account didn't create\) in project ENG not verified/);
    });
  });
});
