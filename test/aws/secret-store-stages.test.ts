/**
 * The extension's SecretStore reads staging labels as the server reports them, whatever the
 * server's quirks: versions in label order (an implementation may report the same CreatedDate for
 * every version), AWSCURRENT read by name after a roll back, deprecated versions left out of
 * the label map. Runs against the bundled emulator or any TEST_AWS_ENDPOINT.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { uniquePrefix } from './endpoint';
import { secretStoreSuite } from './runtimeFixture';

describe('SecretStore staging labels', () => {
  const aws = secretStoreSuite();

  it('lists versions AWSCURRENT first, then AWSPREVIOUS, custom labels and unlabelled ones', async () => {
    const name = aws.cleanup.secret(`${uniquePrefix('order')}/secret`);
    const v1 = (await aws.store.create({ name, value: { text: 'one' } })).versionId!;
    const v2 = (await aws.store.putValue(name, { text: 'two' })).versionId!;
    const v3 = (await aws.store.putValue(name, { text: 'three' })).versionId!;
    await aws.store.moveStage(name, 'blue', { toVersionId: v1 });
    const v4 = (await aws.store.putValue(name, { text: 'four' })).versionId!;
    // v4 AWSCURRENT, v3 AWSPREVIOUS, v1 blue, v2 unlabelled.
    const versions = await aws.store.listVersions(name);
    assert.deepEqual(
      versions.map((v) => v.versionId),
      [v4, v3, v1, v2],
    );
    assert.deepEqual(
      versions.map((v) => v.stages),
      [['AWSCURRENT'], ['AWSPREVIOUS'], ['blue'], []],
    );
    assert.deepEqual(Object.keys((await aws.store.describe(name)).versionStages ?? {}).sort(), [v1, v3, v4].sort(), 'the unlabelled version has no entry');
  });

  it('reads the rolled-back value as the current one', async () => {
    const name = aws.cleanup.secret(`${uniquePrefix('rollback')}/secret`);
    const v1 = (await aws.store.create({ name, value: { text: 'one' } })).versionId!;
    const v2 = (await aws.store.putValue(name, { text: 'two' })).versionId!;
    await aws.store.moveStage(name, 'AWSCURRENT', { toVersionId: v1, fromVersionId: v2 });
    const current = await aws.store.getValue(name);
    assert.equal(current.text, 'one');
    assert.equal(current.versionId, v1);
    assert.deepEqual((await aws.store.describe(name)).versionStages, { [v1]: ['AWSCURRENT'], [v2]: ['AWSPREVIOUS'] });
  });
});
