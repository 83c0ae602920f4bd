/**
 * A secret's resource policy through the extension's SecretStore, against any AWS-compatible
 * endpoint (Secrets Manager API Reference: GetResourcePolicy — ResourcePolicy is absent when the
 * secret has none; PutResourcePolicy; DeleteResourcePolicy). What the service checks before it
 * stores one (ValidateResourcePolicy, BlockPublicPolicy) is in emulator-fidelity-resource-policies:
 * moto accepts any text and ignores BlockPublicPolicy.
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import type { SecretStore } from '../../src/aws/types';
import { Cleanup, openTestEndpoint, uniquePrefix, type TestEndpoint } from './endpoint';
import { openRuntime, PROFILE, type RuntimeFixture } from './runtimeFixture';

describe('SecretStore resource policies', () => {
  let endpoint: TestEndpoint;
  let fixture: RuntimeFixture;
  let store: SecretStore;
  let cleanup: Cleanup;

  before(async () => {
    endpoint = await openTestEndpoint();
    fixture = await openRuntime(endpoint);
    store = await fixture.runtime.secrets(PROFILE, endpoint.region);
    cleanup = new Cleanup(endpoint);
  });
  afterEach(() => cleanup.run());
  after(async () => {
    await fixture.close();
    await endpoint.close();
  });

  it('reads none, stores one, reads it back and deletes it', async () => {
    const name = cleanup.secret(`${uniquePrefix('policy')}/secret`);
    const created = await store.create({ name, value: { text: 'x' } });
    assert.equal(await store.getResourcePolicy(created.arn), undefined);
    const account = /:(\d{12}):secret:/.exec(created.arn)?.[1];
    assert.ok(account, created.arn);
    const policy = {
      Version: '2012-10-17',
      Statement: [
        { Sid: 'OwnAccount', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: 'secretsmanager:GetSecretValue', Resource: '*' },
      ],
    };
    await store.putResourcePolicy(created.arn, JSON.stringify(policy));
    const stored = await store.getResourcePolicy(name);
    assert.ok(stored);
    assert.deepEqual(JSON.parse(stored), policy);
    await store.deleteResourcePolicy(name);
    assert.equal(await store.getResourcePolicy(name), undefined);
  });

  it('passes LastAccessedDate through as the service reports it: the day of the last read, or none where it is not tracked', async () => {
    const name = cleanup.secret(`${uniquePrefix('accessed')}/secret`);
    await store.create({ name, value: { text: 'x' } });
    await store.getValue(name);
    const date = (await store.describe(name)).lastAccessedDate;
    if (date) {
      assert.equal(date.getUTCHours() + date.getUTCMinutes() + date.getUTCSeconds(), 0, `day resolution: ${date.toISOString()}`);
      assert.ok(Math.abs(date.getTime() - Date.now()) < 2 * 24 * 60 * 60 * 1000);
    }
  });
});
