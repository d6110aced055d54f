import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLIENT, signIn, useOAuthWorld, type OAuthWorld } from '../jira/oauth-helpers';
import { runCliAsync } from './run-cli';

const READ = ['read:jira-user', 'read:jira-work', 'write:jira-work'];

/** `check --site` and `snapshot` with JIRA_OAUTH_ACCESS_TOKEN, through the simulated Atlassian gateway. */
describe('CLI with an OAuth 2.0 access token (simulated Atlassian)', () => {
  const world = useOAuthWorld();
  let dir: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'jrl-oauth-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** A recipe on `site`: a real-time trigger (its webhook needs manage:jira-webhook) and a comment. */
  function recipe(site: string, name = 'escalate.recipe.yaml'): string {
    const file = join(dir, name);
    writeFileSync(
      file,
      [
        'name: Escalate',
        'connections:',
        `  jira: { provider: jira, host: ${site} }`,
        'trigger: { id: bug, event: updated_issue_webhook, input: { project: ENG } }',
        'steps:',
        '  - id: note',
        '    action: create_comment',
        '    input: { issue: "{{ bug.key }}", comment: Escalated }',
        '',
      ].join('\n'),
    );
    return file;
  }

  const env = (w: OAuthWorld, token: string) => ({ JIRA_OAUTH_ACCESS_TOKEN: token, JIRA_OAUTH_API_URL: w.atlassian.apiUrl });

  it('finds the missing manage:jira-webhook scope, then none once the token has it; the token goes only to the gateway', async () => {
    const w = world();
    const file = recipe(w.acme.url);
    const without = await signIn(w, [...READ, 'offline_access']);
    w.acme.resetRequests();
    const run = await runCliAsync(['check', file, '--site', w.acme.url, '--format', 'json'], env(w, without.accessToken));
    assert.equal(run.status, 1, run.stderr);
    const findings = JSON.parse(run.stdout).findings as { code: string; step: string; message: string }[];
    assert.deepEqual(
      findings.map((f) => `${f.code} ${f.step}`),
      ['missing-scope bug'],
      'its dynamic webhook needs no Administer Jira',
    );
    assert.match(findings[0].message, /needs the OAuth 2\.0 scopes read:jira-work, manage:jira-webhook \(classic\)/);
    assert.ok(w.acme.requests.length > 0 && w.acme.requests.every((r) => r.viaGateway), 'every Jira call came through the gateway');
    assert.ok(!run.stdout.includes(without.accessToken) && !run.stderr.includes(without.accessToken));

    const withScope = await signIn(w, [...READ, 'manage:jira-webhook']);
    const again = await runCliAsync(['check', file, '--site', w.acme.url, '--format', 'json'], env(w, withScope.accessToken));
    const codes = (JSON.parse(again.stdout).findings as { code: string }[]).map((f) => f.code);
    assert.deepEqual(codes, []);
    assert.equal(again.status, 0, again.stderr);
  });

  it('writes the granted scopes into a snapshot, and no token', async () => {
    const w = world();
    const tokens = await signIn(w, READ);
    const run = await runCliAsync(['snapshot', '--site', w.acmeEu.url, '--projects', 'ENG'], env(w, tokens.accessToken));
    assert.equal(run.status, 0, run.stderr);
    const snapshot = JSON.parse(run.stdout);
    assert.equal(snapshot.site, w.acmeEu.url);
    assert.equal(snapshot.authType, 'oauth2');
    assert.deepEqual(snapshot.scopes, [...READ].sort());
    assert.ok(!run.stdout.includes(tokens.accessToken));
  });

  it('refuses a site the grant does not cover, naming those it does, and an expired or revoked token (exit 2)', async () => {
    const w = world();
    const tokens = await signIn(w, READ);
    const other = await runCliAsync(['check', recipe(w.roles.url, 'roles.recipe.yaml'), '--site', w.roles.url], env(w, tokens.accessToken));
    assert.equal(other.status, 2, other.stderr);
    assert.match(other.stderr, new RegExp(`does not cover ${w.roles.url}; the sites it covers: ${w.acme.url}, ${w.acmeEu.url}`));
    w.atlassian.expireAccessTokens();
    const expired = await runCliAsync(['check', recipe(w.acme.url), '--site', w.acme.url], env(w, tokens.accessToken));
    assert.equal(expired.status, 2);
    assert.match(expired.stderr, /rejected the credentials: .*did not accept the OAuth 2\.0 access token \(401\): it expired or the grant was revoked/);
    assert.ok(!expired.stderr.includes(tokens.accessToken) && !expired.stderr.includes(CLIENT.clientSecret));
  });

  it('refuses a gateway URL that would carry the token in the clear, and a second login in the environment', async () => {
    const w = world();
    const file = recipe(w.acme.url);
    const plain = await runCliAsync(['check', file, '--site', w.acme.url], {
      JIRA_OAUTH_ACCESS_TOKEN: 'sim-oauth-at-x',
      JIRA_OAUTH_API_URL: 'http://gateway.example',
    });
    assert.equal(plain.status, 2);
    assert.match(plain.stderr, /Refusing plain http for http:\/\/gateway\.example/);
    const two = await runCliAsync(['check', file, '--site', w.acme.url], { JIRA_OAUTH_ACCESS_TOKEN: 'sim-oauth-at-x', JIRA_PAT: 'p' });
    assert.equal(two.status, 2);
    assert.match(two.stderr, /More than one Jira login .*JIRA_OAUTH_ACCESS_TOKEN/);
  });
});
