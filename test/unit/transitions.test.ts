import { strict as assert } from 'node:assert';
import { check } from '../../src/core/check';
import { analyzeRecipe } from '../../src/core/check/analyze';
import { permissionNeeds } from '../../src/core/check/needs';
import { hoverAt } from '../../src/core/assist/hover';
import { buildNeedsReport } from '../../src/core/assist/needs-report';
import type { IssueSnapshot, IssueTransition } from '../../src/core/snapshot';
import { oneStepRecipe, project, rangeOf, rows, snapshot } from './helpers';

const recipe = (input: string, action = 'update_issue_status') =>
  oneStepRecipe('close', action, input, 'trigger: { event: new_issue, input: { project: ENG } }');

/** What Jira offers Jan on ENG-1 (Open, classic workflow): the close transition is QA's only. */
const OFFERED: IssueTransition[] = [
  { id: '4', name: 'Start Progress', to: 'In Progress' },
  { id: '5', name: 'Resolve Issue', to: 'Resolved' },
];

/** Jan in ENG: may transition, lacks Close Issues in the project; ENG-1 answered as itself. */
const eng = (issue: Partial<IssueSnapshot> = {}) =>
  snapshot({
    projects: {
      ENG: project(['BROWSE_PROJECTS', 'TRANSITION_ISSUES', 'EDIT_ISSUES', 'RESOLVE_ISSUES'], ['CLOSE_ISSUES'], {
        issues: { 'ENG-1': { visible: true, permissions: { BROWSE_PROJECTS: true, TRANSITION_ISSUES: true, CLOSE_ISSUES: false }, ...issue } },
      }),
    },
  });

