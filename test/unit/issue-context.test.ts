import { strict as assert } from 'node:assert';
import { check } from '../../src/core/check';
import { permissionNeeds } from '../../src/core/check/needs';
import { analyzeRecipe } from '../../src/core/check/analyze';
import { hoverAt } from '../../src/core/assist/hover';
import { only, project, rows, snapshot, yaml } from './helpers';

const header = ['name: t', 'connections:', '  jira: { provider: jira, host: https://acme.atlassian.net }'];
const recipe = (issue: string, action = 'update_issue', extra = 'summary: x') =>
  yaml(
    ...header,
    'trigger: { event: new_issue, input: { project: ENG } }',
    'steps:',
    `  - id: fix`,
    `    action: ${action}`,
    `    input: { issue: ${issue}, ${extra} }`,
  );

describe('issue context', () => {
  const eng = (issues: Record<string, { visible: boolean; permissions?: Record<string, boolean>; unavailable?: string }>) =>
    snapshot({ projects: { ENG: project(['BROWSE_PROJECTS', 'EDIT_ISSUES'], [], { issues }) } });

  describe('issue-not-visible', () => {
    it('flags a literal issue the account cannot see in a project it can, on the issue value', () => {
      const findings = check(recipe('ENG-404'), [eng({ 'ENG-404': { visible: false } })]);
      assert.deepEqual(rows(findings), ['issue-not-visible@7:20-7:27']);
      const [f] = findings;
      assert.equal(f.severity, 'error');
      assert.equal(f.issue, 'ENG-404');
      assert.equal(f.project, 'ENG');
      assert.equal(f.step, 'fix');
      assert.equal(
        f.message,
        'Step "fix": Update issue (update_issue) works on ENG-404, which Jan Donyada (jan@acme.example) cannot see in project ENG on https://acme.atlassian.net: ENG-404 doesn\'t exist, or sits under an issue security level Jan Donyada isn\'t in.',
      );
    });

    it('matches the key whatever its case, and ranges a quoted value with its quotes', () => {
      const findings = check(recipe('"eng-404"'), [eng({ 'ENG-404': { visible: false } })]);
      assert.deepEqual(rows(findings), ['issue-not-visible@7:20-7:29']);
    });

    it('stays unverified-free and silent when the issue answer is missing or unavailable (the project answer stands)', () => {
      assert.deepEqual(check(recipe('ENG-1'), [eng({})]), []);
      assert.deepEqual(check(recipe('ENG-1'), [eng({ 'ENG-1': { visible: true, unavailable: 'Jira answered 500' } })]), []);
    });

    it('leaves a project the account cannot see to project-not-visible', () => {
      const findings = check(recipe('ENG-1'), [snapshot({ projects: { ENG: { visible: false } } })]);
      assert.deepEqual(
        only(findings, 'issue-not-visible').map((f) => f.code),
        [],
      );
      assert.deepEqual(
        only(findings, 'project-not-visible').map((f) => f.step),
        ['trigger', 'fix'],
      );
    });
  });

  describe('per-issue answers', () => {
    it('lets the issue answer win: held in the project but not on the issue is missing, and says so', () => {
      const findings = check(recipe('ENG-2'), [eng({ 'ENG-2': { visible: true, permissions: { BROWSE_PROJECTS: true, EDIT_ISSUES: false } } })]);
      assert.deepEqual(rows(findings), ['missing-permission@6:12-6:24']);
      const [f] = findings;
      assert.equal(f.issue, 'ENG-2');
      assert.deepEqual(f.permissions, ['EDIT_ISSUES']);
      assert.equal(
        f.message,
        'Step "fix": Update issue (update_issue) needs Edit Issues (EDIT_ISSUES) on ENG-2, which Jan Donyada (jan@acme.example) lacks on that issue on https://acme.atlassian.net, though Jira counts it as held in project ENG: a grant to an issue role (reporter, assignee, a user or group field) reaches the account on some issues of ENG, not on ENG-2.',
      );
    });

    it('holds what the issue holds', () => {
      assert.deepEqual(check(recipe('ENG-1'), [eng({ 'ENG-1': { visible: true, permissions: { BROWSE_PROJECTS: true, EDIT_ISSUES: true } } })]), []);
    });

    it('falls back to the project for keys the issue answer lacks', () => {
      const snap = snapshot({ projects: { ENG: project(['BROWSE_PROJECTS'], ['EDIT_ISSUES'], { issues: { 'ENG-1': { visible: true, permissions: {} } } }) } });
      const [f] = check(recipe('ENG-1'), [snap]);
      assert.equal(f.code, 'missing-permission');
      assert.equal(f.issue, undefined);
      assert.match(f.message, /needs Edit Issues \(EDIT_ISSUES\) in project ENG, which/);
    });

    it('judges a step whose issue is not literal by the project alone', () => {
      const text = recipe('"{{ trigger.key }}"');
      assert.deepEqual(check(text, [eng({ 'ENG-2': { visible: true, permissions: { EDIT_ISSUES: false } } })]), []);
      // An issue of another project than the step's project input is not taken for the step's issue.
      const moved = recipe('ENG-2', 'update_issue', 'project: OPS, summary: x');
      const snap = snapshot({
        projects: { ENG: project(['BROWSE_PROJECTS'], [], { issues: { 'ENG-2': { visible: false } } }), OPS: project(['BROWSE_PROJECTS', 'EDIT_ISSUES']) },
      });
      // (update_issue takes no project input, which the input check says; the permission check must stay quiet.)
      assert.deepEqual(
        check(moved, [snap]).map((f) => f.code),
        ['unknown-input'],
      );
    });
  });

  describe('hover', () => {
    const hover = (issue: string, snap: ReturnType<typeof eng>) => hoverAt(analyzeRecipe(recipe(issue)), { line: 6, character: 14 }, [snap])?.markdown ?? '';

    it('judges a literal issue by its own answer, as the check does: ✗ where the project alone would say ✓', () => {
      const snap = eng({ 'ENG-2': { visible: true, permissions: { BROWSE_PROJECTS: true, EDIT_ISSUES: false } } });
      assert.deepEqual(
        check(recipe('ENG-2'), [snap]).map((f) => [f.code, f.issue]),
        [['missing-permission', 'ENG-2']],
      );
      const md = hover('ENG-2', snap);
      assert.match(md, /\| \| Browse Projects \| Edit Issues \|\n\|---\|:-:\|:-:\|\n\| ENG \| ✓ \| ✗ \|/);
      assert.match(md, /- ✗ \*\*Edit Issues\*\* `EDIT_ISSUES` in ENG: /);
      assert.match(hover('"{{ trigger.key }}"', snap), /\| ENG \| ✓ \| ✓ \|/, 'an issue not named is judged by the project');
    });

    it('says when the literal issue is not visible to the account', () => {
      const md = hover('ENG-404', eng({ 'ENG-404': { visible: false } }));
      assert.match(md, /\*\*ENG-404\*\* is not visible to Jan Donyada: it doesn't exist, or sits under an issue security level the account isn't in\./);
    });
  });

  describe('needs', () => {
    it('asks for each literal issue the permissions of its step, and the project as well', () => {
      const needs = permissionNeeds([analyzeRecipe(recipe('eng-7')), analyzeRecipe(recipe('"{{ trigger.key }}"'))]);
      const site = needs.get('https://acme.atlassian.net');
      assert.deepEqual(site?.issues, { 'ENG-7': ['BROWSE_PROJECTS', 'EDIT_ISSUES'] });
      // Service Desk Agent only in the project (asked where it is a Service Management one), never on the issue.
      assert.deepEqual(site?.projects.ENG, ['BROWSE_PROJECTS', 'EDIT_ISSUES', 'SERVICEDESK_AGENT']);
    });
  });
});
