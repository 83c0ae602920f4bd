/**
 * From names to ARNs, through the AWS layer's store interfaces: the profile's account (STS), each
 * secret's full ARN and KMS key (DescribeSecret), each SecureString's key (DescribeParameters), and
 * customer-managed keys' ARNs from their aliases (ListAliases). What cannot be learned is said in
 * a note; nothing is ever widened to `*`.
 */
import { isAwsError } from '../aws/errors';
import type { ItemService } from '../aws/items';
import type { AwsRuntime } from '../aws/types';
import type { PolicyTarget } from './targets';

/** A customer-managed KMS key a read needs `kms:Decrypt` on, through one service. */
export interface KeyUse {
  readonly keyArn: string;
  readonly service: ItemService;
}

export interface ResolvedItem {
  readonly target: PolicyTarget;
  readonly region: string;
  /** The ARN the statement names: exact, or a secret's name with AWS's `-??????` suffix wildcard. */
  readonly resourceArn: string;
  readonly exact: boolean;
  readonly key?: KeyUse;
}

/** Something the policy could not include or had to approximate, said about a name. */
export interface PolicyNote {
  readonly service: ItemService;
  readonly name: string;
  readonly region?: string;
  /** Not in the policy at all (as opposed to in it, with a remark). */
  readonly unresolved: boolean;
  readonly message: string;
}

export interface Resolution {
  readonly items: readonly ResolvedItem[];
  readonly notes: readonly PolicyNote[];
  readonly account?: string;
}

export interface ResolveScope {
  readonly profile: string;
  /** The Region of names written without an ARN. */
  readonly region: string;
  readonly signal?: AbortSignal;
}

const AWS_MANAGED_KEY = /^(alias\/aws\/|arn:[^:]+:kms:[^:]*:[^:]*:alias\/aws\/)/;

export function partitionOf(region: string): string {
  return region.startsWith('cn-') ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws';
}

/** `arn:aws:ssm:REGION:ACCOUNT:parameter/NAME`, without doubling the slash of a path name. */
export function parameterArn(partition: string, region: string, account: string, name: string): string {
  return `arn:${partition}:ssm:${region}:${account}:parameter/${name.replace(/^\//, '')}`;
}

/** AWS's documented wildcard for a secret whose full ARN is unknown: the name and any 6-character suffix. */
export function secretArnPattern(partition: string, region: string, account: string, name: string): string {
  return `arn:${partition}:secretsmanager:${region}:${account}:secret:${name}-??????`;
}

function reason(error: unknown): string {
  if (isAwsError(error)) return error.kind === 'accessDenied' ? `access denied (${error.context.service}:${error.context.operation})` : error.message;
  return error instanceof Error ? error.message : String(error);
}

