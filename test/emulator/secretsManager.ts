/**
 * Secrets Manager operations (JSON 1.1, `X-Amz-Target: secretsmanager.<Op>`),
 * following the API reference where the extension depends on the behaviour:
 * staging-label moves, deletion windows, rotation, pagination and errors.
 */
import { randomUUID } from 'node:crypto';
import { paginate } from './pagination';
import { randomPassword, rotatedValue } from './password';
import {
  AwsError,
  compact,
  DAY_MS,
  epochSeconds,
  type Handler,
  type Input,
  mergeTags,
  readTags,
  type RequestContext,
  startOfUtcDay,
  type Tag,
  validationError,
} from './protocol';
import { RESOURCE_POLICY_OPERATIONS } from './resourcePolicies';
import { afterReplicatedWrite, guardReplication, REPLICATION_OPERATIONS, replicationStatus } from './replication';
import { nextRotationDate, readRotationRules } from './rotation';
import { findSecret } from './secretIds';
import { matchesSecretFilters, readSecretFilters } from './secretFilters';
import { addSecretVersion, attachStage, removeStage, type SecretValue, selectVersion, versionWithStage } from './secretVersions';
import { AWSCURRENT, AWSPENDING, type EmulatorState, randomArnSuffix, type RegionState, type Secret, secretArn, type SecretVersion } from './state';

export { findSecret } from './secretIds';

export const MAX_SECRET_BYTES = 65_536;
const NAME_CHARS = /^[A-Za-z0-9/_+=.@-]+$/;

const NOT_FOUND = "Secrets Manager can't find the specified secret.";
const MARKED_FOR_DELETION = "You can't perform this operation on the secret because it was marked for deletion.";

function notFound(): AwsError {
  return new AwsError('ResourceNotFoundException', NOT_FOUND);
}

function requireSecret(region: RegionState, input: Input): Secret {
  const secret = findSecret(region, input.string('SecretId'));
  if (!secret) throw notFound();
  return secret;
}

/**
 * A secret another service owns (OwningService) is changed through that service only: the API
 * reference lists, under InvalidRequestException of the write operations, "The secret is managed
 * by another service, and you must use that service to update it."
 */
function refuseManaged(secret: Secret): void {
  if (secret.owningService !== undefined) {
    throw new AwsError(
      'InvalidRequestException',
      `You can't perform this operation on the secret because it's managed by ${secret.owningService}. Use that service to update it.`,
    );
  }
}

/** Operations that change or reveal a secret refuse one that is scheduled for deletion. */
function requireActive(region: RegionState, input: Input): Secret {
  const secret = requireSecret(region, input);
  if (secret.deletedDate !== undefined) throw new AwsError('InvalidRequestException', MARKED_FOR_DELETION);
  return secret;
}

function validateName(name: string): void {
  if (name.length < 1 || name.length > 512) {
    throw validationError('name', 'Member must have length less than or equal to 512 and greater than or equal to 1', name);
  }
  if (!NAME_CHARS.test(name)) {
    throw new AwsError('ValidationException', 'Invalid name. Must be a valid name containing alphanumeric characters, or any of the following: -/_+=.@!');
  }
}

function readToken(input: Input): string | undefined {
  const token = input.optString('ClientRequestToken');
  if (token !== undefined && (token.length < 32 || token.length > 64)) {
    throw validationError('clientRequestToken', 'Member must have length less than or equal to 64 and greater than or equal to 32', token);
  }
  return token;
}

/** SecretString or SecretBinary (base64 on the wire), never both, at most 65,536 bytes. */
function readValue(input: Input): SecretValue | undefined {
  const text = input.optString('SecretString');
  const binary = input.optString('SecretBinary');
  if (text !== undefined && binary !== undefined) {
    throw new AwsError('InvalidParameterException', 'You must provide either SecretString or SecretBinary, but not both.');
  }
  if (text !== undefined) {
    if (Buffer.byteLength(text, 'utf8') > MAX_SECRET_BYTES) {
      throw validationError('secretString', `Member must have length less than or equal to ${MAX_SECRET_BYTES}`);
    }
    return { secretString: text };
  }
  if (binary !== undefined) {
    const bytes = Buffer.from(binary, 'base64');
    if (bytes.length > MAX_SECRET_BYTES) {
      throw validationError('secretBinary', `Member must have length less than or equal to ${MAX_SECRET_BYTES}`);
    }
    return { secretBinary: bytes };
  }
  return undefined;
}

