import type { AwsRuntime } from '../../aws/types';
import { secretId, type ItemTarget } from './targets';

/**
 * Reads the value a target points at (its chosen version, else the current one). The
 * caller uses it at once and drops it; binary secrets come back as base64 text.
 */
export async function readValue(aws: AwsRuntime, target: ItemTarget, signal?: AbortSignal): Promise<{ text: string; binary: boolean }> {
  if (target.kind === 'secret') {
    const store = await aws.secrets(target.profile, target.region);
    const value = await store.getValue(secretId(target), { versionId: target.versionId }, { signal });
    if (value.text !== undefined) return { text: value.text, binary: false };
    return { text: Buffer.from(value.binary ?? new Uint8Array()).toString('base64'), binary: true };
  }
  const store = await aws.parameters(target.profile, target.region);
  return { text: (await store.getValue(target.name, { version: target.version }, { signal })).value, binary: false };
}
