/**
 * Parameter Store operations (JSON 1.1, `X-Amz-Target: AmazonSSM.<Op>`):
 * values, versions, labels, tiers, hierarchy listing and tags, with the
 * errors AWS raises for each rule the extension can run into.
 */
import { paginate } from './pagination';
import { checkPolicyTier, policiesView, purgeExpiredParameters, readPolicies } from './parameterPolicies';
import { matchesParameterFilters, readByPathFilters, readDescribeFilters } from './parameterFilters';
import { isUnderPath, isValidLabel, normalizePath, parseParameterReference, validateParameterName } from './parameterNames';
import {
  AwsError,
  CALLER_ARN,
  compact,
  epochSeconds,
  type Handler,
  type Input,
  mergeTags,
  readTags,
  type RequestContext,
  type Tag,
  validationError,
} from './protocol';
import {
  type EmulatorState,
  fakeCiphertext,
  type Parameter,
  parameterArn,
  type ParameterTier,
  type ParameterType,
  type ParameterVersion,
  type RegionState,
} from './state';

export const STANDARD_MAX_BYTES = 4096;
export const ADVANCED_MAX_BYTES = 8192;
export const MAX_PARAMETER_VERSIONS = 100;
export const MAX_LABELS_PER_VERSION = 10;
export const DEFAULT_SSM_KEY = 'alias/aws/ssm';

const PARAMETER_TYPES: readonly ParameterType[] = ['String', 'StringList', 'SecureString'];
const DATA_TYPES = [
  'text',
  'aws:ec2:image',
  'aws:ssm:integration',
  'aws:region',
  'aws:account:id',
  'boolean',
  'integer',
  'float',
  'binary',
  'hostname',
  'email',
  'ipv4-address',
  'ipv6-address',
  'url',
  'json',
  'jsonc',
];

function invalidToken(): AwsError {
  return new AwsError('InvalidNextToken', 'The specified token isn\u2019t valid.');
}

function parameterNotFound(name: string): AwsError {
  return new AwsError('ParameterNotFound', `Parameter ${name} not found.`);
}

function current(parameter: Parameter): ParameterVersion {
  return parameter.versions[parameter.versions.length - 1]!;
}

function findParameter(region: RegionState, names: string[]): Parameter | undefined {
  for (const name of names) {
    const parameter = region.parameters.get(name);
    if (parameter) return parameter;
  }
  return undefined;
}

interface Resolved {
  parameter: Parameter;
  version: ParameterVersion;
  selector?: string;
}

/** Resolves a name / ARN with an optional `:version` or `:label` selector. */
function resolve(region: RegionState, raw: string): Resolved {
  const ref = parseParameterReference(raw);
  const parameter = findParameter(region, ref.names);
  if (!parameter) throw parameterNotFound(raw);
  if (ref.version !== undefined) {
    const version = parameter.versions.find((candidate) => candidate.version === ref.version);
    if (!version)
      throw new AwsError(
        'ParameterVersionNotFound',
        `Systems Manager could not find version ${ref.version} of ${parameter.name}. Verify the version and try again.`,
      );
    return { parameter, version, selector: ref.selector };
  }
  if (ref.label !== undefined) {
    const version = parameter.versions.find((candidate) => candidate.labels.includes(ref.label!));
    if (!version)
      throw new AwsError(
        'ParameterVersionNotFound',
        `Systems Manager could not find a version of ${parameter.name} with label ${ref.label}. Verify the label and try again.`,
      );
    return { parameter, version, selector: ref.selector };
  }
  return { parameter, version: current(parameter) };
}

/** A SecureString's plaintext only leaves with WithDecryption. */
function visibleValue(version: ParameterVersion, decrypt: boolean): string {
  if (version.type !== 'SecureString' || decrypt) return version.value;
  return version.ciphertext ?? fakeCiphertext(Buffer.byteLength(version.value));
}

function parameterView(region: RegionState, parameter: Parameter, version: ParameterVersion, decrypt: boolean, selector?: string): Record<string, unknown> {
  return compact({
    Name: parameter.name,
    Type: version.type,
    Value: visibleValue(version, decrypt),
    Version: version.version,
    Selector: selector,
    LastModifiedDate: epochSeconds(version.lastModifiedDate),
    ARN: parameterArn(region.region, parameter.name),
    DataType: version.dataType,
  });
}

