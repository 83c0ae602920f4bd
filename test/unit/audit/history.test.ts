// The access history: which CloudTrail events are about an item (by resource, or by the id its
// request names — a name, a partial ARN or a full ARN, as the Secrets Manager User Guide's
// CloudTrail entries show), and how lookups merge into one newest-first history a page at a time.
// The store here answers like LookupEvents (CloudTrail API Reference): one attribute, newest
// first, at most 50 a page with a NextToken.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { Page, TrailEvent, TrailQuery, TrailStore } from '../../../src/aws/types';
import { HistoryReader, isAbout, namesItem, passes, type HistorySubject } from '../../../src/audit/history';

const ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbC123';
const secret: Extract<HistorySubject, { kind: 'item' }> = { kind: 'item', service: 'secretsmanager', name: 'prod/db', arn: ARN };
const NOW = Date.parse('2026-06-30T12:00:00Z');

function event(id: string, minutesAgo: number, fields: Partial<TrailEvent> = {}): TrailEvent {
  return {
    eventId: id,
    eventName: 'GetSecretValue',
    eventSource: 'secretsmanager.amazonaws.com',
    eventTime: new Date(NOW - minutesAgo * 60_000),
    readOnly: true,
    resources: [],
    requestIds: [],
    ...fields,
  };
}

/** LookupEvents over a fixed trail: the attribute filters, pages of `pageSize`, newest first. */
class Trail implements TrailStore {
  readonly queries: TrailQuery[] = [];
  constructor(
    private readonly events: TrailEvent[],
    private readonly pageSize = 50,
  ) {}
  async lookupEvents(query: TrailQuery): Promise<Page<TrailEvent>> {
    this.queries.push(query);
    const { key, value } = query.attribute;
    const matching = this.events
      .filter((e) =>
        key === 'ResourceName' ? e.resources.some((r) => r.name === value) : key === 'EventSource' ? e.eventSource === value : e.accessKeyId === value,
      )
      .filter((e) => !query.startTime || e.eventTime!.getTime() >= query.startTime.getTime())
      .sort((a, b) => b.eventTime!.getTime() - a.eventTime!.getTime());
    const offset = Number(query.nextToken ?? 0);
    const next = offset + this.pageSize;
    return { items: matching.slice(offset, next), nextToken: next < matching.length ? String(next) : undefined };
  }
}

