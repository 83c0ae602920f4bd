/**
 * The emulator's own fidelity tests for Secrets Manager: server-side validation and behaviour
 * that AWS documents but the extension does not depend on (it checks sizes and names itself
 * before sending, and reads staging labels as the server reports them). Independent
 * implementations differ here (moto accepts oversized values and bad names, never sets
 * LastAccessedDate, keeps deprecated versions in VersionIdsToStages…), so these run only
 * against the bundled emulator, whatever TEST_AWS_ENDPOINT says. Each test cites the
 * section of the AWS Secrets Manager API Reference it copies.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  BatchGetSecretValueCommand,
  CreateSecretCommand,
  DeleteSecretCommand,
  DescribeSecretCommand,
  GetRandomPasswordCommand,
  GetSecretValueCommand,
  InvalidParameterException,
  InvalidRequestException,
  ListSecretsCommand,
  ListSecretVersionIdsCommand,
  PutSecretValueCommand,
  RotateSecretCommand,
  type SecretsManagerClient,
  UpdateSecretVersionStageCommand,
} from '@aws-sdk/client-secrets-manager';
import { Cleanup, errorOf, openEmulatorEndpoint, type TestEndpoint, uniquePrefix } from './endpoint';

const DAY = 24 * 60 * 60 * 1000;

describe('emulator fidelity: Secrets Manager', () => {
  let ep: TestEndpoint;
  let cleanup: Cleanup;
  let sm: SecretsManagerClient;

  before(async () => {
    ep = await openEmulatorEndpoint();
    cleanup = new Cleanup(ep);
    sm = ep.secretsManager();
  });

  after(async () => {
    await cleanup.run();
    await ep.close();
  });

  async function create(label: string, value = 'initial') {
    const name = cleanup.secret(`${uniquePrefix(label)}/secret`);
    const created = await sm.send(new CreateSecretCommand({ Name: name, SecretString: value }));
    return { name, versionId: created.VersionId! };
  }

  // PutSecretValue › Request Parameters › SecretString: "Length Constraints: Maximum length of 65536."
  it('refuses a value over 65,536 bytes', async () => {
    const { name } = await create('limits', 'x'.repeat(65_536));
    const tooBig = await errorOf(() => sm.send(new PutSecretValueCommand({ SecretId: name, SecretString: 'x'.repeat(65_537) })));
    assert.equal(tooBig.$fault, 'client');
    assert.ok(['ValidationException', 'InvalidParameterException'].includes(tooBig.name), `got ${tooBig.name}`);
  });

  // CreateSecret › Request Parameters › Name: ASCII letters, numbers and /_+=.@-; "Length Constraints: Minimum length of 1. Maximum length of 512."
  it('validates secret names', async () => {
    const prefix = uniquePrefix('names');
    const badChar = await errorOf(() => sm.send(new CreateSecretCommand({ Name: cleanup.secret(`${prefix}/bad name`), SecretString: 'x' })));
    assert.equal(badChar.name, 'ValidationException');
    const tooLong = await errorOf(() => sm.send(new CreateSecretCommand({ Name: cleanup.secret(`${prefix}/${'a'.repeat(512)}`), SecretString: 'x' })));
    assert.equal(tooLong.name, 'ValidationException');
    await sm.send(new CreateSecretCommand({ Name: cleanup.secret(`${prefix}/A-z_0+9=.@-ok`), SecretString: 'x' }));
  });

  // DescribeSecret › Response Elements › LastAccessedDate: "This value is truncated to midnight of the date and therefore shows only the date, not the time."
  it('records LastAccessedDate at day resolution', async () => {
    const { name } = await create('accessed');
    await sm.send(new GetSecretValueCommand({ SecretId: name }));
    const described = await sm.send(new DescribeSecretCommand({ SecretId: name }));
    assert.ok(described.LastAccessedDate instanceof Date, 'LastAccessedDate set');
    const date = described.LastAccessedDate;
    assert.equal(date.getUTCHours() + date.getUTCMinutes() + date.getUTCSeconds(), 0, `day resolution: ${date.toISOString()}`);
    assert.ok(Math.abs(date.getTime() - Date.now()) < 2 * DAY);
  });

  // DescribeSecret › VersionIdsToStages: "A list of the versions of the secret that have staging labels attached."
  // ListSecretVersionIds › IncludeDeprecated: "By default, versions without staging labels aren't included."
  it('leaves deprecated versions out of VersionIdsToStages and of the default version list', async () => {
    const { name, versionId: v1 } = await create('deprecated', 'one');
    const v2 = (await sm.send(new PutSecretValueCommand({ SecretId: name, SecretString: 'two' }))).VersionId!;
    const v3 = (await sm.send(new PutSecretValueCommand({ SecretId: name, SecretString: 'three' }))).VersionId!;
    assert.deepEqual((await sm.send(new DescribeSecretCommand({ SecretId: name }))).VersionIdsToStages, { [v2]: ['AWSPREVIOUS'], [v3]: ['AWSCURRENT'] });
    const listed = await sm.send(new ListSecretVersionIdsCommand({ SecretId: name }));
    assert.deepEqual(listed.Versions?.map((version) => version.VersionId).sort(), [v2, v3].sort());
    assert.ok(!listed.Versions?.some((version) => version.VersionId === v1));
  });

  // GetSecretValue › VersionStage: "If you don't specify either a VersionStage or VersionId, then Secrets Manager defaults to AWSCURRENT."
  it('reads the version AWSCURRENT was moved to when no version is named', async () => {
    const { name, versionId: v1 } = await create('default-stage', 'one');
    const v2 = (await sm.send(new PutSecretValueCommand({ SecretId: name, SecretString: 'two' }))).VersionId!;
    await sm.send(new UpdateSecretVersionStageCommand({ SecretId: name, VersionStage: 'AWSCURRENT', MoveToVersionId: v1, RemoveFromVersionId: v2 }));
    assert.equal((await sm.send(new GetSecretValueCommand({ SecretId: name }))).SecretString, 'one');
    assert.equal((await sm.send(new GetSecretValueCommand({ SecretId: name, VersionStage: 'AWSPREVIOUS' }))).SecretString, 'two');
  });

  // UpdateSecretVersionStage › RemoveFromVersionId: "If the staging label is already attached to a different version of the
  // secret, then you must also specify the RemoveFromVersionId parameter"; › Errors › InvalidParameterException. AWSCURRENT
  // can only be moved (the API's description: every secret has a version with AWSCURRENT).
  it('enforces the documented UpdateSecretVersionStage rules', async () => {
    const { name, versionId: v1 } = await create('stage-rules', 'one');
    const v2 = (await sm.send(new PutSecretValueCommand({ SecretId: name, SecretString: 'two' }))).VersionId!;
    const unnamed = await errorOf(() => sm.send(new UpdateSecretVersionStageCommand({ SecretId: name, VersionStage: 'AWSCURRENT', MoveToVersionId: v1 })));
    assert.ok(unnamed instanceof InvalidParameterException, `got ${unnamed.name}`);
    await sm.send(new UpdateSecretVersionStageCommand({ SecretId: name, VersionStage: 'blue', MoveToVersionId: v1 }));
    const wrongVersion = await errorOf(() => sm.send(new UpdateSecretVersionStageCommand({ SecretId: name, VersionStage: 'blue', RemoveFromVersionId: v2 })));
    assert.ok(wrongVersion instanceof InvalidParameterException, `got ${wrongVersion.name}`);
    const removeCurrent = await errorOf(() =>
      sm.send(new UpdateSecretVersionStageCommand({ SecretId: name, VersionStage: 'AWSCURRENT', RemoveFromVersionId: v2 })),
    );
    assert.ok(removeCurrent instanceof InvalidParameterException, `got ${removeCurrent.name}`);
  });

  // PutSecretValue › Errors and CreateSecret › Errors › InvalidRequestException: "The secret is scheduled for deletion."
  it('refuses new versions of, and a new secret named like, a secret scheduled for deletion', async () => {
    const { name } = await create('deleted');
    await sm.send(new DeleteSecretCommand({ SecretId: name, RecoveryWindowInDays: 7 }));
    const write = await errorOf(() => sm.send(new PutSecretValueCommand({ SecretId: name, SecretString: 'x' })));
    assert.ok(write instanceof InvalidRequestException, `got ${write.name}`);
    const recreate = await errorOf(() => sm.send(new CreateSecretCommand({ Name: name, SecretString: 'x' })));
    assert.ok(recreate instanceof InvalidRequestException, `got ${recreate.name}`);
  });

  // ListSecrets › Request Parameters › MaxResults: "Valid Range: Minimum value of 1. Maximum value of 100."
  it('validates ListSecrets MaxResults', async () => {
    for (const max of [0, 101]) {
      const invalid = await errorOf(() => sm.send(new ListSecretsCommand({ MaxResults: max })));
      assert.equal(invalid.$fault, 'client');
      assert.ok(['ValidationException', 'InvalidParameterException'].includes(invalid.name), `${max}: got ${invalid.name}`);
    }
  });

  // RotateSecret › Errors › InvalidRequestException: "You tried to enable rotation on a secret that doesn't already have a
  // Lambda function ARN configured and you didn't include such an ARN as a parameter in this call."
  it('refuses to rotate a secret that has no rotation Lambda', async () => {
    const { name } = await create('no-lambda');
    const error = await errorOf(() => sm.send(new RotateSecretCommand({ SecretId: name })));
    assert.ok(error instanceof InvalidRequestException, `got ${error.name}`);
  });

  // GetRandomPassword › Request Parameters: PasswordLength (default 32), ExcludeCharacters, ExcludeLowercase / Uppercase /
  // Numbers / Punctuation, IncludeSpace, RequireEachIncludedType (default true).
  it('honours GetRandomPassword length and character-class options', async () => {
    const standard = (await sm.send(new GetRandomPasswordCommand({}))).RandomPassword!;
    assert.equal(standard.length, 32);
    assert.match(standard, /[A-Z]/);
    assert.match(standard, /[a-z]/);
    assert.match(standard, /[0-9]/);
    assert.match(standard, /[^A-Za-z0-9]/);

    const digits = (
      await sm.send(new GetRandomPasswordCommand({ PasswordLength: 40, ExcludeLowercase: true, ExcludeUppercase: true, ExcludePunctuation: true }))
    ).RandomPassword!;
    assert.match(digits, /^[0-9]{40}$/);

    const limited = (
      await sm.send(new GetRandomPasswordCommand({ PasswordLength: 64, ExcludeCharacters: 'abcdefghijklmnopqrstuvwxyz0123456789', ExcludePunctuation: true }))
    ).RandomPassword!;
    assert.match(limited, /^[A-Z]{64}$/);

    const spaced = (await sm.send(new GetRandomPasswordCommand({ PasswordLength: 200, IncludeSpace: true, RequireEachIncludedType: true }))).RandomPassword!;
    assert.ok(spaced.includes(' '), 'IncludeSpace with RequireEachIncludedType yields a space');
  });

  // BatchGetSecretValue › Request Parameters › SecretIdList / Filters: "Either SecretIdList or Filters must be included."
  it('refuses a BatchGetSecretValue without SecretIdList or Filters', async () => {
    const neither = await errorOf(() => sm.send(new BatchGetSecretValueCommand({})));
    assert.equal(neither.$fault, 'client');
  });
});
