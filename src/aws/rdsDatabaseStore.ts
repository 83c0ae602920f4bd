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

  private instances(options?: CallOptions): Promise<DBInstance[]> {
    return this.all('DescribeDBInstances', options, async (marker, abortSignal) => {
      const response = await this.client.send(new DescribeDBInstancesCommand({ MaxRecords: MAX_RECORDS, Marker: marker }), { abortSignal });
      return { items: response.DBInstances ?? [], marker: response.Marker };
    });
  }

  private clusters(options?: CallOptions): Promise<DBCluster[]> {
    return this.all('DescribeDBClusters', options, async (marker, abortSignal) => {
      const response = await this.client.send(new DescribeDBClustersCommand({ MaxRecords: MAX_RECORDS, Marker: marker }), { abortSignal });
      return { items: response.DBClusters ?? [], marker: response.Marker };
    });
  }

  /** Every page of a listing, following Marker until there is none. */
  private async all<T>(
    operation: string,
    options: CallOptions | undefined,
    page: (marker: string | undefined, abortSignal: AbortSignal | undefined) => Promise<{ items: T[]; marker?: string }>,
  ): Promise<T[]> {
    const items: T[] = [];
    let marker: string | undefined;
    do {
      const response = await callAws(this.context, this.logger, { operation }, options, (abortSignal) => page(marker, abortSignal));
      items.push(...response.items);
      marker = nextTokenOf(response.marker, marker);
    } while (marker);
    return items;
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
