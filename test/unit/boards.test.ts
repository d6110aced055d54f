import { strict as assert } from 'node:assert';
import { check } from '../../src/core/check';
import { analyzeRecipe } from '../../src/core/check/analyze';
import { permissionNeeds } from '../../src/core/check/needs';
import { hoverAt } from '../../src/core/assist/hover';
import type { BoardSnapshot } from '../../src/core/snapshot';
import { oneStepRecipe, project, rows, snapshot } from './helpers';

const recipe = (action: string, input: string) =>
  oneStepRecipe('sprint', action, input, 'defaults:', '  project: SUP', 'trigger: { event: new_issue, input: { project: SUP } }');

/** Jan may manage sprints in SUP, not in ENG; board 12 is ENG's. */
const withBoards = (boards?: Record<string, BoardSnapshot>) =>
  snapshot({
    projects: {
      ENG: project(['BROWSE_PROJECTS'], ['MANAGE_SPRINTS_PERMISSION']),
      OPS: project(['BROWSE_PROJECTS'], ['MANAGE_SPRINTS_PERMISSION']),
      SUP: project(['BROWSE_PROJECTS', 'MANAGE_SPRINTS_PERMISSION', 'CREATE_ISSUES']),
    },
    ...(boards ? { boards } : {}),
  });

const unverifiedText = (text: string, snap = withBoards()) =>
  check(text, [snap])
    .filter((f) => f.code === 'unverified')
    .map((f) => f.message);

describe('sprint steps take their projects from the board, never from defaults.project', () => {
  it("judges Manage Sprints in the board's projects: ENG's board with defaults.project SUP is an error about ENG", () => {
    const findings = check(recipe('create_sprint', 'board_id: 12, name: S1'), [withBoards({ '12': { visible: true, projects: ['ENG'] } })]);
    assert.deepEqual(rows(findings), ['missing-permission@8:12-8:25']);
    assert.equal(findings[0].project, 'ENG');
    assert.equal(
      findings[0].message,
      'Step "sprint": Create sprint (create_sprint) needs Manage Sprints (MANAGE_SPRINTS_PERMISSION) in project ENG, which Jan Donyada (jan@acme.example) lacks on https://acme.atlassian.net.',
    );
  });

  it('checks every project of the board, and passes where the board is SUP alone', () => {
    const both = check(recipe('create_sprint', 'board_id: 20, name: S1'), [withBoards({ '20': { visible: true, projects: ['eng', 'OPS'] } })]);
    assert.deepEqual(
      both.map((f) => [f.code, f.project]),
      [
        ['missing-permission', 'ENG'],
        ['missing-permission', 'OPS'],
      ],
    );
    assert.deepEqual(check(recipe('create_sprint', 'board_id: 14, name: S1'), [withBoards({ '14': { visible: true, projects: ['SUP'] } })]), []);
  });

  it('leaves the step unverified, on its operation, when the board is not in the snapshot', () => {
    const findings = check(recipe('create_sprint', 'board_id: 12, name: S1'), [withBoards()]);
    assert.deepEqual(rows(findings), ['unverified@8:12-8:25']);
    assert.equal(
      findings[0].message,
      'Step "sprint": Create sprint (create_sprint): needs Manage Sprints (MANAGE_SPRINTS_PERMISSION) in each project of the sprint\'s board, not verified: the snapshot has no data for board 12; fetch the permissions again to check it.',
    );
  });

  it("says why when Jira didn't name the board's projects", () => {
    assert.match(
      unverifiedText(recipe('create_sprint', 'board_id: 20, name: S1'), withBoards({ '20': { visible: true, projects: [] } }))[0],
      /not verified: Jira names no project for board 20: its filter isn't bounded to projects \(project = X or project in \(…\)\), or the account can't browse all of them\.$/,
    );
    assert.match(
      unverifiedText(recipe('create_sprint', 'board_id: 99, name: S1'), withBoards({ '99': { visible: false } }))[0],
      /not verified: Jira answered that board 99 doesn't exist or the account may not view it\.$/,
    );
    assert.match(
      unverifiedText(recipe('create_sprint', 'board_id: 12, name: S1'), withBoards({ '12': { visible: true, unavailable: 'Jira answered 503' } }))[0],
      /not verified: the projects of board 12 could not be fetched \(Jira answered 503\)\.$/,
    );
    assert.match(
      unverifiedText(recipe('create_sprint', 'board_id: "{{ trigger.board }}", name: S1'))[0],
      /not verified: the board \(board_id\) is known only when the recipe runs\.$/,
    );
  });

  it('update_sprint with only a sprint id says what to set; with board_id it is checked on the board', () => {
    assert.deepEqual(unverifiedText(recipe('update_sprint', 'sprint_id: 7, name: S2')), [
      "Step \"sprint\": Update sprint (update_sprint): needs Manage Sprints (MANAGE_SPRINTS_PERMISSION) in each project of the sprint's board, not verified: a sprint id alone doesn't tell the sprint's board; set board_id (the board's id) to check it.",
    ]);
    const findings = check(recipe('update_sprint', 'sprint_id: 7, board_id: 12'), [withBoards({ '12': { visible: true, projects: ['ENG'] } })]);
    assert.deepEqual(
      findings.map((f) => [f.code, f.project]),
      [['missing-permission', 'ENG']],
    );
  });

  it('asks for the board instead of defaults.project', () => {
    const needs = permissionNeeds([analyzeRecipe(recipe('create_sprint', 'board_id: 12, name: S1'))]).get('https://acme.atlassian.net');
    assert.deepEqual(needs?.boards, { '12': ['MANAGE_SPRINTS_PERMISSION'] });
    assert.deepEqual(Object.keys(needs?.projects ?? {}), ['SUP'], 'SUP only for the trigger');
    assert.deepEqual(needs?.projects.SUP, ['BROWSE_PROJECTS']);
  });

  it("hovers with the board's projects", () => {
    const hover = (snap = withBoards()) =>
      hoverAt(analyzeRecipe(recipe('create_sprint', 'board_id: 12, name: S1')), { line: 8, character: 14 }, [snap])?.markdown ?? '';
    assert.match(hover(withBoards({ '12': { visible: true, projects: ['ENG'] } })), /\| \| Manage Sprints \|\n\|---\|:-:\|\n\| ENG \| ✗ \|/);
    assert.match(
      hover(),
      /^\? \*\*Create sprint\*\* is not verified: the sprint's projects are its board's, and the snapshot has no data for board 12; fetch the permissions again to check it\./,
    );
  });
});
