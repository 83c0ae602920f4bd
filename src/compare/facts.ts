/** What is known of each item of an environment once it has been read: metadata and a fingerprint, never a value. */
import type { ParameterTier, ParameterType, Tag } from '../aws/types';
import type { Environment } from './environment';
import type { Fingerprint } from './fingerprint';

export interface ItemFacts {
  /** The full name. */
  readonly name: string;
  /** The name relative to its environment. */
  readonly relative: string;
  readonly arn?: string;
  readonly fingerprint: Fingerprint;
  readonly parameterType?: ParameterType;
  readonly tier?: ParameterTier;
  /** As the service reports it; undefined is the service's AWS managed key. */
  readonly kmsKeyId?: string;
  /** Undefined when they were not read. */
  readonly tags?: readonly Tag[];
  readonly description?: string;
  /** Secrets: the primary's Region (another Region on a read-only replica). */
  readonly primaryRegion?: string;
}

/** An item that exists but could not be compared, and why (scheduled for deletion, access denied…). */
export interface UnreadableItem {
  readonly name: string;
  readonly relative: string;
  readonly reason: string;
}

export interface Snapshot {
  readonly environment: Environment;
  readonly items: readonly ItemFacts[];
  readonly unreadable: readonly UnreadableItem[];
  /** The AWS account id, when an ARN told it. */
  readonly account?: string;
}

/** The account in an ARN (`arn:aws:service:region:ACCOUNT:…`). */
export function accountOf(arn: string | undefined): string | undefined {
  const match = /^arn:[^:]+:[^:]+:[^:]*:(\d{12}):/.exec(arn ?? '');
  return match?.[1];
}
