/**
 * CloudTrail (JSON 1.1, `X-Amz-Target: com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.<Op>`):
 * the emulator records the management events of its own Secrets Manager, Parameter Store and KMS
 * calls — who (the signing access key and its user), when, which call, from where (source IP, user
 * agent), the error when one was refused, the ids the request named — and answers `LookupEvents`
 * as the CloudTrail API reference documents it: one lookup attribute, the last 90 days, newest
 * first, at most 50 a page, 2 requests per second per account and Region (a token bucket; more is
 * `ThrottlingException`). A call on an existing item gets it as a Resource; a refused call only
 * names it in `requestParameters`, so a lookup by resource name alone misses it, as on AWS.
 * Reading a secret or SecureString encrypted with a customer key also records the KMS `Decrypt`
 * that Secrets Manager / Parameter Store makes on the caller's behalf (with the encryption context).
 */
import { createHash, randomUUID } from 'node:crypto';
import { ACCOUNT_ID, AwsError, DAY_MS, epochSeconds, type Handler, type Input, type RequestContext, type ServiceName, validationError } from './protocol';
import { findSecret } from './secretIds';
import type { EmulatorState, RegionState, TrailRecord } from './state';

/** LookupEvents' attribute keys (API reference, LookupAttribute › AttributeKey). */
const ATTRIBUTE_KEYS = ['EventId', 'EventName', 'ReadOnly', 'Username', 'ResourceType', 'ResourceName', 'EventSource', 'AccessKeyId'] as const;
/** "You can look up events that occurred in a Region within the last 90 days." */
const RETENTION_MS = 90 * DAY_MS;
/** Kept per Region, oldest dropped first: enough for any test or demo session. */
const MAX_EVENTS = 20_000;
const LOOKUPS_PER_SECOND = 2;

/** Services whose calls are recorded (management events). */
const RECORDED: readonly ServiceName[] = ['secretsmanager', 'ssm', 'kms'];

/** The request members CloudTrail keeps in requestParameters (names only: values are never logged). */
const REQUEST_MEMBERS = ['SecretId', 'Name', 'Names', 'SecretIdList', 'VersionId', 'VersionStage', 'WithDecryption', 'Path', 'Recursive', 'KeyId'] as const;

export interface RecordedCall {
  readonly region: string;
  readonly service: ServiceName;
  readonly operation: string;
  readonly accessKeyId?: string;
  readonly sourceIp?: string;
  readonly userAgent?: string;
  readonly body: string;
  readonly now: number;
  /** Set when the call was refused. */
  readonly error?: AwsError;
}

/** The IAM user behind an access key: the demo account has one, `demo`. */
function userIdentity(accessKeyId: string | undefined): Record<string, unknown> {
  return {
    type: 'IAMUser',
    principalId: 'AIDAEMULATORDEMOUSER',
    arn: `arn:aws:iam::${ACCOUNT_ID}:user/demo`,
    accountId: ACCOUNT_ID,
    accessKeyId,
    userName: 'demo',
  };
}

const lowerFirst = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);

function requestParameters(body: string): Record<string, unknown> {
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(body || '{}') as Record<string, unknown>;
  } catch {
    return {};
  }
  const kept: Record<string, unknown> = {};
  for (const member of REQUEST_MEMBERS) if (parsed[member] !== undefined) kept[lowerFirst(member)] = parsed[member];
  return kept;
}

function isRead(operation: string): boolean {
  return /^(Get|List|Describe|BatchGet|Validate)/.test(operation);
}

function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The secret or parameter a successful call was about, as LookupEvents' Resources name it. */
function resourcesOf(region: RegionState, service: ServiceName, parameters: Record<string, unknown>): TrailRecord['resources'] {
  const id = typeof parameters['secretId'] === 'string' ? parameters['secretId'] : typeof parameters['name'] === 'string' ? parameters['name'] : undefined;
  if (id === undefined) return [];
  if (service === 'secretsmanager') {
    const secret = findSecret(region, id) ?? region.secrets.get(id);
    return secret ? [{ ResourceType: 'AWS::SecretsManager::Secret', ResourceName: secret.arn }] : [];
  }
  if (service === 'ssm') {
    const parameter = region.parameters.get(id.replace(/:[^:/]+$/, ''));
    return parameter ? [{ ResourceType: 'AWS::SSM::Parameter', ResourceName: parameter.arn }] : [];
  }
  return [];
}

