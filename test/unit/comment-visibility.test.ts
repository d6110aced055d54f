import { strict as assert } from 'node:assert';
import { check } from '../../src/core/check';
import { oneStepRecipe, project, rows, snapshot } from './helpers';

const recipe = (visibility: string, action = 'create_comment', extra = '') =>
  oneStepRecipe(
    'note',
    action,
    `issue: "{{ trigger.key }}", comment: hi,${extra} visibility: ${visibility}`,
    'trigger: { event: new_issue, input: { project: ENG } }',
  );

const account = (groups?: string[]) =>
  snapshot({
    account: { id: '5b10ac8d82e05b22cc7d4ef5', name: 'jan@acme.example', displayName: 'Jan Donyada', ...(groups ? { groups } : {}) },
    projects: { ENG: project(['BROWSE_PROJECTS', 'ADD_COMMENTS', 'EDIT_ALL_COMMENTS', 'EDIT_OWN_COMMENTS']) },
  });

describe('comment visibility by group', () => {
  it("flags a comment restricted to a group the account isn't in, on the group's name", () => {
    const findings = check(recipe('{ type: group, value: jira-admins }'), [account(['jira-software-users', 'developers'])]);
    assert.deepEqual(rows(findings), ['comment-visibility-unavailable@7:88-7:99']);
    const [f] = findings;
    assert.equal(f.severity, 'error');
    assert.equal(f.input, 'visibility');
    assert.equal(f.project, null);
    assert.equal(
      f.message,
      'Step "note": Create comment (create_comment) restricts the comment to the group "jira-admins", which Jan Donyada (jan@acme.example) is not a member of on https://acme.atlassian.net (its groups: jira-software-users, developers). Jira refuses a comment restricted to a group the author isn\'t in (400).',
    );
  });

  it('passes a group the account is in, whatever the case', () => {
    assert.deepEqual(check(recipe('{ type: group, value: Developers }'), [account(['developers'])]), []);
  });

  it('checks update_comment the same way', () => {
    const findings = check(recipe('{ type: group, value: qa }', 'update_comment', ' comment_id: "{{ trigger.comment.id }}",'), [account([])]);
    assert.deepEqual(
      findings.filter((f) => f.code === 'comment-visibility-unavailable').map((f) => f.message.match(/\(([^)]*)\)\. Jira/)?.[1]),
      ['it is in no group'],
    );
  });

  it('leaves a role, unknown groups and a group known only at run time unverified, never an error', () => {
    const info = (text: string, groups?: string[]) => check(text, [account(groups)]).map((f) => [f.code, f.message.replace(/^[^:]*: [^:]*: /, '')]);
    assert.deepEqual(info(recipe('{ type: role, value: Developers }'), ['developers']), [
      ['unverified', 'restricts the comment to the project role "Developers"; whether the account is in it is not checked (Jira refuses a role it isn\'t in).'],
    ]);
    assert.deepEqual(info(recipe('{ type: group, value: qa }')), [
      ['unverified', 'restricts the comment to the group "qa"; the account\'s groups are not in the snapshot, so membership is not checked.'],
    ]);
    assert.deepEqual(
      info(recipe('{ type: group, value: "{{ trigger.group }}" }'), ['qa']).map(([code]) => code),
      ['unverified'],
    );
  });

  it('says nothing of a comment without visibility', () => {
    assert.deepEqual(check(recipe('null'), [account([])]), []);
  });
});
