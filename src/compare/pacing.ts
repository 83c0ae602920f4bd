/**
 * Keeping bulk writes under a service's rate: a pacer that spaces calls evenly (Secrets
 * Manager's write calls share 50 per second; Parameter Store's PutParameter has a much lower
 * default throughput), and a retry for calls AWS throttled anyway (another tool, or a teammate,
 * shares the same quota). The clock is injected so the behaviour is tested without waiting.
 */
import { sleep } from '../aws/pacing';

export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep,
};

/** Hands out start times at most `perSecond` apart on average; callers await their turn. */
export class Pacer {
  private next = 0;

  constructor(
    private readonly perSecond: number,
    private readonly clock: Clock = realClock,
  ) {}

  async turn(signal?: AbortSignal): Promise<void> {
    const now = this.clock.now();
    const at = Math.max(now, this.next);
    this.next = at + 1000 / Math.max(0.01, this.perSecond);
    if (at > now) await this.clock.sleep(at - now, signal);
  }
}

export interface RetryOptions {
  /** Attempts after the first one. */
  readonly retries: number;
  /** The first wait; each next one doubles. */
  readonly baseDelayMs: number;
  readonly isThrottled: (error: unknown) => boolean;
  readonly signal?: AbortSignal;
  readonly clock?: Clock;
}

/** Runs `task`; when it is throttled, waits (1×, 2×, 4×… the base delay) and tries again, up to `retries` times. */
export async function retryThrottled<T>(task: () => Promise<T>, options: RetryOptions): Promise<T> {
  const clock = options.clock ?? realClock;
  for (let attempt = 0; ; attempt++) {
    try {
      return await task();
    } catch (error) {
      if (attempt >= options.retries || !options.isThrottled(error)) throw error;
      await clock.sleep(options.baseDelayMs * 2 ** attempt, options.signal);
    }
  }
}

/** Runs `worker` on every item, at most `limit` at a time, in order of start; resolves when all have settled. */
export async function forEachLimited<T>(items: readonly T[], limit: number, worker: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const run = async () => {
    while (next < items.length) {
      const index = next++;
      await worker(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, run));
}
