/**
 * One HTTP exchange with Jira, done safely:
 * - credentials go only in the `Authorization` header and only to the site's origin; redirects are followed by hand
 *   (`redirect: 'manual'`) and only within that origin — a redirect elsewhere is an unavailable error naming the
 *   target origin, and nothing is sent there;
 * - at most `concurrency` requests in flight (default 4); each attempt has its own timeout (default 10 s);
 * - the caller's AbortSignal cancels everything in flight and queued, rejecting with a JiraAbortError;
 * - 429 and 503 are retried (default 3 times) after `Retry-After` (seconds or HTTP date, capped at 30 s) or an
 *   exponential backoff; a dropped connection on a GET is retried once (a GET is idempotent, and a one-off reset by
 *   a proxy is common); timeouts and other failures are not retried — a slow server is not asked twice;
 * - 5xx, HTML pages, unreadable JSON, dropped connections, timeouts → JiraUnavailableError (unverified, never
 *   missing); a login that fell back to anonymous (Server/DC `X-Seraph-LoginReason`, `X-AUSERNAME: anonymous`)
 *   → JiraAuthError. Other 4xx answers are returned for the caller to judge (404 = not visible, 403 = not allowed).
 */
import { authorizationHeader, secretsOf, type JiraCredentials } from './credentials';
import { describeRequest, JiraAbortError, JiraAuthError, JiraError, JiraUnavailableError, type JiraRequestInfo, type UnavailableReason } from './errors';
import { defaultFetch, type FetchLike, type FetchResponseLike } from './fetch-impl';
import { createLimiter, type Limiter } from './limiter';
import { silentLogger, type JiraLogger } from './logger';
import { redact } from './redact';
import { DEFAULT_RETRY, parseRetryAfter, retryDelay, sleep, type RetryOptions } from './retry';
import type { JiraSite } from './site';
import { jiraMessage } from './responses';

export interface HttpOptions {
  /** Requests in flight at once (default 4). */
  readonly concurrency?: number;
  /** Per attempt, from sending to the whole body read (default 10 s). */
  readonly timeoutMs?: number;
  readonly retry?: RetryOptions;
  /** Retry a GET once when the connection drops (default true). */
  readonly retryDroppedConnection?: boolean;
  /** Same-origin redirects followed per request (default 5). */
  readonly maxRedirects?: number;
  /** Cancels every request in flight and queued. */
  readonly signal?: AbortSignal;
  readonly logger?: JiraLogger;
  /** For tests; node-fetch otherwise. */
  readonly fetch?: FetchLike;
}

export interface JiraResponse {
  readonly request: JiraRequestInfo;
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  /** Parsed JSON; undefined for an empty body, or a 4xx whose body is not JSON. */
  readonly body: unknown;
}

export interface RequestOptions {
  readonly query?: Readonly<Record<string, string | readonly string[] | undefined>>;
  readonly body?: unknown;
}

const RETRYABLE_STATUS = new Set([429, 503]);

export class JiraHttp {
  readonly site: JiraSite;
  private readonly credentials: JiraCredentials | undefined;
  private readonly limiter: Limiter;
  private readonly timeoutMs: number;
  private readonly retry: Required<RetryOptions>;
  private readonly retryDropped: boolean;
  private readonly maxRedirects: number;
  private readonly signal: AbortSignal | undefined;
  private readonly log: JiraLogger;
  private readonly secrets: string[];
  private readonly fetchOverride: FetchLike | undefined;

  constructor(site: JiraSite, credentials: JiraCredentials | undefined, options: HttpOptions = {}) {
    this.site = site;
    this.credentials = credentials;
    this.limiter = createLimiter(options.concurrency ?? 4);
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.retryDropped = options.retryDroppedConnection ?? true;
    this.maxRedirects = options.maxRedirects ?? 5;
    this.signal = options.signal;
    this.secrets = secretsOf(credentials);
    const logger = options.logger ?? silentLogger;
    this.log = (level, message) => logger(level, redact(message, this.secrets));
    this.fetchOverride = options.fetch;
  }

  get(path: string, options: Omit<RequestOptions, 'body'> = {}): Promise<JiraResponse> {
    return this.request('GET', path, options);
  }

  post(path: string, body: unknown): Promise<JiraResponse> {
    return this.request('POST', path, { body });
  }