function push(region: RegionState, event: Omit<TrailRecord, 'eventId'>, now: number): void {
  const eventId = randomUUID();
  region.trail.push({ ...event, eventId, record: { ...event.record, eventID: eventId } });
  const oldest = now - RETENTION_MS;
  while (region.trail.length > MAX_EVENTS || (region.trail.length > 0 && region.trail[0]!.eventTime < oldest)) region.trail.shift();
}

/** Records one call of a Secrets Manager, Parameter Store or KMS operation, as CloudTrail would. */
export function recordCall(state: EmulatorState, call: RecordedCall): void {
  if (!RECORDED.includes(call.service)) return;
  // Throttled and failed-by-the-service requests never reached the operation; CloudTrail has no event for them.
  if (call.error && (call.error.status >= 500 || call.error.code === 'ThrottlingException')) return;
  const region = state.region(call.region);
  const parameters = requestParameters(call.body);
  const identity = userIdentity(call.accessKeyId);
  const source = `${call.service}.amazonaws.com`;
  const record: Record<string, unknown> = {
    eventVersion: '1.09',
    userIdentity: identity,
    eventTime: isoSeconds(call.now),
    eventSource: source,
    eventName: call.operation,
    awsRegion: call.region,
    sourceIPAddress: call.sourceIp ?? '127.0.0.1',
    userAgent: call.userAgent ?? 'unknown',
    requestParameters: Object.keys(parameters).length ? parameters : null,
    responseElements: null,
    requestID: randomUUID(),
    readOnly: isRead(call.operation),
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: ACCOUNT_ID,
    eventCategory: 'Management',
    ...(call.error ? { errorCode: call.error.code, errorMessage: call.error.message } : {}),
  };
  const resources = call.error ? [] : resourcesOf(region, call.service, parameters);
  push(
    region,
    {
      eventTime: call.now,
      eventSource: source,
      eventName: call.operation,
      readOnly: isRead(call.operation),
      accessKeyId: call.accessKeyId,
      username: 'demo',
      resources,
      record,
    },
    call.now,
  );
  if (!call.error) recordDecrypt(region, call, parameters, identity);
}

/** The KMS Decrypt a read of a customer-key-encrypted secret or SecureString makes on the caller's behalf. */
function recordDecrypt(region: RegionState, call: RecordedCall, parameters: Record<string, unknown>, identity: Record<string, unknown>): void {
  let keyId: string | undefined;
  let context: Record<string, string> | undefined;
  if (call.service === 'secretsmanager' && call.operation === 'GetSecretValue' && typeof parameters['secretId'] === 'string') {
    const secret = findSecret(region, parameters['secretId']);
    if (secret?.kmsKeyId && !secret.kmsKeyId.startsWith('alias/aws/')) {
      keyId = secret.kmsKeyId;
      context = { SecretARN: secret.arn };
    }
  }
  if (call.service === 'ssm' && call.operation === 'GetParameter' && parameters['withDecryption'] === true && typeof parameters['name'] === 'string') {
    const parameter = region.parameters.get(parameters['name']);
    const current = parameter?.versions[parameter.versions.length - 1];
    if (current?.type === 'SecureString' && current.keyId && !current.keyId.startsWith('alias/aws/')) {
      keyId = current.keyId;
      context = { PARAMETER_ARN: parameter!.arn };
    }
  }
  if (!keyId || !context) return;
  const alias = region.kmsAliases.find((a) => a.aliasName === keyId || a.targetKeyId === keyId);
  const keyArn = `arn:aws:kms:${call.region}:${ACCOUNT_ID}:key/${alias?.targetKeyId ?? keyId}`;
  const invokedBy = `${call.service}.amazonaws.com`;
  push(
    region,
    {
      eventTime: call.now,
      eventSource: 'kms.amazonaws.com',
      eventName: 'Decrypt',
      readOnly: true,
      accessKeyId: call.accessKeyId,
      username: 'demo',
      resources: [{ ResourceType: 'AWS::KMS::Key', ResourceName: keyArn }],
      record: {
        eventVersion: '1.09',
        userIdentity: { ...identity, invokedBy },
        eventTime: isoSeconds(call.now),
        eventSource: 'kms.amazonaws.com',
        eventName: 'Decrypt',
        awsRegion: call.region,
        sourceIPAddress: invokedBy,
        userAgent: invokedBy,
        requestParameters: { encryptionContext: context, encryptionAlgorithm: 'SYMMETRIC_DEFAULT' },
        responseElements: null,
        requestID: randomUUID(),
        readOnly: true,
        resources: [{ accountId: ACCOUNT_ID, type: 'AWS::KMS::Key', ARN: keyArn }],
        eventType: 'AwsApiCall',
        managementEvent: true,
        recipientAccountId: ACCOUNT_ID,
        eventCategory: 'Management',
      },
    },
    call.now,
  );
}