function sameValue(version: SecretVersion, value: SecretValue): boolean {
  if (value.secretString !== undefined) return version.secretString === value.secretString;
  return version.secretBinary !== undefined && value.secretBinary !== undefined && version.secretBinary.equals(value.secretBinary);
}

function readTagsChecked(input: Input, existing: Tag[] = []): Tag[] | undefined {
  const tags = readTags(input);
  if (tags === undefined) return undefined;
  for (const tag of tags) {
    if (tag.Key.length < 1 || tag.Key.length > 128)
      throw validationError('tags.member.key', 'Member must have length less than or equal to 128 and greater than or equal to 1', tag.Key);
    if (tag.Value.length > 256) throw validationError('tags.member.value', 'Member must have length less than or equal to 256');
    if (tag.Key.toLowerCase().startsWith('aws:')) throw new AwsError('InvalidParameterException', 'Tag keys beginning with aws: are reserved for AWS use.');
  }
  if (mergeTags(existing, tags).length > 50) throw new AwsError('ValidationException', 'A secret can have at most 50 tags.');
  return tags;
}

function versionsToStages(secret: Secret): Record<string, string[]> | undefined {
  const map: Record<string, string[]> = {};
  for (const version of secret.versions) if (version.stages.length > 0) map[version.versionId] = [...version.stages];
  return Object.keys(map).length > 0 ? map : undefined;
}

/** Metadata shared by DescribeSecret and ListSecrets entries. */
function secretMetadata(secret: Secret): Record<string, unknown> {
  return compact({
    ARN: secret.arn,
    Name: secret.name,
    Description: secret.description,
    KmsKeyId: secret.kmsKeyId,
    RotationEnabled: secret.rotationEnabled,
    RotationLambdaARN: secret.rotationLambdaArn,
    RotationRules: secret.rotationRules ? { ...secret.rotationRules } : undefined,
    LastRotatedDate: epochSeconds(secret.lastRotatedDate),
    LastChangedDate: epochSeconds(secret.lastChangedDate),
    LastAccessedDate: epochSeconds(secret.lastAccessedDate),
    DeletedDate: epochSeconds(secret.deletedDate),
    NextRotationDate: epochSeconds(secret.rotationEnabled ? secret.nextRotationDate : undefined),
    Tags: secret.tags.length > 0 ? secret.tags.map((tag) => ({ ...tag })) : undefined,
    CreatedDate: epochSeconds(secret.createdDate),
    PrimaryRegion: secret.primaryRegion,
    OwningService: secret.owningService,
  });
}

function valueMembers(version: SecretVersion): Record<string, unknown> {
  return compact({
    SecretString: version.secretString,
    SecretBinary: version.secretBinary?.toString('base64'),
  });
}

function markAccessed(secret: Secret, version: SecretVersion, now: number): void {
  const day = startOfUtcDay(now);
  secret.lastAccessedDate = day;
  version.lastAccessedDate = day;
}

const SORT_BY = ['created-date', 'last-accessed-date', 'last-changed-date', 'name'] as const;

function sortSecrets(secrets: Secret[], sortBy: string, order: string): Secret[] {
  const key = (secret: Secret): number | string => {
    switch (sortBy) {
      case 'name':
        return secret.name;
      case 'last-accessed-date':
        return secret.lastAccessedDate ?? 0;
      case 'last-changed-date':
        return secret.lastChangedDate;
      default:
        return secret.createdDate;
    }
  };
  const sign = order === 'desc' ? -1 : 1;
  return secrets.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka < kb) return -sign;
    if (ka > kb) return sign;
    return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
  });
}

