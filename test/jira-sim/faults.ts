/**
 * Fault injection: rate limits, server errors, slow answers, proxy HTML pages, broken JSON, dropped connections and
 * redirects, for the requests that match a rule's path and method. The first matching rule with uses left applies.
 */
import type { Flavour } from './scenario/types';

export type FaultKind = 'status429' | 'status500' | 'status503' | 'slow' | 'html' | 'brokenJson' | 'drop' | 'redirect';

export const FAULT_KINDS: readonly FaultKind[] = ['status429', 'status500', 'status503', 'slow', 'html', 'brokenJson', 'drop', 'redirect'];

export interface FaultRule {
  /** Matched against the path without the context path (e.g. "/rest/api/2/myself"): a string must equal it, a
   * RegExp must match it. Default: every path. */
  path?: string | RegExp;
  /** Default: every method. */
  method?: string;
  kind: FaultKind;
  /** How many matching requests the rule affects; default unlimited. */
  times?: number;
  /** status429 (default 1) and status503 (none by default): the Retry-After header. */
  retryAfterSeconds?: number;
  /** Wait this long before answering (any kind); `slow` waits 1000 ms unless told otherwise. */
  delayMs?: number;
  /** redirect: where to (default: a login page on another origin). */
  location?: string;
}

export const DEFAULT_SLOW_MS = 1000;
export const DEFAULT_REDIRECT = 'https://id.atlassian.example/login?application=jira';

/** Checks a rule (e.g. one that came as JSON) and returns a copy; throws an Error saying what is wrong. */
export function checkFaultRule(value: unknown): FaultRule {
  if (typeof value !== 'object' || value === null) throw new Error('a fault rule must be an object');
  const r = value as Record<string, unknown>;
  const known = ['path', 'method', 'kind', 'times', 'retryAfterSeconds', 'delayMs', 'location'];
  const extra = Object.keys(r).filter((k) => !known.includes(k));
  if (extra.length > 0) throw new Error(`unknown fault rule field(s): ${extra.join(', ')}`);
  if (!FAULT_KINDS.includes(r.kind as FaultKind)) throw new Error(`kind must be one of ${FAULT_KINDS.join(', ')}`);
  if (r.path !== undefined && typeof r.path !== 'string' && !(r.path instanceof RegExp)) {
    throw new Error('path must be a string or RegExp');
  }
  if (r.method !== undefined && typeof r.method !== 'string') throw new Error('method must be a string');
  if (r.location !== undefined && typeof r.location !== 'string') throw new Error('location must be a string');
  for (const n of ['times', 'retryAfterSeconds', 'delayMs'] as const) {
    if (r[n] !== undefined && !(Number.isInteger(r[n]) && (r[n] as number) >= 0)) {
      throw new Error(`${n} must be a non-negative integer`);
    }
  }
  return { ...(r as unknown as FaultRule) };
}

export class FaultInjector {
  private rules: { readonly rule: FaultRule; remaining: number }[] = [];

  set(rules: readonly FaultRule[]): void {
    this.rules = rules.map(checkFaultRule).map((rule) => ({ rule, remaining: rule.times ?? Infinity }));
  }

  /** The rule that applies to this request, using up one of its uses. */
  take(method: string, path: string): FaultRule | undefined {
    const active = this.rules.find(({ rule, remaining }) => remaining > 0 && matches(rule, method, path));
    if (!active) return undefined;
    active.remaining -= 1;
    return active.rule;
  }

  /** The rules as JSON (RegExp paths as their source), with the uses they have left (null: unlimited). */
  describe(): unknown[] {
    return this.rules.map(({ rule, remaining }) => ({
      ...rule,
      ...(rule.path instanceof RegExp ? { path: rule.path.source } : {}),
      remaining: remaining === Infinity ? null : remaining,
    }));
  }
}

function matches(rule: FaultRule, method: string, path: string): boolean {
  if (rule.method !== undefined && rule.method.toUpperCase() !== method.toUpperCase()) return false;
  if (rule.path === undefined) return true;
  return typeof rule.path === 'string' ? rule.path === path : rule.path.test(path);
}

export function delayOf(rule: FaultRule): number {
  return rule.delayMs ?? (rule.kind === 'slow' ? DEFAULT_SLOW_MS : 0);
}

export interface FaultAnswer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

const PROXY_PAGE =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n' +
  '<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

const JSON_TYPE = 'application/json;charset=UTF-8';

/** The answer a fault gives instead of the real one; undefined for the kinds that only alter it (slow, brokenJson, drop). */
export function faultAnswer(rule: FaultRule, flavour: Flavour, now = new Date()): FaultAnswer | undefined {
  const errorBody = (message: string) => JSON.stringify({ errorMessages: [message], errors: {} });
  switch (rule.kind) {
    case 'status429': {
      const retryAfter = rule.retryAfterSeconds ?? 1;
      const limits: Record<string, string> =
        flavour === 'cloud'
          ? {
              'X-RateLimit-Limit': '350',
              'X-RateLimit-Remaining': '0',
              'X-RateLimit-Reset': new Date(now.getTime() + retryAfter * 1000).toISOString(),
              'RateLimit-Reason': 'jira-burst-based',
            }
          : {
              'X-RateLimit-Limit': '100',
              'X-RateLimit-Remaining': '0',
              'X-RateLimit-FillRate': '10',
              'X-RateLimit-Interval-Seconds': '1',
            };
      return {
        status: 429,
        headers: { 'Content-Type': JSON_TYPE, 'Retry-After': String(retryAfter), ...limits },
        body: errorBody('Rate limit exceeded.'),
      };
    }
    case 'status500':
      return { status: 500, headers: { 'Content-Type': JSON_TYPE }, body: errorBody('Internal server error') };
    case 'status503':
      return {
        status: 503,
        headers: {
          'Content-Type': JSON_TYPE,
          ...(rule.retryAfterSeconds !== undefined ? { 'Retry-After': String(rule.retryAfterSeconds) } : {}),
        },
        body: errorBody('Service Unavailable'),
      };
    case 'html':
      return { status: 502, headers: { 'Content-Type': 'text/html' }, body: PROXY_PAGE };
    case 'redirect':
      return {
        status: 302,
        headers: { Location: rule.location ?? DEFAULT_REDIRECT, 'Content-Type': 'text/html' },
        body: '<html><body>Redirecting…</body></html>',
      };
    case 'slow':
    case 'brokenJson':
    case 'drop':
      return undefined;
  }
}

/** Broken JSON: the real answer cut off halfway (at least one character short of valid). */
export function breakJson(text: string): string {
  return text.length < 4 ? '{"' : text.slice(0, Math.floor(text.length / 2));
}