/** Adds an event from the past (demo data): a read by `principalArn` from `sourceIp`. */
export function seedRead(
  region: RegionState,
  input: { secretArn: string; secretName: string; at: number; principalArn: string; sourceIp: string; accessKeyId: string },
): void {
  region.trail.push({
    eventId: deterministicId(`${input.secretArn}/${input.at}`),
    eventTime: input.at,
    eventSource: 'secretsmanager.amazonaws.com',
    eventName: 'GetSecretValue',
    readOnly: true,
    accessKeyId: input.accessKeyId,
    username: input.principalArn.split('/').slice(-2, -1)[0],
    resources: [{ ResourceType: 'AWS::SecretsManager::Secret', ResourceName: input.secretArn }],
    record: {
      eventVersion: '1.09',
      userIdentity: { type: 'AssumedRole', arn: input.principalArn, accountId: ACCOUNT_ID, accessKeyId: input.accessKeyId },
      eventTime: isoSeconds(input.at),
      eventSource: 'secretsmanager.amazonaws.com',
      eventName: 'GetSecretValue',
      awsRegion: region.region,
      sourceIPAddress: input.sourceIp,
      userAgent: 'aws-sdk-java/2.25.0 Linux/6.1 OpenJDK_64-Bit_Server_VM/21',
      requestParameters: { secretId: input.secretName },
      responseElements: null,
      readOnly: true,
      eventType: 'AwsApiCall',
      managementEvent: true,
      recipientAccountId: ACCOUNT_ID,
      eventCategory: 'Management',
      eventID: deterministicId(`${input.secretArn}/${input.at}`),
    },
  });
  region.trail.sort((a, b) => a.eventTime - b.eventTime);
}

