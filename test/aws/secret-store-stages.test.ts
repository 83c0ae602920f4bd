/**
 * The extension's SecretStore reads staging labels as the server reports them, whatever the
 * server's quirks: versions in label order (an implementation may report the same CreatedDate for
 * every version), AWSCURRENT read by name after a roll back, deprecated versions left out of
 * the label map. Runs against the bundled emulator or any TEST_AWS_ENDPOINT.
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import type { SecretStore } from '../../src/aws/types';
import { Cleanup, openTestEndpoint, uniquePrefix, type TestEndpoint } from './endpoint';
import { openRuntime, PROFILE, type RuntimeFixture } from './runtimeFixture';

describe('SecretStore staging labels', () => {
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

  it('lists versions AWSCURRENT first, then AWSPREVIOUS, custom labels and unlabelled ones', async () => {
    const name = cleanup.secret(`${uniquePrefix('order')}/secret`);
    const v1 = (await store.create({ name, value: { text: 'one' } })).versionId!;
    const v2 = (await store.putValue(name, { text: 'two' })).versionId!;
    const v3 = (await store.putValue(name, { text: 'three' })).versionId!;
    await store.moveStage(name, 'blue', { toVersionId: v1 });
    const v4 = (await store.putValue(name, { text: 'four' })).versionId!;
    // v4 AWSCURRENT, v3 AWSPREVIOUS, v1 blue, v2 unlabelled.
    const versions = await store.listVersions(name);
    assert.deepEqual(
      versions.map((v) => v.versionId),
      [v4, v3, v1, v2],
    );
    assert.deepEqual(
      versions.map((v) => v.stages),
      [['AWSCURRENT'], ['AWSPREVIOUS'], ['blue'], []],
    );
    assert.deepEqual(Object.keys((await store.describe(name)).versionStages ?? {}).sort(), [v1, v3, v4].sort(), 'the unlabelled version has no entry');
  });

  it('reads the rolled-back value as the current one', async () => {
    const name = cleanup.secret(`${uniquePrefix('rollback')}/secret`);
    const v1 = (await store.create({ name, value: { text: 'one' } })).versionId!;
    const v2 = (await store.putValue(name, { text: 'two' })).versionId!;
    await store.moveStage(name, 'AWSCURRENT', { toVersionId: v1, fromVersionId: v2 });
    const current = await store.getValue(name);
    assert.equal(current.text, 'one');
    assert.equal(current.versionId, v1);
    assert.deepEqual((await store.describe(name)).versionStages, { [v1]: ['AWSCURRENT'], [v2]: ['AWSPREVIOUS'] });
  });
});
