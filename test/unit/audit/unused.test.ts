// Unused secrets and what they cost: LastAccessedDate counted in whole UTC days (it has day
// resolution), never-read secrets once older than the period, nothing for secrets scheduled for
// deletion ("There is no charge for secrets that you have marked for deletion"), each replica billed.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { SecretSummary } from '../../../src/aws/types';
import { daysSince, lastReadText } from '../../../src/audit/lastRead';
import { formatUsd, SECRET_PRICE } from '../../../src/audit/pricing';
import { findUnusedSecrets, REVIEWED_TAG, unreadText } from '../../../src/audit/unused';

const NOW = Date.parse('2026-06-30T08:00:00Z');
const day = (daysAgo: number) => new Date(Date.parse('2026-06-30T00:00:00Z') - daysAgo * 24 * 60 * 60 * 1000);
const secret = (name: string, fields: Partial<SecretSummary> = {}): SecretSummary => ({
  name,
  arn: `arn:${name}`,
  rotationEnabled: false,
  tags: [],
  ...fields,
});

describe('last read', () => {
  it('counts whole UTC days', () => {
    assert.equal(daysSince(day(0), NOW), 0);
    assert.equal(daysSince(new Date('2026-06-29T23:59:59Z'), NOW), 1);
    assert.equal(lastReadText(day(0), NOW), 'last read today');
    assert.equal(lastReadText(day(1), NOW), 'last read 1 day ago');
    assert.equal(lastReadText(day(40), NOW), 'last read 40 days ago');
    assert.equal(lastReadText(undefined, NOW), undefined);
  });
});

describe('unused secrets', () => {
  const secrets = [
    secret('read-today', { lastAccessedDate: day(0), createdDate: day(500) }),
    secret('read-89', { lastAccessedDate: day(89), createdDate: day(500) }),
    secret('read-90', { lastAccessedDate: day(90), createdDate: day(500) }),
    secret('read-200-replicated', { lastAccessedDate: day(200), createdDate: day(500), replication: [{ region: 'eu-west-1', status: 'InSync' }] }),
    secret('never-old', { createdDate: day(400) }),
    secret('never-new', { createdDate: day(10) }),
    secret('deleted', { createdDate: day(400), deletedDate: day(2) }),
    secret('reviewed', { createdDate: day(400), tags: [{ key: REVIEWED_TAG, value: '2026-06-01' }] }),
  ];
  const report = findUnusedSecrets(secrets, 90, NOW);

  it('lists what was not read for the period, longest unread first', () => {
    assert.deepEqual(
      report.unused.map((u) => u.summary.name),
      ['never-old', 'reviewed', 'read-200-replicated', 'read-90'],
    );
    assert.equal(report.checked, 7);
    assert.equal(unreadText(report.unused[0]!), 'never read (created 400 days ago)');
    assert.equal(unreadText(report.unused[3]!), 'not read for 90 days');
  });

  it('costs the published price a month per secret and per replica, leaving out the reviewed ones', () => {
    assert.equal(SECRET_PRICE.usdPerSecretMonth, 0.4);
    assert.equal(report.unused.find((u) => u.summary.name === 'read-200-replicated')?.monthlyUsd, 0.8);
    assert.equal(report.toReview, 3);
    assert.equal(formatUsd(report.monthlyUsd), 'US$1.60');
    assert.equal(report.unused.find((u) => u.summary.name === 'reviewed')?.reviewedOn, '2026-06-01');
  });
});
