// Condition waits. The harness never sleeps for a fixed time: it polls a condition with a
// short interval and gives up with a message that says what it was waiting for.
import { setTimeout as delay } from 'node:timers/promises';

export interface WaitOptions {
  /** What we wait for, used in the timeout error: "code-server to answer /healthz". */
  what: string;
  timeoutMs: number;
  intervalMs?: number;
  /** Extra text for the timeout error, computed only when it happens (e.g. a log tail). */
  detail?: () => string;
  /** Stop early when this returns an error (e.g. the process we wait on has exited). */
  abort?: () => Error | undefined;
}

/** Resolves with the first truthy value `probe` returns; rejects after `timeoutMs`. */
export async function waitFor<T>(probe: () => Promise<T | undefined | false> | T | undefined | false, options: WaitOptions): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  let lastError: unknown;
  for (;;) {
    const aborted = options.abort?.();
    if (aborted) throw aborted;
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const seconds = Math.round(options.timeoutMs / 1000);
      const cause = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      const detail = options.detail ? `\n${options.detail()}` : '';
      throw new Error(`Timed out after ${seconds} s waiting for ${options.what}${cause}${detail}`);
    }
    await delay(options.intervalMs ?? 200);
  }
}
