// The Access view's rows: a CloudTrail event says who (principal ARN and access key id), when,
// which call, from where, with which user agent, and the error of a refused call (the fields of a
// CloudTrail record's userIdentity, sourceIPAddress, userAgent and errorCode, CloudTrail User
// Guide, "CloudTrail record contents"); an unused secret says how long it has not been read and
// what it costs.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { TrailEvent } from '../../../src/aws/types';
import { presentAccessNode, principalShort } from '../../../src/audit/presentation';
import { findUnusedSecrets } from '../../../src/audit/unused';

const subject = { kind: 'item', service: 'secretsmanager', name: 'prod/db' } as const;
const event = (fields: Partial<TrailEvent>): TrailEvent => ({ eventId: 'e1', eventName: 'GetSecretValue', resources: [], requestIds: ['prod/db'], ...fields });

describe('Access view rows', () => {
  it('shortens IAM and STS principals to what a person reads', () => {
    assert.equal(principalShort('arn:aws:iam::123456789012:user/demo'), 'user/demo');
    assert.equal(principalShort('arn:aws:sts::123456789012:assumed-role/payments-api/i-0abc'), 'assumed-role/payments-api/i-0abc');
    assert.equal(principalShort('AIDAEXAMPLE'), 'AIDAEXAMPLE');
    assert.equal(principalShort(undefined), undefined);
  });

  it('shows a read with who, when, from where and how', () => {
    const p = presentAccessNode({
      type: 'event',
      id: 'event:e1',
      subject,
      event: event({
        eventTime: new Date('2026-11-30T10:15:00Z'),
        eventSource: 'secretsmanager.amazonaws.com',
        readOnly: true,
        principalArn: 'arn:aws:iam::123456789012:user/demo',
        accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
        sourceIp: '198.51.100.7',
        userAgent: 'aws-cli/2.15.0',
      }),
    });
    assert.equal(p.label, 'GetSecretValue');
    assert.equal(p.description, '2026-11-30 10:15 UTC · user/demo · 198.51.100.7');
    assert.deepEqual(p.icon, { id: 'eye' });
    const rows = new Map(p.tooltip?.rows);
    assert.equal(rows.get('Principal'), 'arn:aws:iam::123456789012:user/demo');
    assert.equal(rows.get('Access key id'), 'AKIAIOSFODNN7EXAMPLE');
    assert.equal(rows.get('User agent'), 'aws-cli/2.15.0');
    assert.equal(rows.get('Kind'), 'read');
  });

  it('marks a refused call with its error code', () => {
    const p = presentAccessNode({
      type: 'event',
      id: 'event:e2',
      subject,
      event: event({ errorCode: 'AccessDenied', errorMessage: 'not allowed', readOnly: true }),
    });
    assert.match(p.description ?? '', /AccessDenied$/);
    assert.equal(new Map(p.tooltip?.rows).get('Refused'), 'AccessDenied: not allowed');
    assert.match(p.contextValue, /\brefused\b/);
  });

  it('shows an unused secret with how long it was not read and its cost a month', () => {
    const now = Date.parse('2026-12-02T08:00:00Z');
    const report = findUnusedSecrets(
      [
        {
          name: 'old/token',
          arn: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:old/token-AbCdEf',
          tags: [],
          rotationEnabled: false,
          lastAccessedDate: new Date('2026-08-01T00:00:00Z'),
        },
      ],
      90,
      now,
    );
    const p = presentAccessNode({
      type: 'unused',
      id: 'u',
      secret: report.unused[0]!,
      ref: { service: 'secretsmanager', profile: 'p', region: 'us-east-1', name: 'old/token' },
    });
    assert.equal(p.description, 'not read for 123 days · US$0.40/month');
    assert.match(p.contextValue, /^unusedSecret/);
  });
});
