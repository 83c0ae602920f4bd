/**
 * Secrets Manager behaviour the extension depends on, through the real SDK:
 * lookups by name and ARN, values, staging-label moves as the server reports
 * them, deletion windows, filters, rotation refusals, tags and batch reads.
 * Runs against the bundled emulator or any TEST_AWS_ENDPOINT. What AWS
 * validates on the server (sizes, names, MaxResults, password options), page
 * sizes and LastAccessedDate are the emulator's fidelity tests
 * (emulator-fidelity-secrets-manager.test.ts).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  BatchGetSecretValueCommand,
  CancelRotateSecretCommand,
  CreateSecretCommand,
  DeleteSecretCommand,
  DescribeSecretCommand,
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

  /**
   * The labelled versions, as DescribeSecret reports them. AWS leaves deprecated (unlabelled)
   * versions out; moto lists them with no label, which says the same.
   */
  async function stages(secretId: string): Promise<Record<string, string[]>> {
    const described = await sm.send(new DescribeSecretCommand({ SecretId: secretId }));
    return Object.fromEntries(Object.entries(described.VersionIdsToStages ?? {}).filter(([, labels]) => labels.length > 0));
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

    it('stores binary values, and text values up to 65,536 bytes', async () => {
      const bytes = Uint8Array.from({ length: 300 }, (_, i) => (i * 37) % 256);
      const name = cleanup.secret(`${uniquePrefix('binary')}/keystore`);
      await sm.send(new CreateSecretCommand({ Name: name, SecretBinary: bytes }));
      const value = await sm.send(new GetSecretValueCommand({ SecretId: name }));
      assert.equal(value.SecretString, undefined);
      assert.deepEqual(Buffer.from(value.SecretBinary!), Buffer.from(bytes));

      const { name: big } = await create('limits', 'x'.repeat(65_536));
      assert.equal((await sm.send(new GetSecretValueCommand({ SecretId: big }))).SecretString?.length, 65_536);
    });

    it('raises ResourceNotFoundException for a missing version or staging label', async () => {
      const { name } = await create('missing-version');
      const byStage = await errorOf(() => sm.send(new GetSecretValueCommand({ SecretId: name, VersionStage: 'AWSPENDING' })));
      assert.ok(byStage instanceof ResourceNotFoundException, `got ${byStage.name}`);
      const byId = await errorOf(() => sm.send(new GetSecretValueCommand({ SecretId: name, VersionId: '00000000-0000-4000-8000-000000000000' })));
      assert.ok(byId instanceof ResourceNotFoundException, `got ${byId.name}`);
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
      // v1 lost its last label: deprecated.
      assert.deepEqual(await stages(name), { [v2]: ['AWSPREVIOUS'], [v3]: ['AWSCURRENT'] });

      assert.equal((await sm.send(new GetSecretValueCommand({ SecretId: name }))).SecretString, 'three');
      assert.equal((await sm.send(new GetSecretValueCommand({ SecretId: name, VersionStage: 'AWSPREVIOUS' }))).SecretString, 'two');

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

    it('UpdateSecretVersionStage rolls back and moves custom labels', async () => {
      const { name, versionId: v1 } = await create('version-stage', 'one');
      const v2 = (await sm.send(new PutSecretValueCommand({ SecretId: name, SecretString: 'two' }))).VersionId!;

      // Roll back: AWSCURRENT to v1, and AWSPREVIOUS follows to v2.
      await sm.send(new UpdateSecretVersionStageCommand({ SecretId: name, VersionStage: 'AWSCURRENT', MoveToVersionId: v1, RemoveFromVersionId: v2 }));
      assert.deepEqual(await stages(name), { [v1]: ['AWSCURRENT'], [v2]: ['AWSPREVIOUS'] });
      // The extension always names the stage it reads (what it sends when none was chosen).
      assert.equal((await sm.send(new GetSecretValueCommand({ SecretId: name, VersionStage: 'AWSCURRENT' }))).SecretString, 'one');

      // A custom label: add, move (naming where it was), remove.
      await sm.send(new UpdateSecretVersionStageCommand({ SecretId: name, VersionStage: 'blue', MoveToVersionId: v2 }));
      assert.deepEqual((await stages(name))[v2]?.sort(), ['AWSPREVIOUS', 'blue']);
      await sm.send(new UpdateSecretVersionStageCommand({ SecretId: name, VersionStage: 'blue', MoveToVersionId: v1, RemoveFromVersionId: v2 }));
      assert.deepEqual((await stages(name))[v1]?.sort(), ['AWSCURRENT', 'blue']);
      assert.deepEqual((await stages(name))[v2], ['AWSPREVIOUS'], 'blue left v2');
      await sm.send(new UpdateSecretVersionStageCommand({ SecretId: name, VersionStage: 'blue', RemoveFromVersionId: v1 }));
      assert.deepEqual(await stages(name), { [v1]: ['AWSCURRENT'], [v2]: ['AWSPREVIOUS'] });
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

    it('ListSecretVersionIds follows NextToken to every version once', async () => {
      const { name } = await create('version-pages', 'v0');
      const ids = [(await sm.send(new ListSecretVersionIdsCommand({ SecretId: name }))).Versions![0]!.VersionId!];
      for (let i = 1; i < 7; i++) {
        ids.push((await sm.send(new PutSecretValueCommand({ SecretId: name, SecretString: `v${i}`, VersionStages: [`label-${i}`] }))).VersionId!);
      }
      const seen: string[] = [];
      let token: string | undefined;
      do {
        const page = await sm.send(new ListSecretVersionIdsCommand({ SecretId: name, MaxResults: 3, NextToken: token }));
        seen.push(...(page.Versions ?? []).map((version) => version.VersionId!));
        token = page.NextToken || undefined;
      } while (token);
      assert.deepEqual(seen.sort(), ids.sort());
    });
  });

  describe('deletion', () => {
    it('schedules deletion with a recovery window, refuses reads, and restores', async () => {
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
  });

  describe('rotation configuration', () => {
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
