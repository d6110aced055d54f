/** Retry timing: `Retry-After` parsing, exponential backoff, and an abortable sleep. */

export interface RetryOptions {
  /** Retries after the first attempt for 429/503 (default 3). */
  readonly maxRetries?: number;
  /** First backoff step when the server gives no Retry-After (default 500 ms; doubles each retry, ±20 % jitter). */
  readonly baseDelayMs?: number;
  /** Upper bound of any wait, Retry-After included (default 30 s). */
  readonly maxDelayMs?: number;
}

export const DEFAULT_RETRY: Required<RetryOptions> = { maxRetries: 3, baseDelayMs: 500, maxDelayMs: 30_000 };

/**
 * `Retry-After` in milliseconds: delta-seconds (`120`, also `0` as Data Center sends) or an HTTP date (relative to
 * `now`; a date in the past is 0). Undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // HTTP dates start with the day name ("Wed, 21 Oct 2015 07:28:00 GMT"); "1.5", "-3", "10s" are just invalid.
  if (!/^[A-Za-z]{3},/.test(text)) return undefined;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** How long to wait before retry number `retry` (1-based): the server's Retry-After if given, else backoff; capped. */
export function retryDelay(retry: number, retryAfterMs: number | undefined, options: RetryOptions = {}, random: () => number = Math.random): number {
  const { baseDelayMs, maxDelayMs } = { ...DEFAULT_RETRY, ...options };
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, maxDelayMs);
  const backoff = baseDelayMs * 2 ** (retry - 1) * (0.8 + 0.4 * random());
  return Math.min(Math.round(backoff), maxDelayMs);
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