/** Looks up everything the targets need; one failure is a note about that name, never the end of the run. */
export async function resolveTargets(aws: AwsRuntime, targets: readonly PolicyTarget[], scope: ResolveScope): Promise<Resolution> {
  const notes: PolicyNote[] = [];
  const items: ResolvedItem[] = [];
  const signal = scope.signal;
  let account: string | undefined;
  let accountProblem: string | undefined;
  try {
    account = (await (await aws.identity(scope.profile, scope.region)).callerIdentity({ signal })).account || undefined;
  } catch (error) {
    if (isAwsError(error) && error.kind === 'cancelled') throw error;
    accountProblem = reason(error);
  }
  const keys = new KeyArns(aws, scope.profile, signal);

  for (const target of targets) {
    const region = target.region ?? scope.region;
    const partition = target.partition ?? partitionOf(region);
    const owner = target.account ?? account;
    const note = (message: string, unresolved = false) => notes.push({ service: target.service, name: target.name, region, unresolved, message });
    if (!owner) {
      note(
        `not in the policy: the account is unknown (${accountProblem ?? 'STS GetCallerIdentity gave none'}); name it by ARN or use a profile that can call sts:GetCallerIdentity.`,
        true,
      );
      continue;
    }
    if (target.service === 'secretsmanager') {
      try {
        const summary = await (await aws.secrets(scope.profile, region)).find(target.arn ?? target.name, { signal });
        if (!summary) {
          note(`not found in ${region}: the policy names it with the -?????? suffix wildcard, which matches it once it exists.`);
          items.push({ target, region, resourceArn: secretArnPattern(partition, region, owner, target.name), exact: false });
          continue;
        }
        const key = summary.kmsKeyId && !AWS_MANAGED_KEY.test(summary.kmsKeyId) ? await keys.arnOf(summary.kmsKeyId, region, owner, partition) : undefined;
        if (key && 'problem' in key) note(`kms:Decrypt on its key ${summary.kmsKeyId} is not in the policy: ${key.problem}.`, true);
        items.push({
          target,
          region,
          resourceArn: summary.arn,
          exact: true,
          key: key && 'arn' in key ? { keyArn: key.arn, service: 'secretsmanager' } : undefined,
        });
      } catch (error) {
        if (isAwsError(error) && error.kind === 'cancelled') throw error;
        note(
          `could not be described in ${region} (${reason(error)}): the policy names it with the -?????? suffix wildcard, and says nothing about its KMS key.`,
        );
        items.push({ target, region, resourceArn: secretArnPattern(partition, region, owner, target.name), exact: false });
      }
      continue;
    }
    const resourceArn = target.arn ?? parameterArn(partition, region, owner, target.name);
    try {
      const summary = await (await aws.parameters(scope.profile, region)).find(target.name, { signal });
      if (!summary) note(`not found in ${region}: the policy names its ARN all the same.`);
      const keyId = summary?.type === 'SecureString' ? summary.keyId : undefined;
      const key = keyId && !AWS_MANAGED_KEY.test(keyId) ? await keys.arnOf(keyId, region, owner, partition) : undefined;
      if (key && 'problem' in key) note(`kms:Decrypt on its key ${keyId} is not in the policy: ${key.problem}.`, true);
      items.push({ target, region, resourceArn, exact: true, key: key && 'arn' in key ? { keyArn: key.arn, service: 'ssm' } : undefined });
    } catch (error) {
      if (isAwsError(error) && error.kind === 'cancelled') throw error;
      note(`could not be described in ${region} (${reason(error)}): the policy names its ARN, and says nothing about a KMS key.`);
      items.push({ target, region, resourceArn, exact: true });
    }
  }
  return { items, notes, account };
}

/** Key ARNs from what DescribeSecret / DescribeParameters report (a key id, key ARN, alias or alias ARN), aliases listed once per Region. */
class KeyArns {
  private readonly aliases = new Map<string, Promise<Map<string, string | undefined>>>();

  constructor(
    private readonly aws: AwsRuntime,
    private readonly profile: string,
    private readonly signal: AbortSignal | undefined,
  ) {}

  async arnOf(keyId: string, region: string, account: string, partition: string): Promise<{ arn: string } | { problem: string }> {
    if (/^arn:[^:]+:kms:[^:]*:[^:]*:key\//.test(keyId)) return { arn: keyId };
    const alias = /^(?:arn:[^:]+:kms:([^:]*):(\d{12}):)?(alias\/.+)$/.exec(keyId);
    if (!alias) return { arn: `arn:${partition}:kms:${region}:${account}:key/${keyId}` };
    const keyRegion = alias[1] || region;
    const keyAccount = alias[2] || account;
    try {
      const target = (await this.list(keyRegion)).get(alias[3]!);
      // An IAM policy cannot grant Decrypt through an alias ARN: the key's own ARN is needed.
      if (!target) return { problem: `the alias ${alias[3]} is not in ${keyRegion}` };
      return { arn: `arn:${partition}:kms:${keyRegion}:${keyAccount}:key/${target}` };
    } catch (error) {
      if (isAwsError(error) && error.kind === 'cancelled') throw error;
      return { problem: `its alias could not be read (${reason(error)})` };
    }
  }

  private list(region: string): Promise<Map<string, string | undefined>> {
    let listing = this.aliases.get(region);
    if (!listing) {
      listing = (async () => {
        const aliases = await (await this.aws.keys(this.profile, region)).listAliases({ signal: this.signal });
        return new Map(aliases.map((a) => [a.aliasName, a.targetKeyId]));
      })();
      this.aliases.set(region, listing);
    }
    return listing;
  }
}
