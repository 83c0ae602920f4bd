import {
  AddTagsToResourceCommand,
  DeleteParameterCommand,
  DescribeParametersCommand,
  GetParameterCommand,
  GetParameterHistoryCommand,
  GetParametersByPathCommand,
  GetParametersCommand,
  LabelParameterVersionCommand,
  ListTagsForResourceCommand,
  PutParameterCommand,
  RemoveTagsFromResourceCommand,
  type Parameter,
  type ParameterMetadata,
  type ParameterStringFilter,
  type SSMClient,
} from '@aws-sdk/client-ssm';
import { callAws, nextTokenOf, type CallSpec, type StoreContext } from './call';
import { AwsError, isAwsError } from './errors';
import { policiesMember, readPolicy } from './parameterPolicies';
import type {
  BatchItemError,
  BatchValues,
  CallOptions,
  ListQuery,
  Logger,
  Page,
  ParameterStore,
  ParameterSummary,
  ParameterPolicy,
  ParameterTier,
  ParameterType,
  ParameterValue,
  ParameterVersion,
  PutParameterInput,
  Tag,
} from './types';

/** DescribeParameters accepts at most 50 per call; GetParameterHistory 50. */
const MAX_DESCRIBE_PAGE = 50;
/** GetParameters takes at most 10 names; GetParametersByPath returns at most 10 per page. */
const MAX_GET_PARAMETERS = 10;

export class SsmParameterStore implements ParameterStore {
  constructor(
    private readonly client: SSMClient,
    private readonly context: StoreContext,
    private readonly logger: Logger,
  ) {}

  async list(query: ListQuery): Promise<Page<ParameterSummary>> {
    const filters: ParameterStringFilter[] | undefined = query.namePrefix
      ? [{ Key: 'Name', Option: 'BeginsWith', Values: [query.namePrefix] }]
      : query.nameFilter
        ? [{ Key: 'Name', Option: 'Contains', Values: [query.nameFilter] }]
        : undefined;
    const items: ParameterSummary[] = [];
    let nextToken = query.nextToken;
    // A page of pageSize items may need several calls; never fetch more than asked.
    do {
      const response = await this.call({ operation: 'DescribeParameters' }, query, (abortSignal) =>
        this.client.send(
          new DescribeParametersCommand({
            ParameterFilters: filters,
            MaxResults: Math.min(MAX_DESCRIBE_PAGE, query.pageSize - items.length),
            NextToken: nextToken,
          }),
          { abortSignal },
        ),
      );
      items.push(...(response.Parameters ?? []).map(toSummary));
      nextToken = nextTokenOf(response.NextToken, nextToken);
    } while (nextToken && items.length < query.pageSize);
    // A page may hold more than asked (some implementations ignore MaxResults) or fewer: it is what the server returned.
    return { items, nextToken };
  }

  async describe(name: string, options?: CallOptions): Promise<ParameterSummary> {
    const found = await this.find(name, options);
    if (!found) {
      throw new AwsError(
        'notFound',
        `${name} was not found in ${this.context.region} for profile ${this.context.profileLabel}. It may have been deleted or renamed; refresh the explorer.`,
        { ...this.context, operation: 'DescribeParameters', resource: name },
        'ParameterNotFound',
        undefined,
      );
    }
    return found;
  }

  async find(name: string, options?: CallOptions): Promise<ParameterSummary | undefined> {
    // DescribeParameters answers an unknown name with an empty list, not an error; with a filter,
    // a page may also be empty and still carry a NextToken, so follow it before saying "none".
    let nextToken: string | undefined;
    do {
      const response = await this.call({ operation: 'DescribeParameters', resource: name }, options, (abortSignal) =>
        this.client.send(new DescribeParametersCommand({ ParameterFilters: [{ Key: 'Name', Option: 'Equals', Values: [name] }], NextToken: nextToken }), {
          abortSignal,
        }),
      );
      const found = response.Parameters?.find((p) => p.Name === name);
      if (found) return toSummary(found);
      nextToken = nextTokenOf(response.NextToken, nextToken);
    } while (nextToken);
    return undefined;
  }

