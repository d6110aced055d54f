import { strict as assert } from 'node:assert';
import { check } from '../../src/core/check';
import { engSteps, project, rangeOf, rows, snapshot } from './helpers';

/** Operations added to the catalog, each as the check engine applies it: what it needs, where findings sit. */

const step = engSteps;
const ENG_BROWSE = ['BROWSE_PROJECTS'];

describe('added catalog operations in the check', () => {
  it('add_labels and remove_labels need Edit Issues', () => {
    for (const action of ['add_labels', 'remove_labels']) {
      const [f] = check(step(`  - action: ${action}`, '    input: { issue: ENG-1, labels: urgent }'), [
        snapshot({ projects: { ENG: project(ENG_BROWSE, ['EDIT_ISSUES']) } }),
      ]);
      assert.deepEqual([f.code, rangeOf(f), f.permissions], ['missing-permission', [5, 12, 5, 12 + action.length], ['EDIT_ISSUES']], action);
    }
  });

  it("create_subtask needs Create Issues in the parent's project", () => {
    const text = step('  - action: create_subtask', '    input: { parent: OPS-4, summary: x }');
    const [f] = check(text, [snapshot({ projects: { ENG: project(ENG_BROWSE), OPS: project(ENG_BROWSE, ['CREATE_ISSUES']) } })]);
    assert.deepEqual([f.code, f.project, rangeOf(f)], ['missing-permission', 'OPS', [5, 12, 5, 26]]);
  });

  it('move_issue needs Make bulk changes, Move Issues in the source and Create Issues in the target, on target_project', () => {
    const text = step('  - action: move_issue', '    input:', '      issue: ENG-1', '      target_project: OPS');
    const findings = check(text, [
      snapshot({ global: { BULK_CHANGE: false }, projects: { ENG: project(ENG_BROWSE, ['MOVE_ISSUES']), OPS: project(ENG_BROWSE, ['CREATE_ISSUES']) } }),
    ]);
    assert.deepEqual(rows(findings), ['missing-global-permission@5:12-5:22', 'missing-permission@5:12-5:22', 'missing-permission@8:6-8:20']);
    assert.deepEqual(
      findings.map((f) => `${f.project}:${f.permissions.join()}`),
      ['null:BULK_CHANGE', 'ENG:MOVE_ISSUES', 'OPS:CREATE_ISSUES'],
    );
    assert.match(findings[2].message, /Moving an issue creates it in the target project\./);
  });

  it('update_worklog and delete_worklog take Own for work the recipe logged, and warn for work from elsewhere', () => {
    const own = step(
      '  - { id: log, action: add_worklog, input: { issue: ENG-1, time_spent: 1h } }',
      '  - { action: update_worklog, input: { issue: ENG-1, worklog_id: "{{ log.id }}", time_spent: 2h } }',
    );
    const held = snapshot({
      projects: { ENG: project([...ENG_BROWSE, 'WORK_ON_ISSUES', 'EDIT_OWN_WORKLOGS', 'DELETE_OWN_WORKLOGS'], ['EDIT_ALL_WORKLOGS', 'DELETE_ALL_WORKLOGS']) },
    });
    assert.deepEqual(check(own, [held]), []);
    const other = step('  - action: delete_worklog', '    input: { issue: ENG-1, worklog_id: "{{ trigger.worklog.id }}" }');
    const [f] = check(other, [held]);
    assert.deepEqual([f.code, rangeOf(f), f.permissions], ['conditional-permission', [6, 27, 6, 37], ['DELETE_ALL_WORKLOGS']]);
  });

  it("remove_watcher needs Manage Watchers for someone else, not for the account's own id", () => {
    const eng = snapshot({ projects: { ENG: project(ENG_BROWSE, ['MANAGE_WATCHERS']) } });
    assert.deepEqual(check(step('  - action: remove_watcher', '    input: { issue: ENG-1, user: 5b10ac8d82e05b22cc7d4ef5 }'), [eng]), []);
    assert.deepEqual(rows(check(step('  - action: remove_watcher', '    input: { issue: ENG-1, user: someone }'), [eng])), ['missing-permission@6:27-6:31']);
  });

  it('set_issue_property, delete_issue_link, get_project, get_create_metadata and get_edit_metadata need what their calls say', () => {
    const none = snapshot({ projects: { ENG: project([], ['BROWSE_PROJECTS', 'EDIT_ISSUES', 'LINK_ISSUES', 'CREATE_ISSUES']) } });
    const missing = (lines: string[]) =>
      check(step(...lines), [none])
        .filter((f) => f.step === 'steps/0')
        .map((f) => f.permissions.join());
    assert.deepEqual(missing(['  - action: set_issue_property', '    input: { issue: ENG-1, property_key: k, value: "1" }']), [
      'BROWSE_PROJECTS',
      'EDIT_ISSUES',
    ]);
    assert.deepEqual(missing(['  - action: delete_issue_link', '    input: { link_id: "10001", issue: ENG-1 }']), ['BROWSE_PROJECTS', 'LINK_ISSUES']);
    assert.deepEqual(missing(['  - action: get_project', '    input: { project: ENG }']), ['BROWSE_PROJECTS']);
    assert.deepEqual(missing(['  - action: get_create_metadata', '    input: { project: ENG }']), ['CREATE_ISSUES']);
    assert.deepEqual(missing(['  - action: get_edit_metadata', '    input: { issue: ENG-1 }']), ['BROWSE_PROJECTS']);
  });

  it('components and version release need Administer Projects or Administer Jira, named as global', () => {
    for (const [action, input] of [
      ['create_component', '{ project: ENG, name: API }'],
      ['update_component', '{ component_id: "10000", project: ENG }'],
      ['release_version', '{ version_id: "10000", project: ENG }'],
    ]) {
      const text = step(`  - action: ${action}`, `    input: ${input}`);
      const [f] = check(text, [snapshot({ global: { ADMINISTER: false }, projects: { ENG: project(ENG_BROWSE, ['ADMINISTER_PROJECTS']) } })]);
      assert.equal(f.code, 'missing-permission', action);
      assert.deepEqual(f.permissions, ['ADMINISTER_PROJECTS', 'ADMINISTER'], action);
      assert.match(f.message, /in project ENG or the global permission Administer Jira \(ADMINISTER\)/, action);
      assert.deepEqual(check(text, [snapshot({ global: { ADMINISTER: true }, projects: { ENG: project(ENG_BROWSE, ['ADMINISTER_PROJECTS']) } })]), [], action);
    }
  });

  it('bulk_create_issues and move_issues_to_sprint need their project permissions', () => {
    const none = snapshot({ projects: { ENG: project(ENG_BROWSE, ['CREATE_ISSUES', 'SCHEDULE_ISSUES', 'EDIT_ISSUES']) } });
    assert.deepEqual(
      check(step('  - action: bulk_create_issues', '    input: { project: ENG, issues: "[]" }'), [none]).map((f) => f.permissions.join()),
      ['CREATE_ISSUES'],
    );
    assert.deepEqual(
      check(step('  - action: move_issues_to_sprint', '    input: { sprint_id: "5", issues: "ENG-1", issue: ENG-1 }'), [none]).map((f) => f.permissions.join()),
      ['SCHEDULE_ISSUES', 'EDIT_ISSUES'],
    );
  });
});
