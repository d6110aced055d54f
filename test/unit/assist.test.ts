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
  it('opens with the answer: a verdict, a compact table, one line per missing permission with who can grant it', () => {
    const hover = hoverAt(analyzeRecipe(recipe), { line: 9, character: 15 }, [snap]);
    assert.ok(hover);
    assert.deepEqual(hover.range, { start: { line: 9, character: 12 }, end: { line: 9, character: 31 } });
    const [firstScreen, rest] = hover.markdown.split('<details>');
    assert.equal(
      firstScreen,
      [
        '✗ **Update issue status** fails as Jan Donyada on acme.atlassian.net.',
        '| | Browse Projects | Transition Issues | Close Issues (for `status`) |\n|---|:-:|:-:|:-:|\n| ENG | ✓ | ✓ | ✗ |',
        '- ✗ **Close Issues** `CLOSE_ISSUES` in ENG: held by the project role QA; a project administrator of ENG can add the account to it.',
        '',
      ].join('\n\n'),
    );
    // What the step does, why each permission, who holds it in full, and Jira's layers: behind a collapsed section.
    assert.match(rest, /^<summary>About `update_issue_status`, a Jira action · fetched <span title="2026-11-24 10:00 UTC">\d+ days ago<\/span><\/summary>\n\n/);
    assert.match(rest, /Moves an issue through its workflow with a transition\. `POST \/rest\/api\/3\/issue\/\{issueIdOrKey\}\/transitions`/);
    assert.match(rest, /- Close Issues: this comes from the classic workflow's conditions/);
    assert.match(
      rest,
      /- Close Issues in ENG: granted by "Default software scheme" to the project role QA\. A project administrator can add the account to that role \(Project settings → People\)/,
    );
    assert.match(rest, /Jira checks three layers in turn: \*\*global\*\*/);
    assert.match(rest, /\n\n<\/details>$/);
  });

  it("doesn't repeat what the diagnostics shown beside it say", () => {
    const analysis = analyzeRecipe(recipe);
    const shown = check(analysis, [snap]);
    assert.deepEqual(
      shown.map((f) => [f.code, f.step]),
      [
        ['missing-global-permission', 'bug'],
        ['missing-permission', 'close'],
      ],
    );
    const close = hoverAt(analysis, { line: 9, character: 15 }, [snap], { shown })?.markdown ?? '';
    assert.doesNotMatch(close, /classic workflow's conditions/, 'the why is in the diagnostic');
    assert.doesNotMatch(close, /fails as/, 'so is the verdict');
    assert.match(close, /^\| \| Browse Projects/, 'the table comes first');
    const trigger = hoverAt(analysis, { line: 5, character: 12 }, [snap], { shown })?.markdown ?? '';
    assert.doesNotMatch(trigger, /register the webhook by hand/, 'the way round it is in the diagnostic');
    assert.match(hoverAt(analysis, { line: 5, character: 12 }, [snap])?.markdown ?? '', /register the webhook by hand/, 'without it, the note says it');
  });

  it('says how long ago the permissions were fetched, the full time only as a tooltip', () => {
    const fetched = Date.parse(snap.fetchedAt);
    const md = hoverAt(analyzeRecipe(recipe), { line: 9, character: 15 }, [snap], { now: fetched + 3 * 60_000 + 5_000 })?.markdown ?? '';
    assert.match(md, / · fetched <span title="2026-11-24 10:00 UTC">3 min ago<\/span><\/summary>/);
    assert.ok(!md.includes(snap.fetchedAt));
  });

  it('lists the global permission of a real-time trigger without a table, with who grants it', () => {
    const md = hoverAt(analyzeRecipe(recipe), { line: 5, character: 12 }, [snap])?.markdown ?? '';
    assert.match(
      md,
      /^✗ \*\*New\/updated issue \(real-time\)\*\* fails as Jan Donyada on acme\.atlassian\.net\.\n\n- ✗ \*\*Administer Jira\*\* `ADMINISTER` \(global\): a Jira administrator grants it under Global permissions\.\n\n<details><summary>About `updated_issue_webhook`, a Jira real-time trigger/,
    );
    assert.doesNotMatch(md, /project can't be told/);
    const admin = snapshot({ global: { ADMINISTER: true }, projects: snap.projects });
    assert.match(
      hoverAt(analyzeRecipe(recipe), { line: 5, character: 12 }, [admin])?.markdown ?? '',
      /^✓ \*\*New\/updated issue \(real-time\)\*\* can run as Jan Donyada on acme\.atlassian\.net\.\n\n- ✓ Administer Jira `ADMINISTER` \(global\)\n\n/,
    );
  });

  it('shows names from snapshots as text, never as markup', () => {
    const odd = snapshot({ account: { id: '1', name: 'x@acme.example', displayName: 'A & <i>B</i>' }, projects: snap.projects });
    const md = hoverAt(analyzeRecipe(recipe), { line: 9, character: 15 }, [odd])?.markdown ?? '';
    assert.match(md, /fails as A &amp; &lt;i&gt;B&lt;\/i&gt; on acme/);
    assert.doesNotMatch(md, /<i>/);
  });

  it("says so when the account can't read the scheme, and shows ? without a snapshot", () => {
    const unreadable = snapshot({
      projects: { ENG: project(['BROWSE_PROJECTS', 'TRANSITION_ISSUES'], ['CLOSE_ISSUES'], { permissionScheme: { readable: false } }) },
    });
    const md = hoverAt(analyzeRecipe(recipe), { line: 9, character: 15 }, [unreadable])?.markdown ?? '';
    assert.match(md, /- ✗ \*\*Close Issues\*\* `CLOSE_ISSUES` in ENG: ask a Jira administrator, or a project administrator of ENG\./);
    assert.match(md, /- Close Issues in ENG: who holds it isn't known: the account may not read ENG's permission scheme\./);
    const none = hoverAt(analyzeRecipe(recipe), { line: 9, character: 15 }, [])?.markdown ?? '';
    assert.match(none, /^\? \*\*Update issue status\*\* is not verified: no linked account for this connection\./);
    assert.match(none, /\| linked account \| \? \| \? \| \? \|/);
  });

  it('says what to set when the project cannot be told, and what was not fetched', () => {
    const noProject = recipe.replace('  input: { jql: "project = ENG" }\n', '');
    const md = hoverAt(analyzeRecipe(noProject), { line: 8, character: 15 }, [snap])?.markdown ?? '';
    assert.match(md, /^\? \*\*Update issue status\*\* is not verified: the project can't be told from this step\. Set `input\.project`/);
    const other = snapshot({ projects: {} });
    assert.match(
      hoverAt(analyzeRecipe(recipe), { line: 9, character: 15 }, [other])?.markdown ?? '',
      /^\? \*\*Update issue status\*\* is not verified as Jan Donyada on acme\.atlassian\.net: ENG was not fetched\./,
    );
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
      // Transitioning is agent work: Service Desk Agent is asked too, where the fetch finds a service_desk project.
      projects: { ENG: ['BROWSE_PROJECTS', 'CLOSE_ISSUES', 'SERVICEDESK_AGENT', 'TRANSITION_ISSUES'] },
      securityLevelProjects: [],
    });
    assert.deepEqual(needs.get(''), {
      global: [],
      projects: { OPS: ['BROWSE_PROJECTS', 'CREATE_ISSUES', 'SET_ISSUE_SECURITY'] },
      securityLevelProjects: ['OPS'],
    });
  });
});