  async history(name: string, options?: CallOptions): Promise<ParameterVersion[]> {
    const versions: ParameterVersion[] = [];
    let nextToken: string | undefined;
    do {
      const response = await this.call({ operation: 'GetParameterHistory', resource: name }, options, (abortSignal) =>
        this.client.send(new GetParameterHistoryCommand({ Name: name, WithDecryption: false, MaxResults: MAX_DESCRIBE_PAGE, NextToken: nextToken }), {
          abortSignal,
        }),
      );
      // History entries carry values; only metadata is kept.
      for (const h of response.Parameters ?? []) {
        versions.push({
          version: h.Version ?? 0,
          labels: h.Labels ?? [],
          type: (h.Type ?? 'String') as ParameterType,
          tier: tierOf(h.Tier),
          lastModifiedDate: h.LastModifiedDate,
          lastModifiedUser: h.LastModifiedUser,
          description: h.Description,
          keyId: h.KeyId,
        });
      }
      nextToken = nextTokenOf(response.NextToken, nextToken);
    } while (nextToken);
    return versions.sort((a, b) => b.version - a.version);
  }

  async getValue(name: string, selector: { version?: number; label?: string } = {}, options?: CallOptions): Promise<ParameterValue> {
    const qualified = selector.version !== undefined ? `${name}:${selector.version}` : selector.label ? `${name}:${selector.label}` : name;
    const response = await this.call({ operation: 'GetParameter', resource: qualified }, options, (abortSignal) =>
      this.client.send(new GetParameterCommand({ Name: qualified, WithDecryption: true }), { abortSignal }),
    );
    return toValue(response.Parameter, name);
  }

  async getValues(names: readonly string[], options?: CallOptions): Promise<BatchValues<ParameterValue>> {
    const values = new Map<string, ParameterValue>();
    const errors = new Map<string, BatchItemError>();
    const unique = [...new Set(names)];
    for (let start = 0; start < unique.length; start += MAX_GET_PARAMETERS) {
      const chunk = unique.slice(start, start + MAX_GET_PARAMETERS);
      let response;
      try {
        response = await this.call(
          { operation: 'GetParameters', resource: chunk.length === 1 ? chunk[0] : `${chunk.length} parameters` },
          options,
          (abortSignal) => this.client.send(new GetParametersCommand({ Names: chunk, WithDecryption: true }), { abortSignal }),
        );
      } catch (error) {
        // One denied name (or key) fails the whole call: asking one by one tells which.
        if (!isAwsError(error) || error.kind !== 'accessDenied' || chunk.length === 1) throw error;
        for (const name of chunk) {
          try {
            values.set(name, await this.getValue(name, {}, options));
          } catch (single) {
            if (!isAwsError(single) || single.kind === 'cancelled') throw single;
            errors.set(name, { code: single.code ?? single.kind, kind: single.kind, message: single.message });
          }
        }
        continue;
      }
      for (const p of response.Parameters ?? []) {
        // A `:version` (or `:label`) selector comes back in Selector, and a name may have been asked by its ARN.
        const asked = chunk.find((name) => {
          const [base, wanted] = splitSelector(name);
          return (p.Name === base || p.ARN === base) && (p.Selector ?? '') === wanted;
        });
        if (asked) values.set(asked, toValue(p, p.Name ?? asked));
      }
      for (const name of response.InvalidParameters ?? []) {
        errors.set(name, {
          code: 'ParameterNotFound',
          kind: 'notFound',
          message: `${name} was not found in ${this.context.region} for profile ${this.context.profileLabel}.`,
        });
      }
      // A name neither returned nor listed as invalid is reported too, so nothing is skipped in silence.
      for (const name of chunk) {
        if (!values.has(name) && !errors.has(name))
          errors.set(name, { code: 'Missing', kind: 'unknown', message: `${name} was not returned by GetParameters.` });
      }
    }
    return { values, errors };
  }

  async getValuesByPath(query: { path: string; recursive: boolean; nextToken?: string; signal?: AbortSignal }): Promise<Page<ParameterValue>> {
    const response = await this.call({ operation: 'GetParametersByPath', resource: query.path }, query, (abortSignal) =>
      this.client.send(
        new GetParametersByPathCommand({
          Path: query.path,
          Recursive: query.recursive,
          WithDecryption: true,
          MaxResults: MAX_GET_PARAMETERS,
          NextToken: query.nextToken,
        }),
        { abortSignal },
      ),
    );
    return { items: (response.Parameters ?? []).map((p) => toValue(p, p.Name ?? '')), nextToken: nextTokenOf(response.NextToken, query.nextToken) };
  }

