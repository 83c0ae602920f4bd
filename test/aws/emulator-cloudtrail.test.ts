/**
 * The access history through the extension's AWS layer (TrailStore, HistoryReader) against the
 * bundled emulator, which records the events of its own calls. Only the emulator: moto does not
 * implement CloudTrail LookupEvents (it answers HTTP 500), and real CloudTrail delivers events
 * minutes after the call. What the layer does on an endpoint without LookupEvents is in
 * unsupported-operations.test.ts.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { HistoryReader } from '../../src/audit/history';
import type { SecretStore, TrailStore } from '../../src/aws/types';
import { openEmulatorEndpoint, uniquePrefix, type TestEndpoint } from './endpoint';
import { failure } from './awsFailure';
import { openRuntime, PROFILE, type RuntimeFixture } from './runtimeFixture';

describe('access history against the emulator', () => {
  let endpoint: TestEndpoint;
  let fixture: RuntimeFixture;
  let secrets: SecretStore;
  let trail: TrailStore;

  before(async () => {
    endpoint = await openEmulatorEndpoint();
    fixture = await openRuntime(endpoint);
    secrets = await fixture.runtime.secrets(PROFILE, endpoint.region);
    trail = await fixture.runtime.trail(PROFILE, endpoint.region);
  });
  after(async () => {
    await fixture.close();
    await endpoint.close();
  });

  it('shows a read, with who, from where and how, and a refused read found only by the id its request named', async () => {
    const name = `${uniquePrefix('history')}/db`;
    const created = await secrets.create({ name, value: { text: 'a value that is never recorded' } });
    await secrets.getValue(name);
    endpoint.emulator!.addFault({ operation: 'GetSecretValue', resource: name, kind: 'accessDenied', times: 1 });
    await failure(() => secrets.getValue(created.arn));

    const reader = new HistoryReader(trail, { kind: 'item', service: 'secretsmanager', name, arn: created.arn }, Date.now());
    const result = await reader.ensure(50, 'all');
    assert.equal(result.complete, true);
    const events = reader.events;
    assert.deepEqual(
      events.map((e) => [e.eventName, e.errorCode]),
      [
        ['GetSecretValue', 'AccessDeniedException'],
        ['GetSecretValue', undefined],
        ['CreateSecret', undefined],
      ],
    );
    const read = events[1]!;
    assert.equal(read.accessKeyId, endpoint.credentials!.accessKeyId);
    assert.equal(read.principalArn, 'arn:aws:iam::123456789012:user/demo');
    assert.equal(read.sourceIp, '127.0.0.1');
    assert.match(read.userAgent ?? '', /aws-sdk-js/);
    assert.equal(read.readOnly, true);
    assert.equal(events[2]!.readOnly, false);
    assert.ok(!JSON.stringify(events).includes('never recorded'), 'no value in any event');
    assert.deepEqual(
      reader.shown('writes', 50).map((e) => e.eventName),
      ['CreateSecret'],
    );
  });

  it('finds what an access key did, and only that', async () => {
    const name = `${uniquePrefix('key')}/token`;
    await secrets.create({ name, value: { text: 'x' } });
    const reader = new HistoryReader(trail, { kind: 'accessKey', accessKeyId: endpoint.credentials!.accessKeyId }, Date.now());
    await reader.ensure(50, 'all');
    assert.ok(reader.events.some((e) => e.eventName === 'CreateSecret' && e.requestIds.includes(name)));
    assert.ok(reader.events.every((e) => e.accessKeyId === endpoint.credentials!.accessKeyId));
  });

  it('pages through a long history at CloudTrail’s 2 lookups a second without being throttled', async () => {
    const name = `${uniquePrefix('busy')}/db`;
    const created = await secrets.create({ name, value: { text: 'x' } });
    for (let i = 0; i < 120; i++) await secrets.describe(name);
    let calls = 0;
    const counting: TrailStore = { lookupEvents: (query) => (calls++, trail.lookupEvents(query)) };
    const before = endpoint.emulator!.stats()['cloudtrail.LookupEvents'] ?? 0;
    const reader = new HistoryReader(counting, { kind: 'item', service: 'secretsmanager', name, arn: created.arn }, Date.now());
    await reader.ensure(50, 'all');
    assert.ok(reader.count('all') >= 50);
    await reader.ensure(200, 'all');
    assert.equal(reader.count('all'), 121);
    assert.ok(calls >= 6, `${calls} lookups`);
    // The emulator throttles a third lookup within a second; a throttled call would have been sent again.
    assert.equal((endpoint.emulator!.stats()['cloudtrail.LookupEvents'] ?? 0) - before, calls, 'no lookup was throttled and retried');
  });

  it('a Region whose trail cannot be read: access denied, naming cloudtrail:LookupEvents', async () => {
    endpoint.emulator!.addFault({ service: 'cloudtrail', kind: 'accessDenied', times: 1 });
    const error = await failure(() => trail.lookupEvents({ attribute: { key: 'EventSource', value: 'ssm.amazonaws.com' } }));
    assert.equal(error.kind, 'accessDenied');
    assert.match(error.message, /cloudtrail:LookupEvents/);
  });
});