function deterministicId(key: string): string {
  const hex = createHash('sha256').update(key).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A token that names the last event returned and the query it belongs to, so new events never shift the next page. */
interface LookupToken {
  q: string;
  t: number;
  id: string;
}

function encodeToken(token: LookupToken): string {
  return Buffer.from(JSON.stringify(token), 'utf8').toString('base64url');
}

function decodeToken(text: string): LookupToken | undefined {
  try {
    const parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Partial<LookupToken>;
    return typeof parsed.q === 'string' && typeof parsed.t === 'number' && typeof parsed.id === 'string' ? (parsed as LookupToken) : undefined;
  } catch {
    return undefined;
  }
}

function matchesAttribute(event: TrailRecord, key: (typeof ATTRIBUTE_KEYS)[number], value: string): boolean {
  switch (key) {
    case 'EventId':
      return event.eventId === value;
    case 'EventName':
      return event.eventName === value;
    case 'ReadOnly':
      return String(event.readOnly) === value;
    case 'Username':
      return event.username === value;
    case 'ResourceType':
      return event.resources.some((r) => r.ResourceType === value);
    case 'ResourceName':
      return event.resources.some((r) => r.ResourceName === value);
    case 'EventSource':
      return event.eventSource === value;
    case 'AccessKeyId':
      return event.accessKeyId === value;
  }
}

/** Epoch seconds on the wire (JSON 1.1); absent means no bound. */
function readTime(input: Input, name: string): number | undefined {
  const seconds = input.optNumber(name);
  return seconds === undefined ? undefined : seconds * 1000;
}

/** Newest first; events of the same millisecond in the order they happened, newest first too. */
function newestFirst(trail: readonly TrailRecord[]): TrailRecord[] {
  return trail
    .map((event, index) => ({ event, index }))
    .sort((a, b) => b.event.eventTime - a.event.eventTime || b.index - a.index)
    .map(({ event }) => event);
}

function takeLookupToken(region: RegionState, now: number): void {
  const bucket = region.lookupBucket;
  bucket.tokens = Math.min(LOOKUPS_PER_SECOND, bucket.tokens + ((now - bucket.at) / 1000) * LOOKUPS_PER_SECOND);
  bucket.at = now;
  if (bucket.tokens < 1) throw new AwsError('ThrottlingException', 'Rate exceeded');
  bucket.tokens -= 1;
}

function lookupEvents(state: EmulatorState, input: Input, ctx: RequestContext): unknown {
  const region = state.region(ctx.region);
  const attributes = input.optObjectList('LookupAttributes') ?? [];
  if (attributes.length > 1) throw new AwsError('InvalidLookupAttributesException', 'You cannot specify more than one lookup attribute.');
  const attribute = attributes[0];
  const key = attribute?.string('AttributeKey');
  const value = attribute?.string('AttributeValue');
  if (key !== undefined && !(ATTRIBUTE_KEYS as readonly string[]).includes(key)) {
    throw validationError('lookupAttributes.1.member.attributeKey', `Member must satisfy enum value set: [${ATTRIBUTE_KEYS.join(', ')}]`, key);
  }
  if (value !== undefined && (value.length < 1 || value.length > 2000)) {
    throw new AwsError('InvalidLookupAttributesException', 'The attribute value must be between 1 and 2000 characters.');
  }
  const maxResults = input.optInt('MaxResults') ?? 50;
  if (maxResults < 1 || maxResults > 50) throw new AwsError('InvalidMaxResultsException', 'MaxResults must be between 1 and 50.');
  const start = Math.max(readTime(input, 'StartTime') ?? 0, ctx.now - RETENTION_MS);
  const end = readTime(input, 'EndTime') ?? ctx.now;
  if ((readTime(input, 'StartTime') ?? 0) > end) throw new AwsError('InvalidTimeRangeException', 'The start time must be before the end time.');
  takeLookupToken(region, ctx.now);

  const query = `${key ?? ''}=${value ?? ''}`;
  const token = input.optString('NextToken');
  const after = token ? decodeToken(token) : undefined;
  if (token && (!after || after.q !== query)) {
    throw new AwsError('InvalidNextTokenException', 'A token that is not valid, or a token that was previously used in a request with different parameters.');
  }
  const matching = newestFirst(region.trail).filter(
    (event) =>
      event.eventTime >= start && event.eventTime <= end && (key === undefined || matchesAttribute(event, key as (typeof ATTRIBUTE_KEYS)[number], value!)),
  );
  const from = after ? matching.findIndex((event) => event.eventId === after.id) + 1 || matching.findIndex((event) => event.eventTime < after.t) : 0;
  const page = from < 0 ? [] : matching.slice(from, from + maxResults);
  const last = page[page.length - 1];
  const more = from >= 0 && from + maxResults < matching.length;
  return {
    Events: page.map((event) => ({
      EventId: event.eventId,
      EventName: event.eventName,
      ReadOnly: String(event.readOnly),
      AccessKeyId: event.accessKeyId,
      EventTime: epochSeconds(event.eventTime),
      EventSource: event.eventSource,
      Username: event.username,
      Resources: event.resources.map((r) => ({ ...r })),
      CloudTrailEvent: JSON.stringify(event.record),
    })),
    ...(more && last ? { NextToken: encodeToken({ q: query, t: last.eventTime, id: last.eventId }) } : {}),
  };
}

export function cloudTrailHandlers(state: EmulatorState): Record<string, Handler> {
  return { LookupEvents: (input, ctx) => lookupEvents(state, input, ctx) };
}
