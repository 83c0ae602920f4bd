import {
  BatchGetSecretValueCommand,
  CancelRotateSecretCommand,
  CreateSecretCommand,
  DeleteResourcePolicyCommand,
  DeleteSecretCommand,
  DescribeSecretCommand,
  GetRandomPasswordCommand,
  GetResourcePolicyCommand,
  GetSecretValueCommand,
  ListSecretsCommand,
  ListSecretVersionIdsCommand,
  PutResourcePolicyCommand,
  PutSecretValueCommand,
  RemoveRegionsFromReplicationCommand,
  ReplicateSecretToRegionsCommand,
  RestoreSecretCommand,
  RotateSecretCommand,
  StopReplicationToReplicaCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateSecretCommand,
  UpdateSecretVersionStageCommand,
  ValidateResourcePolicyCommand,
  type DescribeSecretResponse,
  type ReplicationStatusType,
  type SecretListEntry,
  type SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { callAws, nextTokenOf, type CallSpec, type StoreContext } from './call';
import { batchErrorKind, isAwsError, withKind } from './errors';
import type {
  BatchItemError,
  BatchValues,
  CallOptions,
  CreateSecretInput,
  DeleteSecretMode,
  ListQuery,
  Logger,
  NamedSecretValue,
  Page,
  PolicyValidation,
  RandomPasswordOptions,
  ReplicaRegionInput,
  ReplicaStatus,
  RotationRules,
  SecretStore,
  SecretSummary,
  SecretValue,
  SecretValueInput,
  SecretVersion,
  Tag,
  WriteResult,
} from './types';

/** Error codes of endpoints that do not implement an operation. */
const UNSUPPORTED = /UnknownOperation|InvalidAction|NotImplemented/;

/** ListSecrets accepts at most 100 per call. */
const MAX_LIST_PAGE = 100;
/** BatchGetSecretValue takes at most 20 secret ids per call. */
const MAX_BATCH_IDS = 20;

export class SecretsManagerStore implements SecretStore {
  constructor(
    private readonly client: SecretsManagerClient,
    private readonly context: StoreContext,
    private readonly logger: Logger,
  ) {}

  async list(query: ListQuery): Promise<Page<SecretSummary>> {
    const items: SecretSummary[] = [];
    let nextToken = query.nextToken;
    // Fill the page across calls when pageSize exceeds AWS's maximum, without fetching more than asked.
    do {
      const response = await this.call({ operation: 'ListSecrets' }, query, (abortSignal) =>
        this.client.send(
          new ListSecretsCommand({
            MaxResults: Math.min(MAX_LIST_PAGE, query.pageSize - items.length),
            NextToken: nextToken,
            IncludePlannedDeletion: true,
            Filters: (query.namePrefix ?? query.nameFilter) ? [{ Key: 'name', Values: [(query.namePrefix ?? query.nameFilter)!] }] : undefined,
          }),
          { abortSignal },
        ),
      );
      items.push(...(response.SecretList ?? []).map(toSummary));
      nextToken = nextTokenOf(response.NextToken, nextToken);
    } while (nextToken && items.length < query.pageSize);
    // A server may put more than MaxResults in a page (or fewer): the page is what it returned.
    return { items, nextToken };
  }

  async describe(id: string, options?: CallOptions): Promise<SecretSummary> {
    return this.describeSecret(id, options, []);
  }

  async find(id: string, options?: CallOptions): Promise<SecretSummary | undefined> {
    try {
      return await this.describeSecret(id, options, ['notFound']);
    } catch (error) {
      if (isAwsError(error) && error.kind === 'notFound') return undefined;
      throw error;
    }
  }

  private async describeSecret(id: string, options: CallOptions | undefined, expected: CallSpec['expected']): Promise<SecretSummary> {
    const response = await this.call({ operation: 'DescribeSecret', resource: id, expected }, options, (abortSignal) =>
      this.client.send(new DescribeSecretCommand({ SecretId: id }), { abortSignal }),
    );
    return toSummary(response);
  }

  async listVersions(id: string, options?: CallOptions): Promise<SecretVersion[]> {
    const versions: SecretVersion[] = [];
    let nextToken: string | undefined;
    do {
      const response = await this.call({ operation: 'ListSecretVersionIds', resource: id }, options, (abortSignal) =>
        this.client.send(new ListSecretVersionIdsCommand({ SecretId: id, IncludeDeprecated: true, MaxResults: 100, NextToken: nextToken }), { abortSignal }),
      );
      for (const v of response.Versions ?? []) {
        if (!v.VersionId || versions.some((known) => known.versionId === v.VersionId)) continue;
        versions.push({ versionId: v.VersionId, stages: v.VersionStages ?? [], createdDate: v.CreatedDate, lastAccessedDate: v.LastAccessedDate });
      }
      nextToken = nextTokenOf(response.NextToken, nextToken);
    } while (nextToken);
    return sortVersions(versions);
  }

  async getValue(id: string, selector: { versionId?: string; versionStage?: string } = {}, options?: CallOptions): Promise<SecretValue> {
    // AWS defaults to AWSCURRENT when neither is given; naming it means the same on AWS and the
    // right version on implementations that do not move their default with UpdateSecretVersionStage.
    const versionStage = selector.versionStage ?? (selector.versionId ? undefined : 'AWSCURRENT');
    const response = await this.call({ operation: 'GetSecretValue', resource: id }, options, (abortSignal) =>
      this.client.send(new GetSecretValueCommand({ SecretId: id, VersionId: selector.versionId, VersionStage: versionStage }), { abortSignal }),
    );
    return {
      versionId: response.VersionId ?? '',
      stages: response.VersionStages ?? [],
      createdDate: response.CreatedDate,
      text: response.SecretString,
      binary: response.SecretBinary,
    };
  }

  async create(input: CreateSecretInput, options?: CallOptions): Promise<WriteResult> {
    const response = await this.call({ operation: 'CreateSecret', resource: input.name, sensitive: sensitiveOf(input.value) }, options, (abortSignal) =>
      this.client.send(
        new CreateSecretCommand({
          Name: input.name,
          ...valueFields(input.value),
          Description: input.description || undefined,
          KmsKeyId: input.kmsKeyId || undefined,
          Tags: input.tags?.length ? input.tags.map((t) => ({ Key: t.key, Value: t.value })) : undefined,
        }),
        { abortSignal },
      ),
    );
    return { arn: response.ARN ?? '', name: response.Name ?? input.name, versionId: response.VersionId };
  }

  async putValue(id: string, value: SecretValueInput, options?: CallOptions): Promise<WriteResult> {
    const response = await this.call({ operation: 'PutSecretValue', resource: id, sensitive: sensitiveOf(value) }, options, (abortSignal) =>
      this.client.send(new PutSecretValueCommand({ SecretId: id, ...valueFields(value) }), { abortSignal }),
    );
    return { arn: response.ARN ?? '', name: response.Name ?? id, versionId: response.VersionId };
  }

  async updateDescription(id: string, description: string, options?: CallOptions): Promise<void> {
    await this.call({ operation: 'UpdateSecret', resource: id }, options, (abortSignal) =>
      this.client.send(new UpdateSecretCommand({ SecretId: id, Description: description }), { abortSignal }),
    );
  }

  async rotate(
    id: string,
    config: { lambdaArn?: string; rules?: RotationRules; rotateImmediately?: boolean } = {},
    options?: CallOptions,
  ): Promise<WriteResult> {
    const response = await this.call({ operation: 'RotateSecret', resource: id }, options, (abortSignal) =>
      this.client.send(
        new RotateSecretCommand({
          SecretId: id,
          RotationLambdaARN: config.lambdaArn,
          RotationRules: config.rules
            ? {
                AutomaticallyAfterDays: config.rules.automaticallyAfterDays,
                ScheduleExpression: config.rules.scheduleExpression,
                Duration: config.rules.duration,
              }
            : undefined,
          RotateImmediately: config.rotateImmediately,
        }),
        { abortSignal },
      ),
    );
    return { arn: response.ARN ?? '', name: response.Name ?? id, versionId: response.VersionId };
  }

  async cancelRotation(id: string, options?: CallOptions): Promise<void> {
    await this.call({ operation: 'CancelRotateSecret', resource: id }, options, (abortSignal) =>
      this.client.send(new CancelRotateSecretCommand({ SecretId: id }), { abortSignal }),
    );
  }

  async randomPassword(p: RandomPasswordOptions = {}, options?: CallOptions): Promise<string> {
    const response = await this.call({ operation: 'GetRandomPassword' }, options, (abortSignal) =>
      this.client.send(
        new GetRandomPasswordCommand({
          PasswordLength: p.length,
          ExcludeCharacters: p.excludeCharacters || undefined,
          ExcludeNumbers: p.excludeNumbers,
          ExcludePunctuation: p.excludePunctuation,
          ExcludeUppercase: p.excludeUppercase,
          ExcludeLowercase: p.excludeLowercase,
          IncludeSpace: p.includeSpace,
          RequireEachIncludedType: p.requireEachIncludedType,
        }),
        { abortSignal },
      ),
    );
    return response.RandomPassword ?? '';
  }

  async delete(id: string, mode: DeleteSecretMode, options?: CallOptions): Promise<{ deletionDate?: Date }> {
    const response = await this.call({ operation: 'DeleteSecret', resource: id }, options, (abortSignal) =>
      this.client.send(
        new DeleteSecretCommand(
          'force' in mode ? { SecretId: id, ForceDeleteWithoutRecovery: true } : { SecretId: id, RecoveryWindowInDays: mode.recoveryWindowDays },
        ),
        { abortSignal },
      ),
    );
    return { deletionDate: response.DeletionDate };
  }

  async restore(id: string, options?: CallOptions): Promise<void> {
    await this.call({ operation: 'RestoreSecret', resource: id }, options, (abortSignal) =>
      this.client.send(new RestoreSecretCommand({ SecretId: id }), { abortSignal }),
    );
  }

  async tag(id: string, tags: readonly Tag[], options?: CallOptions): Promise<void> {
    await this.call({ operation: 'TagResource', resource: id }, options, (abortSignal) =>
      this.client.send(new TagResourceCommand({ SecretId: id, Tags: tags.map((t) => ({ Key: t.key, Value: t.value })) }), { abortSignal }),
    );
  }

  async untag(id: string, keys: readonly string[], options?: CallOptions): Promise<void> {
    await this.call({ operation: 'UntagResource', resource: id }, options, (abortSignal) =>
      this.client.send(new UntagResourceCommand({ SecretId: id, TagKeys: [...keys] }), { abortSignal }),
    );
  }

  async moveStage(id: string, stage: string, move: { toVersionId?: string; fromVersionId?: string }, options?: CallOptions): Promise<void> {
    await this.call({ operation: 'UpdateSecretVersionStage', resource: id }, options, (abortSignal) =>
      this.client.send(
        new UpdateSecretVersionStageCommand({ SecretId: id, VersionStage: stage, MoveToVersionId: move.toVersionId, RemoveFromVersionId: move.fromVersionId }),
        { abortSignal },
      ),
    );
  }

  async batchGetValues(ids: readonly string[], options?: CallOptions): Promise<BatchValues<NamedSecretValue>> {
    const values = new Map<string, NamedSecretValue>();
    const errors = new Map<string, BatchItemError>();
    for (let start = 0; start < ids.length; start += MAX_BATCH_IDS) {
      const chunk = [...new Set(ids.slice(start, start + MAX_BATCH_IDS))];
      try {
        await this.batchChunk(chunk, values, errors, options);
      } catch (error) {
        // Some AWS-compatible endpoints fail the whole call for one missing or denied secret, some
        // policies allow GetSecretValue but not BatchGetSecretValue, and some endpoints lack it:
        // asking one by one then reads what can be read and tells which one failed.
        if (
          !isAwsError(error) ||
          error.kind === 'cancelled' ||
          chunk.length === 1 ||
          !(['notFound', 'accessDenied', 'invalidInput'].includes(error.kind) || UNSUPPORTED.test(error.code ?? ''))
        )
          throw error;
        for (const id of chunk) {
          try {
            const value = await this.getValue(id, {}, options);
            values.set(id, { ...value, name: secretNameOf(id), arn: id.startsWith('arn:') ? id : '' });
          } catch (single) {
            if (!isAwsError(single) || single.kind === 'cancelled') throw single;
            errors.set(id, { code: single.code ?? single.kind, kind: single.kind, message: single.message });
          }
        }
      }
    }
    return { values, errors };
  }

  private async batchChunk(chunk: string[], values: Map<string, NamedSecretValue>, errors: Map<string, BatchItemError>, options?: CallOptions): Promise<void> {
    let nextToken: string | undefined;
    do {
      const response = await this.call(
        { operation: 'BatchGetSecretValue', resource: chunk.length === 1 ? chunk[0] : `${chunk.length} secrets` },
        options,
        (abortSignal) => this.client.send(new BatchGetSecretValueCommand({ SecretIdList: chunk, NextToken: nextToken }), { abortSignal }),
      );
      for (const entry of response.SecretValues ?? []) {
        const id = chunk.find((candidate) => candidate === entry.ARN || candidate === entry.Name || secretNameOf(candidate) === entry.Name);
        if (!id) continue;
        values.set(id, {
          name: entry.Name ?? secretNameOf(id),
          arn: entry.ARN ?? '',
          versionId: entry.VersionId ?? '',
          stages: entry.VersionStages ?? [],
          createdDate: entry.CreatedDate,
          text: entry.SecretString,
          binary: entry.SecretBinary,
        });
      }
      for (const failure of response.Errors ?? []) {
        const id = chunk.find((candidate) => candidate === failure.SecretId || secretNameOf(candidate) === secretNameOf(failure.SecretId ?? ''));
        if (!id) continue;
        const code = failure.ErrorCode ?? 'unknown';
        this.logger.debug(`secretsmanager:BatchGetSecretValue ${secretNameOf(id)} (${this.context.region}, ${this.context.profileLabel}): ${code}`);
        errors.set(id, { code, kind: batchErrorKind(code, failure.Message), message: `${secretNameOf(id)}: ${failure.Message ?? code}` });
      }
      nextToken = nextTokenOf(response.NextToken, nextToken);
    } while (nextToken);
  }

  async replicate(id: string, regions: readonly ReplicaRegionInput[], options?: CallOptions & { overwriteExisting?: boolean }): Promise<ReplicaStatus[]> {
    const response = await this.call({ operation: 'ReplicateSecretToRegions', resource: id }, options, (abortSignal) =>
      this.client.send(
        new ReplicateSecretToRegionsCommand({
          SecretId: id,
          AddReplicaRegions: regions.map((r) => ({ Region: r.region, KmsKeyId: r.kmsKeyId || undefined })),
          ForceOverwriteReplicaSecret: options?.overwriteExisting || undefined,
        }),
        { abortSignal },
      ),
    );
    return toReplicas(response.ReplicationStatus) ?? [];
  }

  async removeReplicas(id: string, regions: readonly string[], options?: CallOptions): Promise<ReplicaStatus[]> {
    const response = await this.call({ operation: 'RemoveRegionsFromReplication', resource: id }, options, (abortSignal) =>
      this.client.send(new RemoveRegionsFromReplicationCommand({ SecretId: id, RemoveReplicaRegions: [...regions] }), { abortSignal }),
    );
    return toReplicas(response.ReplicationStatus) ?? [];
  }

  async stopReplication(id: string, options?: CallOptions): Promise<{ arn: string }> {
    const response = await this.call({ operation: 'StopReplicationToReplica', resource: id }, options, (abortSignal) =>
      this.client.send(new StopReplicationToReplicaCommand({ SecretId: id }), { abortSignal }),
    );
    return { arn: response.ARN ?? id };
  }

  async getResourcePolicy(id: string, options?: CallOptions): Promise<string | undefined> {
    const response = await this.call({ operation: 'GetResourcePolicy', resource: id }, options, (abortSignal) =>
      this.client.send(new GetResourcePolicyCommand({ SecretId: id }), { abortSignal }),
    );
    return response.ResourcePolicy || undefined;
  }

  async validateResourcePolicy(id: string, policy: string, options?: CallOptions): Promise<PolicyValidation> {
    // SecretId is "reserved for internal use" (API reference): only the policy is sent.
    const response = await this.call({ operation: 'ValidateResourcePolicy', resource: id }, options, (abortSignal) =>
      this.client.send(new ValidateResourcePolicyCommand({ ResourcePolicy: policy }), { abortSignal }),
    );
    return {
      passed: response.PolicyValidationPassed === true,
      errors: (response.ValidationErrors ?? []).map((e) => ({ checkName: e.CheckName || undefined, message: e.ErrorMessage ?? e.CheckName ?? 'failed' })),
    };
  }

  async putResourcePolicy(id: string, policy: string, options?: CallOptions): Promise<void> {
    await this.call({ operation: 'PutResourcePolicy', resource: id }, options, (abortSignal) =>
      this.client.send(new PutResourcePolicyCommand({ SecretId: id, ResourcePolicy: policy, BlockPublicPolicy: true }), { abortSignal }),
    );
  }

  async deleteResourcePolicy(id: string, options?: CallOptions): Promise<void> {
    await this.call({ operation: 'DeleteResourcePolicy', resource: id }, options, (abortSignal) =>
      this.client.send(new DeleteResourcePolicyCommand({ SecretId: id }), { abortSignal }),
    );
  }

  private async call<T>(spec: CallSpec, options: CallOptions | undefined, run: (abortSignal: AbortSignal | undefined) => Promise<T>): Promise<T> {
    try {
      // Messages name the secret as the user knows it, even when the call used its ARN.
      return await callAws(this.context, this.logger, { ...spec, resource: spec.resource && secretNameOf(spec.resource) }, options, run);
    } catch (error) {
      throw await this.confirmScheduledForDeletion(error, spec, options);
    }
  }

  /**
   * InvalidRequestException has several causes, and implementations word "scheduled for
   * deletion" differently; when the wording did not tell, DescribeSecret's DeletedDate does.
   */
  private async confirmScheduledForDeletion(error: unknown, spec: CallSpec, options: CallOptions | undefined): Promise<unknown> {
    if (!isAwsError(error) || error.kind !== 'invalidInput' || error.code !== 'InvalidRequestException' || !spec.resource) return error;
    if (spec.operation === 'DescribeSecret' || spec.operation === 'CreateSecret') return error;
    try {
      const response = await this.client.send(new DescribeSecretCommand({ SecretId: spec.resource }), { abortSignal: options?.signal });
      return response.DeletedDate ? withKind(error, 'scheduledForDeletion') : error;
    } catch {
      return error;
    }
  }
}

const STAGE_RANK: Record<string, number> = { AWSCURRENT: 0, AWSPENDING: 1, AWSPREVIOUS: 2 };

function stageRank(version: SecretVersion): number {
  const ranks = version.stages.map((stage) => STAGE_RANK[stage] ?? 3);
  return ranks.length > 0 ? Math.min(...ranks) : 4;
}

/**
 * AWSCURRENT, AWSPENDING, AWSPREVIOUS, custom labels, then unlabelled versions; newest first
 * within a group. Labels come first because creation dates are not always trustworthy (moto
 * reports the time of the ListSecretVersionIds call for every version); ties keep the server's order.
 */
export function sortVersions(versions: readonly SecretVersion[]): SecretVersion[] {
  return versions
    .map((version, index) => ({ version, index }))
    .sort(
      (a, b) =>
        stageRank(a.version) - stageRank(b.version) || (b.version.createdDate?.getTime() ?? 0) - (a.version.createdDate?.getTime() ?? 0) || a.index - b.index,
    )
    .map(({ version }) => version);
}

function toSummary(entry: SecretListEntry | DescribeSecretResponse): SecretSummary {
  const rules = entry.RotationRules;
  return {
    name: entry.Name ?? '',
    arn: entry.ARN ?? '',
    description: entry.Description || undefined,
    kmsKeyId: entry.KmsKeyId,
    rotationEnabled: entry.RotationEnabled === true,
    rotationLambdaArn: entry.RotationLambdaARN,
    rotationRules: rules
      ? { automaticallyAfterDays: rules.AutomaticallyAfterDays, scheduleExpression: rules.ScheduleExpression, duration: rules.Duration }
      : undefined,
    createdDate: entry.CreatedDate,
    lastChangedDate: entry.LastChangedDate,
    lastAccessedDate: entry.LastAccessedDate,
    lastRotatedDate: entry.LastRotatedDate,
    nextRotationDate: entry.NextRotationDate,
    deletedDate: entry.DeletedDate,
    tags: (entry.Tags ?? []).map((t) => ({ key: t.Key ?? '', value: t.Value ?? '' })),
    versionStages: labelledVersions(
      'VersionIdsToStages' in entry ? entry.VersionIdsToStages : 'SecretVersionsToStages' in entry ? entry.SecretVersionsToStages : undefined,
    ),
    owningService: entry.OwningService || undefined,
    primaryRegion: entry.PrimaryRegion || undefined,
    replication: 'ReplicationStatus' in entry ? toReplicas(entry.ReplicationStatus) : undefined,
  };
}

/** AWS lists only versions that carry a label; some implementations list deprecated ones with none. */
function labelledVersions(stages: Record<string, string[]> | undefined): Record<string, string[]> | undefined {
  if (!stages) return undefined;
  return Object.fromEntries(Object.entries(stages).filter(([, labels]) => labels.length > 0));
}

function toReplicas(list: ReplicationStatusType[] | undefined): ReplicaStatus[] | undefined {
  return list?.map((r) => ({
    region: r.Region ?? '',
    kmsKeyId: r.KmsKeyId || undefined,
    status: r.Status ?? 'InProgress',
    message: r.StatusMessage || undefined,
    lastAccessedDate: r.LastAccessedDate,
  }));
}

function valueFields(value: SecretValueInput): { SecretString?: string; SecretBinary?: Uint8Array } {
  return 'text' in value ? { SecretString: value.text } : { SecretBinary: value.binary };
}

function sensitiveOf(value: SecretValueInput): string[] {
  return 'text' in value ? [value.text] : [];
}

/** `arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME-AbCdEf` → `NAME`; a plain name stays as it is. */
export function secretNameOf(id: string): string {
  const match = /^arn:[^:]+:secretsmanager:[^:]*:[^:]*:secret:(.+)-[A-Za-z0-9]{6}$/.exec(id);
  return match ? match[1] : id;
}
