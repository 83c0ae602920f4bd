import { toAwsError, type CallContext } from './errors';
import type { CallOptions, Logger } from './types';

/** The per-store part of a call's context: who, where, which service. */
export type StoreContext = Omit<CallContext, 'operation' | 'resource'>;

export interface CallSpec {
  readonly operation: string;
  readonly resource?: string;
  /** Values that must never appear in a log line or error message (the value being written). */
  readonly sensitive?: readonly string[];
}

/**
 * Every SDK call goes through here: it passes the cancellation signal, logs the operation
 * (never inputs or outputs: they can hold secret values) and turns failures into AwsErrors.
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
  logger.trace(`[aws] → ${label}`);
  try {
    const result = await run(options?.signal);
    logger.debug(`[aws] ${label} ok in ${Date.now() - started} ms`);
    return result;
  } catch (error) {
    const mapped = toAwsError(error, context, spec.sensitive);
    const log = mapped.kind === 'cancelled' ? logger.info : logger.warn;
    log.call(logger, `[aws] ${label} failed in ${Date.now() - started} ms: ${mapped.code ?? mapped.kind}${mapped.detail ? ` — ${mapped.detail}` : ''}`);
    throw mapped;
  }
}