describe('transitions of a literal issue', () => {
  it('flags a transition Jira does not offer the account on the issue, on its value, naming those it offers', () => {
    const findings = check(recipe('issue: ENG-1, transition: Close Issue'), [eng({ transitions: OFFERED })]);
    assert.deepEqual(rows(findings), ['transition-unavailable@7:39-7:50']);
    const [f] = findings;
    assert.equal(f.severity, 'error');
    assert.equal(f.issue, 'ENG-1');
    assert.equal(f.input, 'transition');
    assert.equal(f.project, 'ENG');
    assert.deepEqual(f.permissions, []);
    assert.equal(
      f.message,
      'Step "close": Update issue status (update_issue_status): ENG-1 has no transition "Close Issue" that Jan Donyada (jan@acme.example) may make on https://acme.atlassian.net (Jira offers it only Start Progress (→ In Progress), Resolve Issue (→ Resolved)). The issue\'s workflow, its current status or a transition condition rules it out.',
    );
  });

  it("replaces the classic workflow's rule: a close transition Jira offers passes without Close Issues, by name or id", () => {
    const closable = eng({ transitions: [...OFFERED, { id: '2', name: 'Close Issue', to: 'Closed' }] });
    assert.deepEqual(check(recipe('issue: ENG-1, transition: close issue'), [closable]), []);
    assert.deepEqual(check(recipe("issue: ENG-1, transition: '2'"), [closable]), []);
    assert.deepEqual(check(recipe('issue: ENG-1, status: Closed'), [closable]), []);
  });

  it('judges a target status by where the offered transitions lead', () => {
    const findings = check(recipe('issue: ENG-1, status: Closed'), [eng({ transitions: OFFERED })]);
    assert.deepEqual(rows(findings), ['transition-unavailable@7:35-7:41']);
    assert.equal(findings[0].input, 'status');
    assert.match(findings[0].message, /ENG-1 has no transition to the status "Closed" that/);
    assert.deepEqual(check(recipe('issue: ENG-1, status: in progress'), [eng({ transitions: OFFERED })]), []);
  });

  it('checks update_issue with a status the same way', () => {
    const findings = check(recipe('issue: ENG-1, status: Closed', 'update_issue'), [eng({ transitions: OFFERED })]);
    assert.deepEqual(rows(findings), ['transition-unavailable@7:35-7:41']);
    assert.equal(findings[0].operation, 'update_issue');
  });

  it('says so when Jira offers no transition at all', () => {
    const [f] = check(recipe('issue: ENG-1, transition: Start Progress'), [eng({ transitions: [] })]);
    assert.equal(f.code, 'transition-unavailable');
    assert.match(f.message, /\(Jira offers it no transition there now\)\./);
  });

  it('keeps the classic rule where the transitions are not known: not fetched, or the issue not named', () => {
    const unknown = check(recipe('issue: ENG-1, transition: Close Issue'), [eng()]);
    assert.deepEqual(rows(unknown), ['missing-permission@7:27-7:37']);
    assert.deepEqual(unknown[0].permissions, ['CLOSE_ISSUES']);
    assert.match(unknown[0].message, /This comes from the classic workflow's conditions/);
    const unnamed = check(recipe('issue: "{{ trigger.key }}", transition: Close Issue'), [eng({ transitions: OFFERED })]);
    assert.deepEqual(
      unnamed.map((f) => [f.code, f.permissions]),
      [['missing-permission', ['CLOSE_ISSUES']]],
    );
  });

  it('leaves a missing Transition Issues to missing-permission (Jira then lists no transition)', () => {
    const snap = eng({ permissions: { BROWSE_PROJECTS: true, TRANSITION_ISSUES: false }, transitions: [] });
    const findings = check(recipe('issue: ENG-1, transition: Start Progress'), [snap]);
    assert.deepEqual(
      findings.map((f) => [f.code, f.permissions]),
      [['missing-permission', ['TRANSITION_ISSUES']]],
    );
  });

  it('says nothing of a transition given only at run time', () => {
    assert.deepEqual(check(recipe('issue: ENG-1, transition: "{{ trigger.next }}"'), [eng({ transitions: OFFERED })]), []);
  });

  it('hovers without the classic rule where the transitions answer', () => {
    const md = (snap: ReturnType<typeof eng>) =>
      hoverAt(analyzeRecipe(recipe('issue: ENG-1, transition: Close Issue')), { line: 6, character: 14 }, [snap])?.markdown ?? '';
    assert.doesNotMatch(md(eng({ transitions: OFFERED })), /CLOSE_ISSUES/);
    assert.match(md(eng()), /\| Close Issues \(for `transition`\) \|\n\|---\|:-:\|:-:\|:-:\|\n\| ENG \| ✓ \| ✓ \| ✗ \|/);
  });

  it("lists no classic guess in the needs report where the issue's transitions answer, as the check does", () => {
    const input = { recipe: 'r.recipe.yaml', analysis: analyzeRecipe(recipe('issue: ENG-1, transition: Close Issue')) };
    const needed = (snap: ReturnType<typeof eng>) =>
      buildNeedsReport([input], [snap]).sites[0].projects.flatMap((p) => p.needs.flatMap((l) => [...l.permissions]));
    assert.deepEqual(needed(eng({ transitions: OFFERED })), ['BROWSE_PROJECTS', 'TRANSITION_ISSUES']);
    assert.deepEqual(needed(eng()), ['BROWSE_PROJECTS', 'CLOSE_ISSUES', 'TRANSITION_ISSUES']);
  });

  describe('needs', () => {
    it('asks for the transitions of a literal issue transitioned by a literal name or status, and only those', () => {
      const needs = permissionNeeds([
        analyzeRecipe(recipe('issue: eng-1, transition: Close Issue')),
        analyzeRecipe(recipe('issue: ENG-2, status: Done', 'update_issue')),
        analyzeRecipe(recipe('issue: ENG-3, transition: "{{ trigger.next }}"')),
        analyzeRecipe(recipe('issue: "{{ trigger.key }}", transition: Close Issue')),
        analyzeRecipe(recipe('issue: ENG-4, summary: x', 'update_issue')),
      ]).get('https://acme.atlassian.net');
      assert.deepEqual(needs?.transitionIssues, ['ENG-1', 'ENG-2']);
    });
  });

  it('range helper sanity: the value of a quoted id includes its quotes', () => {
    const [f] = check(recipe("issue: ENG-1, transition: '9'"), [eng({ transitions: OFFERED })]);
    assert.deepEqual(rangeOf(f), [7, 39, 7, 42]);
  });
});
