/**
 * The emulator's CloudTrail, as the CloudTrail API Reference documents LookupEvents: one lookup
 * attribute, the last 90 days, newest first, MaxResults 1–50, NextToken for one query only, 2
 * requests per second per account and Region; and the event records the CloudTrail User Guide
 * describes (userIdentity, sourceIPAddress, userAgent, errorCode, requestParameters). Only the
 * bundled emulator: moto does not implement LookupEvents (HTTP 500).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CloudTrailClient, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import { CreateSecretCommand, GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { GetParameterCommand, PutParameterCommand, type SSMClient } from '@aws-sdk/client-ssm';
import { errorOf, openEmulatorEndpoint, type TestEndpoint, uniquePrefix } from './endpoint';

/** The members of a CloudTrail record these tests read. */
interface TrailRecord {
  eventSource: string;
  errorCode?: string;
  errorMessage?: string;
  requestParameters?: { secretId?: string; encryptionContext?: { SecretARN?: string } };
  userIdentity: { accessKeyId?: string; invokedBy?: string };
  sourceIPAddress: string;
  userAgent: string;
  readOnly: boolean;
}

describe('emulator fidelity: CloudTrail', () => {
  let ep: TestEndpoint;
  let sm: SecretsManagerClient;
  let ssm: SSMClient;
  let ct: CloudTrailClient;
  let patient: CloudTrailClient;

  before(async () => {
    ep = await openEmulatorEndpoint();
    sm = ep.secretsManager();
    ssm = ep.ssm();
    // One attempt: a throttled lookup must show, not be retried.
    ct = new CloudTrailClient(ep.config({ maxAttempts: 1 }));
    // The others wait their turn, as the extension does: adaptive retries slow down when throttled.
    patient = new CloudTrailClient({ ...ep.config(), maxAttempts: 10, retryMode: 'adaptive' });
  });
  after(async () => {
    ct.destroy();
    patient.destroy();
    await ep.close();
  });

  const lookup = (key: string, value: string, extra: Record<string, unknown> = {}) =>
    patient.send(new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: key as 'EventName', AttributeValue: value }], ...extra }));

  // LookupEvents › LookupAttributes: "Currently the list can contain only one item."
  it('takes one lookup attribute', async () => {
    const error = await errorOf(() =>
      patient.send(
        new LookupEventsCommand({
          LookupAttributes: [
            { AttributeKey: 'EventName', AttributeValue: 'GetSecretValue' },
            { AttributeKey: 'ReadOnly', AttributeValue: 'true' },
          ],
        }),
      ),
    );
    assert.equal(error.name, 'InvalidLookupAttributesException');
  });

  // LookupEvents › MaxResults: "The number of events to return. Possible values are 1 through 50. The default is 50."
  it('returns at most 50 a page, newest first, and a NextToken that belongs to its query', async () => {
    const name = `${uniquePrefix('pages')}/p`;
    await ssm.send(new PutParameterCommand({ Name: `/${name}`, Value: 'v', Type: 'String' }));
    for (let i = 0; i < 60; i++) await ssm.send(new GetParameterCommand({ Name: `/${name}` }));
    const first = await lookup('EventSource', 'ssm.amazonaws.com');
    assert.equal(first.Events?.length, 50);
    assert.ok(first.NextToken);
    const times = first.Events!.map((e) => e.EventTime!.getTime());
    assert.deepEqual(
      times,
      [...times].sort((a, b) => b - a),
    );
    const second = await lookup('EventSource', 'ssm.amazonaws.com', { NextToken: first.NextToken });
    assert.equal(second.Events?.length, 11);
    assert.ok(!second.Events!.some((e) => first.Events!.some((f) => f.EventId === e.EventId)));
    const wrong = await errorOf(() => lookup('EventName', 'GetParameter', { NextToken: first.NextToken }));
    assert.equal(wrong.name, 'InvalidNextTokenException');
    assert.equal((await errorOf(() => lookup('EventName', 'GetParameter', { MaxResults: 51 }))).name, 'InvalidMaxResultsException');
  });

  // LookupEvents › Errors › InvalidTimeRangeException: "Either the start time occurs after the end time, or the time range is outside the range of possible values."
  it('refuses a start after the end', async () => {
    const error = await errorOf(() => lookup('ReadOnly', 'true', { StartTime: new Date(Date.now()), EndTime: new Date(Date.now() - 60_000) }));
    assert.equal(error.name, 'InvalidTimeRangeException');
  });

  // LookupEvents: "The rate of lookup requests is limited to two per second, per account, per Region. If this limit is exceeded, a throttling error occurs."
  it('throttles a third lookup within a second', async () => {
    const send = () => ct.send(new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: 'ReadOnly', AttributeValue: 'false' }] }));
    const results = await Promise.allSettled([send(), send(), send(), send(), send(), send()]);
    const throttled = results.filter((r) => r.status === 'rejected' && (r.reason as Error).name === 'ThrottlingException');
    assert.ok(throttled.length >= 1, 'a throttling error');
    assert.ok(results.every((r) => r.status === 'fulfilled' || (r.reason as Error).name === 'ThrottlingException'));
  });

  // CloudTrail User Guide, "CloudTrail record contents for management, data, and network activity events".
  it('records who called what, from where, the error of a refused call, and the ids named — never a value', async () => {
    const name = `${uniquePrefix('record')}/secret`;
    const value = 'a value CloudTrail never sees';
    const created = await sm.send(new CreateSecretCommand({ Name: name, SecretString: value }));
    await sm.send(new GetSecretValueCommand({ SecretId: created.ARN }));
    ep.emulator!.addFault({ operation: 'GetSecretValue', resource: name, kind: 'accessDenied', times: 1 });
    await errorOf(() => sm.send(new GetSecretValueCommand({ SecretId: name })));

    const events = (await lookup('EventSource', 'secretsmanager.amazonaws.com')).Events!.filter((e) => e.CloudTrailEvent!.includes(name));
    assert.deepEqual(
      events.map((e) => e.EventName),
      ['GetSecretValue', 'GetSecretValue', 'CreateSecret'],
    );
    const [refused, read, create] = events.map((e) => JSON.parse(e.CloudTrailEvent!) as TrailRecord);
    assert.equal(refused!.errorCode, 'AccessDeniedException');
    assert.match(refused!.errorMessage ?? '', /not authorized to perform: secretsmanager:GetSecretValue/);
    assert.deepEqual(refused!.requestParameters, { secretId: name });
    assert.deepEqual(events[0]!.Resources, [], 'a refused call names the secret only in requestParameters');
    assert.deepEqual(read!.requestParameters, { secretId: created.ARN });
    assert.deepEqual(events[1]!.Resources, [{ ResourceType: 'AWS::SecretsManager::Secret', ResourceName: created.ARN }]);
    assert.equal(read!.userIdentity.accessKeyId, ep.credentials!.accessKeyId);
    assert.equal(events[1]!.AccessKeyId, ep.credentials!.accessKeyId);
    assert.equal(read!.sourceIPAddress, '127.0.0.1');
    assert.match(read!.userAgent, /aws-sdk-js/);
    assert.equal(read!.readOnly, true);
    assert.equal(create!.readOnly, false);
    assert.equal(events[2]!.ReadOnly, 'false');
    assert.ok(!events.some((e) => e.CloudTrailEvent!.includes(value)), 'no value in any record');

    const byResource = await lookup('ResourceName', created.ARN!);
    assert.deepEqual(
      byResource.Events!.map((e) => e.EventName),
      ['GetSecretValue', 'CreateSecret'],
    );
  });

  // Secrets Manager User Guide, "AWS KMS key for Secrets Manager": a read of a secret encrypted with a customer key makes a KMS Decrypt on the caller's behalf, with the secret's ARN in the encryption context.
  it('records the KMS Decrypt of a read through a customer-managed key', async () => {
    const name = `${uniquePrefix('kms')}/secret`;
    const created = await sm.send(new CreateSecretCommand({ Name: name, SecretString: 'x', KmsKeyId: 'alias/custom-key' }));
    await sm.send(new GetSecretValueCommand({ SecretId: name }));
    const decrypts = (await lookup('EventName', 'Decrypt')).Events!.map((e) => JSON.parse(e.CloudTrailEvent!) as TrailRecord);
    const mine = decrypts.find((d) => d.requestParameters?.encryptionContext?.SecretARN === created.ARN);
    assert.ok(mine, 'a Decrypt with the secret in its encryption context');
    assert.equal(mine.eventSource, 'kms.amazonaws.com');
    assert.equal(mine.userIdentity.invokedBy, 'secretsmanager.amazonaws.com');
  });
});
