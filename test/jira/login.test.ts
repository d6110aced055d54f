import assert from 'node:assert/strict';
import { detectDeployment, listProjects, validateLogin } from '../../src/core/jira/client';
import { JiraAuthError, JiraUnsupportedVersionError } from '../../src/core/jira/errors';
import { fetchSnapshot } from '../../src/core/jira/fetch-snapshot';
import { JiraHttp } from '../../src/core/jira/http';
import { normalizeSite } from '../../src/core/jira/site';
import { ALANA_DC, demoWithProjects, JAN_CLOUD, JAN_DC, JAN_PAT, paths, QUICK, SCENARIOS, scenarioOf, SECRETS, useSim } from './sim-helpers';

const needs = { global: ['ADMINISTER'], projects: { ENG: ['ADD_COMMENTS'] } };

function assertNoSecret(text: string): void {
  for (const secret of SECRETS) assert.ok(!text.includes(secret), `a secret leaked into: ${text}`);
}

describe('jira login (simulator)', () => {
  describe('Cloud', () => {
    const sim = useSim(SCENARIOS.demo);

    it('validates an email + API token login', async () => {
      const login = await validateLogin(sim().url, JAN_CLOUD);
      assert.deepEqual(login, {
        deployment: 'cloud',
        serverVersion: '1001.0.0-SNAPSHOT',
        account: { id: '5b10ac8d82e05b22cc7d4ef5', name: 'jan@acme.example', displayName: 'Jan Donyada', groups: ['jira-software-users'] },
      });
      assert.deepEqual(paths(sim()), ['GET /rest/api/2/myself', 'GET /rest/api/2/serverInfo']);
      assert.equal(sim().requests[0]?.query.expand, 'groups,applicationRoles');
      assert.ok(sim().requests.every((r) => r.hadAuthorization));
    });

    it('reports a wrong API token as an auth error (401), naming the email but not the token', async () => {
      const wrong = { ...JAN_CLOUD, token: 'wrong-secret-123' };
      await assert.rejects(fetchSnapshot(sim().url, wrong, needs, QUICK), (e: Error) => {
        assert.ok(e instanceof JiraAuthError);
        assert.equal(e.status, 401);
        assert.match(e.message, /GET \/rest\/api\/2\/myself.*did not accept the email and API token for jan@acme\.example/);
        assertNoSecret(`${e.message} ${e.stack} ${JSON.stringify(e)}`);
        return true;
      });
      assert.deepEqual(paths(sim()), ['GET /rest/api/2/myself'], 'nothing is asked after a failed login');
    });

    it('reports a Bearer token that Cloud does not take as an auth error', async () => {
      await assert.rejects(validateLogin(sim().url, { kind: 'oauth2', accessToken: 'wrong-secret-123' }), JiraAuthError);
      await assert.rejects(validateLogin(sim().url, JAN_PAT), JiraAuthError);
    });

    it('detects the deployment anonymously and offers the fitting sign-in methods', async () => {
      assert.deepEqual(await detectDeployment(sim().url), {
        deployment: 'cloud',
        serverVersion: '1001.0.0-SNAPSHOT',
        authMethods: ['api_token', 'oauth2'],
      });
      assert.deepEqual(paths(sim()), ['GET /rest/api/2/serverInfo']);
      assert.equal(sim().requests[0]?.hadAuthorization, false);
    });

    it('lists the projects the account can see', async () => {
      const projects = await listProjects(sim().url, JAN_CLOUD);
      assert.deepEqual(projects.map((p) => p.key).sort(), ['ENG', 'OPS', 'SUP']);
      assert.deepEqual(
        projects.find((p) => p.key === 'ENG'),
        { key: 'ENG', name: 'Engineering', id: '10000' },
      );
    });
  });

  describe('Cloud, many projects', () => {
    const sim = useSim(() => demoWithProjects(SCENARIOS.demo, 120));

    it('pages through the project search', async () => {
      const projects = await listProjects(sim().url, JAN_CLOUD);
      assert.equal(projects.length, 123);
      assert.equal(new Set(projects.map((p) => p.key)).size, 123);
      assert.equal(paths(sim()).filter((p) => p === 'GET /rest/api/3/project/search').length, 3);
    });
  });

  describe('Data Center', () => {
    const sim = useSim(SCENARIOS.demoDc);

    it('validates a user name + password login at a context path', async () => {
      assert.match(sim().url, /\/jira$/);
      const login = await validateLogin(`${sim().url}/`, JAN_DC);
      assert.deepEqual(login, {
        deployment: 'server',
        serverVersion: '9.12.0',
        account: { id: 'JIRAUSER10100', name: 'jdonyada', displayName: 'Jan Donyada', groups: ['jira-software-users'] },
      });
    });

    it('validates a personal access token (Bearer)', async () => {
      const login = await validateLogin(sim().url, JAN_PAT);
      assert.equal(login.account.name, 'jdonyada');
    });

    it('reports a wrong password as an auth error, never as missing permissions', async () => {
      const wrong = { ...JAN_DC, password: 'wrong-secret-123' };
      await assert.rejects(fetchSnapshot(sim().url, wrong, needs, QUICK), (e: Error) => {
        assert.ok(e instanceof JiraAuthError, String(e));
        assert.match(e.message, /did not accept the credentials \(it answered as an anonymous user\)/);
        assertNoSecret(`${e.message} ${e.stack}`);
        return true;
      });
      assert.deepEqual(paths(sim()), ['GET /rest/api/2/myself']);
    });

    it('takes a 200 answered as anonymous after a failed Basic login as an auth error, on any resource', async () => {
      const http = new JiraHttp(normalizeSite(sim().url), { ...JAN_DC, password: 'wrong-secret-123' });
      await assert.rejects(http.get('/rest/api/2/serverInfo'), (e: Error) => {
        assert.ok(e instanceof JiraAuthError, String(e));
        assert.match(e.message, /^GET \/rest\/api\/2\/serverInfo: .*anonymous/);
        return true;
      });
      assert.deepEqual(
        sim().requests.map((r) => r.status),
        [200],
        'Jira did answer 200',
      );
    });

    it('reports an unknown personal access token as an auth error', async () => {
      await assert.rejects(validateLogin(sim().url, { kind: 'pat', token: 'wrong-secret-123' }), JiraAuthError);
    });

    it('detects Data Center and offers a personal access token first', async () => {
      assert.deepEqual(await detectDeployment(sim().url), {
        deployment: 'server',
        serverVersion: '9.12.0',
        authMethods: ['pat', 'password'],
      });
    });

    it('lists projects', async () => {
      assert.deepEqual((await listProjects(sim().url, ALANA_DC)).map((p) => p.key).sort(), ['ENG', 'OPS', 'SEC', 'SUP']);
      assert.ok(paths(sim()).includes('GET /rest/api/2/project'));
    });
  });

  describe('Data Center, CAPTCHA required', () => {
    const sim = useSim(() => {
      const scenario = scenarioOf(SCENARIOS.demoDc);
      return { ...scenario, users: { ...scenario.users, jan: { ...scenario.users.jan!, captchaRequired: true } } };
    });

    it('says to log in through the browser once', async () => {
      await assert.rejects(fetchSnapshot(sim().url, JAN_DC, needs, QUICK), (e: Error) => {
        assert.ok(e instanceof JiraAuthError);
        assert.match(e.message, /CAPTCHA.*Log in to Jira once through the browser/);
        return true;
      });
    });
  });

  describe('Jira 6.4', () => {
    const sim = useSim(SCENARIOS.legacyServer);

    it('is refused as too old, after the login was checked', async () => {
      await assert.rejects(fetchSnapshot(sim().url, JAN_DC, needs, QUICK), (e: Error) => {
        assert.ok(e instanceof JiraUnsupportedVersionError);
        assert.equal(e.serverVersion, '6.4.0');
        assert.match(e.message, /Jira 6\.4\.0 is too old: .* needs Jira 7\.0 or later/);
        return true;
      });
      assert.deepEqual(paths(sim()), ['GET /rest/api/2/myself', 'GET /rest/api/2/serverInfo']);
    });

    it('is reported as too old by detectDeployment too', async () => {
      await assert.rejects(detectDeployment(sim().url), JiraUnsupportedVersionError);
    });
  });
});
