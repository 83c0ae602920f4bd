/**
 * Parameter Store behaviour the extension depends on, through the real SDK:
 * types and decryption, versions, selectors and labels, hierarchy listing,
 * filters, deletes and tags. Runs against the bundled emulator or any
 * TEST_AWS_ENDPOINT. The server-side validation AWS documents (tier limits,
 * naming rules, AllowedPattern), its page sizes and the filters the extension
 * never sends are the emulator's fidelity tests (emulator-fidelity-parameter-store.test.ts).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  AddTagsToResourceCommand,
  DeleteParameterCommand,
  DeleteParametersCommand,
  DescribeParametersCommand,
  type DescribeParametersCommandInput,
  GetParameterCommand,
  GetParameterHistoryCommand,
  GetParametersByPathCommand,
  GetParametersCommand,
  InvalidFilterKey,
  InvalidFilterOption,
  InvalidResourceId,
  LabelParameterVersionCommand,
  ListTagsForResourceCommand,
  ParameterAlreadyExists,
  ParameterMaxVersionLimitExceeded,
  ParameterNotFound,
  ParameterVersionLabelLimitExceeded,
  PutParameterCommand,
  RemoveTagsFromResourceCommand,
  type SSMClient,
} from '@aws-sdk/client-ssm';
import { Cleanup, errorOf, eventually, openTestEndpoint, type TestEndpoint, uniquePrefix } from './endpoint';

describe('Parameter Store', () => {
  let ep: TestEndpoint;
  let cleanup: Cleanup;
  let ssm: SSMClient;

  before(async () => {
    ep = await openTestEndpoint();
    cleanup = new Cleanup(ep);
    ssm = ep.ssm();
  });

  after(async () => {
    await cleanup.run();
    await ep.close();
  });

  function name(label: string, leaf = 'value'): string {
    return cleanup.parameter(`/${uniquePrefix(label)}/${leaf}`);
  }

  async function describeNames(input: DescribeParametersCommandInput): Promise<string[]> {
    const names: string[] = [];
    let token: string | undefined;
    do {
      const page = await ssm.send(new DescribeParametersCommand({ ...input, NextToken: token }));
      names.push(...(page.Parameters ?? []).map((parameter) => parameter.Name!));
      token = page.NextToken;
    } while (token);
    return names.sort();
  }

  describe('types and decryption', () => {
    it('round-trips String and StringList values', async () => {
      const plain = name('types', 'plain');
      const list = name('types', 'list');
      const put = await ssm.send(new PutParameterCommand({ Name: plain, Type: 'String', Value: 'hello' }));
      assert.equal(put.Version, 1);
      assert.equal(put.Tier, 'Standard');
      await ssm.send(new PutParameterCommand({ Name: list, Type: 'StringList', Value: 'a,b,c' }));
      const got = await ssm.send(new GetParametersCommand({ Names: [plain, list] }));
      assert.deepEqual(Object.fromEntries((got.Parameters ?? []).map((parameter) => [parameter.Name, [parameter.Type, parameter.Value, parameter.Version]])), {
        [plain]: ['String', 'hello', 1],
        [list]: ['StringList', 'a,b,c', 1],
      });
    });

    it('returns a SecureString plaintext only with WithDecryption', async () => {
      const secure = name('secure', 'password');
      const plaintext = 'correct-horse-battery-staple-42';
      await ssm.send(new PutParameterCommand({ Name: secure, Type: 'SecureString', Value: plaintext, Description: 'db password' }));

      const hidden = (await ssm.send(new GetParameterCommand({ Name: secure }))).Parameter!;
      assert.equal(hidden.Type, 'SecureString');
      assert.notEqual(hidden.Value, plaintext);
      assert.equal((await ssm.send(new GetParameterCommand({ Name: secure, WithDecryption: true }))).Parameter?.Value, plaintext);

      const path = secure.slice(0, secure.lastIndexOf('/'));
      const byPath = await ssm.send(new GetParametersByPathCommand({ Path: path }));
      assert.notEqual(byPath.Parameters?.[0]?.Value, plaintext);
      assert.equal((await ssm.send(new GetParametersByPathCommand({ Path: path, WithDecryption: true }))).Parameters?.[0]?.Value, plaintext);
      const history = await ssm.send(new GetParameterHistoryCommand({ Name: secure }));
      assert.notEqual(history.Parameters?.[0]?.Value, plaintext);
      assert.equal((await ssm.send(new GetParametersCommand({ Names: [secure] }))).Parameters?.[0]?.Value === plaintext, false);

      await eventually(async () => {
        const described = await ssm.send(new DescribeParametersCommand({ ParameterFilters: [{ Key: 'Name', Option: 'Equals', Values: [secure] }] }));
        const metadata = described.Parameters?.[0];
        assert.ok(metadata, 'described');
        assert.equal(metadata.KeyId, 'alias/aws/ssm');
        assert.equal(metadata.Description, 'db password');
        assert.ok(!('Value' in metadata), 'DescribeParameters returns metadata only');
      });
    });
  });

  describe('versions, selectors and labels', () => {
    it('versions on Overwrite and refuses to overwrite without it', async () => {
      const param = name('versions');
      await ssm.send(new PutParameterCommand({ Name: param, Type: 'String', Value: 'v1', Description: 'first' }));
      const exists = await errorOf(() => ssm.send(new PutParameterCommand({ Name: param, Type: 'String', Value: 'v2' })));
      assert.ok(exists instanceof ParameterAlreadyExists, `got ${exists.name}`);
      const second = await ssm.send(new PutParameterCommand({ Name: param, Value: 'v2', Overwrite: true }));
      assert.equal(second.Version, 2);
      const current = (await ssm.send(new GetParameterCommand({ Name: param }))).Parameter!;
      assert.equal(current.Value, 'v2');
      assert.equal(current.Version, 2);
      assert.equal(current.Type, 'String', 'type is kept when omitted on overwrite');

      const tagsWithOverwrite = await errorOf(() =>
        ssm.send(new PutParameterCommand({ Name: param, Value: 'v3', Overwrite: true, Tags: [{ Key: 'a', Value: 'b' }] })),
      );
      assert.equal(tagsWithOverwrite.name, 'ValidationException');
      const noType = await errorOf(() => ssm.send(new PutParameterCommand({ Name: `${param}-untyped`, Value: 'x' })));
      assert.equal(noType.name, 'ValidationException');
    });

    it('resolves name:version and name:label selectors and moves labels between versions', async () => {
      const param = name('labels');
      for (const value of ['one', 'two', 'three']) await ssm.send(new PutParameterCommand({ Name: param, Type: 'String', Value: value, Overwrite: true }));

      const labelled = await ssm.send(new LabelParameterVersionCommand({ Name: param, ParameterVersion: 1, Labels: ['stable', '1bad', 'awsReserved'] }));
      assert.equal(labelled.ParameterVersion, 1);
      assert.deepEqual(labelled.InvalidLabels?.sort(), ['1bad', 'awsReserved']);

      const byVersion = (await ssm.send(new GetParameterCommand({ Name: `${param}:2` }))).Parameter!;
      assert.equal(byVersion.Value, 'two');
      assert.equal(byVersion.Version, 2);
      assert.equal(byVersion.Name, param);
      assert.equal((await ssm.send(new GetParameterCommand({ Name: `${param}:stable` }))).Parameter?.Value, 'one');

      // Labelling another version moves the label (without a version: the latest).
      const moved = await ssm.send(new LabelParameterVersionCommand({ Name: param, Labels: ['stable'] }));
      assert.equal(moved.ParameterVersion, 3);
      assert.equal((await ssm.send(new GetParameterCommand({ Name: `${param}:stable` }))).Parameter?.Value, 'three');
      const history = await ssm.send(new GetParameterHistoryCommand({ Name: param }));
      assert.deepEqual(
        history.Parameters?.map((version) => [version.Version, version.Value, version.Labels ?? []]),
        [
          [1, 'one', []],
          [2, 'two', []],
          [3, 'three', ['stable']],
        ],
      );
      assert.ok(history.Parameters?.every((version) => version.LastModifiedDate instanceof Date && version.LastModifiedUser));
    });

    it('allows at most ten labels on a version', async () => {
      const param = name('label-limit');
      await ssm.send(new PutParameterCommand({ Name: param, Type: 'String', Value: 'x' }));
      await ssm.send(new LabelParameterVersionCommand({ Name: param, Labels: Array.from({ length: 10 }, (_, i) => `label${i}`) }));
      const error = await errorOf(() => ssm.send(new LabelParameterVersionCommand({ Name: param, Labels: ['label10'] })));
      assert.ok(error instanceof ParameterVersionLabelLimitExceeded, `got ${error.name}`);
    });

    it('GetParameterHistory follows NextToken to every version, oldest first', async () => {
      const param = name('history-pages');
      for (let i = 1; i <= 7; i++) await ssm.send(new PutParameterCommand({ Name: param, Type: 'String', Value: `v${i}`, Overwrite: true }));
      const versions: number[] = [];
      let token: string | undefined;
      do {
        const page = await ssm.send(new GetParameterHistoryCommand({ Name: param, MaxResults: 3, NextToken: token }));
        versions.push(...(page.Parameters ?? []).map((version) => version.Version!));
        token = page.NextToken || undefined;
      } while (token);
      assert.deepEqual(versions, [1, 2, 3, 4, 5, 6, 7]);
    });

    it('keeps 100 versions, dropping the oldest unless a label holds it', async () => {
      const param = name('version-limit');
      await ssm.send(new PutParameterCommand({ Name: param, Type: 'String', Value: 'v1' }));
      await ssm.send(new LabelParameterVersionCommand({ Name: param, ParameterVersion: 1, Labels: ['pinned'] }));
      for (let i = 2; i <= 100; i++) await ssm.send(new PutParameterCommand({ Name: param, Value: `v${i}`, Overwrite: true }));
      const blocked = await errorOf(() => ssm.send(new PutParameterCommand({ Name: param, Value: 'v101', Overwrite: true })));
      assert.ok(blocked instanceof ParameterMaxVersionLimitExceeded, `got ${blocked.name}`);

      await ssm.send(new LabelParameterVersionCommand({ Name: param, ParameterVersion: 100, Labels: ['pinned'] }));
      const accepted = await ssm.send(new PutParameterCommand({ Name: param, Value: 'v101', Overwrite: true }));
      assert.equal(accepted.Version, 101);
      const gone = await errorOf(() => ssm.send(new GetParameterCommand({ Name: `${param}:1` })));
      assert.equal(gone.name, 'ParameterVersionNotFound');
    });
  });

  describe('listing', () => {
    it('GetParameters reports unknown names in InvalidParameters', async () => {
      const param = name('get-many');
      await ssm.send(new PutParameterCommand({ Name: param, Type: 'String', Value: 'x' }));
      const result = await ssm.send(new GetParametersCommand({ Names: [param, `${param}-missing`] }));
      assert.deepEqual(
        result.Parameters?.map((parameter) => parameter.Name),
        [param],
      );
      assert.deepEqual(result.InvalidParameters, [`${param}-missing`]);
    });

    it('GetParametersByPath lists one level or recursively, with a Type filter', async () => {
      const root = `/${uniquePrefix('by-path')}`;
      const top = cleanup.parameter(`${root}/top`);
      const nested = cleanup.parameter(`${root}/child/nested`);
      const secure = cleanup.parameter(`${root}/child/secure`);
      await ssm.send(new PutParameterCommand({ Name: top, Type: 'String', Value: 'top' }));
      await ssm.send(new PutParameterCommand({ Name: nested, Type: 'String', Value: 'nested-1' }));
      await ssm.send(new PutParameterCommand({ Name: secure, Type: 'SecureString', Value: 's' }));

      const list = async (input: { Recursive?: boolean; ParameterFilters?: Array<{ Key: string; Option?: string; Values: string[] }>; Path?: string }) => {
        const out: Array<[string, string]> = [];
        let token: string | undefined;
        do {
          const page = await ssm.send(new GetParametersByPathCommand({ Path: root, ...input, NextToken: token, WithDecryption: true }));
          out.push(...(page.Parameters ?? []).map((parameter): [string, string] => [parameter.Name!, parameter.Value!]));
          token = page.NextToken;
        } while (token);
        return out.sort();
      };
      assert.deepEqual(await list({}), [[top, 'top']]);
      assert.deepEqual(await list({ Path: `${root}/` }), [[top, 'top']]);
      assert.deepEqual(
        (await list({ Recursive: true })).map(([parameterName]) => parameterName),
        [nested, secure, top].sort(),
      );
      assert.deepEqual(await list({ Recursive: true, ParameterFilters: [{ Key: 'Type', Option: 'Equals', Values: ['SecureString'] }] }), [[secure, 's']]);
      const badKey = await errorOf(() => list({ ParameterFilters: [{ Key: 'Name', Values: ['x'] }] }));
      assert.ok(badKey instanceof InvalidFilterKey, `got ${badKey.name}`);
    });

    it('DescribeParameters filters by name, path, type, key and tag', async () => {
      const root = `/${uniquePrefix('describe')}`;
      const dbHost = cleanup.parameter(`${root}/app/db-host`);
      const dbPassword = cleanup.parameter(`${root}/app/db-password`);
      const deep = cleanup.parameter(`${root}/app/nested/flags`);
      await ssm.send(new PutParameterCommand({ Name: dbHost, Type: 'String', Value: 'db.internal', Tags: [{ Key: 'team', Value: 'payments' }] }));
      await ssm.send(new PutParameterCommand({ Name: dbPassword, Type: 'SecureString', Value: 'pw', Tags: [{ Key: 'team', Value: 'platform' }] }));
      await ssm.send(new PutParameterCommand({ Name: deep, Type: 'StringList', Value: 'a,b', Tier: 'Advanced' }));

      await eventually(async () => {
        const within = (filters: NonNullable<DescribeParametersCommandInput['ParameterFilters']>) =>
          describeNames({ MaxResults: 2, ParameterFilters: [{ Key: 'Path', Option: 'Recursive', Values: [root] }, ...filters] });
        assert.deepEqual(await within([]), [dbHost, dbPassword, deep].sort());
        assert.deepEqual(
          await describeNames({ ParameterFilters: [{ Key: 'Path', Option: 'OneLevel', Values: [`${root}/app`] }] }),
          [dbHost, dbPassword].sort(),
        );
        assert.deepEqual(
          await describeNames({ ParameterFilters: [{ Key: 'Path', Values: [`${root}/app`] }] }),
          [dbHost, dbPassword].sort(),
          'Path defaults to OneLevel',
        );
        assert.deepEqual(await within([{ Key: 'Name', Option: 'Equals', Values: [dbHost] }]), [dbHost]);
        assert.deepEqual(await within([{ Key: 'Name', Option: 'BeginsWith', Values: [`${root}/app/db-`] }]), [dbHost, dbPassword].sort());
        assert.deepEqual(await within([{ Key: 'Name', Option: 'Contains', Values: ['password'] }]), [dbPassword]);
        assert.deepEqual(await within([{ Key: 'Type', Option: 'Equals', Values: ['SecureString', 'StringList'] }]), [dbPassword, deep].sort());
        assert.deepEqual(await within([{ Key: 'KeyId', Option: 'Equals', Values: ['alias/aws/ssm'] }]), [dbPassword]);
        assert.deepEqual(await within([{ Key: 'tag:team', Option: 'Equals', Values: ['payments'] }]), [dbHost]);
        assert.deepEqual(await within([{ Key: 'tag:team' }]), [dbHost, dbPassword].sort());
        assert.deepEqual(await describeNames({ Filters: [{ Key: 'Name', Values: [`${root}/app/db-`] }] }), [dbHost, dbPassword].sort());
      });

      const badOption = await errorOf(() =>
        ssm.send(new DescribeParametersCommand({ ParameterFilters: [{ Key: 'Type', Option: 'Contains', Values: ['String'] }] })),
      );
      assert.ok(badOption instanceof InvalidFilterOption, `got ${badOption.name}`);
      const badKey = await errorOf(() => ssm.send(new DescribeParametersCommand({ ParameterFilters: [{ Key: 'Label', Values: ['x'] }] })));
      assert.ok(badKey instanceof InvalidFilterKey, `got ${badKey.name}`);
    });
  });

  describe('deletes and tags', () => {
    it('DeleteParameter and DeleteParameters', async () => {
      const a = name('delete', 'a');
      const b = name('delete', 'b');
      for (const param of [a, b]) await ssm.send(new PutParameterCommand({ Name: param, Type: 'String', Value: 'x' }));
      await ssm.send(new DeleteParameterCommand({ Name: a }));
      const again = await errorOf(() => ssm.send(new DeleteParameterCommand({ Name: a })));
      assert.ok(again instanceof ParameterNotFound, `got ${again.name}`);
      const many = await ssm.send(new DeleteParametersCommand({ Names: [a, b] }));
      assert.deepEqual(many.DeletedParameters, [b]);
      assert.deepEqual(many.InvalidParameters, [a]);
    });

    it('adds, lists and removes parameter tags', async () => {
      const param = name('tags');
      await ssm.send(new PutParameterCommand({ Name: param, Type: 'String', Value: 'x', Tags: [{ Key: 'env', Value: 'dev' }] }));
      await ssm.send(
        new AddTagsToResourceCommand({
          ResourceType: 'Parameter',
          ResourceId: param,
          Tags: [
            { Key: 'env', Value: 'prod' },
            { Key: 'owner', Value: 'me' },
          ],
        }),
      );
      const listed = await ssm.send(new ListTagsForResourceCommand({ ResourceType: 'Parameter', ResourceId: param }));
      assert.deepEqual(Object.fromEntries((listed.TagList ?? []).map((tag) => [tag.Key, tag.Value])), { env: 'prod', owner: 'me' });
      await ssm.send(new RemoveTagsFromResourceCommand({ ResourceType: 'Parameter', ResourceId: param, TagKeys: ['env'] }));
      const after = await ssm.send(new ListTagsForResourceCommand({ ResourceType: 'Parameter', ResourceId: param }));
      assert.deepEqual(
        after.TagList?.map((tag) => tag.Key),
        ['owner'],
      );
      const missing = await errorOf(() => ssm.send(new ListTagsForResourceCommand({ ResourceType: 'Parameter', ResourceId: `${param}-missing` })));
      assert.ok(missing instanceof InvalidResourceId, `got ${missing.name}`);
    });
  });
});
