/**
 * The bundled emulator's own checks for what Environments depends on, where it copies AWS's
 * server-side behaviour (so these always use the bundled emulator): replication is
 * asynchronous and can fail per Region, parameter policies need the Advanced tier and an
 * expired parameter is deleted, and a fault rule can target one secret or parameter.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  BatchGetSecretValueCommand,
  CreateSecretCommand,
  DescribeSecretCommand,
  GetSecretValueCommand,
  ReplicateSecretToRegionsCommand,
  SecretsManagerClient,
  StopReplicationToReplicaCommand,
  UpdateSecretCommand,
} from '@aws-sdk/client-secrets-manager';
import { GetParameterCommand, PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { EMULATOR_CREDENTIALS, type RunningEmulator, startEmulator } from '../emulator/index';
import { errorOf } from './endpoint';

describe('emulator: replication, policies, targeted faults', () => {
  let emulator: RunningEmulator;
  let us: SecretsManagerClient;
  let eu: SecretsManagerClient;
  let ssm: SSMClient;

  before(async () => {
    emulator = await startEmulator({ seed: 'demo' });
    const config = (region: string) => ({ endpoint: emulator.endpoint, region, credentials: { ...EMULATOR_CREDENTIALS }, maxAttempts: 1 });
    us = new SecretsManagerClient(config('us-east-1'));
    eu = new SecretsManagerClient(config('eu-west-1'));
    ssm = new SSMClient(config('us-east-1'));
  });
  after(async () => {
    us.destroy();
    eu.destroy();
    ssm.destroy();
    await emulator.close();
  });

  it('reports a new replica InProgress, then InSync', async () => {
    await us.send(new CreateSecretCommand({ Name: 'emu/replica-lag', SecretString: 'v' }));
    const started = await us.send(new ReplicateSecretToRegionsCommand({ SecretId: 'emu/replica-lag', AddReplicaRegions: [{ Region: 'eu-west-1' }] }));
    assert.equal(started.ReplicationStatus?.[0]?.Status, 'InProgress');
    for (;;) {
      const status = (await us.send(new DescribeSecretCommand({ SecretId: 'emu/replica-lag' }))).ReplicationStatus?.[0];
      if (status?.Status === 'InSync') {
        assert.equal(status.StatusMessage, 'Replication succeeded');
        break;
      }
      assert.equal(status?.Status, 'InProgress');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  });

  it('fails a replica whose name is taken in the Region unless asked to overwrite, and one whose KMS alias does not exist there', async () => {
    // demo: shared/datadog-api-key exists in both Regions.
    const taken = await us.send(new ReplicateSecretToRegionsCommand({ SecretId: 'shared/datadog-api-key', AddReplicaRegions: [{ Region: 'eu-west-1' }] }));
    assert.equal(taken.ReplicationStatus?.[0]?.Status, 'Failed');
    assert.match(taken.ReplicationStatus?.[0]?.StatusMessage ?? '', /already exists in this region/);
    const forced = await us.send(
      new ReplicateSecretToRegionsCommand({
        SecretId: 'shared/datadog-api-key',
        AddReplicaRegions: [{ Region: 'eu-west-1' }],
        ForceOverwriteReplicaSecret: true,
      }),
    );
    assert.equal(forced.ReplicationStatus?.[0]?.Status, 'InProgress');
    assert.equal((await eu.send(new DescribeSecretCommand({ SecretId: 'shared/datadog-api-key' }))).PrimaryRegion, 'us-east-1');
    const badKey = await us.send(
      new ReplicateSecretToRegionsCommand({ SecretId: 'prod/orders/db', AddReplicaRegions: [{ Region: 'eu-west-1', KmsKeyId: 'alias/payments' }] }),
    );
    assert.equal(badKey.ReplicationStatus?.[0]?.Status, 'Failed');
    assert.match(badKey.ReplicationStatus?.[0]?.StatusMessage ?? '', /alias\/payments/);
  });

  it('refuses to replicate into the primary’s own Region, and lets a replica change only its KMS key', async () => {
    const own = await errorOf(() =>
      us.send(new ReplicateSecretToRegionsCommand({ SecretId: 'prod/orders/redis-auth', AddReplicaRegions: [{ Region: 'us-east-1' }] })),
    );
    assert.equal(own.message, 'Invalid replica region.');
    await us.send(new ReplicateSecretToRegionsCommand({ SecretId: 'prod/orders/redis-auth', AddReplicaRegions: [{ Region: 'eu-west-1' }] }));
    await eu.send(new UpdateSecretCommand({ SecretId: 'prod/orders/redis-auth', KmsKeyId: 'alias/payments-eu' }));
    const status = (await us.send(new DescribeSecretCommand({ SecretId: 'prod/orders/redis-auth' }))).ReplicationStatus?.[0];
    assert.equal(status?.KmsKeyId, 'alias/payments-eu');
    const description = await errorOf(() => eu.send(new UpdateSecretCommand({ SecretId: 'prod/orders/redis-auth', Description: 'changed' })));
    assert.match(description.message, /not permitted on a replica secret/);
    const notReplica = await errorOf(() => us.send(new StopReplicationToReplicaCommand({ SecretId: 'prod/orders/redis-auth' })));
    assert.equal(notReplica.name, 'InvalidRequestException');
    await eu.send(new StopReplicationToReplicaCommand({ SecretId: 'prod/orders/redis-auth' }));
    assert.equal((await eu.send(new DescribeSecretCommand({ SecretId: 'prod/orders/redis-auth' }))).PrimaryRegion, 'eu-west-1');
  });

  it('refuses parameter policies outside the Advanced tier, and an expiration in the past', async () => {
    const policy = (timestamp: string) => JSON.stringify([{ Type: 'Expiration', Version: '1.0', Attributes: { Timestamp: timestamp } }]);
    const standard = await errorOf(() =>
      ssm.send(
        new PutParameterCommand({ Name: '/emu/policy/standard', Value: 'v', Type: 'String', Tier: 'Standard', Policies: policy('2099-01-01T00:00:00Z') }),
      ),
    );
    assert.equal(standard.name, 'ValidationException');
    const past = await errorOf(() =>
      ssm.send(new PutParameterCommand({ Name: '/emu/policy/past', Value: 'v', Type: 'String', Tier: 'Advanced', Policies: policy('2001-01-01T00:00:00Z') })),
    );
    assert.equal(past.name, 'InvalidPolicyAttributeException');
    const unknown = await errorOf(() =>
      ssm.send(
        new PutParameterCommand({
          Name: '/emu/policy/unknown',
          Value: 'v',
          Type: 'String',
          Tier: 'Advanced',
          Policies: '[{"Type":"Rotation","Version":"1.0"}]',
        }),
      ),
    );
    assert.equal(unknown.name, 'InvalidPolicyTypeException');
  });

  it('deletes a parameter once its expiration has passed', async () => {
    const soon = new Date(Date.now() + 1000).toISOString();
    await ssm.send(
      new PutParameterCommand({
        Name: '/emu/policy/expiring',
        Value: 'v',
        Type: 'String',
        Tier: 'Advanced',
        Policies: JSON.stringify([{ Type: 'Expiration', Version: '1.0', Attributes: { Timestamp: soon } }]),
      }),
    );
    assert.equal((await ssm.send(new GetParameterCommand({ Name: '/emu/policy/expiring' }))).Parameter?.Value, 'v');
    for (;;) {
      const error = await ssm.send(new GetParameterCommand({ Name: '/emu/policy/expiring' })).then(
        () => undefined,
        (e: Error) => e,
      );
      if (error) {
        assert.equal(error.name, 'ParameterNotFound');
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  });

  it('refuses BatchGetSecretValue with both Filters and SecretIdList, and with more than 20 ids', async () => {
    const both = await errorOf(() => us.send(new BatchGetSecretValueCommand({ SecretIdList: ['a'], Filters: [{ Key: 'name', Values: ['a'] }] })));
    assert.equal(both.name, 'InvalidParameterException');
    const many = await errorOf(() => us.send(new BatchGetSecretValueCommand({ SecretIdList: Array.from({ length: 21 }, (_, i) => `id-${i}`) })));
    assert.equal(many.name, 'ValidationException');
  });

  it('applies a fault rule to one secret only', async () => {
    emulator.addFault({ service: 'secretsmanager', operation: 'GetSecretValue', resource: 'prod/orders/db', kind: 'accessDenied', times: 1 });
    assert.ok((await us.send(new GetSecretValueCommand({ SecretId: 'prod/auth/oauth-client' }))).SecretString);
    const denied = await errorOf(() => us.send(new GetSecretValueCommand({ SecretId: 'prod/orders/db' })));
    assert.equal(denied.name, 'AccessDeniedException');
    assert.ok((await us.send(new GetSecretValueCommand({ SecretId: 'prod/orders/db' }))).SecretString, 'the rule expired after one use');
  });
});
