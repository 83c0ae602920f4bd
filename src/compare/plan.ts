/**
 * What a copy from one environment to another would do, item by item, decided before anything
 * is sent: create, overwrite (a new version of the existing item), leave alone (the value is
 * already there), or not copy — with the reason (a name the target service refuses, a binary
 * secret for Parameter Store, a value too large, a read-only replica, a KMS key the target
 * can't use, a SecureString value that would land in a plain String).
 */
import { ITEM_NOUNS } from '../aws/items';
import type { ParameterTier, ParameterType } from '../aws/types';
import { PARAMETER_MAX_BYTES, parameterNameProblem, SECRET_MAX_BYTES, secretNameProblem } from '../aws/validation';
import { nameIn, type Environment } from './environment';
import type { ItemFacts } from './facts';
import { sameValue } from './fingerprint';
import { keepKey } from './kms';

export type CopyAction = 'create' | 'overwrite' | 'leave' | 'blocked';

/** One item to copy, with what the target has under its name (when it has it). */
export interface CopySource {
  readonly source: ItemFacts;
  readonly target?: ItemFacts;
  /** The target has an item of that name that could not be read (e.g. scheduled for deletion). */
  readonly targetUnreadable?: string;
}

/** Which KMS key new copies are encrypted with. */
export type KmsChoice = { readonly kind: 'keep' } | { readonly kind: 'default' } | { readonly kind: 'key'; readonly keyId: string };

export interface PlanOptions {
  readonly from: Environment;
  readonly to: Environment;
  readonly kms: KmsChoice;
  readonly sourceAccount?: string;
  readonly targetAccount?: string;
  /** Alias names of the target Region, when known (to check kept aliases). */
  readonly targetAliases?: readonly string[];
}

export interface PlannedCopy {
  readonly source: ItemFacts;
  readonly targetName: string;
  readonly action: CopyAction;
  /** Why it is left alone or not copied. */
  readonly reason?: string;
  /** For a create: the key to encrypt with (undefined: the target's AWS managed key). */
  readonly kmsKeyId?: string;
  /** Parameter Store: the type to write (a new parameter: the source's; an existing one keeps its own). */
  readonly parameterType?: ParameterType;
  /** Parameter Store: the tier a new parameter needs for its size. */
  readonly tier?: ParameterTier;
  /** Parameter Store: the key of the existing parameter, kept on overwrite. */
  readonly targetKeyId?: string;
}

export function planCopy(items: readonly CopySource[], options: PlanOptions): PlannedCopy[] {
  return items.map((item) => planOne(item, options));
}

function planOne({ source, target, targetUnreadable }: CopySource, options: PlanOptions): PlannedCopy {
  const { from, to } = options;
  const targetName = target?.name ?? nameIn(to, source.relative);
  const blocked = (reason: string): PlannedCopy => ({ source, targetName, action: 'blocked', reason });
  const nameProblem = to.service === 'secretsmanager' ? secretNameProblem(targetName) : parameterNameProblem(targetName);
  if (nameProblem) return blocked(`${targetName} is not a valid ${ITEM_NOUNS[to.service]} name: ${nameProblem}`);
  const print = source.fingerprint;
  if (to.service === 'ssm') {
    if (print.shape === 'binary') return blocked('a binary secret has no Parameter Store equivalent');
    if (print.bytes > PARAMETER_MAX_BYTES.Advanced)
      return blocked(`the value is ${print.bytes.toLocaleString('en-US')} bytes; Parameter Store stores at most 8,192`);
  } else if (print.bytes > SECRET_MAX_BYTES) {
    return blocked(`the value is ${print.bytes.toLocaleString('en-US')} bytes; Secrets Manager stores at most 65,536`);
  }
  if (targetUnreadable) return blocked(`the target has ${targetName}, which could not be read: ${targetUnreadable}`);
  const sourceType: ParameterType = from.service === 'ssm' ? (source.parameterType ?? 'String') : 'SecureString';

  if (target) {
    if (to.service === 'secretsmanager' && target.primaryRegion && target.primaryRegion !== to.region) {
      return blocked(`${targetName} in ${to.region} is a read-only replica of the secret in ${target.primaryRegion}: copy to ${target.primaryRegion} instead`);
    }
    if (sameValue(print, target.fingerprint)) return { source, targetName, action: 'leave', reason: 'it has the same value already' };
    if (to.service === 'ssm') {
      const targetType = target.parameterType ?? 'String';
      // A secret value must not become readable as a plain String.
      if (sourceType === 'SecureString' && targetType !== 'SecureString') {
        return blocked(`the value is secret (SecureString) and ${targetName} is a ${targetType}: change the target's type first`);
      }
      const tier = target.tier === 'Advanced' || print.bytes > PARAMETER_MAX_BYTES.Standard ? 'Advanced' : undefined;
      return { source, targetName, action: 'overwrite', parameterType: targetType, tier, targetKeyId: target.kmsKeyId };
    }
    return { source, targetName, action: 'overwrite' };
  }

  const needsKey = to.service === 'secretsmanager' || sourceType === 'SecureString';
  let kmsKeyId: string | undefined;
  if (needsKey) {
    const key = chooseKey(source, options);
    if ('problem' in key) return blocked(key.problem);
    kmsKeyId = key.keyId;
  }
  if (to.service === 'ssm') {
    const tier = source.tier === 'Advanced' || print.bytes > PARAMETER_MAX_BYTES.Standard ? 'Advanced' : undefined;
    return { source, targetName, action: 'create', kmsKeyId, parameterType: sourceType, tier };
  }
  return { source, targetName, action: 'create', kmsKeyId };
}

function chooseKey(source: ItemFacts, options: PlanOptions): { keyId: string | undefined } | { problem: string } {
  switch (options.kms.kind) {
    case 'default':
      return { keyId: undefined };
    case 'key':
      return { keyId: options.kms.keyId };
    case 'keep':
      return keepKey(
        source.kmsKeyId,
        { region: options.from.region, service: options.from.service, account: options.sourceAccount },
        { region: options.to.region, service: options.to.service, account: options.targetAccount, aliases: options.targetAliases },
      );
  }
}

export interface PlanCounts {
  readonly create: number;
  readonly overwrite: number;
  readonly leave: number;
  readonly blocked: number;
}

export function countPlan(plan: readonly PlannedCopy[]): PlanCounts {
  const count = (action: CopyAction) => plan.filter((p) => p.action === action).length;
  return { create: count('create'), overwrite: count('overwrite'), leave: count('leave'), blocked: count('blocked') };
}
