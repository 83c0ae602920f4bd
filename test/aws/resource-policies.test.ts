/**
 * A secret's resource policy through the extension's SecretStore, against any AWS-compatible
 * endpoint (Secrets Manager API Reference: GetResourcePolicy — ResourcePolicy is absent when the
 * secret has none; PutResourcePolicy; DeleteResourcePolicy). What the service checks before it
 * stores one (ValidateResourcePolicy, BlockPublicPolicy) is in emulator-fidelity-resource-policies:
 * moto accepts any text and ignores BlockPublicPolicy.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { uniquePrefix } from './endpoint';
import { secretStoreSuite } from './runtimeFixture';

describe('SecretStore resource policies', () => {
  const aws = secretStoreSuite();

  it('reads none, stores one, reads it back and deletes it', async () => {
    const name = aws.cleanup.secret(`${uniquePrefix('policy')}/secret`);
    const created = await aws.store.create({ name, value: { text: 'x' } });
    assert.equal(await aws.store.getResourcePolicy(created.arn), undefined);
    const account = /:(\d{12}):secret:/.exec(created.arn)?.[1];
    assert.ok(account, created.arn);
    const policy = {
      Version: '2012-10-17',
      Statement: [
        { Sid: 'OwnAccount', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: 'secretsmanager:GetSecretValue', Resource: '*' },
      ],
    };
    await aws.store.putResourcePolicy(created.arn, JSON.stringify(policy));
    const stored = await aws.store.getResourcePolicy(name);
    assert.ok(stored);
    assert.deepEqual(JSON.parse(stored), policy);
    await aws.store.deleteResourcePolicy(name);
    assert.equal(await aws.store.getResourcePolicy(name), undefined);
  });

  it('passes LastAccessedDate through as the service reports it: the day of the last read, or none where it is not tracked', async () => {
    const name = aws.cleanup.secret(`${uniquePrefix('accessed')}/secret`);
    await aws.store.create({ name, value: { text: 'x' } });
    await aws.store.getValue(name);
    const date = (await aws.store.describe(name)).lastAccessedDate;
    if (date) {
      assert.equal(date.getUTCHours() + date.getUTCMinutes() + date.getUTCSeconds(), 0, `day resolution: ${date.toISOString()}`);
      assert.ok(Math.abs(date.getTime() - Date.now()) < 2 * 24 * 60 * 60 * 1000);
    }
  });
});
