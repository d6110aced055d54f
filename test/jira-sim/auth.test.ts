/**
 * Authentication, and Jira's silent anonymous fallback: Server/DC answers a failed Basic login as anonymous with
 * Seraph headers; Cloud refuses only /myself. Anonymous holds nothing but grants to "anyone".
 */
import { strict as assert } from 'node:assert';
import { CLOUD, DC, basic, call, held, useSim } from './helpers';
import { SCENARIOS, type Scenario } from './index';
import { readScenarioFile } from './scenario/load';

const header = (answer: { headers: Headers }, name: string) => answer.headers.get(name);

describe('authentication', () => {
  describe('Data Center', () => {
    const s = useSim(SCENARIOS.demoDc);

    it('Basic username:password signs in: X-AUSERNAME and X-Seraph-LoginReason OK', async () => {
      const answer = await call(s.sim, '/rest/api/2/myself', { auth: DC.jan });
      assert.equal(answer.status, 200);
      assert.deepEqual([answer.body.name, answer.body.key, answer.body.displayName], ['jdonyada', 'JIRAUSER10100', 'Jan Donyada']);
      assert.deepEqual([header(answer, 'x-ausername'), header(answer, 'x-seraph-loginreason')], ['jdonyada', 'OK']);
      const byCase = await call(s.sim, '/rest/api/2/myself', { auth: basic('JDonyada', 'sim-password-jan') });
      assert.equal(byCase.status, 200, 'user names are case-insensitive');
    });

    it('a personal access token signs in as Bearer', async () => {
      const answer = await call(s.sim, '/rest/api/2/myself', { auth: DC.janPat });
      assert.deepEqual([answer.status, header(answer, 'x-ausername'), header(answer, 'x-seraph-loginreason')], [200, 'jdonyada', null]);
    });

    it('a wrong password is answered as anonymous, with AUTHENTICATED_FAILED — 200 where anonymous may ask', async () => {
      const answer = await call(s.sim, '/rest/api/2/mypermissions?permissions=BROWSE_PROJECTS', {
        auth: DC.wrongPassword,
      });
      assert.equal(answer.status, 200);
      assert.deepEqual([header(answer, 'x-ausername'), header(answer, 'x-seraph-loginreason')], ['anonymous', 'AUTHENTICATED_FAILED']);
      assert.ok(Object.values(answer.body.permissions as Record<string, { havePermission: boolean }>).every((p) => !p.havePermission));
      const project = await call(s.sim, '/rest/api/2/project', { auth: DC.wrongPassword });
      assert.deepEqual([project.status, project.body], [200, []]);
    });

    it('/myself as anonymous is 401, with or without a failed login', async () => {
      const failed = await call(s.sim, '/rest/api/2/myself', { auth: DC.wrongPassword });
      assert.deepEqual([failed.status, header(failed, 'x-seraph-loginreason')], [401, 'AUTHENTICATED_FAILED']);
      const none = await call(s.sim, '/rest/api/2/myself');
      assert.deepEqual([none.status, header(none, 'x-ausername'), header(none, 'x-seraph-loginreason')], [401, 'anonymous', null]);
    });

    it('an unknown personal access token is refused with 401 everywhere', async () => {
      const answer = await call(s.sim, '/rest/api/2/serverInfo', { auth: DC.wrongPat });
      assert.equal(answer.status, 401);
    });

    it('a malformed Authorization header counts as a failed login', async () => {
      const answer = await call(s.sim, '/rest/api/2/serverInfo', { auth: 'Basic !!!' });
      assert.deepEqual([answer.status, header(answer, 'x-seraph-loginreason')], [200, 'AUTHENTICATED_FAILED']);
    });
  });

  describe('Data Center: CAPTCHA and inactive users', () => {
    const s = useSim((): Scenario => {
      const scenario = readScenarioFile(SCENARIOS.demoDc);
      const users = scenario.users;
      return {
        ...scenario,
        users: { ...users, jan: { ...users.jan, captchaRequired: true }, priya: { ...users.priya, active: false } },
      };
    });

    it('after too many failures even the right password answers as anonymous, AUTHENTICATION_DENIED', async () => {
      const answer = await call(s.sim, '/rest/api/2/serverInfo', { auth: DC.jan });
      assert.equal(answer.status, 200);
      assert.deepEqual(
        [header(answer, 'x-ausername'), header(answer, 'x-seraph-loginreason'), header(answer, 'x-authentication-denied-reason')],
        ['anonymous', 'AUTHENTICATION_DENIED', `CAPTCHA_CHALLENGE; login-url=${s.sim.url}/login.jsp`],
      );
      assert.equal((await call(s.sim, '/rest/api/2/myself', { auth: DC.jan })).status, 401);
      assert.equal((await call(s.sim, '/rest/api/2/myself', { auth: DC.janPat })).status, 200, 'a token is no Basic login');
    });

    it('an inactive user cannot sign in', async () => {
      const answer = await call(s.sim, '/rest/api/2/myself', { auth: DC.priya });
      assert.deepEqual([answer.status, header(answer, 'x-seraph-loginreason')], [401, 'AUTHENTICATED_FAILED']);
    });
  });

  describe('Jira 6.4: no personal access tokens', () => {
    const s = useSim(SCENARIOS.legacyServer);
    it('ignores a Bearer header: the request is anonymous', async () => {
      const answer = await call(s.sim, '/rest/api/2/myself', { auth: DC.janPat });
      assert.deepEqual([answer.status, header(answer, 'x-ausername'), header(answer, 'x-seraph-loginreason')], [401, 'anonymous', null]);
    });
  });

  describe('Cloud', () => {
    const s = useSim(SCENARIOS.demo);

    it('Basic email:API token signs in; the email is case-insensitive; X-AACCOUNTID names the account', async () => {
      const answer = await call(s.sim, '/rest/api/3/myself', { auth: basic('Jan@Acme.example', 'sim-token-jan') });
      assert.equal(answer.status, 200);
      assert.equal(answer.body.accountId, '5b10ac8d82e05b22cc7d4ef5');
      assert.equal(header(answer, 'x-aaccountid'), '5b10ac8d82e05b22cc7d4ef5');
      assert.equal(header(answer, 'x-ausername'), null, 'Cloud sends no X-AUSERNAME');
    });

    it('myself: groups and application roles are listed when expanded, counted otherwise', async () => {
      const plain = await call(s.sim, '/rest/api/3/myself', { auth: CLOUD.alana });
      assert.deepEqual(plain.body.groups, { size: 2, items: [] });
      const expanded = await call(s.sim, '/rest/api/3/myself?expand=groups,applicationRoles', { auth: CLOUD.alana });
      assert.deepEqual(
        expanded.body.groups.items.map((g: { name: string }) => g.name),
        ['jira-administrators', 'jira-software-users'],
      );
      assert.deepEqual(
        expanded.body.applicationRoles.items.map((a: { key: string }) => a.key),
        ['jira-software'],
      );
      assert.match(expanded.body.groups.items[0].groupId, /^[0-9a-f]{8}-[0-9a-f]{4}-/);
    });

    it('a wrong token: 401 on /myself, anonymous elsewhere, without telling headers', async () => {
      assert.equal((await call(s.sim, '/rest/api/3/myself', { auth: CLOUD.wrongToken })).status, 401);
      const answer = await call(s.sim, '/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS', {
        auth: CLOUD.wrongToken,
      });
      assert.deepEqual([answer.status, answer.body.permissions.BROWSE_PROJECTS.havePermission], [200, false]);
      assert.deepEqual([header(answer, 'x-aaccountid'), header(answer, 'x-seraph-loginreason')], [null, null]);
      assert.equal((await call(s.sim, '/rest/api/3/myself', { auth: basic('jan@acme.example', 'sim-password-jan') })).status, 401);
    });

    it('Bearer (an API token sent as a bearer token) is refused with 401 everywhere', async () => {
      for (const path of ['/rest/api/3/myself', '/rest/api/3/serverInfo', '/rest/api/2/project']) {
        const answer = await call(s.sim, path, { auth: CLOUD.bearer });
        assert.equal(answer.status, 401, path);
        assert.deepEqual(answer.body.errorMessages, ['Failed to parse Connect Session Auth Token']);
      }
    });

    it('no Authorization header: anonymous, holding only what is granted to anyone', async () => {
      assert.equal((await call(s.sim, '/rest/api/3/myself')).status, 401);
      assert.deepEqual(await held(s.sim, undefined, 'permissions=BROWSE_PROJECTS,USER_PICKER'), {
        BROWSE_PROJECTS: false,
        USER_PICKER: false,
      });
      const info = await call(s.sim, '/rest/api/3/serverInfo');
      assert.deepEqual([info.status, info.body.deploymentType], [200, 'Cloud']);
    });
  });
});