function listSecrets(state: EmulatorState, input: Input, ctx: RequestContext): unknown {
  const region = state.region(ctx.region);
  const maxResults = input.optIntInRange('MaxResults', 1, 100) ?? 100;
  const filters = readSecretFilters(input);
  const includeDeleted = input.optBool('IncludePlannedDeletion') ?? false;
  const order = input.optString('SortOrder') ?? 'asc';
  if (order !== 'asc' && order !== 'desc') throw validationError('sortOrder', 'Member must satisfy enum value set: [asc, desc]', order);
  const sortBy = input.optString('SortBy') ?? 'created-date';
  if (!(SORT_BY as readonly string[]).includes(sortBy)) throw validationError('sortBy', `Member must satisfy enum value set: [${SORT_BY.join(', ')}]`, sortBy);
  const matching = [...region.secrets.values()].filter(
    (secret) => (includeDeleted || secret.deletedDate === undefined) && matchesSecretFilters(secret, filters),
  );
  const page = paginate(
    'ListSecrets',
    sortSecrets(matching, sortBy, order),
    maxResults,
    input.optString('NextToken'),
    () => new AwsError('InvalidNextTokenException', 'The NextToken value is invalid.'),
  );
  return compact({
    SecretList: page.items.map((secret) => compact({ ...secretMetadata(secret), SecretVersionsToStages: versionsToStages(secret) })),
    NextToken: page.nextToken,
  });
}

function createSecret(state: EmulatorState, input: Input, ctx: RequestContext): unknown {
  const region = state.region(ctx.region);
  const name = input.string('Name');
  validateName(name);
  const token = readToken(input);
  const value = readValue(input);
  const existing = region.secrets.get(name);
  if (existing) {
    if (existing.deletedDate !== undefined) {
      throw new AwsError('InvalidRequestException', "You can't create this secret because a secret with this name is already scheduled for deletion.");
    }
    // A retried CreateSecret (same token, same value) succeeds without doing anything.
    const retried = token !== undefined && value !== undefined ? existing.versions.find((version) => version.versionId === token) : undefined;
    if (retried && value && sameValue(retried, value)) return { ARN: existing.arn, Name: existing.name, VersionId: retried.versionId };
    throw new AwsError('ResourceExistsException', `The operation failed because the secret ${name} already exists.`);
  }
  const description = input.optString('Description');
  if (description !== undefined && description.length > 2048) throw validationError('description', 'Member must have length less than or equal to 2048');
  const kmsKeyId = input.optString('KmsKeyId');
  const secret: Secret = {
    name,
    arn: secretArn(ctx.region, name, randomArnSuffix()),
    description,
    kmsKeyId: kmsKeyId === '' ? undefined : kmsKeyId,
    tags: readTagsChecked(input) ?? [],
    versions: [],
    createdDate: ctx.now,
    lastChangedDate: ctx.now,
    primaryRegion: ctx.region,
  };
  region.secrets.set(name, secret);
  const version = value ? addSecretVersion(secret, value, token ?? randomUUID(), undefined, ctx.now) : undefined;
  return compact({ ARN: secret.arn, Name: secret.name, VersionId: version?.versionId });
}

function describeSecret(state: EmulatorState, input: Input, ctx: RequestContext): unknown {
  const secret = requireSecret(state.region(ctx.region), input);
  return compact({ ...secretMetadata(secret), VersionIdsToStages: versionsToStages(secret), ReplicationStatus: replicationStatus(state, secret, ctx.now) });
}

function getSecretValue(state: EmulatorState, input: Input, ctx: RequestContext): unknown {
  const secret = requireActive(state.region(ctx.region), input);
  const version = selectVersion(secret, input.optString('VersionId'), input.optString('VersionStage'));
  markAccessed(secret, version, ctx.now);
  return {
    ARN: secret.arn,
    Name: secret.name,
    VersionId: version.versionId,
    ...valueMembers(version),
    VersionStages: [...version.stages],
    CreatedDate: epochSeconds(version.createdDate),
  };
}

