/**
 * Spacing calls under a per-account, per-Region rate that AWS enforces with throttling (CloudTrail's
 * LookupEvents: 2 requests per second). One pacer per (profile, Region) lives in the runtime, so
 * every store built for it shares the same clock. Waiting is cancellable.
 */
export class CallPacer {
  private next = 0;

  constructor(private readonly intervalMs: number) {}

  /** Resolves when the caller may send its request; the turns are handed out in order. */
  async turn(signal?: AbortSignal): Promise<void> {
    const now = Date.now();
    const at = Math.max(now, this.next);
    this.next = at + this.intervalMs;
    if (at > now) await sleep(at - now, signal);
  }
}

/** Waits `ms`, or rejects with an AbortError as soon as `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const cancelled = () => {
      const error = new Error('The request was cancelled.');
      error.name = 'AbortError';
      return error;
    };
    if (signal?.aborted) {
      reject(cancelled());
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(cancelled());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
