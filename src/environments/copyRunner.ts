import { isAwsError } from '../aws/errors';
import type { AwsRuntime, SecretValueInput, Tag } from '../aws/types';
import type { Environment } from '../compare/environment';
import { forEachLimited, Pacer, retryThrottled } from '../compare/pacing';
import type { PlannedCopy } from '../compare/plan';
import type { CopyResult } from '../compare/report';

export interface RunOptions {
  readonly tags: boolean;
  /** Writes per second the target service is given (settings). */
  readonly writesPerSecond: number;
  readonly signal: AbortSignal;
  readonly report: (message: string) => void;
}

/** Values are read in batches of this many (BatchGetSecretValue takes 20, GetParameters 10) and written one by one. */
const READ_BATCH = { secretsmanager: 20, ssm: 10 } as const;
/** Writes in flight at once; the pacer spaces their starts. */
const CONCURRENT_WRITES = 4;
/** After the SDK's own retries, a throttled write waits 1, 2, 4, 8 s and tries again. */
const THROTTLE_RETRIES = 4;

/**
 * Carries out a copy plan: reads the source values in batches, writes each one to the target
 * under the service's rate (retrying throttled calls), and records one result per item — a
 * failure never stops the others, and a cancel leaves the rest "not attempted". A value is
 * held only between its read and its write, and goes to the target exactly as read.
 */
export async function runCopy(aws: AwsRuntime, plan: readonly PlannedCopy[], from: Environment, to: Environment, options: RunOptions): Promise<CopyResult[]> {
  const results = new Map<PlannedCopy, CopyResult>();
  for (const p of plan) {
    if (p.action === 'leave') results.set(p, { planned: p, outcome: 'left', message: p.reason });
    if (p.action === 'blocked') results.set(p, { planned: p, outcome: 'notCopied', message: p.reason });
  }
  const work = plan.filter((p) => p.action === 'create' || p.action === 'overwrite');
  const pacer = new Pacer(options.writesPerSecond);
  const write = writer(aws, to, pacer, options);
  let done = 0;
  for (let start = 0; start < work.length; start += READ_BATCH[from.service]) {
    const batch = work.slice(start, start + READ_BATCH[from.service]);
    if (options.signal.aborted) break;
    let values: Map<PlannedCopy, SecretValueInput>;
    try {
      values = await readValues(aws, from, batch, options.signal, (p, message) => results.set(p, { planned: p, outcome: 'failed', message }));
    } catch (error) {
      if (options.signal.aborted) break;
      for (const p of batch) results.set(p, { planned: p, outcome: 'failed', message: messageOf(error) });
      continue;
    }
    await forEachLimited(batch, CONCURRENT_WRITES, async (p) => {
      const value = values.get(p);
      values.delete(p);
      if (!value || options.signal.aborted) return;
      try {
        const tags = options.tags ? await sourceTags(aws, from, p, options.signal) : undefined;
        await write(p, value, tags);
        results.set(p, { planned: p, outcome: p.action === 'create' ? 'created' : 'overwritten' });
      } catch (error) {
        if (!options.signal.aborted) results.set(p, { planned: p, outcome: 'failed', message: messageOf(error) });
      }
      done += 1;
      options.report(`${done} of ${work.length}: ${p.targetName}`);
    });
  }
  return plan.map((p) => results.get(p) ?? { planned: p, outcome: 'cancelled' });
}

async function readValues(
  aws: AwsRuntime,
  from: Environment,
  batch: readonly PlannedCopy[],
  signal: AbortSignal,
  failed: (p: PlannedCopy, message: string) => void,
): Promise<Map<PlannedCopy, SecretValueInput>> {
  const values = new Map<PlannedCopy, SecretValueInput>();
  if (from.service === 'secretsmanager') {
    const store = await aws.secrets(from.profile, from.region);
    const ids = batch.map((p) => p.source.arn || p.source.name);
    const read = await store.batchGetValues(ids, { signal });
    batch.forEach((p, i) => {
      const value = read.values.get(ids[i]!);
      if (value?.text !== undefined) values.set(p, { text: value.text });
      else if (value?.binary !== undefined) values.set(p, { binary: value.binary });
      else failed(p, read.errors.get(ids[i]!)?.message ?? `${p.source.name}: its value could not be read`);
    });
    return values;
  }
  const store = await aws.parameters(from.profile, from.region);
  const read = await store.getValues(
    batch.map((p) => p.source.name),
    { signal },
  );
  for (const p of batch) {
    const value = read.values.get(p.source.name);
    if (value) values.set(p, { text: value.value });
    else failed(p, read.errors.get(p.source.name)?.message ?? `${p.source.name}: its value could not be read`);
  }
  return values;
}

/** The tags to carry over; AWS's own (`aws:`) can't be set by anyone. */
async function sourceTags(aws: AwsRuntime, from: Environment, p: PlannedCopy, signal: AbortSignal): Promise<Tag[]> {
  const tags = p.source.tags ?? (from.service === 'ssm' ? await (await aws.parameters(from.profile, from.region)).listTags(p.source.name, { signal }) : []);
  return tags.filter((t) => !/^aws:/i.test(t.key));
}

function writer(aws: AwsRuntime, to: Environment, pacer: Pacer, options: RunOptions) {
  // Every write call waits its turn, and a throttled one is tried again after a pause.
  const paced = <T>(call: () => Promise<T>) =>
    retryThrottled(
      async () => {
        await pacer.turn(options.signal);
        return call();
      },
      { retries: THROTTLE_RETRIES, baseDelayMs: 1000, isThrottled: (e) => isAwsError(e) && e.kind === 'throttled', signal: options.signal },
    );
  return async (p: PlannedCopy, value: SecretValueInput, tags: Tag[] | undefined): Promise<void> => {
    const signal = options.signal;
    if (to.service === 'secretsmanager') {
      const store = await aws.secrets(to.profile, to.region);
      if (p.action === 'create') {
        await paced(() => store.create({ name: p.targetName, value, description: p.source.description, kmsKeyId: p.kmsKeyId, tags }, { signal }));
        return;
      }
      await paced(() => store.putValue(p.targetName, value, { signal }));
      if (tags?.length) await paced(() => store.tag(p.targetName, tags, { signal }));
      return;
    }
    if (!('text' in value)) throw new Error(`${p.source.name} is binary: Parameter Store holds text only.`);
    const store = await aws.parameters(to.profile, to.region);
    const type = p.parameterType ?? 'SecureString';
    if (p.action === 'create') {
      await paced(() =>
        store.put(
          { name: p.targetName, value: value.text, type, keyId: p.kmsKeyId, tier: p.tier, description: p.source.description, overwrite: false, tags },
          { signal },
        ),
      );
      return;
    }
    await paced(() =>
      store.put(
        { name: p.targetName, value: value.text, type, keyId: type === 'SecureString' ? p.targetKeyId : undefined, tier: p.tier, overwrite: true },
        { signal },
      ),
    );
    if (tags?.length) await paced(() => store.addTags(p.targetName, tags, { signal }));
  };
}

function messageOf(error: unknown): string {
  return isAwsError(error) ? error.message : error instanceof Error ? error.message : String(error);
}
