import { toAwsError, type AwsErrorKind, type CallContext } from './errors';
import type { CallOptions, Logger } from './types';

/** The per-store part of a call's context: who, where, which service. */
export type StoreContext = Omit<CallContext, 'operation' | 'resource'>;

export interface CallSpec {
  readonly operation: string;
  readonly resource?: string;
  /** Values that must never appear in a log line or error message (the value being written). */
  readonly sensitive?: readonly string[];
  /** Failures that answer a question rather than break something ("is this name free?"): logged at debug, not as warnings. */
  readonly expected?: readonly AwsErrorKind[];
}

/**
 * Every SDK call goes through here: it passes the cancellation signal, logs the operation
 * (never inputs or outputs: they can hold secret values) and turns failures into AwsErrors.
 * The logger adds the component prefix; messages carry none.
 */
export async function callAws<T>(
  store: StoreContext,
  logger: Logger,
  spec: CallSpec,
  options: CallOptions | undefined,
  run: (abortSignal: AbortSignal | undefined) => Promise<T>,
): Promise<T> {
  const context: CallContext = { ...store, operation: spec.operation, resource: spec.resource };
  const label = `${store.service}:${spec.operation}${spec.resource ? ` ${spec.resource}` : ''} (${store.region}, ${store.profileLabel})`;
  const started = Date.now();
  logger.trace(`→ ${label}`);
  try {
    const result = await run(options?.signal);
    logger.debug(`${label} ok in ${Date.now() - started} ms`);
    return result;
  } catch (error) {
    const mapped = toAwsError(error, context, spec.sensitive);
    const elapsed = `${Date.now() - started} ms`;
    if (spec.expected?.includes(mapped.kind)) logger.debug(`${label} answered ${mapped.code ?? mapped.kind} in ${elapsed} (expected)`);
    else
      (mapped.kind === 'cancelled' ? logger.info : logger.warn).call(
        logger,
        `${label} failed in ${elapsed}: ${mapped.code ?? mapped.kind}${mapped.detail ? ` — ${mapped.detail}` : ''}`,
      );
    throw mapped;
  }
}

/**
 * The token for a listing's next call, or undefined when there is none. Implementations differ:
 * some send an empty token on the last page, and a server that repeats a token must not make a
 * listing loop forever. Never infer "full page" or "last page" from the item count.
 */
export function nextTokenOf(token: string | undefined, previous: string | undefined): string | undefined {
  return token && token !== previous ? token : undefined;
}
