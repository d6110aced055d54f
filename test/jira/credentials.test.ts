import assert from 'node:assert/strict';
import { authorizationHeader, authTypeOf, credentialsFromEnv, secretsOf } from '../../src/core/jira/credentials';
import { JiraConfigError } from '../../src/core/jira/errors';

describe('jira credentials', () => {
  it('reads each login from the environment', () => {
    assert.deepEqual(credentialsFromEnv({ JIRA_EMAIL: 'jan@acme.example', JIRA_API_TOKEN: 't0k' }), {
      kind: 'api_token',
      email: 'jan@acme.example',
      token: 't0k',
    });
    assert.deepEqual(credentialsFromEnv({ JIRA_USERNAME: 'jdonyada', JIRA_PASSWORD: 'pw' }), {
      kind: 'password',
      username: 'jdonyada',
      password: 'pw',
    });
    assert.deepEqual(credentialsFromEnv({ JIRA_PAT: 'pat' }), { kind: 'pat', token: 'pat' });
  });

  it('returns undefined when nothing is set (empty values count as unset)', () => {
    assert.equal(credentialsFromEnv({}), undefined);
    assert.equal(credentialsFromEnv({ JIRA_EMAIL: '', JIRA_API_TOKEN: '  ', PATH: '/bin' }), undefined);
  });

  it('names the missing half of a pair, never the secret', () => {
    assert.throws(
      () => credentialsFromEnv({ JIRA_EMAIL: 'jan@acme.example' }),
      (e: Error) => {
        assert.ok(e instanceof JiraConfigError);
        assert.match(e.message, /JIRA_EMAIL is set but JIRA_API_TOKEN is not/);
        return true;
      },
    );
    assert.throws(
      () => credentialsFromEnv({ JIRA_PASSWORD: 'hunter2-secret' }),
      (e: Error) => {
        assert.match(e.message, /JIRA_PASSWORD is set but JIRA_USERNAME is not/);
        assert.doesNotMatch(e.message, /hunter2/);
        return true;
      },
    );
  });

  it('refuses two logins at once rather than guessing', () => {
    assert.throws(
      () => credentialsFromEnv({ JIRA_PAT: 'p', JIRA_USERNAME: 'u', JIRA_PASSWORD: 'secret-pw' }),
      (e: Error) => /More than one/.test(e.message) && !e.message.includes('secret-pw'),
    );
  });

  it('builds Basic and Bearer headers, and maps kinds to the snapshot authType', () => {
    const basic = authorizationHeader({ kind: 'api_token', email: 'jan@acme.example', token: 'sim-token-jan' });
    assert.equal(basic, `Basic ${Buffer.from('jan@acme.example:sim-token-jan').toString('base64')}`);
    assert.equal(authorizationHeader({ kind: 'pat', token: 'sim-pat-jan' }), 'Bearer sim-pat-jan');
    assert.equal(authorizationHeader({ kind: 'oauth2', accessToken: 'at' }), 'Bearer at');
    assert.equal(authTypeOf({ kind: 'password', username: 'u', password: 'p' }), 'password');
    assert.equal(authTypeOf({ kind: 'oauth2', accessToken: 'at' }), 'oauth2');
  });

  it('lists the secrets to keep out of output: the secret and its Basic encoding', () => {
    const secrets = secretsOf({ kind: 'password', username: 'jdonyada', password: 'sim-password-jan' });
    assert.deepEqual(secrets, ['sim-password-jan', Buffer.from('jdonyada:sim-password-jan').toString('base64')]);
  });
});
