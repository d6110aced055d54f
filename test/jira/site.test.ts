import assert from 'node:assert/strict';
import { cloudOAuthSite, isLoopbackHost, normalizeSite } from '../../src/core/jira/site';
import { JiraConfigError } from '../../src/core/jira/errors';

describe('jira site', () => {
  it('normalises a base URL with a context path: no trailing slash, lower-case host, default port dropped', () => {
    const site = normalizeSite('  HTTPS://Jira.Acme.Example:443/jira/  ');
    assert.deepEqual(site, {
      baseUrl: 'https://jira.acme.example/jira',
      origin: 'https://jira.acme.example',
      contextPath: '/jira',
    });
  });

  it('keeps a site at the root with an empty context path', () => {
    assert.equal(normalizeSite('https://acme.atlassian.net/').baseUrl, 'https://acme.atlassian.net');
    assert.equal(normalizeSite('https://acme.atlassian.net').contextPath, '');
  });

  it('allows plain http to loopback hosts only', () => {
    for (const url of ['http://localhost:8080/jira', 'http://127.0.0.1:2990', 'http://127.10.0.3', 'http://[::1]:8080']) {
      assert.doesNotThrow(() => normalizeSite(url), url);
    }
    assert.throws(
      () => normalizeSite('http://jira.acme.example'),
      (e: Error) => {
        assert.ok(e instanceof JiraConfigError);
        assert.match(e.message, /plain http.*jira\.acme\.example/);
        return true;
      },
    );
    assert.throws(() => normalizeSite('http://128.0.0.1'), JiraConfigError);
    assert.throws(() => normalizeSite('http://localhost.evil.example'), JiraConfigError);
  });

  it('allows plain http elsewhere only when asked explicitly', () => {
    assert.equal(normalizeSite('http://jira.lan/jira/', { allowInsecureHttp: true }).baseUrl, 'http://jira.lan/jira');
  });

  it('rejects URLs that are not a site: bad syntax, other schemes, user info, query, fragment', () => {
    assert.throws(() => normalizeSite('jira.acme.example'), /Not a valid Jira site URL/);
    assert.throws(() => normalizeSite('ftp://jira.acme.example'), /https/);
    assert.throws(
      () => normalizeSite('https://jan:secret@jira.acme.example'),
      (e: Error) => {
        assert.doesNotMatch(e.message, /secret/);
        return e instanceof JiraConfigError;
      },
    );
    assert.throws(() => normalizeSite('https://jira.acme.example/?a=1'), JiraConfigError);
    assert.throws(() => normalizeSite('https://jira.acme.example/#x'), JiraConfigError);
  });

  it('recognises loopback hosts', () => {
    assert.ok(isLoopbackHost('localhost'));
    assert.ok(isLoopbackHost('127.0.0.1'));
    assert.ok(isLoopbackHost('[::1]'));
    assert.ok(!isLoopbackHost('10.0.0.1'));
  });

  it('builds the OAuth 2.0 site of a Cloud id', () => {
    assert.equal(cloudOAuthSite('1324a887-45db-1bf4-1e99-ef0ff456d421').baseUrl, 'https://api.atlassian.com/ex/jira/1324a887-45db-1bf4-1e99-ef0ff456d421');
    assert.throws(() => cloudOAuthSite('../x'), JiraConfigError);
  });
});