function metadataView(parameter: Parameter, region: RegionState): Record<string, unknown> {
  const version = current(parameter);
  return compact({
    Name: parameter.name,
    ARN: parameterArn(region.region, parameter.name),
    Type: version.type,
    KeyId: version.type === 'SecureString' ? version.keyId : undefined,
    LastModifiedDate: epochSeconds(version.lastModifiedDate),
    LastModifiedUser: version.lastModifiedUser,
    Description: version.description,
    AllowedPattern: version.allowedPattern,
    Version: version.version,
    Tier: version.tier,
    Policies: policiesView(version.policies),
    DataType: version.dataType,
  });
}

function byName(a: Parameter, b: Parameter): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

function getParameter(region: RegionState, input: Input): unknown {
  const { parameter, version, selector } = resolve(region, input.string('Name'));
  return { Parameter: parameterView(region, parameter, version, input.optBool('WithDecryption') ?? false, selector) };
}

function getParameters(region: RegionState, input: Input): unknown {
  const names = input.stringList('Names');
  if (names.length < 1 || names.length > 10) throw validationError('names', 'Member must have length less than or equal to 10 and greater than or equal to 1');
  const decrypt = input.optBool('WithDecryption') ?? false;
  const found: Array<{ name: string; view: Record<string, unknown> }> = [];
  const invalid: string[] = [];
  for (const raw of new Set(names)) {
    try {
      const { parameter, version, selector } = resolve(region, raw);
      found.push({ name: parameter.name, view: parameterView(region, parameter, version, decrypt, selector) });
    } catch (error) {
      if (!(error instanceof AwsError)) throw error;
      invalid.push(raw);
    }
  }
  found.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { Parameters: found.map((item) => item.view), InvalidParameters: invalid };
}

function getParametersByPath(region: RegionState, input: Input): unknown {
  const path = normalizePath(input.string('Path'));
  const recursive = input.optBool('Recursive') ?? false;
  const decrypt = input.optBool('WithDecryption') ?? false;
  const maxResults = input.optIntInRange('MaxResults', 1, 10) ?? 10;
  const filters = readByPathFilters(input);
  const labels = filters.filter((filter) => filter.key === 'Label').flatMap((filter) => filter.values);
  const matches: Array<{ parameter: Parameter; version: ParameterVersion }> = [];
  for (const parameter of [...region.parameters.values()].sort(byName)) {
    if (!isUnderPath(parameter.name, path, recursive) || !matchesParameterFilters(parameter, filters)) continue;
    // A Label filter selects the labelled version instead of the latest one.
    const version = labels.length > 0 ? parameter.versions.find((candidate) => candidate.labels.some((label) => labels.includes(label))) : current(parameter);
    if (version) matches.push({ parameter, version });
  }
  const page = paginate(`GetParametersByPath:${path}:${recursive}`, matches, maxResults, input.optString('NextToken'), invalidToken);
  return compact({
    Parameters: page.items.map(({ parameter, version }) => parameterView(region, parameter, version, decrypt)),
    NextToken: page.nextToken,
  });
}

function describeParameters(region: RegionState, input: Input): unknown {
  const filters = readDescribeFilters(input);
  const maxResults = input.optIntInRange('MaxResults', 1, 50) ?? 50;
  const matches = [...region.parameters.values()].filter((parameter) => matchesParameterFilters(parameter, filters)).sort(byName);
  const page = paginate('DescribeParameters', matches, maxResults, input.optString('NextToken'), invalidToken);
  return compact({ Parameters: page.items.map((parameter) => metadataView(parameter, region)), NextToken: page.nextToken });
}

function standardTooLarge(): AwsError {
  return new AwsError(
    'ValidationException',
    `Standard tier parameters support a maximum parameter value of ${STANDARD_MAX_BYTES} characters. To create a larger parameter value, upgrade the parameter to use the advanced-parameter tier. For more information, see https://docs.aws.amazon.com/systems-manager/latest/userguide/parameter-store-advanced-parameters.html`,
  );
}