  async put(input: PutParameterInput, options?: CallOptions): Promise<{ version: number; tier?: ParameterTier }> {
    const response = await this.call({ operation: 'PutParameter', resource: input.name, sensitive: [input.value] }, options, (abortSignal) =>
      this.client.send(
        new PutParameterCommand({
          Name: input.name,
          Value: input.value,
          Type: input.type,
          Overwrite: input.overwrite,
          Description: input.description,
          KeyId: input.type === 'SecureString' ? input.keyId || undefined : undefined,
          Tier: input.tier,
          Policies: input.policies ? policiesMember(input.policies) : undefined,
          // AWS refuses tags together with Overwrite; tags on an existing parameter go through addTags.
          Tags: !input.overwrite && input.tags?.length ? input.tags.map((t) => ({ Key: t.key, Value: t.value })) : undefined,
        }),
        { abortSignal },
      ),
    );
    return { version: response.Version ?? 0, tier: tierOf(response.Tier) };
  }

  async label(name: string, version: number, labels: readonly string[], options?: CallOptions): Promise<{ invalidLabels: string[] }> {
    const response = await this.call({ operation: 'LabelParameterVersion', resource: name }, options, (abortSignal) =>
      this.client.send(new LabelParameterVersionCommand({ Name: name, ParameterVersion: version, Labels: [...labels] }), { abortSignal }),
    );
    return { invalidLabels: response.InvalidLabels ?? [] };
  }

  async delete(name: string, options?: CallOptions): Promise<void> {
    await this.call({ operation: 'DeleteParameter', resource: name }, options, (abortSignal) =>
      this.client.send(new DeleteParameterCommand({ Name: name }), { abortSignal }),
    );
  }

  async listTags(name: string, options?: CallOptions): Promise<Tag[]> {
    const response = await this.call({ operation: 'ListTagsForResource', resource: name }, options, (abortSignal) =>
      this.client.send(new ListTagsForResourceCommand({ ResourceType: 'Parameter', ResourceId: name }), { abortSignal }),
    );
    return (response.TagList ?? []).map((t) => ({ key: t.Key ?? '', value: t.Value ?? '' }));
  }

  async addTags(name: string, tags: readonly Tag[], options?: CallOptions): Promise<void> {
    await this.call({ operation: 'AddTagsToResource', resource: name }, options, (abortSignal) =>
      this.client.send(new AddTagsToResourceCommand({ ResourceType: 'Parameter', ResourceId: name, Tags: tags.map((t) => ({ Key: t.key, Value: t.value })) }), {
        abortSignal,
      }),
    );
  }

  async removeTags(name: string, keys: readonly string[], options?: CallOptions): Promise<void> {
    await this.call({ operation: 'RemoveTagsFromResource', resource: name }, options, (abortSignal) =>
      this.client.send(new RemoveTagsFromResourceCommand({ ResourceType: 'Parameter', ResourceId: name, TagKeys: [...keys] }), { abortSignal }),
    );
  }

  private call<T>(spec: CallSpec, options: CallOptions | undefined, run: (abortSignal: AbortSignal | undefined) => Promise<T>): Promise<T> {
    return callAws(this.context, this.logger, spec, options, run);
  }
}

/** `name:3` → [`name`, `:3`]; an ARN's own colons are not a selector (`arn:aws:ssm:REGION:ACCOUNT:parameter/name:3`). */
function splitSelector(asked: string): [string, string] {
  const head = asked.startsWith('arn:') ? asked.split(':').slice(0, 6).join(':') : asked.split(':')[0]!;
  return [head, asked.slice(head.length)];
}

function toSummary(p: ParameterMetadata): ParameterSummary {
  return {
    name: p.Name ?? '',
    arn: p.ARN,
    type: (p.Type ?? 'String') as ParameterType,
    tier: tierOf(p.Tier),
    version: p.Version,
    description: p.Description || undefined,
    keyId: p.KeyId,
    lastModifiedDate: p.LastModifiedDate,
    lastModifiedUser: p.LastModifiedUser,
    dataType: p.DataType,
    allowedPattern: p.AllowedPattern,
    policies: p.Policies?.length ? p.Policies.map(readPolicy).filter((policy): policy is ParameterPolicy => policy !== undefined) : undefined,
  };
}

function toValue(p: Parameter | undefined, name: string): ParameterValue {
  return {
    name: p?.Name ?? name,
    type: (p?.Type ?? 'String') as ParameterType,
    version: p?.Version ?? 0,
    value: p?.Value ?? '',
    lastModifiedDate: p?.LastModifiedDate,
  };
}

/**
 * A parameter's tier as reported. AWS reports Standard or Advanced (Intelligent-Tiering is only
 * a request); other implementations may echo the requested tier or something else, which is
 * kept as it was said rather than guessed at.
 */
function tierOf(tier: string | undefined): ParameterTier | undefined {
  return (tier || undefined) as ParameterTier | undefined;
}
