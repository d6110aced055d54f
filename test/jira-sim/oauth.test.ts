/**
 * The simulated Atlassian side (atlassian/): the gateway asks of a token what Atlassian's spec says each operation
 * needs, forwards to the site as the token's user, and what comes back still matches the Cloud spec.
 */
import { strict as assert } from 'node:assert';
import { scopeSetsOf } from './atlassian/gateway-scopes';
import { loadContract } from './contracts/contract';
import { ContractValidator } from './contracts/validator';
import { ROUTES } from './routes';
import { servedBy } from './routes/route';
import { browse, CLIENT, signIn, useOAuthWorld } from '../jira/oauth-helpers';
import { authorizationUrl } from '../../src/core/jira/oauth';

describe('simulated Atlassian: authorization server and gateway', () => {
  const world = useOAuthWorld();
  const validator = new ContractValidator('cloud', loadContract('cloud'));

  it('knows the scopes of every Cloud operation the simulator serves, as the spec gives them', () => {
    for (const route of ROUTES) {
      const served = servedBy(route, 'cloud');
      // Jira Software's agile API is not in the platform spec, which holds the scopes: the gateway asks none for it.
      if (!served || served.contract) continue;
      const sets = scopeSetsOf(route.method, `/rest/api/3${route.path.replace(/\{\w+\}/g, 'X1')}`);
      // Adding security level members is experimental: the spec gives its classic scope only.
      const expected = served.spec.endsWith('/level/{levelId}/member') ? 1 : 2;
      assert.ok(sets && sets.length === expected, `${route.method} ${served.spec} has classic${expected === 2 ? ' and granular' : ''} scopes`);
    }
    assert.deepEqual(scopeSetsOf('PUT', '/rest/api/3/issuesecurityschemes/1/level/2/member'), [['manage:jira-configuration']]);
    assert.deepEqual(scopeSetsOf('GET', '/rest/api/2/myself'), [
      ['read:jira-user'],
      ['read:application-role:jira', 'read:group:jira', 'read:user:jira', 'read:avatar:jira'],
    ]);
  });

  it("forwards to the site as the token's user, and the answers match the Cloud spec", async () => {
    const { atlassian } = world();
    const tokens = await signIn(world(), ['read:jira-user', 'read:jira-work']);
    const cloudId = atlassian.sites[0].cloudId;
    for (const [operation, path] of [
      ['get /rest/api/3/myself', '/rest/api/3/myself?expand=groups'],
      ['get /rest/api/3/mypermissions', '/rest/api/3/mypermissions?projectKey=ENG&permissions=ADD_COMMENTS'],
      ['get /rest/api/3/project/search', '/rest/api/3/project/search'],
    ]) {
      const answer = await fetch(`${atlassian.apiUrl}/ex/jira/${cloudId}${path}`, { headers: { Authorization: `Bearer ${tokens.accessToken}` } });
      const body = (await answer.json()) as unknown;
      assert.equal(answer.status, 200, path);
      assert.deepEqual(validator.check(operation, 200, body, answer.headers.get('content-type') ?? ''), [], path);
    }
  });

  it("lets a token through with the granular form of a call's scopes, and turns away one with neither", async () => {
    const { atlassian } = world();
    const granular = scopeSetsOf('GET', '/rest/api/3/myself')![1];
    atlassian.configureClient(CLIENT.clientId, { scopes: [...CLIENT.scopes, ...granular] });
    const withGranular = await signIn(world(), granular);
    const withNeither = await signIn(world(), ['read:jira-work']);
    const myself = `${atlassian.apiUrl}/ex/jira/${atlassian.sites[0].cloudId}/rest/api/3/myself`;
    const as = (token: string) => fetch(myself, { headers: { Authorization: `Bearer ${token}` } });
    assert.equal((await as(withGranular.accessToken)).status, 200);
    const refused = await as(withNeither.accessToken);
    assert.equal(refused.status, 401);
    assert.deepEqual(await refused.json(), { code: 401, message: 'Unauthorized; scope does not match' });
    atlassian.configureClient(CLIENT.clientId, { scopes: CLIENT.scopes });
  });

  it("answers 401 for no token, an expired one and a site outside the grant; accessible-resources lists the grant's sites", async () => {
    const { atlassian } = world();
    const tokens = await signIn(world(), ['read:jira-user', 'read:jira-work']);
    const get = (path: string, token?: string) => fetch(`${atlassian.apiUrl}${path}`, token ? { headers: { Authorization: `Bearer ${token}` } } : {});
    const roles = atlassian.sites[2].cloudId;
    assert.equal((await get(`/ex/jira/${roles}/rest/api/3/myself`, tokens.accessToken)).status, 401, 'Jan consented for no site of his');
    const resources = (await (await get('/oauth/token/accessible-resources', tokens.accessToken)).json()) as { id: string; url: string; scopes: string[] }[];
    assert.deepEqual(
      resources.map((r) => r.id),
      [atlassian.sites[0].cloudId, atlassian.sites[1].cloudId],
    );
    assert.equal((await get('/oauth/token/accessible-resources')).status, 401);
    atlassian.expireAccessTokens();
    const expired = await get(`/ex/jira/${atlassian.sites[0].cloudId}/rest/api/3/myself`, tokens.accessToken);
    assert.equal(expired.status, 401);
    assert.deepEqual(await expired.json(), { code: 401, message: 'Unauthorized' });
  });

  it('shows a consent page with Accept and Deny when asked to (by hand), and Accept redirects with a code', async () => {
    const { atlassian } = world();
    atlassian.configureClient(CLIENT.clientId, { callbackUrls: ['http://127.0.0.1:9/callback'] });
    atlassian.setConsent('page');
    try {
      const url = authorizationUrl({
        authUrl: atlassian.authUrl,
        clientId: CLIENT.clientId,
        scopes: ['read:jira-work'],
        redirectUri: 'http://127.0.0.1:9/callback',
        state: 'st',
      });
      const page = await fetch(url);
      assert.match(await page.text(), /<button name="decision" value="accept">Accept<\/button>/);
      const form = new URLSearchParams({
        client_id: CLIENT.clientId,
        redirect_uri: 'http://127.0.0.1:9/callback',
        scope: 'read:jira-work',
        state: 'st',
        decision: 'accept',
      });
      const accepted = await fetch(`${atlassian.authUrl}/authorize`, { method: 'POST', body: form, redirect: 'manual' });
      assert.equal(accepted.status, 302);
      const location = new URL(accepted.headers.get('location')!);
      assert.equal(location.searchParams.get('state'), 'st');
      assert.match(location.searchParams.get('code') ?? '', /^sim-oauth-code-/);
    } finally {
      atlassian.setConsent('auto');
    }
    assert.deepEqual(await browse(`${atlassian.authUrl}/authorize?client_id=unknown`), { status: 400 });
  });
});
