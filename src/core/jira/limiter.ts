/**
 * A tiny concurrency limiter: at most `max` tasks run at once, the rest wait in FIFO order. A waiting task whose
 * signal aborts leaves the queue at once and rejects with the signal's reason.
 */
export interface Limiter {
  run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T>;
  /** Tasks running now. */
  readonly active: number;
  /** Tasks waiting for a slot. */
  readonly pending: number;
}

export function createLimiter(max: number): Limiter {
  if (!Number.isInteger(max) || max < 1) throw new RangeError(`Concurrency must be a positive integer, got ${max}`);
  let active = 0;
  const queue: Array<() => void> = [];

  const release = (): void => {
    active--;
    const next = queue.shift();
    if (next) next();
  };

  return {
    get active() {
      return active;
    },
    get pending() {
      return queue.length;
    },
    run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
      if (signal?.aborted) return Promise.reject(signal.reason);
      const start = (): Promise<T> => {
        active++;
        let result: Promise<T>;
        try {
          result = task();
        } catch (error) {
          result = Promise.reject(error);
        }
        return result.finally(release);
      };
      if (active < max) return start();
      return new Promise<T>((resolve, reject) => {
        const onAbort = (): void => {
          const index = queue.indexOf(go);
          if (index >= 0) queue.splice(index, 1);
          reject(signal?.reason);
        };
        const go = (): void => {
          signal?.removeEventListener('abort', onAbort);
          start().then(resolve, reject);
        };
        queue.push(go);
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
  };
}
