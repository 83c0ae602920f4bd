/**
 * Secrets Manager behaviour the extension depends on, through the real SDK:
 * lookups by name and ARN, values and limits, staging-label moves, deletion
 * windows, filters, rotation configuration errors, tags and batch reads.
 * Runs against the bundled emulator or any TEST_AWS_ENDPOINT.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  BatchGetSecretValueCommand,
  CancelRotateSecretCommand,
  CreateSecretCommand,
  DeleteSecretCommand,
  DescribeSecretCommand,
  GetRandomPasswordCommand,
  GetSecretValueCommand,
  InvalidParameterException,
  InvalidRequestException,
  ListSecretsCommand,
  type ListSecretsCommandInput,
  ListSecretVersionIdsCommand,
  PutSecretValueCommand,
  ResourceExistsException,
  ResourceNotFoundException,
  RestoreSecretCommand,
  RotateSecretCommand,
  type SecretsManagerClient,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateSecretCommand,
  UpdateSecretVersionStageCommand,
} from '@aws-sdk/client-secrets-manager';
import { Cleanup, errorOf, eventually, openTestEndpoint, type TestEndpoint, uniquePrefix } from './endpoint';

const DAY = 24 * 60 * 60 * 1000;

describe('Secrets Manager', () => {
  let ep: TestEndpoint;
  let cleanup: Cleanup;
  let sm: SecretsManagerClient;

  before(async () => {
    ep = await openTestEndpoint();
    cleanup = new Cleanup(ep);
    sm = ep.secretsManager();
  });

  after(async () => {
    await cleanup.run();
    await ep.close();
  });

  async function create(label: string, value = 'initial', extra: Partial<ConstructorParameters<typeof CreateSecretCommand>[0]> = {}) {
    const name = cleanup.secret(`${uniquePrefix(label)}/secret`);
    const created = await sm.send(new CreateSecretCommand({ Name: name, SecretString: value, ...extra }));
    return { name, arn: created.ARN!, versionId: created.VersionId! };
  }

  async function stages(secretId: string): Promise<Record<string, string[]>> {
    const described = await sm.send(new DescribeSecretCommand({ SecretId: secretId }));
    return described.VersionIdsToStages ?? {};
  }

  async function listNames(input: ListSecretsCommandInput): Promise<string[]> {
    const names: string[] = [];
    let token: string | undefined;
    do {
      const page = await sm.send(new ListSecretsCommand({ ...input, NextToken: token }));
      names.push(...(page.SecretList ?? []).map((secret) => secret.Name!));
      token = page.NextToken;
    } while (token);
    return names.sort();
  }

  describe('values and lookups', () => {
    it('reads a secret by name, full ARN and partial ARN', async () => {
      const { name, arn, versionId } = await create('lookup', '{"username":"app","password":"pw-1"}', { Description: 'lookup test' });
      assert.match(arn, /-[A-Za-z0-9]{6}$/);
      for (const secretId of [name, arn, arn.slice(0, -7)]) {
        const value = await sm.send(new GetSecretValueCommand({ SecretId: secretId }));
        assert.equal(value.Name, name, `lookup by ${secretId}`);
        assert.equal(value.ARN, arn);
        assert.equal(value.VersionId, versionId);
        assert.equal(value.SecretString, '{"username":"app","password":"pw-1"}');
        assert.deepEqual(value.VersionStages, ['AWSCURRENT']);
      }
      const described = await sm.send(new DescribeSecretCommand({ SecretId: name }));
      assert.equal(described.Description, 'lookup test');
      assert.deepEqual(described.VersionIdsToStages, { [versionId]: ['AWSCURRENT'] });
    });

    it('stores binary values and enforces the 65,536-byte limit', async () => {
      const bytes = Uint8Array.from({ length: 300 }, (_, i) => (i * 37) % 256);
      const name = cleanup.secret(`${uniquePrefix('binary')}/keystore`);
      await sm.send(new CreateSecretCommand({ Name: name, SecretBinary: bytes }));
      const value = await sm.send(new GetSecretValueCommand({ SecretId: name }));
      assert.equal(value.SecretString, undefined);
      assert.deepEqual(Buffer.from(value.SecretBinary!), Buffer.from(bytes));

      const { name: big } = await create('limits', 'x'.repeat(65_536));
      assert.equal((await sm.send(new GetSecretValueCommand({ SecretId: big }))).SecretString?.length, 65_536);
      const tooBig = await errorOf(() => sm.send(new PutSecretValueCommand({ SecretId: big, SecretString: 'x'.repeat(65_537) })));
      assert.equal(tooBig.$fault, 'client');
      assert.ok(['ValidationException', 'InvalidParameterException'].includes(tooBig.name), `got ${tooBig.name}`);
    });

    it('validates secret names', async () => {
      const prefix = uniquePrefix('names');
      const badChar = await errorOf(() => sm.send(new CreateSecretCommand({ Name: cleanup.secret(`${prefix}/bad name`), SecretString: 'x' })));
      assert.equal(badChar.name, 'ValidationException');
      const tooLong = await errorOf(() => sm.send(new CreateSecretCommand({ Name: cleanup.secret(`${prefix}/${'a'.repeat(512)}`), SecretString: 'x' })));
      assert.equal(tooLong.name, 'ValidationException');
      const allowed = cleanup.secret(`${prefix}/A-z_0+9=.@-ok`);
      await sm.send(new CreateSecretCommand({ Name: allowed, SecretString: 'x' }));
    });

    it('raises ResourceNotFoundException for a missing version or staging label', async () => {
      const { name } = await create('missing-version');
      const byStage = await errorOf(() => sm.send(new GetSecretValueCommand({ SecretId: name, VersionStage: 'AWSPENDING' })));
      assert.ok(byStage instanceof ResourceNotFoundException, `got ${byStage.name}`);
      const byId = await errorOf(() => sm.send(new GetSecretValueCommand({ SecretId: name, VersionId: '00000000-0000-4000-8000-000000000000' })));
      assert.ok(byId instanceof ResourceNotFoundException, `got ${byId.name}`);
    });

    it('records LastAccessedDate at day resolution', async () => {
      const { name } = await create('accessed');
      await sm.send(new GetSecretValueCommand({ SecretId: name }));
      await eventually(async () => {
        const described = await sm.send(new DescribeSecretCommand({ SecretId: name }));
        assert.ok(described.LastAccessedDate instanceof Date, 'LastAccessedDate set');
        const date = described.LastAccessedDate;
        assert.equal(date.getUTCHours() + date.getUTCMinutes() + date.getUTCSeconds(), 0, `day resolution: ${date.toISOString()}`);
        assert.ok(Math.abs(date.getTime() - Date.now()) < 2 * DAY);
      });
    });
  });

  describe('versions and staging labels', () => {
    it('PutSecretValue moves AWSCURRENT to the new version and AWSPREVIOUS to the old one', async () => {
      const { name, versionId: v1 } = await create('stages', 'one');
      const v2 = (await sm.send(new PutSecretValueCommand({ SecretId: name, SecretString: 'two' }))).VersionId!;
      assert.deepEqual(await stages(name), { [v1]: ['AWSPREVIOUS'], [v2]: ['AWSCURRENT'] });

      const put3 = await sm.send(new PutSecretValueCommand({ SecretId: name, SecretString: 'three' }));
      const v3 = put3.VersionId!;
      assert.deepEqual(put3.VersionStages, ['AWSCURRENT']);
      // v1 lost its last label: deprecated, so it leaves VersionIdsToStages.
      assert.deepEqual(await stages(name), { [v2]: ['AWSPREVIOUS'], [v3]: ['AWSCURRENT'] });

      assert.equal((await sm.send(new GetSecretValueCommand({ SecretId: name }))).SecretString, 'three');
      assert.equal((await sm.send(new GetSecretValueCommand({ SecretId: name, VersionStage: 'AWSPREVIOUS' }))).SecretString, 'two');

      const listed = await sm.send(new ListSecretVersionIdsCommand({ SecretId: name }));
      assert.deepEqual(listed.Versions?.map((version) => version.VersionId).sort(), [v2, v3].sort());
      const withDeprecated = await sm.send(new ListSecretVersionIdsCommand({ SecretId: name, IncludeDeprecated: true }));
      const deprecated = withDeprecated.Versions?.find((version) => version.VersionId === v1);
      assert.ok(deprecated, 'IncludeDeprecated lists the unlabelled version');
      assert.deepEqual(deprecated.VersionStages ?? [], []);
    });

    it('PutSecretValue with VersionStages attaches only those labels', async () => {
      const { name, versionId: v1 } = await create('custom-stage', 'live');
      const staged = await sm.send(new PutSecretValueCommand({ SecretId: name, SecretString: 'next', VersionStages: ['NEXT'] }));
      assert.deepEqual(await stages(name), { [v1]: ['AWSCURRENT'], [staged.VersionId!]: ['NEXT'] });
      assert.equal((await sm.send(new GetSecretValueCommand({ SecretId: name }))).SecretString, 'live');
      assert.equal((await sm.send(new GetSecretValueCommand({ SecretId: name, VersionStage: 'NEXT' }))).SecretString, 'next');
    });

    it('treats a repeated ClientRequestToken as a retry, and refuses different data under it', async () => {
      const { name } = await create('idempotent', 'one');
      const token = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
      const first = await sm.send(new PutSecretValueCommand({ SecretId: name, SecretString: 'two', ClientRequestToken: token }));
      const again = await sm.send(new PutSecretValueCommand({ SecretId: name, SecretString: 'two', ClientRequestToken: token }));
      assert.equal(first.VersionId, token);
      assert.equal(again.VersionId, token);
      assert.equal(Object.keys(await stages(name)).length, 2);
      const changed = await errorOf(() => sm.send(new PutSecretValueCommand({ SecretId: name, SecretString: 'three', ClientRequestToken: token })));
      assert.ok(changed instanceof ResourceExistsException, `got ${changed.name}`);
    });

    it('UpdateSecretVersionStage rolls back, adds and removes labels by the documented rules', async () => {
      const { name, versionId: v1 } = await create('version-stage', 'one');
      const v2 = (await sm.send(new PutSecretValueCommand({ SecretId: name, SecretString: 'two' }))).VersionId!;

      // AWSCURRENT is attached elsewhere: moving it without naming that version fails.
      const unnamed = await errorOf(() => sm.send(new UpdateSecretVersionStageCommand({ SecretId: name, VersionStage: 'AWSCURRENT', MoveToVersionId: v1 })));
      assert.ok(unnamed instanceof InvalidParameterException, `got ${unnamed.name}`);

      // Roll back: AWSCURRENT to v1, and AWSPREVIOUS follows to v2.
      await sm.send(new UpdateSecretVersionStageCommand({ SecretId: name, VersionStage: 'AWSCURRENT', MoveToVersionId: v1, RemoveFromVersionId: v2 }));
      assert.deepEqual(await stages(name), { [v1]: ['AWSCURRENT'], [v2]: ['AWSPREVIOUS'] });
      assert.equal((await sm.send(new GetSecretValueCommand({ SecretId: name }))).SecretString, 'one');

      // A custom label: add, move (needs RemoveFromVersionId), remove.
      await sm.send(new UpdateSecretVersionStageCommand({ SecretId: name, VersionStage: 'blue', MoveToVersionId: v2 }));
      assert.deepEqual((await stages(name))[v2]?.sort(), ['AWSPREVIOUS', 'blue']);
      await sm.send(new UpdateSecretVersionStageCommand({ SecretId: name, VersionStage: 'blue', MoveToVersionId: v1, RemoveFromVersionId: v2 }));
      assert.deepEqual((await stages(name))[v1]?.sort(), ['AWSCURRENT', 'blue']);
      const wrongVersion = await errorOf(() => sm.send(new UpdateSecretVersionStageCommand({ SecretId: name, VersionStage: 'blue', RemoveFromVersionId: v2 })));
      assert.ok(wrongVersion instanceof InvalidParameterException, `got ${wrongVersion.name}`);
      await sm.send(new UpdateSecretVersionStageCommand({ SecretId: name, VersionStage: 'blue', RemoveFromVersionId: v1 }));
      assert.deepEqual(await stages(name), { [v1]: ['AWSCURRENT'], [v2]: ['AWSPREVIOUS'] });

      // AWSCURRENT can only be moved, never removed outright.
      const removeCurrent = await errorOf(() =>
        sm.send(new UpdateSecretVersionStageCommand({ SecretId: name, VersionStage: 'AWSCURRENT', RemoveFromVersionId: v1 })),
      );
      assert.ok(removeCurrent instanceof InvalidParameterException, `got ${removeCurrent.name}`);
    });

    it('UpdateSecret changes the description and creates a new current version for a new value', async () => {
      const { name, versionId: v1 } = await create('update', 'one', { Description: 'before' });
      const updated = await sm.send(new UpdateSecretCommand({ SecretId: name, Description: 'after', SecretString: 'two' }));
      assert.ok(updated.VersionId && updated.VersionId !== v1);
      const described = await sm.send(new DescribeSecretCommand({ SecretId: name }));
      assert.equal(described.Description, 'after');
      assert.deepEqual(described.VersionIdsToStages, { [v1]: ['AWSPREVIOUS'], [updated.VersionId]: ['AWSCURRENT'] });
      const metadataOnly = await sm.send(new UpdateSecretCommand({ SecretId: name, Description: 'again' }));
      assert.equal(metadataOnly.VersionId, undefined);
    });

    it('ListSecretVersionIds paginates', async () => {
      const { name } = await create('version-pages', 'v0');
      const ids = [(await sm.send(new ListSecretVersionIdsCommand({ SecretId: name }))).Versions![0]!.VersionId!];
      for (let i = 1; i < 7; i++) {
        ids.push((await sm.send(new PutSecretValueCommand({ SecretId: name, SecretString: `v${i}`, VersionStages: [`label-${i}`] }))).VersionId!);
      }
      const seen: string[] = [];
      let pages = 0;
      let token: string | undefined;
      do {
        const page = await sm.send(new ListSecretVersionIdsCommand({ SecretId: name, MaxResults: 3, NextToken: token }));
        pages += 1;
        seen.push(...(page.Versions ?? []).map((version) => version.VersionId!));
        token = page.NextToken;
      } while (token);
      assert.deepEqual(seen.sort(), ids.sort());
      assert.ok(pages >= 3, `only ${pages} pages`);
    });
  });

  describe('deletion', () => {
    it('schedules deletion with a recovery window, blocks use, and restores', async () => {
      const { name } = await create('delete-window', 'keep me');
      const started = Date.now();
      const deleted = await sm.send(new DeleteSecretCommand({ SecretId: name, RecoveryWindowInDays: 7 }));
      assert.ok(deleted.DeletionDate instanceof Date);
      const window = deleted.DeletionDate.getTime() - started;
      assert.ok(window > 6.9 * DAY && window < 7.1 * DAY, `DeletionDate ${deleted.DeletionDate.toISOString()}`);

      const described = await sm.send(new DescribeSecretCommand({ SecretId: name }));
      assert.ok(described.DeletedDate instanceof Date, 'DescribeSecret shows DeletedDate');

      const read = await errorOf(() => sm.send(new GetSecretValueCommand({ SecretId: name })));
      assert.ok(read instanceof InvalidRequestException, `got ${read.name}`);
      const write = await errorOf(() => sm.send(new PutSecretValueCommand({ SecretId: name, SecretString: 'x' })));
      assert.ok(write instanceof InvalidRequestException, `got ${write.name}`);
      const recreate = await errorOf(() => sm.send(new CreateSecretCommand({ Name: name, SecretString: 'x' })));
      assert.ok(recreate instanceof InvalidRequestException, `got ${recreate.name}`);

      await eventually(async () => {
        assert.ok(!(await listNames({ Filters: [{ Key: 'name', Values: [name] }] })).includes(name), 'hidden by default');
        assert.ok(
          (await listNames({ IncludePlannedDeletion: true, Filters: [{ Key: 'name', Values: [name] }] })).includes(name),
          'listed with IncludePlannedDeletion',
        );
      });

      await sm.send(new RestoreSecretCommand({ SecretId: name }));
      assert.equal((await sm.send(new DescribeSecretCommand({ SecretId: name }))).DeletedDate, undefined);
      assert.equal((await sm.send(new GetSecretValueCommand({ SecretId: name }))).SecretString, 'keep me');
    });

    it('uses a 30-day window by default and validates the window', async () => {
      const { name } = await create('delete-default');
      for (const days of [6, 31]) {
        const invalid = await errorOf(() => sm.send(new DeleteSecretCommand({ SecretId: name, RecoveryWindowInDays: days })));
        assert.ok(invalid instanceof InvalidParameterException, `${days} days: got ${invalid.name}`);
      }
      const started = Date.now();
      const deleted = await sm.send(new DeleteSecretCommand({ SecretId: name }));
      const window = deleted.DeletionDate!.getTime() - started;
      assert.ok(window > 29.9 * DAY && window < 30.1 * DAY, `DeletionDate ${deleted.DeletionDate!.toISOString()}`);
    });

    it('ForceDeleteWithoutRecovery removes the secret at once and tolerates a missing one', async () => {
      const { name } = await create('force-delete');
      await sm.send(new DeleteSecretCommand({ SecretId: name, ForceDeleteWithoutRecovery: true }));
      await eventually(async () => {
        const gone = await errorOf(() => sm.send(new DescribeSecretCommand({ SecretId: name })));
        assert.ok(gone instanceof ResourceNotFoundException, `got ${gone.name}`);
      });
      await sm.send(new DeleteSecretCommand({ SecretId: `${name}-never-existed`, ForceDeleteWithoutRecovery: true }));
      const missing = await errorOf(() => sm.send(new DeleteSecretCommand({ SecretId: `${name}-never-existed` })));
      assert.ok(missing instanceof ResourceNotFoundException, `got ${missing.name}`);
    });
  });

  describe('ListSecrets', () => {
    it('filters by name prefix (case-sensitive), negation, tags, description and all', async () => {
      const prefix = uniquePrefix('filters');
      const make = async (suffix: string, description: string, tags: Array<{ Key: string; Value: string }>) => {
        const name = cleanup.secret(`${prefix}/${suffix}`);
        await sm.send(new CreateSecretCommand({ Name: name, SecretString: 'x', Description: description, Tags: tags }));
        return name;
      };
      const db = await make('prod/db', 'Primary database login', [{ Key: 'Team', Value: 'Payments' }]);
      const api = await make('prod/api-key', 'Stripe key for checkout', [{ Key: 'Team', Value: 'Checkout' }]);
      const dev = await make('dev/db', 'database for developers', [{ Key: 'Env', Value: 'dev' }]);

      await eventually(async () => {
        const within = (extra: ListSecretsCommandInput['Filters'] = []) => listNames({ Filters: [{ Key: 'name', Values: [prefix] }, ...extra] });
        assert.deepEqual(await within(), [dev, api, db].sort());
        assert.deepEqual(await listNames({ Filters: [{ Key: 'name', Values: [`${prefix}/prod/`] }] }), [api, db].sort());
        assert.deepEqual(await listNames({ Filters: [{ Key: 'name', Values: [`${prefix}/PROD/`] }] }), []);
        assert.deepEqual(await within([{ Key: 'name', Values: [`!${prefix}/prod`] }]), [dev]);
        assert.deepEqual(await within([{ Key: 'tag-key', Values: ['Team'] }]), [api, db].sort());
        assert.deepEqual(await within([{ Key: 'tag-key', Values: ['team'] }]), []);
        assert.deepEqual(await within([{ Key: 'tag-value', Values: ['Pay'] }]), [db]);
        assert.deepEqual(await within([{ Key: 'tag-value', Values: ['!Pay'] }]), [dev, api].sort());
        assert.deepEqual(await within([{ Key: 'description', Values: ['stripe'] }]), [api]);
        assert.deepEqual(await within([{ Key: 'all', Values: ['checkout'] }]), [api]);
      });
    });

    it('validates MaxResults', async () => {
      for (const max of [0, 101]) {
        const invalid = await errorOf(() => sm.send(new ListSecretsCommand({ MaxResults: max })));
        assert.equal(invalid.$fault, 'client');
        assert.ok(['ValidationException', 'InvalidParameterException'].includes(invalid.name), `${max}: got ${invalid.name}`);
      }
    });
  });

  describe('rotation configuration', () => {
    it('refuses to rotate a secret that has no rotation Lambda', async () => {
      const { name } = await create('no-lambda');
      const error = await errorOf(() => sm.send(new RotateSecretCommand({ SecretId: name })));
      assert.ok(error instanceof InvalidRequestException, `got ${error.name}`);
    });

    it('refuses to rotate or cancel rotation of a secret scheduled for deletion', async () => {
      const { name } = await create('rotate-deleted');
      await sm.send(new DeleteSecretCommand({ SecretId: name, RecoveryWindowInDays: 7 }));
      const rotate = await errorOf(() =>
        sm.send(new RotateSecretCommand({ SecretId: name, RotationLambdaARN: `arn:aws:lambda:${ep.region}:123456789012:function:missing` })),
      );
      assert.ok(rotate instanceof InvalidRequestException, `got ${rotate.name}`);
      const cancel = await errorOf(() => sm.send(new CancelRotateSecretCommand({ SecretId: name })));
      assert.ok(cancel instanceof InvalidRequestException, `got ${cancel.name}`);
    });
  });

  describe('GetRandomPassword', () => {
    it('honours length and character-class options', async () => {
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
  });

  describe('tags and batch reads', () => {
    it('TagResource adds or replaces tags and UntagResource removes them', async () => {
      const { name } = await create('tags', 'x', { Tags: [{ Key: 'env', Value: 'dev' }] });
      await sm.send(
        new TagResourceCommand({
          SecretId: name,
          Tags: [
            { Key: 'env', Value: 'prod' },
            { Key: 'owner', Value: 'team-a' },
          ],
        }),
      );
      const tagged = (await sm.send(new DescribeSecretCommand({ SecretId: name }))).Tags ?? [];
      assert.deepEqual(Object.fromEntries(tagged.map((tag) => [tag.Key, tag.Value])), { env: 'prod', owner: 'team-a' });
      await sm.send(new UntagResourceCommand({ SecretId: name, TagKeys: ['env'] }));
      const remaining = (await sm.send(new DescribeSecretCommand({ SecretId: name }))).Tags ?? [];
      assert.deepEqual(
        remaining.map((tag) => tag.Key),
        ['owner'],
      );
    });

    it('BatchGetSecretValue returns values by id and reports missing ones in Errors', async () => {
      const a = await create('batch-a', 'value-a');
      const b = await create('batch-b', 'value-b');
      const missing = `${a.name}-missing`;
      const result = await sm.send(new BatchGetSecretValueCommand({ SecretIdList: [a.name, b.arn, missing] }));
      assert.deepEqual(Object.fromEntries((result.SecretValues ?? []).map((value) => [value.Name, value.SecretString])), {
        [a.name]: 'value-a',
        [b.name]: 'value-b',
      });
      assert.deepEqual(
        (result.Errors ?? []).map((error) => [error.SecretId, error.ErrorCode]),
        [[missing, 'ResourceNotFoundException']],
      );

      const neither = await errorOf(() => sm.send(new BatchGetSecretValueCommand({})));
      assert.equal(neither.$fault, 'client');
    });

    it('BatchGetSecretValue with Filters pages through matching secrets', async () => {
      const prefix = uniquePrefix('batch-filter');
      const names: string[] = [];
      for (let i = 0; i < 5; i++) {
        const name = cleanup.secret(`${prefix}/s${i}`);
        await sm.send(new CreateSecretCommand({ Name: name, SecretString: `value-${i}` }));
        names.push(name);
      }
      await eventually(async () => {
        const seen: string[] = [];
        let token: string | undefined;
        do {
          const page = await sm.send(new BatchGetSecretValueCommand({ Filters: [{ Key: 'name', Values: [prefix] }], MaxResults: 2, NextToken: token }));
          seen.push(...(page.SecretValues ?? []).map((value) => value.Name!));
          token = page.NextToken;
        } while (token);
        assert.deepEqual(seen.sort(), names.sort());
      });
    });
  });
});