/** Which tier a value lands in, enforcing the size limits and the no-downgrade rule. */
function chooseTier(requested: string | undefined, previous: ParameterTier | undefined, bytes: number): ParameterTier {
  if (bytes > ADVANCED_MAX_BYTES) throw validationError('value', `Member must have length less than or equal to ${ADVANCED_MAX_BYTES}`);
  switch (requested) {
    case 'Advanced':
      return 'Advanced';
    case 'Intelligent-Tiering':
      return previous === 'Advanced' || bytes > STANDARD_MAX_BYTES ? 'Advanced' : 'Standard';
    case 'Standard':
      if (previous === 'Advanced') {
        throw new AwsError(
          'ValidationException',
          "This parameter uses the advanced-parameter tier. You can't downgrade a parameter from the advanced-parameter tier to the standard-parameter tier. If necessary, you can delete the advanced parameter and recreate it as a standard parameter.",
        );
      }
      if (bytes > STANDARD_MAX_BYTES) throw standardTooLarge();
      return 'Standard';
    case undefined:
      if (previous === 'Advanced') return 'Advanced';
      if (bytes > STANDARD_MAX_BYTES) throw standardTooLarge();
      return 'Standard';
    default:
      throw validationError('tier', 'Member must satisfy enum value set: [Standard, Advanced, Intelligent-Tiering]', requested);
  }
}

function checkAllowedPattern(pattern: string, value: string): void {
  let regex: RegExp;
  try {
    regex = new RegExp(pattern);
  } catch {
    throw new AwsError('InvalidAllowedPatternException', `The allowed pattern ${pattern} is not a valid regular expression.`);
  }
  if (!regex.test(value)) {
    throw new AwsError('ParameterPatternMismatchException', `Parameter value, cannot be validated against allowedPattern: ${pattern}`);
  }
}

function checkKeyExists(region: RegionState, keyId: string): void {
  if (keyId.startsWith('alias/') && !region.kmsAliases.some((alias) => alias.aliasName === keyId)) {
    throw new AwsError('InvalidKeyId', `The KMS key ${keyId} doesn't exist in ${region.region}.`);
  }
}

function readTagsChecked(input: Input, existing: Tag[] = []): Tag[] | undefined {
  const tags = readTags(input);
  if (tags === undefined) return undefined;
  for (const tag of tags) {
    if (tag.Key.length < 1 || tag.Key.length > 128)
      throw validationError('tags.member.key', 'Member must have length less than or equal to 128 and greater than or equal to 1', tag.Key);
    if (tag.Value.length > 256) throw validationError('tags.member.value', 'Member must have length less than or equal to 256');
  }
  if (mergeTags(existing, tags).length > 50)
    throw new AwsError('TooManyTagsError', 'The Targets parameter includes too many tags. A resource can have at most 50 tags.');
  return tags;
}