describe('access history', () => {
  it('a request names the secret by name, partial ARN or full ARN — not another secret that reused the name', () => {
    for (const id of ['prod/db', ARN, 'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db']) assert.ok(namesItem(secret, id), id);
    for (const id of ['prod/db2', 'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-ZZZ999', 'prod']) assert.ok(!namesItem(secret, id), id);
    const byName: Extract<HistorySubject, { kind: 'item' }> = { kind: 'item', service: 'secretsmanager', name: 'prod/db' };
    assert.ok(namesItem(byName, 'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-ZZZ999'));
  });

  it('a parameter by name, by ARN, or with a version selector', () => {
    const parameter: Extract<HistorySubject, { kind: 'item' }> = { kind: 'item', service: 'ssm', name: '/app/db/password' };
    for (const id of ['/app/db/password', '/app/db/password:3', 'arn:aws:ssm:us-east-1:123456789012:parameter/app/db/password'])
      assert.ok(namesItem(parameter, id), id);
    assert.ok(!namesItem(parameter, '/app/db/password2'));
  });

  it('an event is about the item by its resource, or by the ids its request names when CloudTrail attached none', () => {
    assert.ok(isAbout(secret, event('a', 1, { resources: [{ type: 'AWS::SecretsManager::Secret', name: ARN }] })));
    assert.ok(isAbout(secret, event('b', 1, { requestIds: ['prod/db'], errorCode: 'AccessDenied' })));
    assert.ok(!isAbout(secret, event('c', 1, { requestIds: ['prod/other'] })));
    assert.ok(!isAbout(secret, event('d', 1, { eventSource: 'ssm.amazonaws.com', requestIds: ['prod/db'] })));
  });

  it('merges both lookups newest first, once each, 50 a page, and knows when it has all of the 90 days', async () => {
    const events: TrailEvent[] = [];
    for (let i = 0; i < 70; i++) events.push(event(`r${i}`, i * 10 + 1, { resources: [{ name: ARN }], requestIds: ['prod/db'] }));
    // Refused reads: only in requestParameters; and other secrets' events the source lookup also returns.
    for (let i = 0; i < 30; i++) events.push(event(`x${i}`, i * 10 + 5, { requestIds: [ARN], errorCode: 'AccessDenied', readOnly: true }));
    for (let i = 0; i < 40; i++) events.push(event(`o${i}`, i * 10 + 7, { requestIds: ['prod/other'] }));
    const trail = new Trail(events);
    const reader = new HistoryReader(trail, secret, NOW);

    const first = await reader.ensure(50, 'all');
    assert.equal(first.complete, false);
    assert.ok(reader.count('all') >= 50);
    assert.equal(reader.shown('all', 50).length, 50);
    const times = reader.events.map((e) => e.eventTime!.getTime());
    assert.deepEqual(
      times,
      [...times].sort((a, b) => b - a),
      'newest first',
    );
    assert.deepEqual(
      reader.events.slice(0, 4).map((e) => e.eventId),
      ['r0', 'x0', 'r1', 'x1'],
    );

    const second = await reader.ensure(100, 'all');
    assert.equal(second.complete, true);
    assert.equal(reader.events.length, 100, 'every event about the secret, each once');
    assert.ok(reader.events.every((e) => !e.eventId.startsWith('o')));
    assert.ok(trail.queries.every((q) => q.startTime?.getTime() === NOW - 90 * 24 * 60 * 60 * 1000));
    assert.deepEqual(
      [...new Set(trail.queries.map((q) => `${q.attribute.key}=${q.attribute.value}`))],
      [`ResourceName=${ARN}`, 'EventSource=secretsmanager.amazonaws.com'],
    );
  });

  it('filters reads and writes without asking again, and counts a page in the chosen kind', async () => {
    const events = [
      event('read', 1, { resources: [{ name: ARN }] }),
      event('write', 2, { eventName: 'PutSecretValue', readOnly: false, resources: [{ name: ARN }] }),
      event('read2', 3, { resources: [{ name: ARN }] }),
    ];
    const reader = new HistoryReader(new Trail(events), secret, NOW);
    await reader.ensure(1, 'writes');
    assert.deepEqual(
      reader.events.filter((e) => passes('writes', e)).map((e) => e.eventId),
      ['write'],
    );
    assert.deepEqual(
      reader.events.filter((e) => passes('reads', e)).map((e) => e.eventId),
      ['read', 'read2'],
    );
  });

  it('stops after its budget of lookups on a busy trail and says how far back it searched', async () => {
    // 5,000 events of other secrets: one page of 50 per lookup never finds 50 of this one.
    const events = Array.from({ length: 5000 }, (_, i) => event(`o${i}`, i + 1, { requestIds: ['prod/other'] }));
    const trail = new Trail(events);
    const reader = new HistoryReader(trail, secret, NOW);
    const result = await reader.ensure(50, 'all');
    assert.equal(reader.count('all'), 0);
    assert.equal(result.complete, false);
    assert.equal(trail.queries.length, 20);
    assert.ok(result.searchedBack && result.searchedBack.getTime() < NOW && result.searchedBack.getTime() > NOW - 5000 * 60_000);
  });

  it('an access key: every event it signed', async () => {
    const events = [event('k1', 1, { accessKeyId: 'AKIAEXAMPLEKEY000001' }), event('k2', 2, { accessKeyId: 'AKIAOTHERKEY00000002' })];
    const reader = new HistoryReader(new Trail(events), { kind: 'accessKey', accessKeyId: 'AKIAEXAMPLEKEY000001' }, NOW);
    await reader.ensure(50, 'all');
    assert.deepEqual(
      reader.events.map((e) => e.eventId),
      ['k1'],
    );
  });
});
