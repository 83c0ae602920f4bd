import { LookupEventsCommand, type CloudTrailClient, type Event as SdkEvent } from '@aws-sdk/client-cloudtrail';
import { callAws, nextTokenOf, type StoreContext } from './call';
import type { CallPacer } from './pacing';
import type { Logger, Page, TrailEvent, TrailQuery, TrailStore } from './types';

/** LookupEvents returns at most 50 events a call. */
const MAX_RESULTS = 50;

/** Members of requestParameters that name the secret or parameter a call was about. */
const ID_MEMBERS = ['secretId', 'name', 'names', 'secretIdList', 'parameterName'] as const;
/** The encryption context Secrets Manager and Parameter Store give KMS names what was decrypted. */
const CONTEXT_MEMBERS = ['SecretARN', 'PARAMETER_ARN'] as const;

export class CloudTrailStore implements TrailStore {
  constructor(
    private readonly client: CloudTrailClient,
    private readonly context: StoreContext,
    private readonly logger: Logger,
    /** Shared by every store of this profile and Region: CloudTrail allows 2 lookups per second. */
    private readonly pacer: CallPacer,
  ) {}

  async lookupEvents(query: TrailQuery): Promise<Page<TrailEvent>> {
    const spec = { operation: 'LookupEvents', resource: `${query.attribute.key}=${query.attribute.value}` };
    const response = await callAws(this.context, this.logger, spec, { signal: query.signal }, async (abortSignal) => {
      await this.pacer.turn(abortSignal);
      return this.client.send(
        new LookupEventsCommand({
          LookupAttributes: [{ AttributeKey: query.attribute.key, AttributeValue: query.attribute.value }],
          StartTime: query.startTime,
          EndTime: query.endTime,
          MaxResults: MAX_RESULTS,
          NextToken: query.nextToken,
        }),
        { abortSignal },
      );
    });
    return { items: (response.Events ?? []).map(toTrailEvent), nextToken: nextTokenOf(response.NextToken, query.nextToken) };
  }
}

/** The event as the audit views need it: the record's own fields where LookupEvents' summary has none. */
export function toTrailEvent(event: SdkEvent): TrailEvent {
  const record = parseRecord(event.CloudTrailEvent);
  const identity = asObject(record['userIdentity']);
  const readOnly = event.ReadOnly ?? (typeof record['readOnly'] === 'boolean' ? String(record['readOnly']) : undefined);
  return {
    eventId: event.EventId ?? text(record['eventID']) ?? '',
    eventName: event.EventName ?? text(record['eventName']) ?? '',
    eventSource: event.EventSource ?? text(record['eventSource']),
    eventTime: event.EventTime ?? dateOf(record['eventTime']),
    readOnly: readOnly === undefined ? undefined : readOnly === 'true',
    accessKeyId: event.AccessKeyId ?? text(identity['accessKeyId']),
    username: event.Username ?? text(identity['userName']),
    principalArn: text(identity['arn']),
    accountId: text(identity['accountId']) ?? text(record['recipientAccountId']),
    sourceIp: text(record['sourceIPAddress']),
    userAgent: text(record['userAgent']),
    errorCode: text(record['errorCode']),
    errorMessage: text(record['errorMessage']),
    region: text(record['awsRegion']),
    resources: (event.Resources ?? []).map((r) => ({ type: r.ResourceType, name: r.ResourceName })),
    requestIds: requestIds(asObject(record['requestParameters'])),
  };
}

function requestIds(parameters: Record<string, unknown>): string[] {
  const ids: string[] = [];
  const add = (value: unknown) => {
    if (typeof value === 'string' && value) ids.push(value);
    else if (Array.isArray(value)) for (const item of value) if (typeof item === 'string' && item) ids.push(item);
  };
  for (const member of ID_MEMBERS) add(parameters[member]);
  const context = asObject(parameters['encryptionContext']);
  for (const member of CONTEXT_MEMBERS) add(context[member]);
  return ids;
}

function parseRecord(json: string | undefined): Record<string, unknown> {
  if (!json) return {};
  try {
    return asObject(JSON.parse(json));
  } catch {
    return {};
  }
}

function asObject(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function dateOf(value: unknown): Date | undefined {
  const parsed = typeof value === 'string' ? new Date(value) : undefined;
  return parsed && !Number.isNaN(parsed.getTime()) ? parsed : undefined;
}