  /** Sends one request (with its retries and redirects). Errors are redacted JiraErrors. */
  async request(method: 'GET' | 'POST', path: string, options: RequestOptions = {}): Promise<JiraResponse> {
    const request: JiraRequestInfo = { method, path: path + queryString(options.query) };
    try {
      return await this.withRetries(request, options.body);
    } catch (error) {
      throw this.clean(error, request);
    }
  }

  private async withRetries(request: JiraRequestInfo, body: unknown): Promise<JiraResponse> {
    let retries = 0;
    let droppedRetried = false;
    for (;;) {
      try {
        const response = await this.limiter.run(() => this.exchange(request, body), this.signal);
        if (!RETRYABLE_STATUS.has(response.status)) return this.judge(response);
        if (retries >= this.retry.maxRetries) {
          const what = response.status === 429 ? 'rate limited (429)' : 'unavailable (503)';
          const reason: UnavailableReason = response.status === 429 ? 'rate_limited' : 'server_error';
          throw new JiraUnavailableError(
            `${describeRequest(request)}: Jira ${what}, still after ${retries} ${retries === 1 ? 'retry' : 'retries'}`,
            reason,
            request,
            response.status,
          );
        }
        retries++;
        const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
        const wait = retryDelay(retries, retryAfter, this.retry);
        this.log(
          'warn',
          `${describeRequest(request)} → ${response.status}; retry ${retries}/${this.retry.maxRetries} in ${wait} ms` +
            (retryAfter !== undefined ? ' (Retry-After)' : ''),
        );
        await sleep(wait, this.signal);
      } catch (error) {
        const dropped = error instanceof JiraUnavailableError && error.reason === 'network';
        if (dropped && request.method === 'GET' && this.retryDropped && !droppedRetried) {
          droppedRetried = true;
          this.log('warn', `${error.message}; retrying once`);
          continue;
        }
        throw error;
      }
    }
  }

  /** One attempt: takes a limiter slot, follows same-origin redirects, reads the whole body under the timeout. */
  private async exchange(request: JiraRequestInfo, body: unknown): Promise<RawResponse> {
    const fetchImpl = this.fetchOverride ?? (await defaultFetch());
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const signal = this.signal ? AbortSignal.any([this.signal, timeout]) : timeout;
    const started = Date.now();
    let url = this.site.baseUrl + request.path;
    let method: string = request.method;
    let payload = body === undefined ? undefined : JSON.stringify(body);
    try {
      for (let redirects = 0; ; redirects++) {
        const response = await fetchImpl(url, { method, headers: this.headers(url, payload), body: payload, redirect: 'manual', signal });
        const location = isRedirect(response.status) ? response.headers.get('location') : null;
        if (location === null) {
          const text = await response.text();
          this.log('debug', `${describeRequest(request)} → ${response.status} (${Date.now() - started} ms)`);
          return { request, status: response.status, headers: response.headers, text };
        }
        const target = new URL(location, url);
        if (target.origin !== this.site.origin) {
          throw new JiraUnavailableError(
            `${describeRequest(request)}: Jira redirected to another origin (${target.origin}); not followed, ` +
              'so no credentials were sent there. Check the site URL.',
            'redirect',
            request,
            response.status,
          );
        }
        if (redirects >= this.maxRedirects) {
          throw new JiraUnavailableError(`${describeRequest(request)}: too many redirects`, 'redirect', request);
        }
        await discard(response);
        if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === 'POST')) {
          method = 'GET';
          payload = undefined;
        }
        this.log('debug', `${describeRequest(request)} → ${response.status}, following to ${target.pathname}`);
        url = target.href;
      }
    } catch (error) {
      if (this.signal?.aborted) throw new JiraAbortError(request);
      if (timeout.aborted) {
        throw new JiraUnavailableError(`${describeRequest(request)}: no answer within ${this.timeoutMs} ms`, 'timeout', request);
      }
      if (error instanceof JiraError) throw error;
      throw new JiraUnavailableError(`${describeRequest(request)}: connection failed (${networkCode(error)})`, 'network', request);
    }
  }

  private headers(url: string, payload: string | undefined): Record<string, string> {
    const headers: Record<string, string> = { Accept: 'application/json', 'User-Agent': 'jira-recipe-lint' };
    if (payload !== undefined) headers['Content-Type'] = 'application/json';
    // Belt and braces: every URL built here is on the site's origin, and redirects elsewhere are refused above.
    if (this.credentials && new URL(url).origin === this.site.origin) {
      headers.Authorization = authorizationHeader(this.credentials);
    }
    return headers;
  }

  /** Turns a raw answer into a JiraResponse or a typed error. */
  private judge(raw: RawResponse): JiraResponse {
    const { request, status, headers, text } = raw;
    if (this.credentials) checkNotAnonymous(raw);
    const contentType = headers.get('content-type') ?? '';
    const looksHtml = /text\/html/i.test(contentType) || /^\s*</.test(text);
    // 401/403 mean the same with any body; a 404 or 200 as an HTML page is not Jira's REST answer.
    if (looksHtml && status !== 401 && status !== 403) {
      throw new JiraUnavailableError(
        `${describeRequest(request)}: got an HTML page (status ${status}) instead of Jira's JSON — a proxy or login ` +
          'page, or a wrong site URL/context path?',
        'html',
        request,
        status,
      );
    }
    if (status >= 500) {
      throw new JiraUnavailableError(`${describeRequest(request)}: Jira answered ${status}${briefError(text)}`, 'server_error', request, status);
    }
    if (looksHtml || text.trim() === '') return { request, status, headers, body: undefined };
    try {
      return { request, status, headers, body: JSON.parse(text) as unknown };
    } catch {
      if (status >= 400) return { request, status, headers, body: undefined };
      throw new JiraUnavailableError(`${describeRequest(request)}: Jira's answer is not valid JSON`, 'bad_json', request, status);
    }
  }

  /** Any error leaving this class: a JiraError, with secrets redacted from its message. */
  private clean(error: unknown, request: JiraRequestInfo): Error {
    if (error instanceof JiraError) {
      const safe = redact(error.message, this.secrets);
      if (safe !== error.message) Object.defineProperty(error, 'message', { value: safe });
      return error;
    }
    if (this.signal?.aborted) return new JiraAbortError(request);
    return new JiraUnavailableError(
      redact(`${describeRequest(request)}: ${error instanceof Error ? error.message : String(error)}`, this.secrets),
      'network',
      request,
    );
  }
}

