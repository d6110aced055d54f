import { strict as assert } from 'node:assert';
import { accessRequestText } from '../../src/core/assist/access-request';
import { hoverAt } from '../../src/core/assist/hover';
import { check } from '../../src/core/check';
import { analyzeRecipe } from '../../src/core/check/analyze';
import type { PermissionHolder } from '../../src/core/snapshot';
import { project, rows, snapshot, yaml } from './helpers';

const header = ['name: t', 'connections:', '  jira: { provider: jira, host: https://acme.atlassian.net }'];
const recipe = (issue: string) =>
  yaml(
    ...header,
    'trigger: { id: bug, event: new_issue, input: { project: ENG } }',
    'steps:',
    '  - id: fix',
    '    action: update_issue',
    `    input: { issue: ${issue}, summary: x }`,
  );
const REPORTER: PermissionHolder = { type: 'reporter', displayName: 'Reporter' };
const withGrants = (editHolders: PermissionHolder[], readable = true) =>
  snapshot({
    projects: {
      ENG: project(['BROWSE_PROJECTS', 'EDIT_ISSUES'], [], {
        permissionScheme: {
          readable,
          grants: { BROWSE_PROJECTS: [{ type: 'projectRole', parameter: '10001', displayName: 'Developers' }], EDIT_ISSUES: editHolders },
        },
      }),
    },
  });

describe('conditional-permission', () => {
  it('warns on a step acting on issues not named, when a held permission reaches the account only as reporter', () => {
    const findings = check(recipe('"{{ bug.key }}"'), [withGrants([REPORTER])]);
    assert.deepEqual(rows(findings), ['conditional-permission@6:12-6:24']);
    const [f] = findings;
    assert.equal(f.severity, 'warning');
    assert.deepEqual(f.permissions, ['EDIT_ISSUES']);
    assert.equal(f.project, 'ENG');
    assert.equal(
      f.message,
      'Step "fix": Update issue (update_issue): in project ENG, Edit Issues (EDIT_ISSUES) reaches Jan Donyada only as the issue\'s Reporter: this step fails on issues Jan didn\'t report.',
    );
  });

  it('names assignee and field holders, and several at once', () => {
    const [f] = check(recipe('"{{ bug.key }}"'), [
      withGrants([{ type: 'assignee' }, { type: 'userCustomField', parameter: 'customfield_10050', displayName: 'Approvers' }]),
    ]);
    assert.match(
      f.message,
      /only as the issue's Current assignee or a user named in the issue's field Approvers: this step fails on issues where Jan is none of these\.$/,
    );
  });

  it('says nothing when any other holder may be how the account holds it, when the scheme is unreadable, or on a literal issue', () => {
    assert.deepEqual(check(recipe('"{{ bug.key }}"'), [withGrants([REPORTER, { type: 'projectRole', parameter: '10001', displayName: 'Developers' }])]), []);
    assert.deepEqual(check(recipe('"{{ bug.key }}"'), [withGrants([REPORTER], false)]), []);
    assert.deepEqual(check(recipe('"{{ bug.key }}"'), [snapshot({ projects: { ENG: project(['BROWSE_PROJECTS', 'EDIT_ISSUES']) } })]), []);
    assert.deepEqual(check(recipe('ENG-1'), [withGrants([REPORTER])]), [], 'a literal issue is judged on itself');
  });

  it('the hover and the access request say the same', () => {
    const text = recipe('"{{ bug.key }}"');
    const snap = withGrants([REPORTER]);
    const md = hoverAt(analyzeRecipe(text), { line: 6, character: 14 }, [snap])?.markdown ?? '';
    assert.match(
      md,
      /In ENG, \*\*Edit Issues \(EDIT_ISSUES\)\*\* reaches Jan Donyada only as the issue's Reporter: this step fails on issues Jan didn't report\./,
    );
    const request = accessRequestText([{ recipe: 't', findings: check(text, [snap]) }], [snap]) ?? '';
    assert.match(
      request,
      /Project ENG:\n- Edit Issues \(EDIT_ISSUES\), needed by recipe "t", step fix \(update_issue\) on every issue, not only some: Edit Issues \(EDIT_ISSUES\) reaches Jan Donyada only as the issue's Reporter: this step fails on issues Jan didn't report\. Currently granted to the issue's reporter/,
    );
  });
});
