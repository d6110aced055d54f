import { strict as assert } from 'node:assert';
import { buildNeedsReport } from '../../src/core/assist/needs-report/build';
import { hoverAt } from '../../src/core/assist/hover';
import { analyzeRecipe, check } from '../../src/core/check';
import { engSteps, project, rangeOf, rows, snapshot } from './helpers';

/** Agent work in a Jira Service Management project (projectTypeKey service_desk) needs Service Desk Agent there. */

const step = engSteps;
const ENG = project(['BROWSE_PROJECTS']);
const EDIT = step('  - action: update_issue', '    input: { issue: HELP-1, summary: x }');
const help = (held: string[], missing: string[] = [], type = 'service_desk') => project(held, missing, { projectTypeKey: type });

describe('Service Management projects in the check', () => {
  it('reports agent work by a portal customer (Service Desk Agent missing) on the operation', () => {
    const findings = check(EDIT, [snapshot({ projects: { ENG, HELP: help(['BROWSE_PROJECTS', 'EDIT_ISSUES'], ['SERVICEDESK_AGENT']) } })]);
    assert.deepEqual(rows(findings), ['missing-permission@5:12-5:24']);
    const [f] = findings;
    assert.deepEqual([f.project, f.permissions, rangeOf(f)], ['HELP', ['SERVICEDESK_AGENT'], [5, 12, 5, 24]]);
    assert.match(
      f.message,
      /needs Service Desk Agent \(SERVICEDESK_AGENT\) in project HELP, which .* lacks on https:\/\/acme\.atlassian\.net\. HELP is a Jira Service Management project\./,
    );
    assert.match(f.message, /a portal customer, who may appear to hold Browse Projects and Add Comments, can't do it\./);
  });

  it('passes an agent, and says "not verified" where the snapshot lacks the key', () => {
    assert.deepEqual(check(EDIT, [snapshot({ projects: { ENG, HELP: help(['BROWSE_PROJECTS', 'EDIT_ISSUES', 'SERVICEDESK_AGENT']) } })]), []);
    const unknown = check(EDIT, [snapshot({ projects: { ENG, HELP: help(['BROWSE_PROJECTS', 'EDIT_ISSUES']) } })]);
    assert.deepEqual(rows(unknown), ['unverified@5:12-5:24']);
    assert.match(unknown[0].message, /Service Desk Agent \(SERVICEDESK_AGENT\) in project HELP not verified/);
  });

  it('leaves other projects, and projects of unknown type, as they were', () => {
    assert.deepEqual(check(EDIT, [snapshot({ projects: { ENG, HELP: help(['BROWSE_PROJECTS', 'EDIT_ISSUES'], [], 'software') } })]), []);
    assert.deepEqual(check(EDIT, [snapshot({ projects: { ENG, HELP: project(['BROWSE_PROJECTS', 'EDIT_ISSUES']) } })]), []);
  });

  it('asks no agent of what customers do too: creating a request, a public comment', () => {
    const text = step(
      '  - action: create_issue',
      '    input: { project: HELP, summary: x, issue_type: Task }',
      '  - action: create_comment',
      '    input: { issue: HELP-1, comment: x }',
    );
    const customer = help(['BROWSE_PROJECTS', 'CREATE_ISSUES', 'ADD_COMMENTS'], ['SERVICEDESK_AGENT']);
    assert.deepEqual(check(text, [snapshot({ projects: { ENG, HELP: customer } })]), []);
  });

  it('checks transitions, assigning, links, watchers and worklogs as agent work too', () => {
    for (const [action, input, held] of [
      ['update_issue_status', 'issue: HELP-1, transition: Start', 'TRANSITION_ISSUES'],
      ['assign_issue', 'issue: HELP-1, assignee: "-1"', 'ASSIGN_ISSUES'],
      ['add_worklog', 'issue: HELP-1, time_spent: 1h', 'WORK_ON_ISSUES'],
      ['add_watcher', 'issue: HELP-1', 'BROWSE_PROJECTS'],
    ] as const) {
      const findings = check(step(`  - action: ${action}`, `    input: { ${input} }`), [
        snapshot({ projects: { ENG, HELP: help(['BROWSE_PROJECTS', held], ['SERVICEDESK_AGENT']) } }),
      ]);
      assert.deepEqual(
        findings.map((f) => `${f.code}:${f.permissions.join()}@${rangeOf(f).join(',')}`),
        [`missing-permission:SERVICEDESK_AGENT@5,12,5,${12 + action.length}`],
        action,
      );
    }
  });

  it('shows the requirement in the hover and the needs report of a Service Management project only', () => {
    const snap = snapshot({ projects: { ENG, HELP: help(['BROWSE_PROJECTS', 'EDIT_ISSUES'], ['SERVICEDESK_AGENT']) } });
    const analysis = analyzeRecipe(EDIT);
    const md = hoverAt(analysis, { line: 5, character: 15 }, [snap])?.markdown ?? '';
    assert.match(md, /\| Service Desk Agent \(Service Management\) \|/);
    assert.match(md, /\| HELP \| ✓ \| ✓ \| ✗ \|/);
    const other =
      hoverAt(analysis, { line: 5, character: 15 }, [snapshot({ projects: { ENG, HELP: project(['BROWSE_PROJECTS', 'EDIT_ISSUES']) } })])?.markdown ?? '';
    assert.doesNotMatch(other, /Service Desk Agent/);
    const report = buildNeedsReport([{ recipe: 't.recipe.yaml', analysis }], [snap]);
    const needed = report.sites[0].projects.find((p) => p.project === 'HELP')?.needs.map((n) => n.permissions.join('|'));
    assert.deepEqual(needed, ['BROWSE_PROJECTS', 'EDIT_ISSUES', 'SERVICEDESK_AGENT']);
  });
});
