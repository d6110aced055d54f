/**
 * The redirect of the authorization-code flow, received on loopback (`http://127.0.0.1:<port>/callback`): a small
 * HTTP server that lives for one sign-in. A redirect whose `state` isn't this attempt's is answered with an error
 * page and ignored — a forged request can neither finish the sign-in nor cancel it.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { JiraAbortError, JiraConfigError } from '../errors';
import { isLoopbackHost } from '../site';
import { OAuthStateError, readRedirect } from './authorize';

export interface RedirectListener {
  /** The callback URL as the authorization request must name it (port 0 replaced by the port taken). */
  readonly redirectUri: string;
  /** The authorization code; rejects when the server refused or the user declined, or on abort. */
  readonly code: Promise<string>;
  close(): Promise<void>;
}

/** Starts listening on `callbackUrl` (http, loopback host) for the redirect that carries `state`. */
export async function listenForRedirect(callbackUrl: string, state: string, signal?: AbortSignal): Promise<RedirectListener> {
  const url = loopbackUrl(callbackUrl);
  let settle: { resolve: (code: string) => void; reject: (error: Error) => void } | undefined;
  const code = new Promise<string>((resolve, reject) => (settle = { resolve, reject }));
  code.catch(() => undefined); // a caller that stops waiting must not leave an unhandled rejection behind
  const server = createServer((req, res) => answer(req, res, url.pathname, state, settle!));
  server.on('connection', (socket) => socket.unref()); // an open browser tab must not keep a CLI or test alive
  const host = url.hostname === 'localhost' ? '127.0.0.1' : url.hostname.replace(/^\[|\]$/g, '');
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      reject(
        e.code === 'EADDRINUSE'
          ? new JiraConfigError(`The OAuth 2.0 callback ${url.origin} can't listen: port ${url.port} is in use. Choose another callback port.`)
          : e,
      ),
    );
    server.listen(Number(url.port || 80), host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const redirect = new URL(url.href);
  redirect.port = String(port);
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections(); // each page is sent with Connection: close, so none outlives its answer
    });
  const onAbort = () => settle!.reject(new JiraAbortError());
  signal?.addEventListener('abort', onAbort, { once: true });
  if (signal?.aborted) onAbort();
  void code.then(close, close).finally(() => signal?.removeEventListener('abort', onAbort));
  return { redirectUri: redirect.href, code, close };
}

function loopbackUrl(callbackUrl: string): URL {
  let url: URL;
  try {
    url = new URL(callbackUrl);
  } catch {
    throw new JiraConfigError(`Not a valid OAuth 2.0 callback URL: "${callbackUrl}". Expected e.g. http://127.0.0.1:9417/callback`);
  }
  if (url.protocol !== 'http:' || !isLoopbackHost(url.hostname) || url.search || url.hash) {
    throw new JiraConfigError(
      `The OAuth 2.0 callback URL must be plain http on this machine (127.0.0.1, [::1] or localhost), e.g. http://127.0.0.1:9417/callback: got ${callbackUrl}`,
    );
  }
  return url;
}

function answer(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  state: string,
  settle: { resolve: (code: string) => void; reject: (error: Error) => void },
): void {
  const target = new URL(req.url ?? '/', 'http://callback.invalid');
  if (req.method !== 'GET' || target.pathname !== path) return page(res, 404, 'Not found', 'This is the sign-in callback of Jira Recipe Lint.');
  try {
    const code = readRedirect(target.searchParams, state);
    page(res, 200, 'Signed in', 'Jira Recipe Lint received the authorization. You can close this tab and return to VS Code.');
    settle.resolve(code);
  } catch (error) {
    const message = (error as Error).message;
    page(res, 400, 'Not signed in', message);
    if (!(error instanceof OAuthStateError)) settle.reject(error as Error);
  }
}

function page(res: ServerResponse, status: number, title: string, text: string): void {
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>${escape(title)}</title></head><body><h1>${escape(title)}</h1><p>${escape(text)}</p></body></html>`;
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'close' });
  res.end(html);
}

function escape(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}