function putParameter(region: RegionState, input: Input, ctx: RequestContext): unknown {
  const arnPrefix = parameterArn(ctx.region, '').length;
  const name = validateParameterName(input.string('Name'), arnPrefix);
  const value = input.string('Value');
  if (value.length === 0) throw validationError('value', 'Member must have length greater than or equal to 1');
  const overwrite = input.optBool('Overwrite') ?? false;
  const tags = readTagsChecked(input);
  const requestedType = input.optString('Type');
  if (requestedType !== undefined && !(PARAMETER_TYPES as readonly string[]).includes(requestedType)) {
    throw validationError('type', 'Member must satisfy enum value set: [SecureString, StringList, String]', requestedType);
  }
  const description = input.optString('Description');
  if (description !== undefined && description.length > 1024) throw validationError('description', 'Member must have length less than or equal to 1024');
  const allowedPattern = input.optString('AllowedPattern');
  if (allowedPattern !== undefined && allowedPattern.length > 1024)
    throw validationError('allowedPattern', 'Member must have length less than or equal to 1024');
  const dataType = input.optString('DataType');
  if (dataType !== undefined && !DATA_TYPES.includes(dataType)) {
    throw new AwsError('ValidationException', `The following data type is not supported: ${dataType} (Data type names are all lowercase.)`);
  }

  const existing = region.parameters.get(name);
  if (existing && !overwrite) {
    throw new AwsError('ParameterAlreadyExists', 'The parameter already exists. To overwrite this value, set the overwrite option in the request to true.');
  }
  if (existing && tags !== undefined) {
    throw new AwsError(
      'ValidationException',
      "Invalid request: tags and overwrite can't be used together. To create a parameter with tags, please remove overwrite flag. To update tags for an existing parameter, please use AddTagsToResource or RemoveTagsFromResource.",
    );
  }
  const previous = existing ? current(existing) : undefined;
  const type = (requestedType ?? previous?.type) as ParameterType | undefined;
  if (type === undefined) throw new AwsError('ValidationException', 'A parameter type is required when you create a parameter.');

  let keyId = input.optString('KeyId');
  if (keyId !== undefined && type !== 'SecureString') {
    throw new AwsError('ValidationException', 'KeyId can be specified only for SecureString parameters.');
  }
  if (type === 'SecureString') {
    keyId ??= previous?.type === 'SecureString' ? previous.keyId : DEFAULT_SSM_KEY;
    checkKeyExists(region, keyId!);
  }
  const pattern = allowedPattern ?? previous?.allowedPattern;
  if (pattern !== undefined) checkAllowedPattern(pattern, value);
  const bytes = Buffer.byteLength(value, 'utf8');
  const policies = readPolicies(input, ctx.now);
  // Intelligent-Tiering picks the Advanced tier when policies are given.
  const requestedTier = policies?.length && input.optString('Tier') === 'Intelligent-Tiering' ? 'Advanced' : input.optString('Tier');
  const tier = chooseTier(requestedTier, previous?.tier, bytes);
  checkPolicyTier(policies, tier);

  if (existing && existing.versions.length >= MAX_PARAMETER_VERSIONS) {
    // AWS drops the oldest version to make room, unless a label still points at it.
    const oldest = existing.versions[0]!;
    if (oldest.labels.length > 0) {
      throw new AwsError(
        'ParameterMaxVersionLimitExceeded',
        `You attempted to create a new version of ${name} by calling the PutParameter API with the overwrite flag. Version ${oldest.version}, the oldest version, can't be deleted because it has a label associated with it. Move the label to another version of the parameter, and try again.`,
      );
    }
    existing.versions.shift();
  }

  const version: ParameterVersion = {
    version: (previous?.version ?? 0) + 1,
    value,
    ciphertext: type === 'SecureString' ? fakeCiphertext(bytes) : undefined,
    type,
    keyId: type === 'SecureString' ? keyId : undefined,
    description: description ?? previous?.description,
    allowedPattern: pattern,
    tier,
    dataType: dataType ?? previous?.dataType ?? 'text',
    labels: [],
    lastModifiedDate: ctx.now,
    lastModifiedUser: CALLER_ARN,
    policies: (policies ?? previous?.policies)?.map((policy) => ({ ...policy })),
  };
  if (existing) existing.versions.push(version);
  else region.parameters.set(name, { name, arn: parameterArn(ctx.region, name), versions: [version], tags: tags ?? [] });
  return { Version: version.version, Tier: tier };
}

function getParameterHistory(region: RegionState, input: Input): unknown {
  const raw = input.string('Name');
  const parameter = findParameter(region, parseParameterReference(raw).names);
  if (!parameter) throw parameterNotFound(raw);
  const decrypt = input.optBool('WithDecryption') ?? false;
  const maxResults = input.optIntInRange('MaxResults', 1, 50) ?? 50;
  const page = paginate(`GetParameterHistory:${parameter.name}`, parameter.versions, maxResults, input.optString('NextToken'), invalidToken);
  return compact({
    Parameters: page.items.map((version) =>
      compact({
        Name: parameter.name,
        Type: version.type,
        KeyId: version.type === 'SecureString' ? version.keyId : undefined,
        LastModifiedDate: epochSeconds(version.lastModifiedDate),
        LastModifiedUser: version.lastModifiedUser,
        Description: version.description,
        Value: visibleValue(version, decrypt),
        AllowedPattern: version.allowedPattern,
        Version: version.version,
        Labels: [...version.labels],
        Tier: version.tier,
        Policies: policiesView(version.policies),
        DataType: version.dataType,
      }),
    ),
    NextToken: page.nextToken,
  });
}

function targetVersion(region: RegionState, input: Input): { parameter: Parameter; version: ParameterVersion } {
  const name = input.string('Name');
  const parameter = region.parameters.get(name);
  if (!parameter) throw parameterNotFound(name);
  const wanted = input.optInt('ParameterVersion');
  const version = wanted === undefined ? current(parameter) : parameter.versions.find((candidate) => candidate.version === wanted);
  if (!version)
    throw new AwsError('ParameterVersionNotFound', `Systems Manager could not find version ${wanted} of ${name}. Verify the version and try again.`);
  return { parameter, version };
}

function readLabels(input: Input): string[] {
  const labels = input.stringList('Labels');
  if (labels.length < 1 || labels.length > 10)
    throw validationError('labels', 'Member must have length less than or equal to 10 and greater than or equal to 1');
  return labels;
}

