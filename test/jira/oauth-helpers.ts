/**
 * OAuth 2.0 set-up for tests of the client, the CLI and the extension: Jira simulators behind the simulated
 * Atlassian authorization server and gateway, an integration of the developer console, and the browser's part of
 * the consent (following the authorization server's redirect to the callback).
 */
import { startAtlassianSim, startJiraSim, SCENARIOS, type AtlassianSim, type JiraSim, type SimOAuthClient } from '../jira-sim/index';
import { readScenarioFile } from '../jira-sim/scenario/load';
import { authorizationUrl, exchangeCode, listenForRedirect, newState, type TokenSet } from '../../src/core/jira/oauth';

/** The integration's secret is fake, as are the simulator's tokens; tests check none of them ever leaks. */
export const CLIENT: SimOAuthClient = {
  clientId: 'sim-client-recipe-lint',
  clientSecret: 'sim-client-secret-7f3a9c',
  callbackUrls: [],
  scopes: ['read:jira-user', 'read:jira-work', 'write:jira-work', 'manage:jira-webhook'],
};

export interface OAuthWorld {
  /** acme: the demo site; acmeEu: the same world on a second site; roles: a site where Jan has no account. */
  readonly acme: JiraSim;
  readonly acmeEu: JiraSim;
  readonly roles: JiraSim;
  readonly atlassian: AtlassianSim;
  /** The clock of the authorization server and of the client alike (epoch ms); tests move it. */
  now: number;
}

/** Starts the world before a describe block's tests (consenting as Jan) and closes it after them. */
export function useOAuthWorld(): () => OAuthWorld {
  let world: OAuthWorld | undefined;
  before(async () => {
    const acme = await startJiraSim({ scenario: SCENARIOS.demo });
    const acmeEu = await startJiraSim({ scenario: { ...readScenarioFile(SCENARIOS.demo), title: 'Acme EU' } });
    const roles = await startJiraSim({ scenario: SCENARIOS.issueRoles });
    const partial = { acme, acmeEu, roles, now: Date.parse('2026-12-02T09:00:00Z') };
    const atlassian = await startAtlassianSim({
      sites: [
        { sim: acme, name: 'acme' },
        { sim: acmeEu, name: 'acme-eu' },
        { sim: roles, name: 'roles' },
      ],
      clients: [CLIENT],
      consentAs: 'jan@acme.example',
      now: () => partial.now,
    });
    world = Object.assign(partial, { atlassian });
  });
  after(async () => {
    await world?.atlassian.close();
    await Promise.all([world?.acme.close(), world?.acmeEu.close(), world?.roles.close()]);
  });
  return () => {
    if (!world) throw new Error('OAuth world not started');
    return world;
  };
}

/** What a browser does with the consent URL: asks it, and follows the redirect it answers to the callback. */
export async function browse(url: string): Promise<{ status: number; location?: string; callbackStatus?: number }> {
  const answer = await fetch(url, { redirect: 'manual' });
  await answer.text();
  const location = answer.headers.get('location') ?? undefined;
  if (answer.status !== 302 || !location) return { status: answer.status };
  const callback = await fetch(location);
  await callback.text();
  return { status: answer.status, location, callbackStatus: callback.status };
}

/** The whole authorization-code flow as the extension runs it: consent in the "browser", then the code exchange. */
export async function signIn(world: OAuthWorld, scopes: readonly string[]): Promise<TokenSet> {
  const state = newState();
  const listener = await listenForRedirect('http://127.0.0.1:0/callback', state);
  world.atlassian.configureClient(CLIENT.clientId, { callbackUrls: [listener.redirectUri] });
  await browse(authorizationUrl({ authUrl: world.atlassian.authUrl, clientId: CLIENT.clientId, scopes, redirectUri: listener.redirectUri, state }));
  const code = await listener.code;
  return exchangeCode({ ...CLIENT, authUrl: world.atlassian.authUrl }, code, listener.redirectUri, { now: () => world.now });
}
