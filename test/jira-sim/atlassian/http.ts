/** Small HTTP helpers of the Atlassian simulator: JSON and HTML answers, and request bodies as JSON or forms. */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** How `/authorize` answers: consent at once (tests), decline, or show a page with Accept and Deny (by hand). */
export type Consent = 'auto' | 'deny' | 'page';

export function json(res: ServerResponse, status: number, body: unknown): number {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(text)), 'Cache-Control': 'no-store' });
  res.end(text);
  return status;
}

export function html(
  res: ServerResponse,
  status: number,
  title: string,
  text: string,
  form?: { hidden: readonly (readonly [string, string])[]; buttons: readonly string[] },
): number {
  const fields = form?.hidden.map(([k, v]) => `<input type="hidden" name="${escape(k)}" value="${escape(v)}">`).join('') ?? '';
  const buttons = form?.buttons.map((b) => `<button name="decision" value="${b}">${b === 'accept' ? 'Accept' : 'Deny'}</button>`).join(' ') ?? '';
  const body = form ? `<form method="post" action="/authorize">${fields}${buttons}</form>` : '';
  const page = `<!doctype html><html><head><meta charset="utf-8"><title>${escape(title)}</title></head><body><h1>${escape(title)}</h1><p>${escape(text)}</p>${body}</body></html>`;
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': String(Buffer.byteLength(page)) });
  res.end(page);
  return status;
}

/** A JSON object or an `application/x-www-form-urlencoded` body, as parameters (both are what OAuth clients send). */
export async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!/json/i.test(req.headers['content-type'] ?? '')) return new URLSearchParams(text);
  try {
    const body = JSON.parse(text) as unknown;
    const entries = typeof body === 'object' && body !== null ? Object.entries(body).filter(([, v]) => typeof v === 'string') : [];
    return new URLSearchParams(entries as [string, string][]);
  } catch {
    return new URLSearchParams();
  }
}

export function bearerOf(req: IncomingMessage): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization?.trim() ?? '');
  return match?.[1];
}

function escape(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}
