/**
 * Multi-Region secrets (Secrets Manager API reference: ReplicateSecretToRegions,
 * RemoveRegionsFromReplication, StopReplicationToReplica; user guide "Replicate secrets across
 * Regions", "Promote a replica secret", "Troubleshoot replication"):
 * - a replica is a secret of the same name in another Region, with the primary's ARN suffix,
 *   its value, description and tags, encrypted with its own Region's key;
 * - it is read-only: every change is refused with AWS's wording ("Operation not permitted on a
 *   replica secret. Call must be made in primary secret's region."), except a new KMS key;
 * - DeleteSecret refuses a primary that still has replicas;
 * - a replica starts InProgress and is InSync a moment later (replication is asynchronous);
 *   a name taken in the target Region fails the replica unless ForceOverwriteReplicaSecret.
 */
import { AwsError, compact, epochSeconds, type Input, type RequestContext } from './protocol';
import { findSecret } from './secretIds';
import { type EmulatorState, type Replica, type RegionState, type Secret, secretArn } from './state';

/** How long a new replica reports InProgress before InSync. */
export const REPLICATION_LAG_MS = 300;

const DEFAULT_KEY = 'alias/aws/secretsmanager';
const REPLICA_READ_ONLY = "Operation not permitted on a replica secret. Call must be made in primary secret's region.";
const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d$/;

/** Operations that change a secret: refused on a replica. */
const WRITES = new Set([
  'PutSecretValue',
  'UpdateSecret',
  'UpdateSecretVersionStage',
  'RotateSecret',
  'CancelRotateSecret',
  'DeleteSecret',
  'RestoreSecret',
  'TagResource',
  'UntagResource',
  'ReplicateSecretToRegions',
  'RemoveRegionsFromReplication',
]);

export function isReplica(secret: Secret, region: string): boolean {
  return secret.primaryRegion !== region;
}

function secretOf(state: EmulatorState, input: Input, ctx: RequestContext): Secret | undefined {
  const id = input.optString('SecretId');
  return id === undefined ? undefined : findSecret(state.region(ctx.region), id);
}

/** Checked before an operation runs: writes on a replica, and deleting a primary that has replicas. */
export function guardReplication(state: EmulatorState, operation: string, input: Input, ctx: RequestContext): void {
  if (!WRITES.has(operation)) return;
  const secret = secretOf(state, input, ctx);
  if (!secret) return;
  if (isReplica(secret, ctx.region)) {
    // Only the replica's own encryption key may change.
    const onlyKey = operation === 'UpdateSecret' && !input.has('Description') && !input.has('SecretString') && !input.has('SecretBinary');
    if (!onlyKey) throw new AwsError('InvalidParameterException', REPLICA_READ_ONLY);
  }
  if (operation === 'DeleteSecret' && secret.replicas?.length) {
    throw new AwsError(
      'InvalidParameterException',
      `You can't delete secret ${secret.arn} that still has replica regions [${secret.replicas.map((r) => r.region).join(', ')}].`,
    );
  }
}

/** Run after an operation: a primary's change reaches its replicas. */
export function afterReplicatedWrite(state: EmulatorState, operation: string, input: Input, ctx: RequestContext): void {
  if (!WRITES.has(operation)) return;
  const secret = secretOf(state, input, ctx);
  if (!secret) return;
  if (isReplica(secret, ctx.region)) {
    // A new key on the replica: the primary's record says so too.
    const entry = state
      .region(secret.primaryRegion)
      .secrets.get(secret.name)
      ?.replicas?.find((r) => r.region === ctx.region);
    if (entry) entry.kmsKeyId = secret.kmsKeyId;
    return;
  }
  syncReplicas(state, secret);
}

function copyInto(primary: Secret, replica: Secret): void {
  replica.description = primary.description;
  replica.tags = primary.tags.map((tag) => ({ ...tag }));
  replica.versions = primary.versions.map((version) => ({
    ...version,
    stages: [...version.stages],
    secretBinary: version.secretBinary ? Buffer.from(version.secretBinary) : undefined,
    kmsKeyId: replica.kmsKeyId,
  }));
  replica.lastChangedDate = primary.lastChangedDate;
}

export function syncReplicas(state: EmulatorState, primary: Secret): void {
  for (const entry of primary.replicas ?? []) {
    if (entry.status === 'Failed') continue;
    const replica = state.region(entry.region).secrets.get(primary.name);
    if (replica && replica.primaryRegion === primary.primaryRegion) copyInto(primary, replica);
  }
}

/** DescribeSecret's ReplicationStatus; a replica turns InSync once the lag has passed. */
export function replicationStatus(state: EmulatorState, secret: Secret, now: number): unknown[] | undefined {
  if (!secret.replicas?.length) return undefined;
  return secret.replicas.map((entry) => {
    if (entry.status === 'InProgress' && now - entry.startedAt >= REPLICATION_LAG_MS) {
      entry.status = 'InSync';
      entry.statusMessage = 'Replication succeeded';
    }
    const replica = state.region(entry.region).secrets.get(secret.name);
    return compact({
      Region: entry.region,
      KmsKeyId: entry.kmsKeyId ?? DEFAULT_KEY,
      Status: entry.status,
      StatusMessage: entry.statusMessage,
      LastAccessedDate: epochSeconds(replica?.primaryRegion === secret.primaryRegion ? replica.lastAccessedDate : undefined),
    });
  });
}