function batchGetSecretValue(state: EmulatorState, input: Input, ctx: RequestContext): unknown {
  const region = state.region(ctx.region);
  const ids = input.optStringList('SecretIdList');
  const filters = readSecretFilters(input);
  if ((ids === undefined) === (filters === undefined)) {
    throw new AwsError('InvalidParameterException', 'You must include Filters or SecretIdList, but not both.');
  }
  const values: unknown[] = [];
  const errors: unknown[] = [];
  const fetch = (secretId: string, secret: Secret | undefined): void => {
    if (!secret) {
      errors.push({ SecretId: secretId, ErrorCode: 'ResourceNotFoundException', Message: NOT_FOUND });
      return;
    }
    if (secret.deletedDate !== undefined) {
      errors.push({ SecretId: secretId, ErrorCode: 'InvalidRequestException', Message: MARKED_FOR_DELETION });
      return;
    }
    const version = versionWithStage(secret, AWSCURRENT);
    if (!version) {
      errors.push({
        SecretId: secretId,
        ErrorCode: 'ResourceNotFoundException',
        Message: `Secrets Manager can't find the specified secret value for staging label: ${AWSCURRENT}`,
      });
      return;
    }
    markAccessed(secret, version, ctx.now);
    values.push({
      ARN: secret.arn,
      Name: secret.name,
      VersionId: version.versionId,
      ...valueMembers(version),
      VersionStages: [...version.stages],
      CreatedDate: epochSeconds(version.createdDate),
    });
  };
  if (ids !== undefined) {
    if (ids.length < 1 || ids.length > 20)
      throw validationError('secretIdList', 'Member must have length less than or equal to 20 and greater than or equal to 1');
    for (const id of ids) fetch(id, findSecret(region, id));
    return { SecretValues: values, Errors: errors };
  }
  const maxResults = input.optIntInRange('MaxResults', 1, 20) ?? 20;
  const matching = sortSecrets(
    [...region.secrets.values()].filter((secret) => secret.deletedDate === undefined && matchesSecretFilters(secret, filters)),
    'created-date',
    'asc',
  );
  const page = paginate(
    'BatchGetSecretValue',
    matching,
    maxResults,
    input.optString('NextToken'),
    () => new AwsError('InvalidNextTokenException', 'The NextToken value is invalid.'),
  );
  for (const secret of page.items) fetch(secret.name, secret);
  return compact({ SecretValues: values, Errors: errors, NextToken: page.nextToken });
}

function readStages(input: Input): string[] | undefined {
  const stages = input.optStringList('VersionStages');
  if (stages === undefined) return undefined;
  if (stages.length < 1 || stages.length > 20)
    throw validationError('versionStages', 'Member must have length less than or equal to 20 and greater than or equal to 1');
  for (const stage of stages) {
    if (stage.length < 1 || stage.length > 256)
      throw validationError('versionStages.member', 'Member must have length less than or equal to 256 and greater than or equal to 1', stage);
  }
  return stages;
}

function putSecretValue(state: EmulatorState, input: Input, ctx: RequestContext): unknown {
  const secret = requireActive(state.region(ctx.region), input);
  refuseManaged(secret);
  const value = readValue(input);
  if (!value) throw new AwsError('InvalidRequestException', 'You must provide either SecretString or SecretBinary.');
  const token = readToken(input) ?? randomUUID();
  const stages = readStages(input);
  const existing = secret.versions.find((version) => version.versionId === token);
  if (existing) {
    // Same token and same data: an idempotent retry. Different data: versions are immutable.
    if (!sameValue(existing, value)) throw new AwsError('ResourceExistsException', "You can't modify an existing version, you can only create new versions.");
    return { ARN: secret.arn, Name: secret.name, VersionId: existing.versionId, VersionStages: [...existing.stages] };
  }
  const version = addSecretVersion(secret, value, token, stages, ctx.now);
  return { ARN: secret.arn, Name: secret.name, VersionId: version.versionId, VersionStages: [...version.stages] };
}

