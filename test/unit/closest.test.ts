import { strict as assert } from 'node:assert';
import { closest } from '../../src/core/text/closest';

describe('closest', () => {
  it('suggests the nearest candidate within typo distance, ignoring case', () => {
    assert.equal(closest('--frmat', ['--format', '--site', '--strict']), '--format');
    assert.equal(closest('CREATE_COMENT', ['create_comment', 'create_issue']), 'create_comment');
    assert.equal(closest('Check', ['check', 'snapshot']), 'check');
  });

  it('suggests nothing when no candidate is near enough, or there are none', () => {
    assert.equal(closest('--zzzzzzzz', ['--format', '--site']), undefined);
    assert.equal(closest('x', []), undefined);
  });
});
