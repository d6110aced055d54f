/**
 * The HTTP server: records every request, applies fault rules, authenticates, routes, and writes Jira's headers.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { authenticate, authHeaders, type AuthOutcome } from './auth';
import { control, controlAction } from './control';
import { breakJson, delayOf, faultAnswer, FaultInjector, type FaultRule } from './faults';
import { PermissionEvaluator } from './permissions';
import { matchRoute } from './routes';
import { error } from './routes/reply';
import { INVALID_JSON, type Reply, type RouteContext } from './routes/route';
import type { SimUser, World } from './scenario/world';

export interface SimRequest {
  readonly method: string;
  /** Without the context path, e.g. "/rest/api/2/myself" (the raw path if it was outside the context path). */
  readonly path: string;
  /** Query parameters; a repeated parameter's values joined with ",". */
  readonly query: Readonly<Record<string, string>>;
  readonly hadAuthorization: boolean;
  /** The status answered; 0 while pending and for a dropped connection. */
  readonly status: number;
  /** The request target as sent, e.g. "/jira/rest/api/2/mypermissions?projectKey=ENG". */
  readonly url: string;
  /** Who the credentials resolved to (accountId on Cloud, username on DC); null for anonymous. */
  readonly principal: string | null;
  /** Forwarded by the OAuth 2.0 gateway of atlassian/, which vouched for the principal. */
  readonly viaGateway?: boolean;
}

/** A request the OAuth 2.0 gateway forwards: its target below the site, and the user its token belongs to. */
export interface ForwardedRequest {
  readonly url: string;
  readonly user: SimUser;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const JSON_TYPE = 'application/json;charset=UTF-8';
const MAX_BODY = 1024 * 1024;

export class SimServer {
  private readonly http: Server;
  private readonly records: Mutable<SimRequest>[] = [];
  private readonly faults = new FaultInjector();
  private readonly permissions: PermissionEvaluator;
  private readonly sleeping = new Set<{ timer?: NodeJS.Timeout; wake: () => void }>();
  private closed = false;
  private requestCounter = 0;
  private origin = '';

  /**
   * @param delay how a fault's delay is waited out; by default a timer. A test passes one it ends itself, to see the
   *   delay asked for and to decide when the answer goes out. `close()` ends pending delays either way.
   */
  constructor(
    readonly world: World,
    private readonly delay?: (ms: number) => Promise<void>,
  ) {
    this.permissions = new PermissionEvaluator(world);
    this.http = createServer((req, res) => {
      this.handle(req, res).catch((e: unknown) => {
        if (res.headersSent) res.destroy();
        else this.write(res, undefined, 500, { 'Content-Type': 'text/plain' }, `simulator error: ${String(e)}`);
      });
    });
  }

  /** Base URL including the context path, no trailing slash. */
  get url(): string {
    return `${this.origin}${this.world.contextPath}`;
  }