function updateSecret(state: EmulatorState, input: Input, ctx: RequestContext): unknown {
  const secret = requireActive(state.region(ctx.region), input);
  refuseManaged(secret);
  const description = input.optString('Description');
  if (description !== undefined && description.length > 2048) throw validationError('description', 'Member must have length less than or equal to 2048');
  const kmsKeyId = input.optString('KmsKeyId');
  const value = readValue(input);
  const token = readToken(input) ?? randomUUID();
  if (value && secret.versions.some((version) => version.versionId === token)) {
    throw new AwsError('ResourceExistsException', 'A version with this ClientRequestToken already exists for this secret.');
  }
  if (description !== undefined) secret.description = description;
  if (kmsKeyId !== undefined) secret.kmsKeyId = kmsKeyId === '' ? undefined : kmsKeyId;
  secret.lastChangedDate = ctx.now;
  const version = value ? addSecretVersion(secret, value, token, undefined, ctx.now) : undefined;
  return compact({ ARN: secret.arn, Name: secret.name, VersionId: version?.versionId });
}

function listSecretVersionIds(state: EmulatorState, input: Input, ctx: RequestContext): unknown {
  const secret = requireSecret(state.region(ctx.region), input);
  const maxResults = input.optIntInRange('MaxResults', 1, 100) ?? 100;
  const includeDeprecated = input.optBool('IncludeDeprecated') ?? false;
  const versions = secret.versions.filter((version) => includeDeprecated || version.stages.length > 0).reverse();
  const page = paginate(
    `ListSecretVersionIds:${secret.arn}`,
    versions,
    maxResults,
    input.optString('NextToken'),
    () => new AwsError('InvalidNextTokenException', 'The NextToken value is invalid.'),
  );
  return compact({
    Versions: page.items.map((version) =>
      compact({
        VersionId: version.versionId,
        VersionStages: [...version.stages],
        LastAccessedDate: epochSeconds(version.lastAccessedDate),
        CreatedDate: epochSeconds(version.createdDate),
        KmsKeyIds: [version.kmsKeyId ?? 'DefaultEncryptionKey'],
      }),
    ),
    NextToken: page.nextToken,
    ARN: secret.arn,
    Name: secret.name,
  });
}

function updateSecretVersionStage(state: EmulatorState, input: Input, ctx: RequestContext): unknown {
  const secret = requireActive(state.region(ctx.region), input);
  refuseManaged(secret);
  const stage = input.string('VersionStage');
  if (stage.length < 1 || stage.length > 256)
    throw validationError('versionStage', 'Member must have length less than or equal to 256 and greater than or equal to 1', stage);
  const moveTo = input.optString('MoveToVersionId');
  const removeFrom = input.optString('RemoveFromVersionId');
  const holder = versionWithStage(secret, stage);
  const byId = (versionId: string): SecretVersion => {
    const version = secret.versions.find((candidate) => candidate.versionId === versionId);
    if (!version) throw new AwsError('ResourceNotFoundException', `Secrets Manager can't find the specified secret version: ${versionId}`);
    return version;
  };
  if (removeFrom !== undefined) {
    byId(removeFrom);
    if (holder?.versionId !== removeFrom) {
      throw new AwsError('InvalidParameterException', `The staging label ${stage} is not attached to version ${removeFrom}.`);
    }
  }
  if (moveTo !== undefined) {
    const target = byId(moveTo);
    if (holder && holder !== target && removeFrom !== holder.versionId) {
      throw new AwsError(
        'InvalidParameterException',
        `The staging label ${stage} is currently attached to version ${holder.versionId}. So you must explicitly reference that version in RemoveFromVersionId.`,
      );
    }
    attachStage(secret, target, stage);
  } else {
    if (removeFrom === undefined) {
      throw new AwsError('InvalidParameterException', 'You must specify MoveToVersionId, RemoveFromVersionId, or both.');
    }
    if (stage === AWSCURRENT) {
      throw new AwsError(
        'InvalidParameterException',
        'You can only move staging label AWSCURRENT to a different secret version. It can\u2019t be completely removed.',
      );
    }
    removeStage(holder!, stage);
  }
  secret.lastChangedDate = ctx.now;
  return { ARN: secret.arn, Name: secret.name };
}

