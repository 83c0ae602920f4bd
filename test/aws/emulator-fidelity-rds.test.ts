/**
 * The emulator's own fidelity tests for RDS and for the secrets RDS owns in Secrets Manager.
 * moto (with the botocore Debian ships) has no ManageMasterUserPassword, and independent
 * implementations don't refuse writes to owned secrets, so these run only against the bundled
 * emulator, whatever TEST_AWS_ENDPOINT says. Each test cites the AWS API reference or user guide
 * section it copies.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CreateDBInstanceCommand, DBInstanceNotFoundFault, DescribeDBInstancesCommand, type RDSClient } from '@aws-sdk/client-rds';
import {
  CancelRotateSecretCommand,
  DeleteSecretCommand,
  DescribeSecretCommand,
  GetSecretValueCommand,
  InvalidRequestException,
  ListSecretsCommand,
  PutSecretValueCommand,
  RotateSecretCommand,
  type SecretsManagerClient,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateSecretCommand,
  UpdateSecretVersionStageCommand,
} from '@aws-sdk/client-secrets-manager';
import type { SecretStore } from '../../src/aws/types';
import { errorOf, openEmulatorEndpoint, RUN_ID, type TestEndpoint } from './endpoint';
import { openRuntime, PROFILE, type RuntimeFixture } from './runtimeFixture';

describe('emulator fidelity: RDS and the secrets it owns', () => {
  let ep: TestEndpoint;
  let rds: RDSClient;
  let sm: SecretsManagerClient;
  let fixture: RuntimeFixture;
  let store: SecretStore;
  let owned: { arn: string; instanceArn: string };

  before(async () => {
    ep = await openEmulatorEndpoint();
    rds = ep.rds();
    sm = ep.secretsManager();
    fixture = await openRuntime(ep);
    store = await fixture.runtime.secrets(PROFILE, ep.region);
    // RDS API Reference, CreateDBInstance › ManageMasterUserPassword: "RDS generates and manages the master user password in Secrets Manager";
    // › Response › DBInstance › MasterUserSecret › SecretArn.
    const created = await rds.send(
      new CreateDBInstanceCommand({
        DBInstanceIdentifier: `asl-${RUN_ID}-managed`,
        Engine: 'postgres',
        DBInstanceClass: 'db.t4g.micro',
        MasterUsername: 'owner_admin',
        ManageMasterUserPassword: true,
      }),
    );
    owned = { arn: created.DBInstance!.MasterUserSecret!.SecretArn!, instanceArn: created.DBInstance!.DBInstanceArn! };
  });

  after(async () => {
    await fixture.close();
    await ep.close();
  });

  // RDS User Guide, "Password management with Amazon RDS and AWS Secrets Manager": the secret is named rds!db-<id>, tagged
  // aws:rds:primaryDBInstanceArn, holds username and password, and RDS rotates it (every 7 days by default).
  // Secrets Manager API Reference, DescribeSecret / SecretListEntry › OwningService; ListSecrets › Filters › owning-service.
  it('creates the master user secret RDS owns, and reports the owner', async () => {
    const described = await sm.send(new DescribeSecretCommand({ SecretId: owned.arn }));
    assert.equal(described.OwningService, 'rds');
    assert.match(described.Name ?? '', /^rds!db-[0-9a-f-]{36}$/);
    assert.deepEqual(described.Tags, [{ Key: 'aws:rds:primaryDBInstanceArn', Value: owned.instanceArn }]);
    assert.equal(described.RotationEnabled, true);
    assert.equal(described.RotationRules?.AutomaticallyAfterDays, 7);
    assert.equal(described.RotationLambdaARN, undefined, 'managed rotation uses no Lambda');
    const value = JSON.parse((await sm.send(new GetSecretValueCommand({ SecretId: owned.arn }))).SecretString ?? '{}') as Record<string, string>;
    assert.deepEqual(Object.keys(value).sort(), ['password', 'username']);
    assert.equal(value.username, 'owner_admin');
    const listed = await sm.send(new ListSecretsCommand({ Filters: [{ Key: 'owning-service', Values: ['rds'] }] }));
    assert.ok(listed.SecretList?.some((secret) => secret.ARN === owned.arn && secret.OwningService === 'rds'));
    assert.equal((await store.describe(owned.arn)).owningService, 'rds', 'the extension reads the owner');
  });

  // Secrets Manager API Reference, Errors › InvalidRequestException of PutSecretValue, UpdateSecret, UpdateSecretVersionStage,
  // RotateSecret, CancelRotateSecret, DeleteSecret, TagResource and UntagResource: "The secret is managed by another service,
  // and you must use that service to update it."
  it('refuses every change made through Secrets Manager, and still answers reads', async () => {
    const versionId = Object.keys((await sm.send(new DescribeSecretCommand({ SecretId: owned.arn }))).VersionIdsToStages ?? {})[0]!;
    const writes = [
      () => sm.send(new PutSecretValueCommand({ SecretId: owned.arn, SecretString: '{"username":"x","password":"y"}' })),
      () => sm.send(new UpdateSecretCommand({ SecretId: owned.arn, Description: 'changed' })),
      () => sm.send(new UpdateSecretVersionStageCommand({ SecretId: owned.arn, VersionStage: 'blue', MoveToVersionId: versionId })),
      () => sm.send(new RotateSecretCommand({ SecretId: owned.arn })),
      () => sm.send(new CancelRotateSecretCommand({ SecretId: owned.arn })),
      () => sm.send(new DeleteSecretCommand({ SecretId: owned.arn, RecoveryWindowInDays: 7 })),
      () => sm.send(new TagResourceCommand({ SecretId: owned.arn, Tags: [{ Key: 'team', Value: 'x' }] })),
      () => sm.send(new UntagResourceCommand({ SecretId: owned.arn, TagKeys: ['team'] })),
    ];
    for (const write of writes) {
      const refused = await errorOf(write);
      assert.ok(refused instanceof InvalidRequestException, `got ${refused.name}`);
      assert.match(refused.message, /managed by rds/);
    }
    assert.ok((await sm.send(new GetSecretValueCommand({ SecretId: owned.arn }))).SecretString);
  });

  // RDS API Reference, DescribeDBInstances › Errors › DBInstanceNotFound: "HTTP Status Code: 404"; › MaxRecords: "Constraints: Minimum 20, maximum 100."
  it('answers an unknown instance with DBInstanceNotFound (404) and validates MaxRecords', async () => {
    const missing = await errorOf(() => rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: `asl-${RUN_ID}-missing` })));
    // The error code DBInstanceNotFound is the SDK's DBInstanceNotFoundFault.
    assert.ok(missing instanceof DBInstanceNotFoundFault, `got ${missing.name}`);
    assert.equal(missing.$metadata?.httpStatusCode, 404);
    const tooFew = await errorOf(() => rds.send(new DescribeDBInstancesCommand({ MaxRecords: 5 })));
    assert.equal(tooFew.name, 'InvalidParameterValue');
  });

  // RDS API Reference, CreateDBInstance › ManageMasterUserPassword: "Can't manage the master user password with AWS Secrets
  // Manager if MasterUserPassword is specified."
  it('refuses a master password together with ManageMasterUserPassword', async () => {
    const both = await errorOf(() =>
      rds.send(
        new CreateDBInstanceCommand({
          DBInstanceIdentifier: `asl-${RUN_ID}-both`,
          Engine: 'mysql',
          DBInstanceClass: 'db.t4g.micro',
          MasterUsername: 'admin',
          MasterUserPassword: 'not-a-real-password',
          ManageMasterUserPassword: true,
        }),
      ),
    );
    assert.equal(both.name, 'InvalidParameterCombination');
  });
});
