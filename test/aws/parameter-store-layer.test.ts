/**
 * The extension's ParameterStore (src/aws) against the bundled emulator or TEST_AWS_ENDPOINT.
 * Checks of the server's own validation (tier size limits) and page sizes run against the
 * emulator only, in emulator-fidelity-parameter-store.test.ts.
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import type { ParameterStore } from '../../src/aws/types';
import { Cleanup, eventually, openTestEndpoint, uniquePrefix, type TestEndpoint } from './endpoint';
import { failure } from './awsFailure';
import { openRuntime, PROFILE, type RuntimeFixture } from './runtimeFixture';

describe('ParameterStore', () => {
  let endpoint: TestEndpoint;
  let fixture: RuntimeFixture;
  let store: ParameterStore;
  let cleanup: Cleanup;

  before(async () => {
    endpoint = await openTestEndpoint();
    fixture = await openRuntime(endpoint);
    store = await fixture.runtime.parameters(PROFILE, endpoint.region);
    cleanup = new Cleanup(endpoint);
  });
  afterEach(() => cleanup.run());
  after(async () => {
    await fixture.close();
    await endpoint.close();
  });

  it('pages through a filtered listing without repeating or losing a parameter, whatever the page size', async () => {
    const path = `/${uniquePrefix('paging')}`;
    const names = Array.from({ length: 7 }, (_, i) => cleanup.parameter(`${path}/p${i}`));
    for (const name of names) await store.put({ name, value: 'v', type: 'String', overwrite: false });

    const pages: string[][] = [];
    await eventually(async () => {
      pages.length = 0;
      let nextToken: string | undefined;
      do {
        const page = await store.list({ nameFilter: path, pageSize: 3, nextToken });
        pages.push(page.items.map((p) => p.name));
        nextToken = page.nextToken;
      } while (nextToken);
      assert.deepEqual(pages.flat().sort(), names);
    });
  });

  it('stores a SecureString encrypted and returns it decrypted on request only', async () => {
    const name = cleanup.parameter(`/${uniquePrefix('secure')}/db/password`);
    const put = await store.put({ name, value: 'correct-horse', type: 'SecureString', overwrite: false, description: 'DB password' });
    assert.equal(put.version, 1);
    const described = await store.describe(name);
    assert.equal(described.type, 'SecureString');
    assert.equal(described.description, 'DB password');
    assert.match(described.keyId ?? 'alias/aws/ssm', /alias\/aws\/ssm|[0-9a-f-]{36}/);
    const value = await store.getValue(name);
    assert.equal(value.value, 'correct-horse');
    assert.equal(value.type, 'SecureString');
  });

  it('overwrites to new versions, keeps history newest first, and moves labels', async () => {
    const name = cleanup.parameter(`/${uniquePrefix('history')}/log-level`);
    await store.put({ name, value: 'info', type: 'String', overwrite: false });
    const second = await store.put({ name, value: 'debug', type: 'String', overwrite: true });
    assert.equal(second.version, 2);

    await store.label(name, 1, ['stable']);
    let history = await store.history(name);
    assert.deepEqual(
      history.map((h) => h.version),
      [2, 1],
    );
    assert.deepEqual(history[1].labels, ['stable']);

    await store.label(name, 2, ['stable']);
    history = await store.history(name);
    assert.deepEqual(history.find((h) => h.version === 2)?.labels, ['stable']);
    assert.deepEqual(history.find((h) => h.version === 1)?.labels, []);

    assert.equal((await store.getValue(name, { version: 1 })).value, 'info');
    assert.equal((await store.getValue(name, { label: 'stable' })).value, 'debug');
  });

  it('refuses to overwrite without Overwrite, with a typed error', async () => {
    const name = cleanup.parameter(`/${uniquePrefix('exists')}/x`);
    await store.put({ name, value: 'a', type: 'String', overwrite: false });
    const error = await failure(() => store.put({ name, value: 'b-secret-text', type: 'String', overwrite: false }));
    assert.equal(error.kind, 'alreadyExists');
    assert.ok(!error.message.includes('b-secret-text'));
  });

  it('tags, lists tags and removes them', async () => {
    const name = cleanup.parameter(`/${uniquePrefix('tags')}/x`);
    await store.put({ name, value: 'a', type: 'String', overwrite: false, tags: [{ key: 'team', value: 'core' }] });
    await store.addTags(name, [{ key: 'env', value: 'prod' }]);
    assert.deepEqual(
      (await store.listTags(name)).sort((a, b) => a.key.localeCompare(b.key)),
      [
        { key: 'env', value: 'prod' },
        { key: 'team', value: 'core' },
      ],
    );
    await store.removeTags(name, ['team']);
    assert.deepEqual(await store.listTags(name), [{ key: 'env', value: 'prod' }]);
  });

  it('deletes, after which describe and get report not found', async () => {
    const name = cleanup.parameter(`/${uniquePrefix('delete')}/x`);
    await store.put({ name, value: 'a', type: 'String', overwrite: false });
    await store.delete(name);
    assert.equal((await failure(() => store.getValue(name))).kind, 'notFound');
    assert.equal((await failure(() => store.describe(name))).kind, 'notFound');
  });

  it('lists KMS aliases including the AWS managed keys', async () => {
    const aliases = await (await fixture.runtime.keys(PROFILE, endpoint.region)).listAliases();
    const names = aliases.map((a) => a.aliasName);
    assert.ok(names.includes('alias/aws/secretsmanager'));
    assert.ok(names.includes('alias/aws/ssm'));
  });
});