function rotateSecret(state: EmulatorState, input: Input, ctx: RequestContext): unknown {
  const secret = requireActive(state.region(ctx.region), input);
  refuseManaged(secret);
  const lambdaArn = input.optString('RotationLambdaARN');
  const rules = readRotationRules(input);
  const immediately = input.optBool('RotateImmediately') ?? true;
  const token = readToken(input) ?? randomUUID();
  if (!lambdaArn && !secret.rotationLambdaArn) {
    throw new AwsError('InvalidRequestException', 'No Lambda rotation function ARN is associated with this secret.');
  }
  const pending = versionWithStage(secret, AWSPENDING);
  if (pending && !pending.stages.includes(AWSCURRENT) && pending.versionId !== token) {
    throw new AwsError('InvalidRequestException', "A previous rotation isn't complete. That rotation will be reattempted.");
  }
  if (lambdaArn) secret.rotationLambdaArn = lambdaArn;
  if (rules) secret.rotationRules = rules;
  secret.rotationEnabled = true;
  let versionId: string | undefined;
  if (immediately) {
    const retried = secret.versions.find((version) => version.versionId === token);
    if (retried) {
      versionId = retried.versionId;
    } else {
      // No Lambda runs here: do what a successful rotation leaves behind. The new
      // version goes through AWSPENDING and is then promoted to AWSCURRENT.
      const current = versionWithStage(secret, AWSCURRENT);
      const created = addSecretVersion(secret, rotatedValue(current ?? {}), token, [AWSPENDING], ctx.now);
      attachStage(secret, created, AWSCURRENT);
      removeStage(created, AWSPENDING);
      secret.lastRotatedDate = ctx.now;
      versionId = created.versionId;
    }
  }
  secret.nextRotationDate = nextRotationDate(secret.rotationRules, secret.lastRotatedDate ?? ctx.now, ctx.now);
  secret.lastChangedDate = ctx.now;
  return compact({ ARN: secret.arn, Name: secret.name, VersionId: versionId });
}

function cancelRotateSecret(state: EmulatorState, input: Input, ctx: RequestContext): unknown {
  const secret = requireActive(state.region(ctx.region), input);
  refuseManaged(secret);
  const pending = versionWithStage(secret, AWSPENDING);
  secret.rotationEnabled = false;
  secret.nextRotationDate = undefined;
  secret.lastChangedDate = ctx.now;
  return compact({
    ARN: secret.arn,
    Name: secret.name,
    VersionId: pending && !pending.stages.includes(AWSCURRENT) ? pending.versionId : undefined,
  });
}

function getRandomPassword(_state: EmulatorState, input: Input): unknown {
  return {
    RandomPassword: randomPassword({
      length: input.optIntInRange('PasswordLength', 1, 4096) ?? 32,
      excludeCharacters: input.optString('ExcludeCharacters'),
      excludeNumbers: input.optBool('ExcludeNumbers'),
      excludePunctuation: input.optBool('ExcludePunctuation'),
      excludeUppercase: input.optBool('ExcludeUppercase'),
      excludeLowercase: input.optBool('ExcludeLowercase'),
      includeSpace: input.optBool('IncludeSpace'),
      requireEachIncludedType: input.optBool('RequireEachIncludedType'),
    }),
  };
}

