import { strict as assert } from 'node:assert';
import { analyzeRecipe, check, permissionNeeds } from '../../src/core/check';
import { accessRequestText } from '../../src/core/assist/access-request';
import { completionsAt } from '../../src/core/assist/complete';
import { hoverAt } from '../../src/core/assist/hover';
import { project, snapshot, yaml } from './helpers';

const recipe = yaml(
  'name: Escalate',
  'connections:',
  '  jira: { provider: jira, host: https://acme.atlassian.net }',
  'trigger:',
  '  id: bug',
  '  event: updated_issue_webhook',
  '  input: { jql: "project = ENG" }',
  'steps:',
  '  - id: close',
  '    action: update_issue_status',
  '    input:',
  '      issue: "{{ bug.key }}"',
  '      status: Closed',
  '  # needs CLOSE_ISSUES',
);
const qa = { readable: true, name: 'Default software scheme', grants: { CLOSE_ISSUES: [{ type: 'projectRole', parameter: '10002', displayName: 'QA' }] } };
const snap = snapshot({
  projects: { ENG: project(['BROWSE_PROJECTS', 'TRANSITION_ISSUES'], ['CLOSE_ISSUES'], { name: 'Engineering', permissionScheme: qa }) },
});

describe('hover', () => {
  it('explains an action: what it does, its REST call, each permission with ✓/✗ in the project, and how a missing one is granted', () => {
    const hover = hoverAt(analyzeRecipe(recipe), { line: 9, character: 15 }, [snap]);
    assert.ok(hover);
    assert.deepEqual(hover.range, { start: { line: 9, character: 12 }, end: { line: 9, character: 31 } });
    const md = hover.markdown;
    assert.match(md, /^\*\*Update issue status\*\* · `update_issue_status` — Jira action/);
    assert.match(md, /`POST \/rest\/api\/3\/issue\/\{issueIdOrKey\}\/transitions`/);
    assert.match(md, /\| Permission \| Level \| ENG \|/);
    assert.match(md, /\| Browse Projects `BROWSE_PROJECTS` \| project \| ✓ \|/);
    assert.match(md, /\| Close Issues `CLOSE_ISSUES` \(for `status`\) \| project \| ✗ \|/);
    assert.match(
      md,
      /\*\*Close Issues `CLOSE_ISSUES`\*\* is missing in ENG\. This comes from the classic workflow's conditions: its close transitions need Close Issues \(a custom workflow may differ\)\. In ENG it is granted \(permission scheme "Default software scheme"\) to the project role QA\. A project administrator can add the account to that role/,
    );
    assert.match(md, /Jira checks three layers in turn: \*\*global\*\*/);
  });

  it('says how long ago the permissions were fetched, not the full time stamp', () => {
    const fetched = Date.parse(snap.fetchedAt);
    const md = hoverAt(analyzeRecipe(recipe), { line: 9, character: 15 }, [snap], fetched + 3 * 60_000 + 5_000)?.markdown ?? '';
    assert.match(md, /, fetched 3 min ago\./);
    assert.ok(!md.includes(snap.fetchedAt));
  });

  it('explains a real-time trigger with its global permission and who grants it', () => {
    const md = hoverAt(analyzeRecipe(recipe), { line: 5, character: 12 }, [snap])?.markdown ?? '';
    assert.match(md, /real-time trigger/);
    // Registering the webhook needs no project permission: one column for the site, no project to ask for.
    assert.match(md, /\| Permission \| Level \| site \|\n\|---\|---\|:-:\|\n\| Administer Jira `ADMINISTER` \| global \| ✗ \|\n\n/);
    assert.doesNotMatch(md, /project can't be told/);
    assert.match(md, /A Jira administrator can grant it/);
  });

  it("says so when the account can't read the scheme, and shows ? without a snapshot", () => {
    const unreadable = snapshot({
      projects: { ENG: project(['BROWSE_PROJECTS', 'TRANSITION_ISSUES'], ['CLOSE_ISSUES'], { permissionScheme: { readable: false } }) },
    });
    assert.match(hoverAt(analyzeRecipe(recipe), { line: 9, character: 15 }, [unreadable])?.markdown ?? '', /may not read ENG's permission scheme/);
    const none = hoverAt(analyzeRecipe(recipe), { line: 9, character: 15 }, [])?.markdown ?? '';
    assert.match(none, /\| Close Issues `CLOSE_ISSUES` \(for `status`\) \| project \| \? \|/);
    assert.match(none, /No linked account for this connection/);
  });

  it('explains a permission key under the cursor, even in a comment', () => {
    const hover = hoverAt(analyzeRecipe(recipe), { line: 13, character: 12 }, []);
    assert.match(hover?.markdown ?? '', /^\*\*Close Issues\*\* `CLOSE_ISSUES` — Project permission/);
    assert.match(hover?.markdown ?? '', /Older Jira Server versions call it `CLOSE_ISSUE`/);
  });

  it('has nothing to say elsewhere', () => {
    assert.equal(hoverAt(analyzeRecipe(recipe), { line: 0, character: 2 }, [snap]), undefined);
  });
});

describe('completions', () => {
  const labels = (text: string, line: number, character: number) =>
    completionsAt(text, { line, character }, [{ key: 'ENG', name: 'Engineering' }])?.items.map((i) => i.label) ?? [];

  it('offers triggers after event: and actions after action:, replacing the partial word', () => {
    const text = 'trigger:\n  event: upd\nsteps:\n  - action: cre\n  - { action: \n';
    assert.ok(labels(text, 1, 12).includes('updated_issue_webhook'));
    assert.ok(!labels(text, 1, 12).includes('create_issue'));
    assert.ok(labels(text, 3, 15).includes('create_comment'));
    assert.ok(labels(text, 4, 14).includes('upload_attachment'));
    assert.deepEqual(completionsAt(text, { line: 3, character: 15 })?.range, { start: { line: 3, character: 12 }, end: { line: 3, character: 15 } });
  });

  it("offers the input keys of the step's operation, in block and flow style", () => {
    const block = yaml('steps:', '  - id: a', '    action: create_issue', '    input:', '      summary: x', '      ass', '  - action: get_issue');
    const keys = labels(block, 5, 9);
    assert.ok(keys.includes('assignee') && keys.includes('security') && !keys.includes('comment_id'), keys.join());
    const before = yaml('steps:', '  - input:', '      is', '    action: create_comment');
    assert.deepEqual(labels(before, 2, 8).sort(), ['comment', 'issue', 'visibility']);
    const flow = yaml('steps:', '  - { action: add_worklog, input: { issue: ENG-1, ti');
    assert.ok(labels(flow, 1, 50).includes('time_spent'));
  });

  it('offers the project keys the account can see', () => {
    assert.deepEqual(labels('defaults:\n  project: E\n', 1, 12), ['ENG']);
  });

  it('offers nothing in a value that is not an operation or project', () => {
    assert.equal(completionsAt('name: Esc', { line: 0, character: 9 }), undefined);
  });
});

describe('access request', () => {
  it('lists each permission per site and project, with the step that needs it and who holds it', () => {
    const text = accessRequestText([{ recipe: 'Escalate', findings: check(recipe, [snap]) }], [snap]) ?? '';
    assert.match(text, /Site: https:\/\/acme\.atlassian\.net\nAccount: Jan Donyada \(jan@acme\.example\) \(Jira Cloud\)/);
    assert.match(
      text,
      /Global permissions \(Jira administration → System → Global permissions\):\n- Administer Jira \(ADMINISTER\), needed by recipe "Escalate", trigger bug \(updated_issue_webhook\)/,
    );
    assert.match(
      text,
      /Project ENG \(Engineering\):\n- Close Issues \(CLOSE_ISSUES\), needed by recipe "Escalate", step close \(update_issue_status\)\. Currently granted to the project role QA/,
    );
    assert.doesNotMatch(text, /token|password/i);
  });

  it('has nothing to request when nothing is missing', () => {
    assert.equal(accessRequestText([{ recipe: 'x', findings: check(recipe, []) }], []), undefined);
  });
});

describe('permission needs', () => {
  it('collects, per host, the global and per-project permissions of every Jira step', () => {
    const needs = permissionNeeds([
      analyzeRecipe(recipe),
      analyzeRecipe(
        yaml(
          'name: b',
          'trigger: { event: new_issue, input: { project: OPS } }',
          'steps:',
          '  - { action: create_issue, input: { project: OPS, security: Internal } }',
        ),
      ),
    ]);
    assert.deepEqual(needs.get('https://acme.atlassian.net'), {
      global: ['ADMINISTER'],
      projects: { ENG: ['BROWSE_PROJECTS', 'CLOSE_ISSUES', 'TRANSITION_ISSUES'] },
      securityLevelProjects: [],
    });
    assert.deepEqual(needs.get(''), {
      global: [],
      projects: { OPS: ['BROWSE_PROJECTS', 'CREATE_ISSUES', 'SET_ISSUE_SECURITY'] },
      securityLevelProjects: ['OPS'],
    });
  });
});
