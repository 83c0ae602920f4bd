import {
  BatchGetSecretValueCommand,
  CancelRotateSecretCommand,
  CreateSecretCommand,
  DeleteSecretCommand,
  DescribeSecretCommand,
  GetRandomPasswordCommand,
  GetSecretValueCommand,
  ListSecretsCommand,
  ListSecretVersionIdsCommand,
  PutSecretValueCommand,
  RestoreSecretCommand,
  RotateSecretCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateSecretCommand,
  UpdateSecretVersionStageCommand,
  type DescribeSecretResponse,
  type SecretListEntry,
  type SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { callAws, type CallSpec, type StoreContext } from './call';
import { isAwsError, toAwsError } from './errors';
import type {
  BatchSecretValue,
  CallOptions,
  CreateSecretInput,
  DeleteSecretMode,
  ListQuery,
  Logger,
  Page,
  RandomPasswordOptions,
  RotationRules,
  SecretStore,
  SecretSummary,
  SecretValue,
  SecretValueInput,
  SecretVersion,
  Tag,
  WriteResult,
} from './types';

/** ListSecrets accepts at most 100 per call. */
const MAX_LIST_PAGE = 100;

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
            Filters: query.nameFilter ? [{ Key: 'name', Values: [query.nameFilter] }] : undefined,
          }),
          { abortSignal },
        ),
      );
      items.push(...(response.SecretList ?? []).map(toSummary));
      nextToken = response.NextToken || undefined;
    } while (nextToken && items.length < query.pageSize);
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
        if (!v.VersionId) continue;
        versions.push({ versionId: v.VersionId, stages: v.VersionStages ?? [], createdDate: v.CreatedDate, lastAccessedDate: v.LastAccessedDate });
      }
      nextToken = response.NextToken || undefined;
    } while (nextToken);
    return versions.sort((a, b) => (b.createdDate?.getTime() ?? 0) - (a.createdDate?.getTime() ?? 0));
  }

  async getValue(id: string, selector: { versionId?: string; versionStage?: string } = {}, options?: CallOptions): Promise<SecretValue> {
    const response = await this.call({ operation: 'GetSecretValue', resource: id }, options, (abortSignal) =>
      this.client.send(new GetSecretValueCommand({ SecretId: id, VersionId: selector.versionId, VersionStage: selector.versionStage }), { abortSignal }),
    );
    return {
      versionId: response.VersionId ?? '',
      stages: response.VersionStages ?? [],
      createdDate: response.CreatedDate,
      text: response.SecretString,
      binary: response.SecretBinary,
    };
  }

  async batchGetValues(ids: readonly string[], options?: CallOptions): Promise<BatchSecretValue[]> {
    const response = await this.call({ operation: 'BatchGetSecretValue', resource: ids.join(', ') }, options, (abortSignal) =>
      this.client.send(new BatchGetSecretValueCommand({ SecretIdList: [...ids] }), { abortSignal }),
    );
    const values = response.SecretValues ?? [];
    const errors = response.Errors ?? [];
    return ids.map((id): BatchSecretValue => {
      // Values come back by name and ARN, not by the id asked: a name, a full ARN or a partial ARN (without the suffix).
      const found = values.find((v) => v.Name === id || v.ARN === id || (v.ARN?.startsWith(`${id}-`) === true && v.ARN.length === id.length + 7));
      if (found) {
        const value = {
          name: found.Name ?? secretNameOf(id),
          arn: found.ARN ?? '',
          versionId: found.VersionId ?? '',
          stages: found.VersionStages ?? [],
          createdDate: found.CreatedDate,
          text: found.SecretString,
          binary: found.SecretBinary,
        };
        return { id, value };
      }
      const failed = errors.find((e) => e.SecretId === id);
      const context = { ...this.context, operation: 'BatchGetSecretValue', resource: secretNameOf(id) };
      const cause = failed ? { name: failed.ErrorCode, message: failed.Message } : { name: 'ResourceNotFoundException', message: 'Not in the response.' };
      const error = toAwsError(cause, context);
      // A secret that is not there is an answer (the caller reports it), not a failure of the call.
      (error.kind === 'notFound' ? this.logger.debug : this.logger.warn).call(
        this.logger,
        `secretsmanager:BatchGetSecretValue could not read ${secretNameOf(id)} (${this.context.region}, ${this.context.profileLabel}): ${error.code ?? error.kind}`,
      );
      return { id, error };
    });
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

  private call<T>(spec: CallSpec, options: CallOptions | undefined, run: (abortSignal: AbortSignal | undefined) => Promise<T>): Promise<T> {
    // Messages name the secret as the user knows it, even when the call used its ARN.
    return callAws(this.context, this.logger, { ...spec, resource: spec.resource && secretNameOf(spec.resource) }, options, run);
  }
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
    versionStages: 'VersionIdsToStages' in entry ? entry.VersionIdsToStages : 'SecretVersionsToStages' in entry ? entry.SecretVersionsToStages : undefined,
  };
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
