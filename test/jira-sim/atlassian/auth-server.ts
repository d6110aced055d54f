/**
 * auth.atlassian.com on loopback: `GET /authorize` (consent) and `POST /oauth/token` (code exchange and refresh).
 * Neither is in Atlassian's OpenAPI specs; the shapes follow Atlassian's 3LO documentation (see the README).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GrantBook, TokenOutcome } from './grants';
import { html, json, readForm, type Consent } from './http';

export interface AuthServerState {
  readonly book: GrantBook;
  consent: Consent;
  /** Email of the account that consents. */
  consentAs: string;
  /** Cloud ids of the sites a consent by `user` covers. */
  sitesOf(user: string): string[];
}

/** Scopes Atlassian knows besides the product ones: offline_access asks for a refresh token. */
const ALWAYS_ALLOWED = new Set(['offline_access']);

export async function serveAuth(state: AuthServerState, req: IncomingMessage, res: ServerResponse): Promise<number> {
  const url = new URL(req.url ?? '/', 'http://auth.invalid');
  if (url.pathname === '/authorize' && req.method === 'GET') return authorize(state, url.searchParams, res);
  if (url.pathname === '/authorize' && req.method === 'POST') return decide(state, await readForm(req), res);
  if (url.pathname === '/oauth/token' && req.method === 'POST') return tokenEndpoint(state, await readForm(req), res);
  return json(res, 404, { error: 'not_found' });
}

/** Checks the request; then consents at once (`auto`), declines (`deny`), or shows a page with both buttons. */
function authorize(state: AuthServerState, query: URLSearchParams, res: ServerResponse): number {
  const client = state.book.clients.get(query.get('client_id') ?? '');
  const redirectUri = query.get('redirect_uri') ?? '';
  // Without a known client and one of its callback URLs there is nowhere safe to send an error: a page says it.
  if (!client) return html(res, 400, 'Something went wrong', 'The app is not known (client_id).');
  if (!client.callbackUrls.includes(redirectUri)) return html(res, 400, 'Something went wrong', "The redirect_uri is not one of the app's callback URLs.");
  const fail = (error: string, description: string) => redirect(res, redirectUri, { error, error_description: description, state: query.get('state') });
  if (query.get('response_type') !== 'code') return fail('unsupported_response_type', 'response_type must be code');
  if (query.get('audience') !== 'api.atlassian.com') return fail('invalid_request', 'audience must be api.atlassian.com');
  const scopes = (query.get('scope') ?? '').split(/\s+/).filter(Boolean);
  const unconfigured = scopes.filter((s) => !ALWAYS_ALLOWED.has(s) && !client.scopes.includes(s));
  if (unconfigured.length) return fail('invalid_scope', `The app is not configured for these scopes: ${unconfigured.join(' ')}`);
  if (state.consent === 'page') return consentPage(res, query, client.clientId, scopes);
  return decision(state, res, query, state.consent === 'auto');
}

function decide(state: AuthServerState, form: URLSearchParams, res: ServerResponse): number {
  return decision(state, res, form, form.get('decision') === 'accept');
}

function decision(state: AuthServerState, res: ServerResponse, request: URLSearchParams, accepted: boolean): number {
  const redirectUri = request.get('redirect_uri') ?? '';
  const client = state.book.clients.get(request.get('client_id') ?? '');
  if (!client || !client.callbackUrls.includes(redirectUri)) return html(res, 400, 'Something went wrong', 'The app is not known.');
  if (!accepted)
    return redirect(res, redirectUri, { error: 'access_denied', error_description: 'User did not authorize the request', state: request.get('state') });
  const scopes = (request.get('scope') ?? '').split(/\s+/).filter(Boolean);
  const code = state.book.issueCode(client.clientId, redirectUri, state.consentAs, scopes, state.sitesOf(state.consentAs));
  return redirect(res, redirectUri, { code, state: request.get('state') });
}

function consentPage(res: ServerResponse, query: URLSearchParams, clientId: string, scopes: string[]): number {
  const hidden = ['client_id', 'redirect_uri', 'scope', 'state'].map((k) => [k, query.get(k) ?? ''] as const);
  return html(res, 200, `${clientId} is requesting access to your Atlassian account`, `Scopes: ${scopes.join(', ')}`, { hidden, buttons: ['accept', 'deny'] });
}

function tokenEndpoint(state: AuthServerState, form: URLSearchParams, res: ServerResponse): number {
  const client = state.book.clients.get(form.get('client_id') ?? '');
  if (!client || client.clientSecret !== form.get('client_secret')) return json(res, 401, { error: 'access_denied', error_description: 'Unauthorized' });
  let outcome: TokenOutcome;
  switch (form.get('grant_type')) {
    case 'authorization_code':
      outcome = state.book.exchangeCode(client.clientId, form.get('code') ?? '', form.get('redirect_uri') ?? '');
      break;
    case 'refresh_token':
      outcome = state.book.refresh(client.clientId, form.get('refresh_token') ?? '');
      break;
    default:
      return json(res, 400, { error: 'unsupported_grant_type', error_description: 'grant_type must be authorization_code or refresh_token' });
  }
  return outcome.ok ? json(res, 200, outcome.tokens) : json(res, outcome.status, { error: outcome.error, error_description: outcome.description });
}

function redirect(res: ServerResponse, to: string, params: Record<string, string | null>): number {
  const url = new URL(to);
  for (const [k, v] of Object.entries(params)) if (v !== null) url.searchParams.set(k, v);
  res.writeHead(302, { Location: url.href, 'Content-Length': '0' });
  res.end();
  return 302;
}
