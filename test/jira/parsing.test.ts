import assert from 'node:assert/strict';
import { holderOf } from '../../src/core/jira/explain';
import { groupsOf } from '../../src/core/jira/account';
import { needsCover, normalizeNeeds } from '../../src/core/snapshot/needs';
import { readPermissions } from '../../src/core/jira/my-permissions';
import { queryString } from '../../src/core/jira/http';

describe('jira answers and needs', () => {
  it("reads the account's groups only when /myself listed them all", () => {
    assert.deepEqual(groupsOf({ size: 2, items: [{ name: 'qa' }, { name: 'developers' }] }), ['developers', 'qa']);
    assert.deepEqual(groupsOf({ size: 0, items: [] }), []);
    assert.equal(groupsOf({ size: 3, items: [{ name: 'qa' }] }), undefined, 'a partial list cannot tell a non-member');
    assert.equal(groupsOf({ size: 1, items: [] }), undefined, 'not expanded');
    assert.equal(groupsOf(undefined), undefined);
  });

  it('reads mypermissions entries, skipping Data Center’s deprecated twins', () => {
    const read = readPermissions({
      ADD_COMMENTS: { key: 'ADD_COMMENTS', havePermission: true },
      COMMENT_ISSUE: { key: 'COMMENT_ISSUE', havePermission: false, deprecatedKey: true },
      CLOSE_ISSUES: { key: 'CLOSE_ISSUES', havePermission: false },
      CLOSE_ISSUE: { key: 'CLOSE_ISSUE', havePermission: true, deprecatedKey: true },
      BROKEN: { key: 'BROKEN' },
    });
    assert.deepEqual(read, { ADD_COMMENTS: true, CLOSE_ISSUES: false });
  });

  it('maps legacy-only answers (old servers) to current keys; a current key wins over an unflagged legacy one', () => {
    assert.deepEqual(readPermissions({ BROWSE: { key: 'BROWSE', havePermission: true } }), { BROWSE_PROJECTS: true });
    assert.deepEqual(
      readPermissions({
        WORK_ISSUE: { key: 'WORK_ISSUE', havePermission: true },
        WORK_ON_ISSUES: { key: 'WORK_ON_ISSUES', havePermission: false },
      }),
      { WORK_ON_ISSUES: false },
    );
  });

  it('normalises needs: current keys, deduplicated, security-level projects fetched too', () => {
    const needs = normalizeNeeds({
      global: ['ADMINISTER', 'ADMINISTER'],
      projects: { OPS: ['WORK_ISSUE', 'ADD_COMMENTS'], ENG: ['COMMENT_ISSUE'] },
      securityLevelProjects: ['SUP'],
    });
    assert.deepEqual(needs.global, ['ADMINISTER']);
    assert.deepEqual(
      [...needs.projects],
      [
        ['ENG', ['ADD_COMMENTS']],
        ['OPS', ['ADD_COMMENTS', 'WORK_ON_ISSUES']],
        ['SUP', []],
      ],
    );
    assert.equal(needs.explain, true);
  });

  it('knows when needs cover others (superset answers subset)', () => {
    const big = normalizeNeeds({ global: ['ADMINISTER'], projects: { ENG: ['ADD_COMMENTS', 'CLOSE_ISSUES'], OPS: [] } });
    assert.ok(needsCover(big, normalizeNeeds({ global: [], projects: { ENG: ['COMMENT_ISSUE'] } })));
    assert.ok(!needsCover(big, normalizeNeeds({ global: ['USER_PICKER'], projects: {} })));
    assert.ok(!needsCover(big, normalizeNeeds({ global: [], projects: { SUP: [] } })));
    assert.ok(!needsCover(big, normalizeNeeds({ global: [], projects: { OPS: ['ADD_COMMENTS'] } })));
    assert.ok(!needsCover(big, normalizeNeeds({ global: [], projects: {}, securityLevelProjects: ['ENG'] })));
    const noExplain = normalizeNeeds({ global: [], projects: {}, explain: false });
    assert.ok(!needsCover(noExplain, normalizeNeeds({ global: [], projects: {} })));
    assert.ok(needsCover(big, noExplain));
  });

  it('asks an issue whose transitions are needed about itself, and covers transitions only where they were asked', () => {
    const withTransitions = normalizeNeeds({ global: [], projects: {}, transitionIssues: ['eng-1', 'nonsense'] });
    assert.deepEqual([...withTransitions.transitionIssues], ['ENG-1']);
    assert.deepEqual([...withTransitions.issues], [['ENG-1', []]]);
    assert.deepEqual([...withTransitions.projects], [['ENG', []]]);
    const without = normalizeNeeds({ global: [], projects: { ENG: [] }, issues: { 'ENG-1': [] } });
    assert.ok(!needsCover(without, withTransitions));
    assert.ok(needsCover(withTransitions, without));
  });

  it('names permission holders', () => {
    assert.deepEqual(holderOf({ type: 'projectRole', parameter: '10002', projectRole: { id: 10002, name: 'QA' } }), {
      type: 'projectRole',
      parameter: '10002',
      displayName: 'QA',
    });
    assert.deepEqual(holderOf({ type: 'group', parameter: 'jira-admins' }), {
      type: 'group',
      parameter: 'jira-admins',
      displayName: 'jira-admins',
    });
    assert.deepEqual(holderOf({ type: 'user', value: 'abc', user: { displayName: 'Jan Donyada' } }), {
      type: 'user',
      parameter: 'abc',
      displayName: 'Jan Donyada',
    });
    assert.deepEqual(holderOf({ type: 'reporter' }), { type: 'reporter', displayName: 'Reporter' });
    assert.deepEqual(holderOf({ type: 'applicationRole' }), { type: 'applicationRole', displayName: 'Any logged-in user' });
    assert.deepEqual(holderOf({ type: 'userCustomField', parameter: 'customfield_10050', field: { name: 'Approver' } }), {
      type: 'userCustomField',
      parameter: 'customfield_10050',
      displayName: 'Approver',
    });
  });

  it('keeps commas readable in query strings and repeats list parameters', () => {
    assert.equal(queryString({ projectKey: 'ENG', permissions: 'A,B' }), '?projectKey=ENG&permissions=A,B');
    assert.equal(queryString({ keys: ['A', 'B'], skip: undefined }), '?keys=A&keys=B');
    assert.equal(queryString(undefined), '');
  });
});
