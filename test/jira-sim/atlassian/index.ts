/**
 * Atlassian's OAuth 2.0 (3LO) side on loopback, in front of Jira simulators of the Cloud flavour: the authorization
 * server (auth.atlassian.com) and the API with its gateway (api.atlassian.com), each on its own port. See README.md.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { JiraSim } from '../index';
import { serveApi, type SimSite } from './api-server';
import { serveAuth, type AuthServerState } from './auth-server';
import { GrantBook, type SimGrant, type SimOAuthClient } from './grants';
import type { Consent } from './http';

export type { SimGrant, SimOAuthClient } from './grants';
export type { Consent } from './http';

export interface AtlassianSimOptions {
  /** Cloud sites the grants can cover; `cloudId` defaults to a UUID derived from the site's URL. */
  readonly sites: readonly { readonly sim: JiraSim; readonly cloudId?: string; readonly name?: string }[];
  /** The OAuth 2.0 integrations of the developer console. */
  readonly clients: readonly SimOAuthClient[];
  /** Email of the Atlassian account that consents at /authorize (default: the first user of the first site). */
  readonly consentAs?: string;
  /** Default 'auto': /authorize consents at once and redirects, as a user clicking Accept would. */
  readonly consent?: Consent;
  /** Cloud ids a consent covers (default: every site where the consenting account is a user). */
  readonly consentSites?: readonly string[];
  /** Default 3600, Atlassian's. */
  readonly accessTokenLifetimeSeconds?: number;
  /** Default 600: Atlassian's leeway for a rotated-out refresh token. */
  readonly reuseIntervalSeconds?: number;
  /** Clock of token and code lifetimes (default Date.now). */
  readonly now?: () => number;
  /** Loopback address to listen on (default 127.0.0.1). */
  readonly host?: string;
}

export interface AtlassianRequest {
  readonly server: 'auth' | 'api';
  readonly method: string;
  /** Path without the query (codes, tokens and secrets never travel in the path). */
  readonly path: string;
  readonly hadAuthorization: boolean;
  readonly status: number;
}

export interface AtlassianSim {
  /** Stands in for https://auth.atlassian.com */
  readonly authUrl: string;
  /** Stands in for https://api.atlassian.com */
  readonly apiUrl: string;
  /** The sites with their cloud ids. */
  readonly sites: readonly SimSite[];
  readonly requests: readonly AtlassianRequest[];
  readonly grants: readonly SimGrant[];
  /** Changes an integration, as its owner would in the developer console (e.g. adds a scope). */
  configureClient(clientId: string, changes: Partial<Omit<SimOAuthClient, 'clientId'>>): void;
  /** How later consents go, and as whom. */
  setConsent(consent: Consent, as?: string, sites?: readonly string[]): void;
  /** Revokes the grants of one account (its user removed the app's access), or every grant. */
  revoke(user?: string): void;
  /** Every access token issued so far expires now. */
  expireAccessTokens(): void;
  close(): Promise<void>;
}

export async function startAtlassianSim(options: AtlassianSimOptions): Promise<AtlassianSim> {
  const sites: SimSite[] = options.sites.map((s) => ({
    sim: s.sim,
    cloudId: s.cloudId ?? cloudIdOf(s.sim.url),
    name: s.name ?? s.sim.world.title ?? s.sim.url,
  }));
  const book = new GrantBook(options.clients, {
    accessTokenLifetimeSeconds: options.accessTokenLifetimeSeconds ?? 3600,
    reuseIntervalSeconds: options.reuseIntervalSeconds ?? 600,
    now: options.now ?? Date.now,
  });
  let consentSites = options.consentSites;
  const auth: AuthServerState = {
    book,
    consent: options.consent ?? 'auto',
    consentAs: options.consentAs ?? sites[0]?.sim.world.users[0]?.email ?? '',
    sitesOf: (user) =>
      consentSites ? [...consentSites] : sites.filter((s) => s.sim.world.users.some((u) => u.email.toLowerCase() === user.toLowerCase())).map((s) => s.cloudId),
  };
  const requests: AtlassianRequest[] = [];
  const logged = (server: AtlassianRequest['server'], serve: (req: IncomingMessage, res: ServerResponse) => Promise<number>) =>
    createServer((req, res) => {
      const record = { server, method: req.method ?? 'GET', path: new URL(req.url ?? '/', 'http://x').pathname, hadAuthorization: !!req.headers.authorization };
      serve(req, res).then(
        (status) => requests.push({ ...record, status }),
        (e: unknown) => {
          requests.push({ ...record, status: 500 });
          if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
          res.end(`simulator error: ${String(e)}`);
        },
      );
    });
  const authServer = logged('auth', (req, res) => serveAuth(auth, req, res));
  const apiServer = logged('api', (req, res) => serveApi({ book, sites }, req, res));
  const host = options.host ?? '127.0.0.1';
  const [authUrl, apiUrl] = await Promise.all([listen(authServer, host), listen(apiServer, host)]);
  return {
    authUrl,
    apiUrl,
    sites,
    get requests() {
      return [...requests];
    },
    grants: book.grants,
    configureClient(clientId, changes) {
      const client = book.clients.get(clientId);
      if (!client) throw new Error(`no OAuth client ${clientId}`);
      book.clients.set(clientId, { ...client, ...changes });
    },
    setConsent(consent, as, sitesOfConsent) {
      auth.consent = consent;
      if (as !== undefined) auth.consentAs = as;
      if (sitesOfConsent !== undefined) consentSites = sitesOfConsent;
    },
    revoke: (user) => book.revoke(user),
    expireAccessTokens: () => book.expireAccessTokens(),
    close: async () => {
      await Promise.all([stop(authServer), stop(apiServer)]);
    },
  };
}

/** A UUID-shaped id, stable for a URL, as Atlassian's cloud ids look. */
function cloudIdOf(url: string): string {
  const h = createHash('sha256').update(url).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

async function listen(server: Server, host: string): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  return `http://${host}:${(server.address() as AddressInfo).port}`;
}

function stop(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
