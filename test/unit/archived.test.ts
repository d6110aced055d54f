import { strict as assert } from 'node:assert';
import { hoverAt } from '../../src/core/assist/hover';
import { analyzeRecipe, check } from '../../src/core/check';
import { project, rangeOf, rows, snapshot, yaml } from './helpers';

/** A project Jira lists among archived ones: project-not-visible, saying it is archived and how to restore it. */
const text = yaml(
  'name: t',
  'connections:',
  '  jira: { provider: jira, host: https://acme.atlassian.net }',
  'trigger: { event: new_issue, input: { project: ENG } }',
  'steps:',
  '  - action: create_comment',
  '    input: { issue: OLD-3, comment: x }',
);
const snap = snapshot({ projects: { ENG: project(['BROWSE_PROJECTS']), OLD: { visible: false, archived: true, id: '20002' } } });

describe('archived projects in the check', () => {
  it('reports project-not-visible on the operation, saying the project is archived', () => {
    const findings = check(text, [snap]);
    assert.deepEqual(rows(findings), ['project-not-visible@5:12-5:26']);
    assert.deepEqual([findings[0].project, rangeOf(findings[0])], ['OLD', [5, 12, 5, 26]]);
    assert.match(
      findings[0].message,
      /works in project OLD, which is archived on https:\/\/acme\.atlassian\.net: Jira answers as if it didn't exist\. Restore it \(Jira administration → Projects → Archived\) or point the step at a live project\./,
    );
  });

  it('says so in the hover too', () => {
    const md = hoverAt(analyzeRecipe(text), { line: 5, character: 15 }, [snap])?.markdown ?? '';
    assert.match(md, /✗ \*\*Project OLD\*\* is archived: restore it \(Jira administration → Projects → Archived\)/);
  });
});