  async listen(port: number, host: string): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.http.once('error', reject);
      this.http.listen(port, host, () => resolve());
    });
    const address = this.http.address() as AddressInfo;
    const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
    this.origin = `http://${shownHost}:${address.port}`;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const s of [...this.sleeping]) s.wake();
    const closing = new Promise<void>((resolve) => this.http.close(() => resolve()));
    this.http.closeAllConnections();
    await closing;
  }

  requestLog(): SimRequest[] {
    return this.records.map((r) => Object.freeze({ ...r, query: { ...r.query } }));
  }

  resetRequests(): void {
    this.records.length = 0;
  }

  setFaults(rules: FaultRule[]): void {
    this.faults.set(rules);
  }

  describeFaults(): unknown[] {
    return this.faults.describe();
  }

  /** Serves a request as the gateway forwards it: as `forwarded.user`, whatever its Authorization header says. */
  serveForwarded(req: IncomingMessage, res: ServerResponse, forwarded: ForwardedRequest): Promise<void> {
    return this.handle(req, res, forwarded);
  }

  private async handle(req: IncomingMessage, res: ServerResponse, forwarded?: ForwardedRequest): Promise<void> {
    const raw = forwarded ? `${this.world.contextPath}${forwarded.url}` : (req.url ?? '/');
    const target = new URL(raw, 'http://sim.invalid');
    const method = req.method ?? 'GET';
    const body = await readBody(req);

    const action = controlAction(target.pathname, this.world.contextPath);
    if (action !== undefined) {
      const answer = control(action, method, body, this);
      const text = answer.body === undefined ? '' : JSON.stringify(answer.body);
      return this.write(res, undefined, answer.status, text ? { 'Content-Type': JSON_TYPE } : {}, text);
    }

    const { contextPath } = this.world;
    const inContext = contextPath === '' || target.pathname.startsWith(`${contextPath}/`);
    const path = inContext ? target.pathname.slice(contextPath.length) : target.pathname;
    const auth: AuthOutcome = forwarded ? { kind: 'user', user: forwarded.user, scheme: 'bearer' } : authenticate(this.world, req.headers.authorization);
    const record: Mutable<SimRequest> = {
      method,
      path,
      query: queryRecord(target.searchParams),
      hadAuthorization: req.headers.authorization !== undefined,
      status: 0,
      url: raw,
      principal: auth.kind === 'user' ? ((this.world.flavour === 'cloud' ? auth.user.accountId : auth.user.username) ?? null) : null,
      ...(forwarded ? { viaGateway: true } : {}),
    };
    this.records.push(record);

    const fault = this.faults.take(method, path);
    if (fault && delayOf(fault) > 0) await this.sleep(delayOf(fault));
    if (this.closed) return void res.destroy();
    if (fault?.kind === 'drop') return void req.socket.destroy();
    const answer = fault && faultAnswer(fault, this.world.flavour);
    if (answer) return this.write(res, record, answer.status, answer.headers, answer.body);

    if (!inContext) {
      const page = `<html><body><h1>HTTP Status 404 – Not Found</h1><p>${escapeHtml(target.pathname)}</p></body></html>`;
      return this.write(res, record, 404, { 'Content-Type': 'text/html;charset=utf-8' }, page);
    }
    const reply = this.dispatch(method, path, target, auth, body);
    const headers: Record<string, string> = {
      'X-AREQUESTID': `${Date.now() % 86400000}x${++this.requestCounter}x1`,
      ...authHeaders(this.world, auth, this.url),
      ...reply.headers,
    };
    let text = reply.body === undefined ? '' : JSON.stringify(reply.body);
    if (text !== '') headers['Content-Type'] = JSON_TYPE;
    let status = reply.status;
    if (fault?.kind === 'brokenJson') {
      status = 200;
      text = breakJson(text);
      headers['Content-Type'] = JSON_TYPE;
    }
    this.write(res, record, status, headers, text);
  }

  private dispatch(method: string, path: string, target: URL, auth: AuthOutcome, body: unknown): Reply {
    const requestUrl = `${this.origin}${target.pathname}${target.search}`;
    if (auth.kind === 'rejected') return error(401, auth.message);
    const match = matchRoute(this.world.flavour, method, path);
    if (!match.route) return match.status === 405 ? { status: 405 } : error(404, `null for uri: ${requestUrl}`);
    const ctx: RouteContext = {
      world: this.world,
      permissions: this.permissions,
      auth,
      subject: auth.kind === 'user' ? auth.user : null,
      apiVersion: match.apiVersion,
      siteUrl: this.url,
      apiUrl: `${this.url}/rest/api/${match.apiVersion}`,
      requestUrl,
      params: match.params,
      query: target.searchParams,
      body,
    };
    return match.route.handle(ctx);
  }

  private write(res: ServerResponse, record: Mutable<SimRequest> | undefined, status: number, headers: Record<string, string>, text: string): void {
    if (record) record.status = status;
    res.writeHead(status, { ...headers, 'Content-Length': String(Buffer.byteLength(text)) });
    res.end(text);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const entry: { timer?: NodeJS.Timeout; wake: () => void } = {
        wake: () => {
          clearTimeout(entry.timer);
          this.sleeping.delete(entry);
          resolve();
        },
      };
      this.sleeping.add(entry);
      if (this.delay) this.delay(ms).then(entry.wake, entry.wake);
      else entry.timer = setTimeout(entry.wake, ms);
    });
  }
}

function queryRecord(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of new Set(params.keys())) out[key] = params.getAll(key).join(',');
  return out;
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size <= MAX_BODY) chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return INVALID_JSON;
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}
