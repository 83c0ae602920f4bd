import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AwsProfile, ParameterSummary, SecretSummary } from '../../../src/aws/types';
import type { ParameterNode, SecretNode, ServiceNode } from '../../../src/tree/nodes';
import { present } from '../../../src/tree/presentation';

const profile: AwsProfile = { name: 'demo', kind: 'static', region: 'us-east-1', endpoints: {} };
const service: ServiceNode = { type: 'service', id: 's', profile, region: 'us-east-1', service: 'secretsmanager' };
const secret = (s: Partial<SecretSummary>): SecretNode => ({
  type: 'secret',
  id: 'x',
  parent: service,
  label: 'db',
  secret: { name: 'prod/db', arn: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf', rotationEnabled: false, tags: [], ...s },
});
const parameter = (p: Partial<ParameterSummary>): ParameterNode => ({
  type: 'parameter',
  id: 'y',
  parent: { ...service, service: 'ssm' },
  label: 'password',
  parameter: { name: '/app/prod/db/password', type: 'String', ...p },
});
const single = { singleProfile: false };

describe('tree item presentation', () => {
  it('describes rotation and scheduled deletion of a secret', () => {
    assert.equal(present(secret({ rotationEnabled: true, rotationRules: { automaticallyAfterDays: 30 } }), single).description, 'rotates every 30 days');
    assert.equal(
      present(secret({ rotationEnabled: true, rotationRules: { scheduleExpression: 'rate(10 days)' } }), single).description,
      'rotates on rate(10 days)',
    );
    const deleted = present(secret({ deletedDate: new Date('2026-12-24T10:00:00Z') }), single);
    assert.equal(deleted.description, 'deletion scheduled');
    assert.match(deleted.contextValue, /\bdeleted\b/);
    assert.equal(deleted.collapsible, 'none');
    assert.equal(present(secret({}), single).description, undefined);
  });

  it('names the service that manages a secret, marks it for the menus, and leaves its owner’s rotation without a Lambda', () => {
    const managed = present(
      secret({
        owningService: 'rds',
        rotationEnabled: true,
        rotationRules: { automaticallyAfterDays: 7 },
        tags: [{ key: 'aws:rds:primaryDBInstanceArn', value: 'arn:aws:rds:us-east-1:123456789012:db:payments-db' }],
      }),
      single,
    );
    assert.equal(managed.description, 'managed by RDS · rotates every 7 days');
    assert.match(managed.contextValue, /^secret active rotation managed$/);
    const rows = new Map(managed.tooltip?.rows);
    assert.match(rows.get('Managed by') ?? '', /^Amazon RDS \(OwningService rds\)/);
    assert.equal(rows.get('Database'), 'RDS DB instance payments-db');
    assert.equal(rows.get('Rotation'), 'rotates every 7 days, by RDS (managed rotation)');
    assert.equal(present(secret({ owningService: 'ecs-sc' }), single).description, 'managed by ECS Service Connect');
    assert.doesNotMatch(present(secret({}), single).contextValue, /managed/);
  });

  it('shows a scheduled deletion without reading a meaning into DeletedDate', () => {
    const rows = new Map(present(secret({ deletedDate: new Date('2026-12-24T10:00:00Z') }), single).tooltip?.rows);
    assert.match(rows.get('Deletion') ?? '', /^Scheduled: .*recovery window \(7 to 30 days from the request\).*Restore it to keep it\.$/);
    assert.equal(rows.get('DeletedDate'), '2026-12-24 10:00 UTC');
  });

  it('puts the metadata a user looks for into the secret tooltip', () => {
    const rows = new Map(
      present(
        secret({
          description: 'Payments DB',
          kmsKeyId: 'alias/payments',
          rotationEnabled: true,
          rotationRules: { automaticallyAfterDays: 7 },
          rotationLambdaArn: 'arn:aws:lambda:us-east-1:123456789012:function:rotate',
          nextRotationDate: new Date('2026-12-01T00:00:00Z'),
          lastAccessedDate: new Date('2026-11-27T00:00:00Z'),
          tags: [{ key: 'team', value: 'payments' }],
        }),
        single,
      ).tooltip?.rows,
    );
    assert.equal(rows.get('ARN'), 'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf');
    assert.equal(rows.get('Description'), 'Payments DB');
    assert.equal(rows.get('KMS key'), 'alias/payments');
    assert.equal(rows.get('Next rotation'), '2026-12-01 00:00 UTC');
    assert.match(rows.get('Last accessed') ?? '', /^2026-11-27 \(last read (today|\d+ days? ago)\)$/);
    assert.equal(rows.get('Tags'), 'team=payments');
    assert.equal(new Map(present(secret({}), single).tooltip?.rows).get('KMS key'), 'aws/secretsmanager (default)');
  });

  it('shows type, non-standard tier and version of a parameter, with a lock for SecureString', () => {
    const secure = present(parameter({ type: 'SecureString', tier: 'Advanced', version: 3 }), single);
    assert.equal(secure.description, 'SecureString · Advanced · v3');
    assert.equal(secure.icon?.id, 'lock');
    assert.match(secure.contextValue, /type:SecureString/);
    assert.equal(present(parameter({ type: 'String', tier: 'Standard', version: 1 }), single).description, 'String · v1');
    assert.notEqual(present(parameter({ type: 'String' }), single).icon?.id, 'lock');
  });

  it('labels versions with their staging labels and marks the current one', () => {
    const node = {
      type: 'secretVersion' as const,
      id: 'v',
      parent: secret({}),
      version: { versionId: '0123456789abcdef', stages: ['AWSCURRENT'], createdDate: new Date('2026-11-01T08:30:00Z') },
    };
    const p = present(node, single);
    assert.equal(p.label, 'AWSCURRENT');
    assert.equal(p.description, '01234567 · 2026-11-01 08:30 UTC');
    assert.match(p.contextValue, /\bcurrent\b/);
    const pv = present(
      { type: 'parameterVersion', id: 'w', parent: parameter({}), version: { version: 4, labels: ['prod'], type: 'String' }, current: true },
      single,
    );
    assert.equal(pv.label, 'v4');
    assert.equal(pv.description, 'prod · current');
  });

  it('makes error items actionable: retry on click, SSO sign-in when the session expired', () => {
    const err = present({ type: 'error', id: 'e', retry: service, message: 'The SSO session of profile demo has expired', kind: 'ssoExpired' }, single);
    assert.equal(err.command?.id, 'awsSecrets.refresh');
    assert.match(err.contextValue, /\bsso\b/);
    assert.equal(err.icon?.id, 'error');
    assert.equal(err.label, 'SSO session expired');
    assert.equal(err.description, 'The SSO session of profile demo has expired');
  });

  it('shows where a profile points when it has a custom endpoint', () => {
    const p = present({ type: 'profile', id: 'p', profile: { ...profile, endpoints: { secretsmanager: 'http://localhost:4566' } } }, single);
    assert.equal(p.description, 'access keys · → http://localhost:4566');
    assert.equal(present({ type: 'profile', id: 'p', profile }, { singleProfile: true }).collapsible, 'expanded');
  });
});