interface RawResponse {
  readonly request: JiraRequestInfo;
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  readonly text: string;
}

/** Server/DC answer a failed Basic login as anonymous instead of 401; Jira Cloud answers 401 on /myself. */
function checkNotAnonymous(raw: RawResponse): void {
  const reason = raw.headers.get('x-seraph-loginreason') ?? '';
  const user = raw.headers.get('x-ausername');
  const where = describeRequest(raw.request);
  if (/AUTHENTICATION_DENIED/i.test(reason)) {
    throw new JiraAuthError(
      `${where}: Jira refused the login because it now asks for a CAPTCHA (too many failed logins). Log in to Jira ` +
        'once through the browser, then try again.',
      raw.request,
      raw.status,
    );
  }
  if (/AUTHENTICATED_FAILED/i.test(reason) || user === 'anonymous') {
    throw new JiraAuthError(
      `${where}: Jira did not accept the credentials (it answered as an anonymous user). Check the user name and ` + 'password or token.',
      raw.request,
      raw.status,
    );
  }
}

function isRedirect(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}

async function discard(response: FetchResponseLike): Promise<void> {
  try {
    await response.text();
  } catch {
    // The body of a redirect doesn't matter.
  }
}

function networkCode(error: unknown): string {
  if (error && typeof error === 'object') {
    const e = error as { code?: unknown; erroredSysCall?: unknown; cause?: { code?: unknown } };
    if (typeof e.code === 'string') return e.code;
    if (typeof e.cause?.code === 'string') return e.cause.code;
  }
  return 'connection dropped';
}

/** Jira's own error text, short, for a 5xx message (`{"errorMessages":["…"]}`), read as responses.ts reads it. */
function briefError(text: string): string {
  try {
    return jiraMessage(JSON.parse(text), 200);
  } catch {
    return '';
  }
}

export function queryString(query: RequestOptions['query']): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) continue;
    for (const v of typeof value === 'string' ? [value] : value) params.append(name, v);
  }
  const text = params.toString().replace(/%2C/gi, ',');
  return text ? `?${text}` : '';
}
