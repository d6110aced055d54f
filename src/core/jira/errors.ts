/**
 * Typed errors of the live Jira client. Every message names the request (method + path) where there was one, and
 * never a secret: messages are built from paths, statuses and Jira's own error texts, then redacted (see redact.ts).
 *
 * How callers should read them:
 * - JiraAuthError: the login itself failed (bad credentials, anonymous fallback, CAPTCHA). Never "lacks everything".
 * - JiraUnavailableError: Jira could not answer (5xx, HTML page, broken JSON, dropped connection, timeout, rate limit
 *   after retries, a redirect to another origin). Checks that depend on it are *unverified*, never *missing*.
 * - JiraUnsupportedVersionError: Jira older than 7.0.
 * - JiraConfigError: the site or credentials as given cannot be used (plain http, half a credential pair…).
 * - JiraRequestError: Jira answered with a 4xx the caller did not expect (e.g. 400 for an unknown permission key).
 * - JiraAbortError: the caller cancelled (AbortSignal). `name` is 'AbortError', like fetch's own.
 */

export interface JiraRequestInfo {
  readonly method: string;
  /** Path and query relative to the site (e.g. `/rest/api/2/myself`), never a full URL with credentials. */
  readonly path: string;
}

export class JiraError extends Error {
  readonly method?: string;
  readonly path?: string;
  readonly status?: number;

  constructor(message: string, request?: JiraRequestInfo, status?: number) {
    super(message);
    this.name = new.target.name;
    this.method = request?.method;
    this.path = request?.path;
    this.status = status;
  }
}

export class JiraAuthError extends JiraError {}

export type UnavailableReason = 'server_error' | 'rate_limited' | 'html' | 'bad_json' | 'network' | 'timeout' | 'redirect';

export class JiraUnavailableError extends JiraError {
  readonly reason: UnavailableReason;

  constructor(message: string, reason: UnavailableReason, request?: JiraRequestInfo, status?: number) {
    super(message, request, status);
    this.reason = reason;
  }
}

export class JiraUnsupportedVersionError extends JiraError {
  readonly serverVersion: string;

  constructor(message: string, serverVersion: string, request?: JiraRequestInfo) {
    super(message, request);
    this.serverVersion = serverVersion;
  }
}

export class JiraConfigError extends JiraError {}

/** Plain http to a site that is not loopback, not allowed: each front end names its own way to allow it. */
export class JiraInsecureHttpError extends JiraConfigError {
  constructor(readonly origin: string) {
    super(`Refusing plain http for ${origin}: credentials would travel unencrypted. Use https, or allow insecure http explicitly for this site.`);
  }
}

export class JiraRequestError extends JiraError {}

export class JiraAbortError extends JiraError {
  constructor(request?: JiraRequestInfo) {
    super(request ? `${request.method} ${request.path} was cancelled` : 'The Jira request was cancelled', request);
    this.name = 'AbortError';
  }
}

/** True for a cancellation by the caller (ours, or any `AbortError` from fetch/timers), so it can be told apart. */
export function isAbortError(error: unknown): boolean {
  return error instanceof JiraAbortError || (error instanceof Error && error.name === 'AbortError');
}

/** `GET /rest/api/2/myself` — how errors and logs name a request. */
export function describeRequest(request: JiraRequestInfo): string {
  return `${request.method} ${request.path}`;
}
