/**
 * The extension's DatabaseStore (src/aws/rdsDatabaseStore.ts): the region's RDS DB instances
 * and Aurora / DocumentDB clusters the Create Secret wizard offers, read with DescribeDBInstances
 * and DescribeDBClusters. Against the bundled emulator or a local TEST_AWS_ENDPOINT (LocalStack,
 * moto) the test creates an instance and a cluster first; against real AWS (TEST_AWS_ENDPOINT=aws)
 * it creates nothing (databases cost money) and compares with what is there.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  CreateDBClusterCommand,
  CreateDBInstanceCommand,
  DeleteDBClusterCommand,
  DeleteDBInstanceCommand,
  DescribeDBClustersCommand,
  DescribeDBInstancesCommand,
  type RDSClient,
} from '@aws-sdk/client-rds';
import type { DatabaseStore } from '../../src/aws/types';
import { openTestEndpoint, RUN_ID, type TestEndpoint } from './endpoint';
import { openRuntime, PROFILE, type RuntimeFixture } from './runtimeFixture';

describe('DatabaseStore', () => {
  let ep: TestEndpoint;
  let fixture: RuntimeFixture;
  let store: DatabaseStore;
  let rds: RDSClient;
  const created = { instance: `asl-${RUN_ID}-pg`, cluster: `asl-${RUN_ID}-aurora`, member: `asl-${RUN_ID}-aurora-1` };
  const local = () => ep.endpoint !== undefined;

  before(async () => {
    ep = await openTestEndpoint();
    fixture = await openRuntime(ep);
    store = await fixture.runtime.databases(PROFILE, ep.region);
    rds = ep.rds();
    if (!local()) return;
    await rds.send(
      new CreateDBInstanceCommand({
        DBInstanceIdentifier: created.instance,
        Engine: 'postgres',
        DBInstanceClass: 'db.t4g.micro',
        AllocatedStorage: 20,
        MasterUsername: 'app_admin',
        MasterUserPassword: 'not-a-real-password-1',
        DBName: 'appdb',
      }),
    );
    await rds.send(
      new CreateDBClusterCommand({
        DBClusterIdentifier: created.cluster,
        Engine: 'aurora-postgresql',
        MasterUsername: 'analytics_admin',
        MasterUserPassword: 'not-a-real-password-2',
        DatabaseName: 'analytics',
      }),
    );
    await rds.send(
      new CreateDBInstanceCommand({
        DBInstanceIdentifier: created.member,
        Engine: 'aurora-postgresql',
        DBInstanceClass: 'db.r6g.large',
        DBClusterIdentifier: created.cluster,
      }),
    );
  });

  after(async () => {
    if (local()) {
      await rds.send(new DeleteDBInstanceCommand({ DBInstanceIdentifier: created.member, SkipFinalSnapshot: true })).catch(() => undefined);
      await rds.send(new DeleteDBInstanceCommand({ DBInstanceIdentifier: created.instance, SkipFinalSnapshot: true })).catch(() => undefined);
      await rds.send(new DeleteDBClusterCommand({ DBClusterIdentifier: created.cluster, SkipFinalSnapshot: true })).catch(() => undefined);
    }
    await fixture.close();
    await ep.close();
  });

  it('lists every cluster and every instance outside a cluster, with the endpoint RDS reports', async () => {
    const databases = await store.listDatabases();
    const instances = (await rds.send(new DescribeDBInstancesCommand({}))).DBInstances ?? [];
    const clusters = (await rds.send(new DescribeDBClustersCommand({}))).DBClusters ?? [];
    assert.deepEqual(
      databases.map((d) => `${d.kind}:${d.identifier}`).sort(),
      [
        ...clusters.map((c) => `cluster:${c.DBClusterIdentifier}`),
        ...instances.filter((i) => !i.DBClusterIdentifier).map((i) => `instance:${i.DBInstanceIdentifier}`),
      ].sort(),
    );
    for (const db of databases.filter((d) => d.kind === 'instance')) {
      const raw = instances.find((i) => i.DBInstanceIdentifier === db.identifier)!;
      assert.deepEqual(
        [db.engine, db.host, db.port, db.dbName, db.masterUsername],
        [raw.Engine, raw.Endpoint?.Address, raw.Endpoint?.Port, raw.DBName, raw.MasterUsername],
      );
    }
    for (const db of databases.filter((d) => d.kind === 'cluster')) {
      const raw = clusters.find((c) => c.DBClusterIdentifier === db.identifier)!;
      assert.deepEqual([db.engine, db.host, db.port, db.dbName, db.masterUsername], [raw.Engine, raw.Endpoint, raw.Port, raw.DatabaseName, raw.MasterUsername]);
    }
    if (local()) {
      const instance = databases.find((d) => d.identifier === created.instance);
      assert.deepEqual([instance?.kind, instance?.engine, instance?.dbName, instance?.masterUsername], ['instance', 'postgres', 'appdb', 'app_admin']);
      assert.ok(instance?.host && instance.port, 'an endpoint');
      const cluster = databases.find((d) => d.identifier === created.cluster);
      assert.deepEqual([cluster?.kind, cluster?.engine, cluster?.dbName], ['cluster', 'aurora-postgresql', 'analytics']);
      assert.ok(!databases.some((d) => d.identifier === created.member), 'the cluster member is reached through its cluster');
    }
  });
});
