/**
 * Promoting a replica to a standalone secret (StopReplicationToReplica) through the extension's
 * SecretStore, against the bundled emulator only: moto, the independent implementation these
 * tests also run against, does not implement the operation (it answers HTTP 500), so nothing
 * but the emulator could check it here. The emulator models it as the API reference documents:
 * the replica becomes a standalone primary in its Region, writable, and leaves the primary's list.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { RemoveRegionsFromReplicationCommand } from '@aws-sdk/client-secrets-manager';
import type { SecretStore } from '../../src/aws/types';
import { Cleanup, eventually, openEmulatorEndpoint, uniquePrefix, type TestEndpoint } from './endpoint';
import { openRuntime, PROFILE, type RuntimeFixture } from './runtimeFixture';

describe('emulator: a replica promoted to a standalone secret', () => {
  let endpoint: TestEndpoint;
  let fixture: RuntimeFixture;
  let store: SecretStore;
  let replicaStore: SecretStore;
  let cleanup: Cleanup;

  before(async () => {
    endpoint = await openEmulatorEndpoint();
    fixture = await openRuntime(endpoint);
    store = await fixture.runtime.secrets(PROFILE, endpoint.region);
    replicaStore = await fixture.runtime.secrets(PROFILE, endpoint.otherRegion);
    cleanup = new Cleanup(endpoint);
  });
  after(async () => {
    await cleanup.run();
    await fixture.close();
    await endpoint.close();
  });

  it('promotes a replica: standalone in its Region, writable, no longer a replica of the primary', async () => {
    const name = cleanup.secret(`${uniquePrefix('layer-stop')}/db`);
    cleanup.secret(name, endpoint.otherRegion);
    await store.create({ name, value: { text: 'v' } });
    await store.replicate(name, [{ region: endpoint.otherRegion }]);
    await eventually(() => replicaStore.describe(name));

    const promoted = await replicaStore.stopReplication(name);
    assert.match(promoted.arn, new RegExp(`:${endpoint.otherRegion}:`));
    // API reference, StopReplicationToReplica: the replica becomes a standalone primary in its Region.
    const standalone = await eventually(async () => {
      const d = await replicaStore.describe(name);
      assert.notEqual(d.primaryRegion, endpoint.region);
      return d;
    });
    assert.equal(standalone.primaryRegion ?? endpoint.otherRegion, endpoint.otherRegion);
    await replicaStore.putValue(name, { text: 'standalone-now' });
    assert.deepEqual((await store.describe(name)).replication ?? [], []);
    // Nothing left to remove, but the cleanup must not find a replication to undo.
    await endpoint
      .secretsManager()
      .send(new RemoveRegionsFromReplicationCommand({ SecretId: name, RemoveReplicaRegions: [endpoint.otherRegion] }))
      .catch(() => undefined);
  });
});
