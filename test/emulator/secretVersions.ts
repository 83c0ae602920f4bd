/**
 * Secret versions and their staging labels: the rules PutSecretValue,
 * UpdateSecret, UpdateSecretVersionStage and rotation share. A label names one
 * version at a time; moving AWSCURRENT drags AWSPREVIOUS to the version it left.
 */
import { AwsError } from './protocol';
import { AWSCURRENT, AWSPREVIOUS, type Secret, type SecretVersion } from './state';

/** AWS keeps the 100 most recent versions; older unlabelled ones are removed. */
const MAX_VERSIONS = 100;

export type SecretValue = { secretString?: string; secretBinary?: Buffer };

export function versionWithStage(secret: Secret, stage: string): SecretVersion | undefined {
  return secret.versions.find((version) => version.stages.includes(stage));
}

export function removeStage(version: SecretVersion, stage: string): void {
  version.stages = version.stages.filter((label) => label !== stage);
}

/**
 * Attaches `stage` to `target`, taking it from whichever version had it.
 * Moving AWSCURRENT also moves AWSPREVIOUS to the version AWSCURRENT left.
 */
export function attachStage(secret: Secret, target: SecretVersion, stage: string): void {
  const holder = versionWithStage(secret, stage);
  if (holder === target) return;
  if (holder) removeStage(holder, stage);
  target.stages.push(stage);
  if (stage === AWSCURRENT && holder) {
    const previous = versionWithStage(secret, AWSPREVIOUS);
    if (previous) removeStage(previous, AWSPREVIOUS);
    holder.stages.push(AWSPREVIOUS);
  }
}

function pruneVersions(secret: Secret): void {
  while (secret.versions.length > MAX_VERSIONS) {
    const index = secret.versions.findIndex((version) => version.stages.length === 0);
    if (index < 0) return;
    secret.versions.splice(index, 1);
  }
}

/** Adds a version; without explicit stages it becomes AWSCURRENT. The first version always gets AWSCURRENT. */
export function addSecretVersion(secret: Secret, value: SecretValue, versionId: string, stages: string[] | undefined, now: number): SecretVersion {
  const isFirst = versionWithStage(secret, AWSCURRENT) === undefined;
  const version: SecretVersion = { versionId, ...value, stages: [], createdDate: now, kmsKeyId: secret.kmsKeyId };
  secret.versions.push(version);
  const labels = stages ?? [AWSCURRENT];
  for (const label of labels) attachStage(secret, version, label);
  if (isFirst && !version.stages.includes(AWSCURRENT)) attachStage(secret, version, AWSCURRENT);
  pruneVersions(secret);
  secret.lastChangedDate = now;
  return version;
}

/** The version GetSecretValue would return, or the error it would raise. */
export function selectVersion(secret: Secret, versionId: string | undefined, stage: string | undefined): SecretVersion {
  if (versionId !== undefined) {
    const version = secret.versions.find((candidate) => candidate.versionId === versionId);
    if (!version) throw new AwsError('ResourceNotFoundException', `Secrets Manager can't find the specified secret value for VersionId: ${versionId}`);
    if (stage !== undefined && !version.stages.includes(stage)) {
      throw new AwsError('InvalidRequestException', 'You provided a VersionStage that is not associated to the provided VersionId.');
    }
    return version;
  }
  const label = stage ?? AWSCURRENT;
  const version = versionWithStage(secret, label);
  if (!version) throw new AwsError('ResourceNotFoundException', `Secrets Manager can't find the specified secret value for staging label: ${label}`);
  return version;
}
