import { DescribeDBClustersCommand, DescribeDBInstancesCommand, type DBCluster, type DBInstance, type RDSClient } from '@aws-sdk/client-rds';
import { callAws, nextTokenOf, type StoreContext } from './call';
import type { CallOptions, DatabaseStore, DatabaseSummary, Logger } from './types';

/** DescribeDBInstances / DescribeDBClusters accept 20–100 records per call. */
const MAX_RECORDS = 100;

/** The databases a credentials secret can be for, from RDS (which also answers for DocumentDB clusters). */
export class RdsDatabaseStore implements DatabaseStore {
  constructor(
    private readonly client: RDSClient,
    private readonly context: StoreContext,
    private readonly logger: Logger,
  ) {}

  async listDatabases(options?: CallOptions): Promise<DatabaseSummary[]> {
    const [instances, clusters] = await Promise.all([this.instances(options), this.clusters(options)]);
    // An instance of an Aurora or DocumentDB cluster is reached through its cluster.
    return [...clusters.map(clusterSummary), ...instances.filter((db) => !db.DBClusterIdentifier).map(instanceSummary)].sort((a, b) =>
      a.identifier.localeCompare(b.identifier),
    );
  }

  private async instances(options?: CallOptions): Promise<DBInstance[]> {
    const all: DBInstance[] = [];
    let marker: string | undefined;
    do {
      const response = await callAws(this.context, this.logger, { operation: 'DescribeDBInstances' }, options, (abortSignal) =>
        this.client.send(new DescribeDBInstancesCommand({ MaxRecords: MAX_RECORDS, Marker: marker }), { abortSignal }),
      );
      all.push(...(response.DBInstances ?? []));
      marker = nextTokenOf(response.Marker, marker);
    } while (marker);
    return all;
  }

  private async clusters(options?: CallOptions): Promise<DBCluster[]> {
    const all: DBCluster[] = [];
    let marker: string | undefined;
    do {
      const response = await callAws(this.context, this.logger, { operation: 'DescribeDBClusters' }, options, (abortSignal) =>
        this.client.send(new DescribeDBClustersCommand({ MaxRecords: MAX_RECORDS, Marker: marker }), { abortSignal }),
      );
      all.push(...(response.DBClusters ?? []));
      marker = nextTokenOf(response.Marker, marker);
    } while (marker);
    return all;
  }
}

function instanceSummary(db: DBInstance): DatabaseSummary {
  return {
    kind: 'instance',
    identifier: db.DBInstanceIdentifier ?? '',
    arn: db.DBInstanceArn,
    engine: db.Engine ?? '',
    engineVersion: db.EngineVersion,
    host: db.Endpoint?.Address,
    port: db.Endpoint?.Port,
    dbName: db.DBName,
    masterUsername: db.MasterUsername,
    masterUserSecretArn: db.MasterUserSecret?.SecretArn,
  };
}

function clusterSummary(cluster: DBCluster): DatabaseSummary {
  return {
    kind: 'cluster',
    identifier: cluster.DBClusterIdentifier ?? '',
    arn: cluster.DBClusterArn,
    engine: cluster.Engine ?? '',
    engineVersion: cluster.EngineVersion,
    host: cluster.Endpoint,
    port: cluster.Port,
    dbName: cluster.DatabaseName,
    masterUsername: cluster.MasterUsername,
    masterUserSecretArn: cluster.MasterUserSecret?.SecretArn,
  };
}