function requireSecret(region: RegionState, input: Input): Secret {
  const secret = findSecret(region, input.string('SecretId'));
  if (!secret) throw new AwsError('ResourceNotFoundException', "Secrets Manager can't find the specified secret.");
  if (secret.deletedDate !== undefined) {
    throw new AwsError('InvalidRequestException', "You can't perform this operation on the secret because it was marked for deletion.");
  }
  return secret;
}

function suffixOf(secret: Secret): string {
  return secret.arn.slice(secret.arn.lastIndexOf('-') + 1);
}

function replicateSecretToRegions(state: EmulatorState, input: Input, ctx: RequestContext): unknown {
  const secret = requireSecret(state.region(ctx.region), input);
  const requested = input.optObjectList('AddReplicaRegions') ?? [];
  if (requested.length === 0) throw new AwsError('InvalidParameterException', 'You must specify at least one Region in AddReplicaRegions.');
  const force = input.optBool('ForceOverwriteReplicaSecret') ?? false;
  const additions = requested.map((item) => ({ region: item.optString('Region') ?? '', kmsKeyId: item.optString('KmsKeyId') || undefined }));
  for (const { region } of additions) {
    if (!REGION_PATTERN.test(region) || region === ctx.region) throw new AwsError('InvalidParameterException', 'Invalid replica region.');
  }
  secret.replicas ??= [];
  for (const { region, kmsKeyId } of additions) {
    if (secret.replicas.some((entry) => entry.region === region && entry.status !== 'Failed')) continue;
    secret.replicas = secret.replicas.filter((entry) => entry.region !== region);
    const entry: Replica = { region, kmsKeyId, status: 'InProgress', startedAt: ctx.now };
    secret.replicas.push(entry);
    const target = state.region(region);
    target.purgeExpiredSecrets(ctx.now);
    if (target.secrets.has(secret.name) && !force) {
      entry.status = 'Failed';
      entry.statusMessage = 'Replication failed: Secret with this name already exists in this region.';
      continue;
    }
    if (kmsKeyId?.startsWith('alias/') && !target.kmsAliases.some((alias) => alias.aliasName === kmsKeyId)) {
      entry.status = 'Failed';
      entry.statusMessage = `Replication failed: KMS key ${kmsKeyId} is not found in ${region}.`;
      continue;
    }
    const replica: Secret = {
      name: secret.name,
      arn: secretArn(region, secret.name, suffixOf(secret)),
      kmsKeyId,
      tags: [],
      versions: [],
      createdDate: ctx.now,
      lastChangedDate: ctx.now,
      primaryRegion: ctx.region,
    };
    copyInto(secret, replica);
    target.secrets.set(secret.name, replica);
  }
  secret.lastChangedDate = ctx.now;
  return { ARN: secret.arn, ReplicationStatus: replicationStatus(state, secret, ctx.now) ?? [] };
}

function removeRegionsFromReplication(state: EmulatorState, input: Input, ctx: RequestContext): unknown {
  const secret = requireSecret(state.region(ctx.region), input);
  const regions = input.stringList('RemoveReplicaRegions');
  if (regions.length === 0) throw new AwsError('InvalidParameterException', 'You must specify at least one Region in RemoveReplicaRegions.');
  for (const region of regions) {
    if (!secret.replicas?.some((entry) => entry.region === region)) {
      throw new AwsError('InvalidParameterException', `The secret isn't replicated to ${region}.`);
    }
  }
  for (const region of regions) {
    const replica = state.region(region).secrets.get(secret.name);
    if (replica && replica.primaryRegion === ctx.region) state.region(region).secrets.delete(secret.name);
  }
  secret.replicas = secret.replicas!.filter((entry) => !regions.includes(entry.region));
  secret.lastChangedDate = ctx.now;
  return { ARN: secret.arn, ReplicationStatus: replicationStatus(state, secret, ctx.now) ?? [] };
}

function stopReplicationToReplica(state: EmulatorState, input: Input, ctx: RequestContext): unknown {
  const replica = requireSecret(state.region(ctx.region), input);
  if (!isReplica(replica, ctx.region))
    throw new AwsError('InvalidRequestException', 'The secret is not a replica secret. Call this operation in the Region of a replica.');
  const primary = state.region(replica.primaryRegion).secrets.get(replica.name);
  if (primary?.replicas) primary.replicas = primary.replicas.filter((entry) => entry.region !== ctx.region);
  replica.primaryRegion = ctx.region;
  replica.lastChangedDate = ctx.now;
  return { ARN: replica.arn };
}

export const REPLICATION_OPERATIONS = {
  ReplicateSecretToRegions: replicateSecretToRegions,
  RemoveRegionsFromReplication: removeRegionsFromReplication,
  StopReplicationToReplica: stopReplicationToReplica,
};