function labelParameterVersion(region: RegionState, input: Input): unknown {
  const { parameter, version } = targetVersion(region, input);
  const labels = readLabels(input);
  const invalid = labels.filter((label) => !isValidLabel(label));
  const valid = [...new Set(labels.filter(isValidLabel))];
  const after = new Set([...version.labels, ...valid]);
  if (after.size > MAX_LABELS_PER_VERSION) {
    throw new AwsError('ParameterVersionLabelLimitExceeded', `A parameter version can have maximum ${MAX_LABELS_PER_VERSION} labels.`);
  }
  // A label names one version at a time: attaching it moves it.
  for (const label of valid) {
    for (const other of parameter.versions) if (other !== version) other.labels = other.labels.filter((candidate) => candidate !== label);
    if (!version.labels.includes(label)) version.labels.push(label);
  }
  return { InvalidLabels: invalid, ParameterVersion: version.version };
}

function unlabelParameterVersion(region: RegionState, input: Input): unknown {
  if (input.optInt('ParameterVersion') === undefined) throw validationError('parameterVersion', 'Member must not be null', 'null');
  const { version } = targetVersion(region, input);
  const labels = readLabels(input);
  const removed = labels.filter((label) => version.labels.includes(label));
  const invalid = labels.filter((label) => !version.labels.includes(label));
  version.labels = version.labels.filter((label) => !removed.includes(label));
  return { RemovedLabels: removed, InvalidLabels: invalid };
}

function deleteParameter(region: RegionState, input: Input): unknown {
  const name = input.string('Name');
  if (!region.parameters.delete(name)) throw parameterNotFound(name);
  return {};
}

function deleteParameters(region: RegionState, input: Input): unknown {
  const names = input.stringList('Names');
  if (names.length < 1 || names.length > 10) throw validationError('names', 'Member must have length less than or equal to 10 and greater than or equal to 1');
  const deleted: string[] = [];
  const invalid: string[] = [];
  for (const name of names) (region.parameters.delete(name) ? deleted : invalid).push(name);
  return { DeletedParameters: deleted, InvalidParameters: invalid };
}

/** Tag operations here serve parameters only; secrets are tagged through Secrets Manager. */
function taggedParameter(region: RegionState, input: Input): Parameter {
  const type = input.string('ResourceType');
  if (type !== 'Parameter') throw new AwsError('InvalidResourceType', `The resource type ${type} isn't supported by this emulator; only Parameter is.`);
  const id = input.string('ResourceId');
  const parameter = findParameter(region, parseParameterReference(id).names);
  if (!parameter) throw new AwsError('InvalidResourceId', `The resource ID ${id} isn't valid. Verify that you entered the correct ID and try again.`);
  return parameter;
}

function addTagsToResource(region: RegionState, input: Input): unknown {
  const parameter = taggedParameter(region, input);
  const tags = readTagsChecked(input, parameter.tags);
  if (tags === undefined) throw validationError('tags', 'Member must not be null', 'null');
  parameter.tags = mergeTags(parameter.tags, tags);
  return {};
}

function removeTagsFromResource(region: RegionState, input: Input): unknown {
  const parameter = taggedParameter(region, input);
  const keys = new Set(input.stringList('TagKeys'));
  parameter.tags = parameter.tags.filter((tag) => !keys.has(tag.Key));
  return {};
}

function listTagsForResource(region: RegionState, input: Input): unknown {
  return { TagList: taggedParameter(region, input).tags.map((tag) => ({ ...tag })) };
}

type RegionHandler = (region: RegionState, input: Input, ctx: RequestContext) => unknown;

const OPERATIONS: Record<string, RegionHandler> = {
  GetParameter: getParameter,
  GetParameters: getParameters,
  GetParametersByPath: getParametersByPath,
  DescribeParameters: describeParameters,
  PutParameter: putParameter,
  GetParameterHistory: getParameterHistory,
  LabelParameterVersion: labelParameterVersion,
  UnlabelParameterVersion: unlabelParameterVersion,
  DeleteParameter: deleteParameter,
  DeleteParameters: deleteParameters,
  AddTagsToResource: addTagsToResource,
  RemoveTagsFromResource: removeTagsFromResource,
  ListTagsForResource: listTagsForResource,
};

export function ssmHandlers(state: EmulatorState): Record<string, Handler> {
  const handlers: Record<string, Handler> = {};
  for (const [name, operation] of Object.entries(OPERATIONS)) {
    handlers[name] = (input, ctx) => {
      purgeExpiredParameters(state.region(ctx.region), ctx.now);
      return operation(state.region(ctx.region), input, ctx);
    };
  }
  return handlers;
}
