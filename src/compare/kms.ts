/**
 * KMS keys as the copy sees them: the AWS managed key of a service is named the same in every
 * account and Region, a customer alias exists only where it was created, and a key ARN belongs
 * to one account and one Region (KMS keys are regional; Secrets Manager and Parameter Store
 * encrypt only with a key of their own Region that the caller may use).
 */
import type { ItemService } from '../aws/items';

export const DEFAULT_KEYS: Record<ItemService, string> = { secretsmanager: 'alias/aws/secretsmanager', ssm: 'alias/aws/ssm' };

/** The key as a comparable name: the default alias when none is set, an alias ARN as its alias. */
export function keyName(keyId: string | undefined, service: ItemService): string {
  if (!keyId) return DEFAULT_KEYS[service];
  const aliasArn = /^arn:[^:]+:kms:[^:]*:\d{12}:(alias\/.+)$/.exec(keyId);
  return aliasArn ? aliasArn[1]! : keyId;
}

export function isManagedKey(keyId: string | undefined, service: ItemService): boolean {
  return keyName(keyId, service).startsWith('alias/aws/');
}

export interface KeyTarget {
  readonly region: string;
  readonly service: ItemService;
  readonly account?: string;
  /** Alias names that exist in the target Region, when known. */
  readonly aliases?: readonly string[];
}

export interface KeySource {
  readonly region: string;
  readonly service: ItemService;
  readonly account?: string;
}

/**
 * The key to create a copy with when the user chose to keep each item's key, or the reason it
 * can't be used there. `keyId` undefined means the target's AWS managed key.
 */
export function keepKey(keyId: string | undefined, source: KeySource, target: KeyTarget): { keyId: string | undefined } | { problem: string } {
  if (isManagedKey(keyId, source.service)) return { keyId: undefined };
  const name = keyName(keyId, source.service);
  const arn = /^arn:[^:]+:kms:([^:]*):(\d{12}):(key|alias)\/(.+)$/.exec(name);
  if (arn) {
    const [, region, account] = arn;
    if (target.account && account !== target.account) {
      return {
        problem: `its customer-managed key ${name} belongs to account ${account}, and account ${target.account} can't use it: choose a key of the target`,
      };
    }
    if (region !== target.region) return { problem: `its KMS key is in ${region}, and KMS keys are regional: choose a key in ${target.region}` };
    return { keyId: name };
  }
  if (name.startsWith('alias/')) {
    if (target.aliases && !target.aliases.includes(name)) return { problem: `${name} does not exist in ${target.region}: choose a key of the target` };
    return { keyId: name };
  }
  // A bare key id names a key of the source's own account and Region.
  if (source.region !== target.region || (source.account && target.account && source.account !== target.account)) {
    return { problem: `its KMS key ${name} is a key of ${source.region}${source.account ? ` in account ${source.account}` : ''}: choose a key of the target` };
  }
  return { keyId: name };
}