function deleteSecret(state: EmulatorState, input: Input, ctx: RequestContext): unknown {
  const region = state.region(ctx.region);
  const force = input.optBool('ForceDeleteWithoutRecovery') ?? false;
  const window = input.optInt('RecoveryWindowInDays');
  if (force && window !== undefined) {
    throw new AwsError('InvalidParameterException', "You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.");
  }
  const secretId = input.string('SecretId');
  const secret = findSecret(region, secretId);
  if (force) {
    // Documented: forcing the deletion of a missing secret is not an error.
    if (!secret) return { Name: secretId, DeletionDate: epochSeconds(ctx.now) };
    refuseManaged(secret);
    region.secrets.delete(secret.name);
    return { ARN: secret.arn, Name: secret.name, DeletionDate: epochSeconds(ctx.now) };
  }
  if (!secret) throw notFound();
  refuseManaged(secret);
  const days = window ?? 30;
  if (days < 7 || days > 30) {
    throw new AwsError('InvalidParameterException', 'The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).');
  }
  if (secret.deletedDate !== undefined) throw new AwsError('InvalidRequestException', MARKED_FOR_DELETION);
  secret.deletedDate = ctx.now;
  secret.deletionDate = ctx.now + days * DAY_MS;
  secret.lastChangedDate = ctx.now;
  return { ARN: secret.arn, Name: secret.name, DeletionDate: epochSeconds(secret.deletionDate) };
}

function restoreSecret(state: EmulatorState, input: Input, ctx: RequestContext): unknown {
  const secret = requireSecret(state.region(ctx.region), input);
  refuseManaged(secret);
  secret.deletedDate = undefined;
  secret.deletionDate = undefined;
  secret.lastChangedDate = ctx.now;
  return { ARN: secret.arn, Name: secret.name };
}

function tagResource(state: EmulatorState, input: Input, ctx: RequestContext): unknown {
  const secret = requireActive(state.region(ctx.region), input);
  refuseManaged(secret);
  const tags = readTagsChecked(input, secret.tags);
  if (tags === undefined) throw validationError('tags', 'Member must not be null', 'null');
  secret.tags = mergeTags(secret.tags, tags);
  secret.lastChangedDate = ctx.now;
  return {};
}

function untagResource(state: EmulatorState, input: Input, ctx: RequestContext): unknown {
  const secret = requireActive(state.region(ctx.region), input);
  refuseManaged(secret);
  const keys = new Set(input.stringList('TagKeys'));
  secret.tags = secret.tags.filter((tag) => !keys.has(tag.Key));
  secret.lastChangedDate = ctx.now;
  return {};
}

type StateHandler = (state: EmulatorState, input: Input, ctx: RequestContext) => unknown;

const OPERATIONS: Record<string, StateHandler> = {
  ListSecrets: listSecrets,
  CreateSecret: createSecret,
  DescribeSecret: describeSecret,
  GetSecretValue: getSecretValue,
  BatchGetSecretValue: batchGetSecretValue,
  PutSecretValue: putSecretValue,
  UpdateSecret: updateSecret,
  ListSecretVersionIds: listSecretVersionIds,
  UpdateSecretVersionStage: updateSecretVersionStage,
  RotateSecret: rotateSecret,
  CancelRotateSecret: cancelRotateSecret,
  GetRandomPassword: getRandomPassword,
  DeleteSecret: deleteSecret,
  RestoreSecret: restoreSecret,
  TagResource: tagResource,
  UntagResource: untagResource,
  ...REPLICATION_OPERATIONS,
  ...RESOURCE_POLICY_OPERATIONS,
};

export function secretsManagerHandlers(state: EmulatorState): Record<string, Handler> {
  const handlers: Record<string, Handler> = {};
  for (const [name, operation] of Object.entries(OPERATIONS)) {
    handlers[name] = (input, ctx) => {
      // AWS purges secrets in the background once their window ends; do it lazily.
      state.region(ctx.region).purgeExpiredSecrets(ctx.now);
      guardReplication(state, name, input, ctx);
      const result = operation(state, input, ctx);
      afterReplicatedWrite(state, name, input, ctx);
      return result;
    };
  }
  return handlers;
}
