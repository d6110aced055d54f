import { strict as assert } from 'node:assert';
import { jqlProjectBound, tokenizeJql } from '../../src/core/check/jql';
import { RUNTIME_PART as TEMPLATE_PLACEHOLDER } from '../../src/core/recipe/model';

describe('JQL project bounds', () => {
  it('tokenizes words, quoted strings with escapes, operators, parentheses and commas', () => {
    assert.deepEqual(
      tokenizeJql(`project in (ENG, "O\\"PS") AND summary ~ 'a b' AND x!=1`)?.map((t) => `${t.kind}:${t.text}`),
      [
        'word:project',
        'word:in',
        '(:(',
        'word:ENG',
        ',:,',
        'string:O"PS',
        '):)',
        'word:AND',
        'word:summary',
        'op:~',
        'string:a b',
        'word:AND',
        'word:x',
        'op:!=',
        'word:1',
      ],
    );
    assert.equal(tokenizeJql('summary ~ "unclosed'), undefined);
  });

  it('bounds by project = X and project in (…) joined by AND at the top level', () => {
    assert.deepEqual(jqlProjectBound('project = ENG'), ['ENG']);
    assert.deepEqual(jqlProjectBound('project = ENG AND assignee = currentUser() ORDER BY created DESC'), ['ENG']);
    assert.deepEqual(jqlProjectBound('priority = High AND project in (ENG, "OPS")'), ['ENG', 'OPS']);
    assert.deepEqual(jqlProjectBound('project in (ENG, OPS) AND project = OPS'), ['OPS']);
    assert.deepEqual(jqlProjectBound('project = ENG AND (status = Open OR assignee in membersOf("qa"))'), ['ENG']);
    assert.deepEqual(jqlProjectBound('project = ENG AND NOT project = OPS'), ['ENG']);
  });

  it('proves no bound from OR with an unbounded side, NOT, other operators, names, ids or functions', () => {
    for (const jql of [
      'project = ENG OR assignee = currentUser()',
      'assignee = currentUser() OR project = ENG',
      'NOT project = ENG',
      '!(project = ENG)',
      'project != ENG',
      'project not in (ENG)',
      'project = "Mobile App"',
      'project = 10001',
      'project in projectsWhereUserHasRole("Developers")',
      'project in (ENG, "Mobile App")',
      'project = ENG AND (status = Open',
      'assignee = currentUser()',
      '',
    ])
      assert.equal(jqlProjectBound(jql), undefined, jql);
  });

  it('bounds an OR only when every side is bounded, by their union', () => {
    assert.deepEqual(jqlProjectBound('project = ENG OR project = OPS'), ['ENG', 'OPS']);
    assert.deepEqual(jqlProjectBound('(project = ENG AND status = Open) OR project in (SUP)'), ['ENG', 'SUP']);
  });

  it('accepts a value filled in at run time inside a quoted string only', () => {
    assert.deepEqual(jqlProjectBound(`project = SUP AND summary ~ "${TEMPLATE_PLACEHOLDER}"`), ['SUP']);
    assert.equal(jqlProjectBound(`project = SUP AND ${TEMPLATE_PLACEHOLDER}`), undefined);
    assert.equal(jqlProjectBound(`project = ${TEMPLATE_PLACEHOLDER}`), undefined);
  });
});
