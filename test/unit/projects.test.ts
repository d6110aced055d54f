import { strict as assert } from 'node:assert';
import { analyzeRecipe, projectsInJql, ProjectResolver } from '../../src/core/check';
import { yaml } from './helpers';

function projectsOfSteps(text: string): Record<string, string[]> {
  const { model } = analyzeRecipe(text);
  const resolver = new ProjectResolver(model);
  const steps = model.trigger ? [model.trigger, ...model.actions] : model.actions;
  return Object.fromEntries(steps.map((s) => [s.id ?? s.path, resolver.projectsOf(s)]));
}

describe('project resolution', () => {
  it('reads project = X and project in (A, B) from JQL, and nothing from negations, names or ids', () => {
    assert.deepEqual(projectsInJql('project = ENG AND priority = Highest'), ['ENG']);
    assert.deepEqual(projectsInJql('PROJECT in (ENG, "OPS", \'SUP\') ORDER BY key'), ['ENG', 'OPS', 'SUP']);
    assert.deepEqual(projectsInJql('project=ENG OR project = OPS'), ['ENG', 'OPS']);
    assert.deepEqual(projectsInJql('project != ENG'), []);
    assert.deepEqual(projectsInJql('project not in (ENG)'), []);
    assert.deepEqual(projectsInJql('NOT project = ENG'), []);
    assert.deepEqual(projectsInJql('project = "Mobile App"'), []);
    assert.deepEqual(projectsInJql('project = 10001'), []);
    assert.deepEqual(projectsInJql('assignee = currentUser()'), []);
  });

  it('takes each rule in order: project, issue key, JQL, reference, defaults', () => {
    const found = projectsOfSteps(
      yaml(
        'name: x',
        'defaults: { project: DEF }',
        'trigger: { id: t, event: new_issue, input: { jql: "project in (ENG, OPS)" } }',
        'steps:',
        '  - { id: a, action: get_issue, input: { project: SUP, issue: ENG-1 } }',
        '  - { id: b, action: get_issue, input: { issue: ops-12, jql: "project = SUP" } }',
        '  - { id: c, action: search_issues_by_JQL, input: { jql: "project = SUP" } }',
        '  - { id: d, action: get_issue, input: { issue: "{{ t.key }}" } }',
        '  - { id: e, action: get_issue, input: { issue: "{{ c.issues.first.key }}" } }',
        '  - { id: f, action: get_issue, input: { issue: "{{ nowhere.key }}" } }',
        '  - { id: g, action: create_issue, input: { summary: x } }',
        '  - { id: h, action: get_issue, input: { issue: "{{ trigger.key }}" } }',
      ),
    );
    assert.deepEqual(found, {
      t: ['ENG', 'OPS'],
      a: ['SUP'],
      b: ['OPS'],
      c: ['SUP'],
      d: ['ENG', 'OPS'],
      e: ['SUP'],
      f: ['DEF'],
      g: ['DEF'],
      h: ['ENG', 'OPS'],
    });
  });

  it('leaves a step unresolved when nothing names a project', () => {
    const found = projectsOfSteps(
      yaml(
        'name: x',
        'trigger: { id: t, event: new_issue, input: { jql: "assignee = currentUser()" } }',
        'steps:',
        '  - { id: a, action: get_issue, input: { issue: "{{ t.key }}" } }',
      ),
    );
    assert.deepEqual(found, { t: [], a: [] });
  });

  it('does not loop on steps that refer to each other', () => {
    const found = projectsOfSteps(
      yaml(
        'name: x',
        'trigger: { event: new_issue, input: { project: ENG } }',
        'steps:',
        '  - { id: a, action: get_issue, input: { issue: "{{ b.key }}" } }',
        '  - { id: b, action: get_issue, input: { issue: "{{ a.key }}" } }',
      ),
    );
    assert.deepEqual(found.a, []);
    assert.deepEqual(found.b, []);
  });
});
