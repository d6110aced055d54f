/**
 * OAuth 2.0 (3LO) over real HTTP: the simulated Atlassian authorization server and gateway in front of Jira
 * simulators. Consent with state, code exchange, the sites of a grant, calls through the gateway, scopes,
 * refresh rotation with reuse detection, expiry and revocation.
 */
import { strict as assert } from 'node:assert';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fetchSnapshot, JiraAuthError, JiraConfigError, listProjects, validateLogin } from '../../src/core/jira';
import {
  authorizationUrl,
  credentialsForSite,
  fetchAccessibleResources,
  listenForRedirect,
  newState,
  OAuthDeniedError,
  OAuthGrantError,
  OAuthSession,
  refreshTokens,
  resourceForSite,
  siteCredentials,
  type TokenSet,
} from '../../src/core/jira/oauth';
import { browse, CLIENT, signIn, useOAuthWorld } from './oauth-helpers';

const BASE = ['read:jira-user', 'read:jira-work', 'offline_access'];
const JAN = '5b10ac8d82e05b22cc7d4ef5';

describe('OAuth 2.0 (3LO) against the simulated Atlassian', () => {
  const world = useOAuthWorld();
  const client = () => ({ ...CLIENT, authUrl: world().atlassian.authUrl });
  const tokenOptions = () => ({ now: () => world().now });

  describe('consent', () => {
    it("builds the authorization URL of Atlassian's 3LO documentation, with a fresh state each time", () => {
      const url = new URL(
        authorizationUrl({ clientId: 'abc', scopes: ['read:jira-work', 'offline_access'], redirectUri: 'http://127.0.0.1:9417/callback', state: 's1' }),
      );
      assert.equal(url.origin + url.pathname, 'https://auth.atlassian.com/authorize');
      assert.deepEqual(Object.fromEntries(url.searchParams), {
        audience: 'api.atlassian.com',
        client_id: 'abc',
        scope: 'read:jira-work offline_access',
        redirect_uri: 'http://127.0.0.1:9417/callback',
        state: 's1',
        response_type: 'code',
        prompt: 'consent',
      });
      assert.notEqual(newState(), newState());
      assert.match(newState(), /^[A-Za-z0-9_-]{43}$/);
    });

    it('exchanges the code for tokens with the scopes granted and a refresh token (offline_access)', async () => {
      const tokens = await signIn(world(), BASE);
      assert.deepEqual([...tokens.scopes].sort(), [...BASE].sort());
      assert.ok(tokens.refreshToken);
      assert.equal(tokens.expiresAt, world().now + 3600_000);
    });

    it("ignores a redirect whose state is not this attempt's, and takes the one that is", async () => {
      const state = newState();
      const listener = await listenForRedirect('http://127.0.0.1:0/callback', state);
      let settled = false;
      void listener.code.then(() => (settled = true));
      const forged = await fetch(`${listener.redirectUri}?code=stolen&state=not-${state}`);
      assert.equal(forged.status, 400);
      assert.match(await forged.text(), /does not belong to this attempt/);
      assert.equal(settled, false, 'a forged redirect neither finishes nor cancels the sign-in');
      const real = await fetch(`${listener.redirectUri}?code=the-code&state=${state}`);
      assert.equal(real.status, 200);
      assert.equal(await listener.code, 'the-code');
    });

    it('reports a declined consent and scopes the integration was not given', async () => {
      const { atlassian } = world();
      const attempt = async (scopes: string[]) => {
        const state = newState();
        const listener = await listenForRedirect('http://127.0.0.1:0/callback', state);
        atlassian.configureClient(CLIENT.clientId, { callbackUrls: [listener.redirectUri] });
        await browse(authorizationUrl({ authUrl: atlassian.authUrl, clientId: CLIENT.clientId, scopes, redirectUri: listener.redirectUri, state }));
        return listener.code;
      };
      atlassian.setConsent('deny');
      try {
        await assert.rejects(attempt(BASE), (e: unknown) => e instanceof OAuthDeniedError && e.error === 'access_denied');
      } finally {
        atlassian.setConsent('auto');
      }
      await assert.rejects(
        attempt([...BASE, 'manage:jira-configuration']),
        (e: unknown) => e instanceof OAuthDeniedError && e.error === 'invalid_scope' && /manage:jira-configuration/.test(e.message),
      );
    });

    it("sends nobody to a callback that is not one of the integration's, and refuses a callback off this machine", async () => {
      const { atlassian } = world();
      atlassian.configureClient(CLIENT.clientId, { callbackUrls: ['http://127.0.0.1:1/callback'] });
      const answer = await browse(
        authorizationUrl({ authUrl: atlassian.authUrl, clientId: CLIENT.clientId, scopes: BASE, redirectUri: 'http://127.0.0.1:2/callback', state: 's' }),
      );
      assert.deepEqual(answer, { status: 400 });
      await assert.rejects(listenForRedirect('https://example.com/callback', 's'), JiraConfigError);
    });

    it('says which port is taken when the callback cannot listen', async () => {
      const blocker = createServer();
      await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
      const port = (blocker.address() as AddressInfo).port;
      try {
        await assert.rejects(listenForRedirect(`http://127.0.0.1:${port}/callback`, 's'), new RegExp(`port ${port} is in use`));
      } finally {
        blocker.close();
      }
    });
  });

  describe('sites of a grant and the gateway', () => {
    it('lists every site the grant covers with its cloud id and scopes, and finds a site among them', async () => {
      const { acme, acmeEu, roles, atlassian } = world();
      const tokens = await signIn(world(), BASE);
      const resources = await fetchAccessibleResources(tokens.accessToken, atlassian.apiUrl);
      assert.deepEqual(
        resources.map((r) => r.url),
        [acme.url, acmeEu.url],
        'Jan has no account on the roles site',
      );
      assert.deepEqual([...resources[0].scopes].sort(), ['read:jira-user', 'read:jira-work']);
      assert.equal(resourceForSite(resources, `${acmeEu.url}/`).id, atlassian.sites[1].cloudId);
      assert.throws(
        () => resourceForSite(resources, roles.url),
        (e: unknown) => e instanceof JiraConfigError && e.message.includes(acme.url),
      );
    });

    it('signs in through the gateway only: the token never goes to the site itself', async () => {
      const { acme, acmeEu, atlassian } = world();
      const tokens = await signIn(world(), BASE);
      acme.resetRequests();
      acmeEu.resetRequests();
      const login = await validateLogin(acmeEu.url, await credentialsForSite(acmeEu.url, tokens.accessToken, atlassian.apiUrl));
      assert.equal(login.account.id, JAN);
      assert.equal(login.deployment, 'cloud');
      assert.ok(acmeEu.requests.length > 0 && acmeEu.requests.every((r) => r.viaGateway && r.principal === JAN));
      assert.deepEqual(acme.requests, [], "the other site of the grant isn't contacted");
      const toAuth = atlassian.requests.filter((r) => r.server === 'auth');
      assert.ok(
        toAuth.every((r) => !r.hadAuthorization),
        'the access token never goes to the authorization server',
      );
    });

    it('records the granted scopes in the snapshot, which is labelled with the site, not the gateway', async () => {
      const { acme, atlassian } = world();
      const tokens = await signIn(world(), BASE);
      const credentials = await credentialsForSite(acme.url, tokens.accessToken, atlassian.apiUrl);
      const snapshot = await fetchSnapshot(acme.url, credentials, { global: ['ADMINISTER'], projects: { ENG: ['BROWSE_PROJECTS', 'CLOSE_ISSUES'] } });
      assert.equal(snapshot.site, acme.url);
      assert.equal(snapshot.authType, 'oauth2');
      assert.deepEqual(snapshot.scopes, ['read:jira-user', 'read:jira-work']);
      assert.deepEqual(snapshot.projects?.ENG.permissions, { BROWSE_PROJECTS: true, CLOSE_ISSUES: false });
      assert.ok(!JSON.stringify(snapshot).includes(tokens.accessToken));
      assert.deepEqual((await listProjects(acme.url, credentials)).map((p) => p.key).sort(), ['ENG', 'OPS', 'SUP']);
    });

    it('answers 401 "scope does not match" for a call outside the token\'s scopes', async () => {
      const { acme, atlassian } = world();
      const tokens = await signIn(world(), ['read:jira-work', 'offline_access']);
      const credentials = await credentialsForSite(acme.url, tokens.accessToken, atlassian.apiUrl);
      await assert.rejects(validateLogin(acme.url, credentials), (e: unknown) => e instanceof JiraAuthError && e.status === 401);
      const answer = await fetch(`${atlassian.apiUrl}/ex/jira/${credentials.cloudId}/rest/api/3/myself`, {
        headers: { Authorization: `Bearer ${tokens.accessToken}` },
      });
      assert.equal(answer.status, 401);
      assert.deepEqual(await answer.json(), { code: 401, message: 'Unauthorized; scope does not match' });
    });
  });

  describe('refresh, expiry and revocation', () => {
    /** A grant store in memory, as SecretStorage would keep it. */
    const memory = (tokens: TokenSet) => {
      const store = { tokens, saves: 0, load: async () => store.tokens, save: async (t: TokenSet) => void ((store.tokens = t), store.saves++) };
      return store;
    };

    it('rotates the refresh token: each refresh answers a new pair, and the session keeps the new one first', async () => {
      const tokens = await signIn(world(), BASE);
      const store = memory(tokens);
      const session = new OAuthSession(client(), store, tokenOptions());
      assert.equal(await session.tokens(), tokens, 'a token good for an hour is used as it is');
      world().now += 3600_000 - 30_000; // within the minute before expiry
      const [a, b] = await Promise.all([session.tokens(), session.tokens()]);
      assert.equal(a, b, 'concurrent callers share one refresh');
      assert.equal(store.saves, 1);
      assert.notEqual(a.accessToken, tokens.accessToken);
      assert.notEqual(a.refreshToken, tokens.refreshToken);
      assert.equal(store.tokens, a);
    });

    it('refreshes an access token that Jira refused before its time, and then calls again', async () => {
      const { acme, atlassian } = world();
      const tokens = await signIn(world(), BASE);
      const session = new OAuthSession(client(), memory(tokens), tokenOptions());
      const resource = resourceForSite(await fetchAccessibleResources(tokens.accessToken, atlassian.apiUrl), acme.url);
      atlassian.expireAccessTokens();
      await assert.rejects(validateLogin(acme.url, siteCredentials(tokens.accessToken, resource, atlassian.apiUrl)), JiraAuthError);
      const fresh = await session.refresh(tokens);
      assert.equal((await validateLogin(acme.url, siteCredentials(fresh.accessToken, resource, atlassian.apiUrl))).account.id, JAN);
      assert.equal(await session.refresh(tokens), fresh, 'a refresh for a token already replaced hands out the new one');
    });

    it('takes a retired refresh token within the reuse interval, and revokes the grant when it comes back later', async () => {
      const tokens = await signIn(world(), BASE);
      const first = await refreshTokens(client(), tokens.refreshToken!, tokenOptions());
      world().now += 60_000;
      const again = await refreshTokens(client(), tokens.refreshToken!, tokenOptions());
      assert.ok(again.accessToken, 'a retry within the reuse interval (a lost answer) works');
      world().now += 11 * 60_000;
      await assert.rejects(
        refreshTokens(client(), tokens.refreshToken!, tokenOptions()),
        (e: unknown) => e instanceof OAuthGrantError && /link the account again/.test(e.message),
      );
      await assert.rejects(refreshTokens(client(), first.refreshToken!, tokenOptions()), OAuthGrantError, 'reuse detection revoked the whole grant');
      await assert.rejects(fetchAccessibleResources(first.accessToken, world().atlassian.apiUrl), JiraAuthError);
    });

    it('reports a revoked grant as one to link again, and an expired one without refresh token likewise', async () => {
      const { atlassian } = world();
      const tokens = await signIn(world(), BASE);
      atlassian.revoke('jan@acme.example');
      await assert.rejects(fetchAccessibleResources(tokens.accessToken, atlassian.apiUrl), /expired or the grant was revoked/);
      await assert.rejects(new OAuthSession(client(), memory(tokens), tokenOptions()).refresh(), OAuthGrantError);
      const online = await signIn(world(), ['read:jira-user', 'read:jira-work']);
      assert.equal(online.refreshToken, undefined);
      world().now += 3600_000;
      await assert.rejects(new OAuthSession(client(), memory(online), tokenOptions()).tokens(), /no refresh token \(offline_access\)/);
    });

    it('keeps the client secret, codes and tokens out of every error', async () => {
      const secrets = [CLIENT.clientSecret, 'sim-oauth-'];
      const wrongSecret = { ...client(), clientSecret: 'wrong-client-secret-99' };
      const failures = await Promise.allSettled([
        refreshTokens(wrongSecret, 'sim-oauth-rt-made-up', tokenOptions()),
        refreshTokens(client(), 'sim-oauth-rt-made-up', tokenOptions()),
        fetchAccessibleResources('sim-oauth-at-made-up', world().atlassian.apiUrl),
      ]);
      for (const failure of failures) {
        assert.equal(failure.status, 'rejected');
        const message = String((failure as PromiseRejectedResult).reason.message);
        for (const secret of [...secrets, 'wrong-client-secret-99']) assert.ok(!message.includes(secret), `${message} holds ${secret}`);
      }
      assert.match(String((failures[0] as PromiseRejectedResult).reason.message), /check the client id and secret/);
    });
  });
});
