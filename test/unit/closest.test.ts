import { strict as assert } from 'node:assert';
import { closestMatch } from '../../src/core/text/closest';

describe('closestMatch', () => {
  it('suggests the nearest candidate within typo distance, ignoring case', () => {
    assert.equal(closestMatch('--frmat', ['--format', '--site', '--strict']), '--format');
    assert.equal(closestMatch('CREATE_COMENT', ['create_comment', 'create_issue']), 'create_comment');
    assert.equal(closestMatch('Check', ['check', 'snapshot']), 'check');
  });

  it('suggests nothing when no candidate is near enough, or there are none', () => {
    assert.equal(closestMatch('--zzzzzzzz', ['--format', '--site']), undefined);
    assert.equal(closestMatch('x', []), undefined);
  });
});
