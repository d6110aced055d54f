import { strict as assert } from 'node:assert';
import { canonicalPermissionKey, findOperation, OPERATIONS, permissionInfo, PERMISSIONS, suggestOperation } from '../../src/core/catalog';
import { requirementsOf } from '../../src/core/check/requirements';
import type { InputEntry } from '../../src/core/recipe/model';

/** Inputs as the recipe model would hold them (only keys and literal values matter to requirements). */
function inputs(values: Record<string, string | undefined>): Map<string, InputEntry> {
  return new Map(Object.entries(values).map(([key, literal]) => [key, { key, literal } as InputEntry]));
}

function needs(name: string, values: Record<string, string | undefined> = {}): string[] {
  const op = findOperation(name);
  assert.ok(op, `${name} is in the catalog`);
  return requirementsOf(op, inputs(values))
    .map((r) => r.keys.join('|'))
    .sort();
}

describe('Jira catalog', () => {
  it('has every operation the format names, with its kind', () => {
    const triggers = [
      'new_issue',
      'updated_issue',
      'new_issue_batch',
      'updated_issue_batch',
      'updated_issue_webhook',
      'updated_comment_webhook',
      'updated_worklog_webhook',
      'deleted_object',
      'new_event',
    ];
    const actions = [
      'create_issue',
      'update_issue',
      'update_issue_status',
      'assign_issue',
      'get_issue',
      'get_changelog',
      'search_issues',
      'search_issues_by_JQL',
      'get_issue_comments',
      'get_attachment',
      'get_transitions',
      'create_comment',
      'update_comment',
      'delete_comment',
      'upload_attachment',
      'delete_attachment',
      'delete_issue',
      'add_watcher',
      'link_issues',
      'add_worklog',
      'create_sprint',
      'update_sprint',
      'create_version',
      'create_user',
      'find_user',
      'get_user',
      'search_assignable_users',
      'get_object_schema',
    ];
    for (const name of triggers) assert.equal(findOperation(name)?.kind, 'trigger', name);
    for (const name of actions) assert.equal(findOperation(name)?.kind, 'action', name);
  });

  it('gives every operation a title, a description and a REST call', () => {
    for (const op of OPERATIONS) {
      assert.ok(op.title && op.description, op.name);
      assert.match(op.rest, /^(GET|POST|PUT|DELETE) \/rest\//, op.name);
    }
  });

  it('names only permissions it knows, at their current keys', () => {
    for (const op of OPERATIONS) {
      const keys = [...(op.project ?? []), ...(op.global ?? []), ...(op.anyOf ?? []).flat(), ...(op.inputRules ?? []).flatMap((r) => r.adds)];
      for (const key of keys) {
        assert.ok(permissionInfo(key), `${op.name}: ${key} is a known permission`);
        assert.equal(canonicalPermissionKey(key), key, `${op.name}: ${key} is a current key`);
      }
      for (const key of op.project ?? []) assert.equal(permissionInfo(key)?.level, 'project', `${op.name}: ${key}`);
      for (const key of op.global ?? []) assert.equal(permissionInfo(key)?.level, 'global', `${op.name}: ${key}`);
    }
  });

  it('maps the needs of the table', () => {
    for (const t of ['new_issue', 'updated_issue', 'new_issue_batch', 'updated_issue_batch']) assert.deepEqual(needs(t), ['BROWSE_PROJECTS']);
    // Registering a webhook needs Administer Jira only, whatever project its JQL filters to.
    for (const t of ['updated_issue_webhook', 'updated_comment_webhook', 'updated_worklog_webhook']) assert.deepEqual(needs(t), ['ADMINISTER']);
    assert.deepEqual(needs('deleted_object'), ['ADMINISTER']);
    assert.deepEqual(needs('new_event'), ['ADMINISTER']);
    assert.deepEqual(needs('create_issue'), ['BROWSE_PROJECTS', 'CREATE_ISSUES']);
    assert.deepEqual(needs('update_issue'), ['BROWSE_PROJECTS', 'EDIT_ISSUES']);
    assert.deepEqual(needs('update_issue_status'), ['BROWSE_PROJECTS', 'TRANSITION_ISSUES']);
    assert.deepEqual(needs('assign_issue'), ['ASSIGN_ISSUES', 'BROWSE_PROJECTS']);
    for (const a of ['get_issue', 'get_changelog', 'search_issues', 'search_issues_by_JQL', 'get_issue_comments', 'get_attachment', 'get_transitions'])
      assert.deepEqual(needs(a), ['BROWSE_PROJECTS'], a);
    assert.deepEqual(needs('create_comment'), ['ADD_COMMENTS', 'BROWSE_PROJECTS']);
    assert.deepEqual(needs('update_comment'), ['BROWSE_PROJECTS', 'EDIT_OWN_COMMENTS|EDIT_ALL_COMMENTS']);
    assert.deepEqual(needs('delete_comment'), ['BROWSE_PROJECTS', 'DELETE_OWN_COMMENTS|DELETE_ALL_COMMENTS']);
    assert.deepEqual(needs('upload_attachment'), ['BROWSE_PROJECTS', 'CREATE_ATTACHMENTS']);
    assert.deepEqual(needs('delete_attachment'), ['BROWSE_PROJECTS', 'DELETE_OWN_ATTACHMENTS|DELETE_ALL_ATTACHMENTS']);
    assert.deepEqual(needs('delete_issue'), ['BROWSE_PROJECTS', 'DELETE_ISSUES']);
    assert.deepEqual(needs('add_watcher'), ['BROWSE_PROJECTS']);
    assert.deepEqual(needs('link_issues'), ['BROWSE_PROJECTS', 'LINK_ISSUES']);
    assert.deepEqual(needs('add_worklog'), ['BROWSE_PROJECTS', 'WORK_ON_ISSUES']);
    assert.deepEqual(needs('create_sprint'), ['MANAGE_SPRINTS_PERMISSION']);
    assert.deepEqual(needs('update_sprint'), ['MANAGE_SPRINTS_PERMISSION']);
    assert.deepEqual(needs('create_version'), ['ADMINISTER_PROJECTS|ADMINISTER']);
    assert.deepEqual(needs('create_user'), ['ADMINISTER']);
    assert.deepEqual(needs('find_user'), ['USER_PICKER']);
    assert.deepEqual(needs('get_user'), ['USER_PICKER']);
    assert.deepEqual(needs('get_object_schema'), []);
    // Atlassian's spec: Browse users and groups, or Assign Issues (the format's table says nothing; the spec wins).
    assert.deepEqual(needs('search_assignable_users'), ['USER_PICKER|ASSIGN_ISSUES']);
  });

  it('adds the permissions that inputs need', () => {
    assert.deepEqual(needs('create_issue', { assignee: 'x', reporter: 'y', duedate: '2026-12-01', security: 'Internal' }), [
      'ASSIGN_ISSUES',
      'BROWSE_PROJECTS',
      'CREATE_ISSUES',
      'MODIFY_REPORTER',
      'SCHEDULE_ISSUES',
      'SET_ISSUE_SECURITY',
    ]);
    assert.deepEqual(needs('update_issue', { status: 'In Progress', assignee: 'x' }), ['ASSIGN_ISSUES', 'BROWSE_PROJECTS', 'EDIT_ISSUES', 'TRANSITION_ISSUES']);
    assert.deepEqual(needs('add_watcher', { user: 'someone' }), ['BROWSE_PROJECTS', 'MANAGE_WATCHERS']);
    // Jira's description of Resolve Issues: "This includes the ability to set a fix version."
    for (const op of ['create_issue', 'update_issue']) assert.ok(needs(op, { fixVersions: '2.0' }).includes('RESOLVE_ISSUES'), op);
  });

  it('knows close and resolve transitions by name, whatever the case', () => {
    for (const status of ['Close', 'closed', 'Close Issue', ' CLOSED ']) assert.ok(needs('update_issue_status', { status }).includes('CLOSE_ISSUES'), status);
    for (const transition of ['Resolve', 'Resolved', 'resolve issue'])
      assert.ok(needs('update_issue_status', { transition }).includes('RESOLVE_ISSUES'), transition);
    assert.ok(needs('update_issue_status', { status: 'In Progress', resolution: 'Fixed' }).includes('RESOLVE_ISSUES'));
    // "Done" is the status of simplified and team-managed workflows, which no permission condition guards.
    for (const status of ['In Progress', 'Closed-ish', 'Reopened', 'Done', 'Close Issues', '{{ step.status }}']) {
      const keys = needs('update_issue_status', { status });
      assert.ok(!keys.includes('CLOSE_ISSUES') && !keys.includes('RESOLVE_ISSUES'), status);
    }
    assert.ok(needs('update_issue', { status: 'Closed' }).includes('CLOSE_ISSUES'));
  });

  it('suggests the closest name of the same kind for a typo, and nothing for noise', () => {
    assert.equal(suggestOperation('create_coment', 'action'), 'create_comment');
    assert.equal(suggestOperation('Create_Issue', 'action'), 'create_issue');
    assert.equal(suggestOperation('updated_isue_webhook', 'trigger'), 'updated_issue_webhook');
    assert.equal(suggestOperation('send_slack_message', 'action'), undefined);
  });

  it('describes every permission, and maps legacy Server keys onto the current ones', () => {
    for (const p of PERMISSIONS) assert.ok(p.name && p.description && ['global', 'project'].includes(p.level), p.key);
    const legacy: Record<string, string> = {
      CLOSE_ISSUE: 'CLOSE_ISSUES',
      COMMENT_ISSUE: 'ADD_COMMENTS',
      BROWSE: 'BROWSE_PROJECTS',
      CREATE_ATTACHMENT: 'CREATE_ATTACHMENTS',
      WORK_ISSUE: 'WORK_ON_ISSUES',
      MANAGE_WATCHER_LIST: 'MANAGE_WATCHERS',
      PROJECT_ADMIN: 'ADMINISTER_PROJECTS',
      COMMENT_EDIT_OWN: 'EDIT_OWN_COMMENTS',
    };
    for (const [old, current] of Object.entries(legacy)) assert.equal(canonicalPermissionKey(old), current, old);
    assert.equal(canonicalPermissionKey('SOMETHING_NEW'), 'SOMETHING_NEW');
  });
});
