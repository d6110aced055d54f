import { strict as assert } from 'node:assert';
import { check } from '../../src/core/check';
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
});
