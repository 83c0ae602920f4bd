/**
 * Amazon RDS (AWS Query protocol, API version 2014-10-31): the DB instances and clusters the
 * Create Secret wizard offers, following the RDS API Reference — DescribeDBInstances,
 * DescribeDBClusters (which also lists DocumentDB clusters), and CreateDBInstance /
 * CreateDBCluster with ManageMasterUserPassword, which creates the master user secret that RDS
 * owns in Secrets Manager (name `rds!db-…` / `rds!cluster-…`, OwningService `rds`, managed
 * rotation every 7 days).
 */
import { randomUUID } from 'node:crypto';
import { randomPassword } from './password';
import { ACCOUNT_ID, AwsError, type RequestContext } from './protocol';
import { type QueryInput, type QueryService, xmlList, type XmlValue } from './queryProtocol';
import { addSecretVersion } from './secretVersions';
import { type DbCluster, type DbInstance, type EmulatorState, type MasterUserSecret, randomArnSuffix, type RegionState, type Secret, secretArn } from './state';

export const RDS_NAMESPACE = 'http://rds.amazonaws.com/doc/2014-10-31/';

/** Each engine's default port (CreateDBInstance › Port). */
export function defaultPort(engine: string): number {
  if (/^(aurora-)?postgres/.test(engine)) return 5432;
  if (/^oracle/.test(engine)) return 1521;
  if (/^sqlserver/.test(engine)) return 1433;
  if (/^db2/.test(engine)) return 50000;
  if (engine === 'docdb') return 27017;
  return 3306;
}

export function dbInstanceArn(region: string, identifier: string): string {
  return `arn:aws:rds:${region}:${ACCOUNT_ID}:db:${identifier}`;
}

export function dbClusterArn(region: string, identifier: string): string {
  return `arn:aws:rds:${region}:${ACCOUNT_ID}:cluster:${identifier}`;
}

/** Instance and cluster identifiers: 1–63 letters, digits or hyphens, starting with a letter, no trailing or double hyphen. */
function validIdentifier(identifier: string, what: string): void {
  if (!/^[A-Za-z](?:[A-Za-z0-9]|-(?!-)){0,62}$/.test(identifier) || identifier.endsWith('-')) {
    throw new AwsError(
      'InvalidParameterValue',
      `The parameter ${what} is not a valid identifier. Identifiers must begin with a letter; must contain only ASCII letters, digits, and hyphens; and must not end with a hyphen or contain two consecutive hyphens.`,
    );
  }
}

/** DescribeDB* › MaxRecords: "Default: 100. Constraints: Minimum 20, maximum 100." */
function maxRecords(input: QueryInput): number {
  const max = input.optInt('MaxRecords') ?? 100;
  if (max < 20 || max > 100) throw new AwsError('InvalidParameterValue', `Invalid value ${max} for MaxRecords. Must be between 20 and 100`);
  return max;
}

/** A page by offset behind an opaque marker (RDS markers are opaque too). */
function page<T>(items: readonly T[], input: QueryInput, listing: string): { items: T[]; marker?: string } {
  const max = maxRecords(input);
  const marker = input.optString('Marker');
  let offset = 0;
  if (marker !== undefined) {
    const decoded = /^(\w+):(\d+)$/.exec(Buffer.from(marker, 'base64url').toString('utf8'));
    if (!decoded || decoded[1] !== listing) throw new AwsError('InvalidParameterValue', 'The marker is not valid.');
    offset = Number(decoded[2]);
  }
  const end = offset + max;
  return { items: items.slice(offset, end), marker: end < items.length ? Buffer.from(`${listing}:${end}`).toString('base64url') : undefined };
}

/** `Filters.Filter.N.Name` / `Values.Value.M`, with the names each operation documents. */
function readFilters(input: QueryInput, allowed: readonly string[]): Map<string, string[]> {
  const filters = new Map<string, string[]>();
  for (const filter of input.objectList('Filters', 'Filter')) {
    const name = filter.string('Name');
    if (!allowed.includes(name)) throw new AwsError('InvalidParameterValue', `Unrecognized filter name: ${name}.`);
    filters.set(name, filter.stringList('Values', 'Value'));
  }
  return filters;
}

function matches(filters: Map<string, string[]>, attributes: Record<string, string | undefined>): boolean {
  return [...filters].every(([name, values]) => values.includes(attributes[name] ?? ''));
}

function secretXml(secret: MasterUserSecret | undefined): XmlValue {
  return secret && { SecretArn: secret.secretArn, SecretStatus: 'active', KmsKeyId: secret.kmsKeyId };
}

function instanceXml(db: DbInstance): XmlValue {
  return {
    DBInstanceIdentifier: db.identifier,
    DBInstanceClass: db.instanceClass,
    Engine: db.engine,
    DBInstanceStatus: 'available',
    MasterUsername: db.masterUsername,
    DBName: db.dbName,
    Endpoint: { Address: db.address, Port: db.port, HostedZoneId: 'Z2R2ITUGPM61AM' },
    InstanceCreateTime: new Date(db.createdTime),
    EngineVersion: db.engineVersion,
    DBClusterIdentifier: db.clusterIdentifier,
    DBInstanceArn: db.arn,
    DbInstancePort: 0,
    MasterUserSecret: secretXml(db.masterUserSecret),
  };
}

function clusterXml(region: RegionState, cluster: DbCluster): XmlValue {
  const members = region.dbInstances.filter((db) => db.clusterIdentifier === cluster.identifier);
  return {
    DBClusterIdentifier: cluster.identifier,
    DatabaseName: cluster.databaseName,
    Status: 'available',
    Endpoint: cluster.endpoint,
    ReaderEndpoint: cluster.readerEndpoint,
    Engine: cluster.engine,
    EngineVersion: cluster.engineVersion,
    Port: cluster.port,
    MasterUsername: cluster.masterUsername,
    DBClusterMembers: xmlList(
      'DBClusterMember',
      members.map((db, index) => ({ DBInstanceIdentifier: db.identifier, IsClusterWriter: index === 0 })),
    ),
    DBClusterArn: cluster.arn,
    ClusterCreateTime: new Date(cluster.createdTime),
    MasterUserSecret: secretXml(cluster.masterUserSecret),
  };
}

/**
 * The secret RDS creates for ManageMasterUserPassword, as the RDS User Guide describes it
 * ("Password management with Amazon RDS and AWS Secrets Manager"): owned by RDS, tagged with the
 * database's ARN, `{"username", "password"}`, rotated by RDS every 7 days.
 */
export function createMasterUserSecret(
  region: RegionState,
  database: { kind: 'instance' | 'cluster'; arn: string; username: string },
  now: number,
  options: { name?: string; kmsKeyId?: string; password?: string } = {},
): MasterUserSecret {
  const name = options.name ?? `rds!${database.kind === 'instance' ? 'db' : 'cluster'}-${randomUUID()}`;
  const arn = secretArn(region.region, name, randomArnSuffix());
  const secret: Secret = {
    name,
    arn,
    description: `Secret associated with primary RDS DB ${database.kind}: ${database.arn}`,
    kmsKeyId: options.kmsKeyId,
    tags: [{ Key: database.kind === 'instance' ? 'aws:rds:primaryDBInstanceArn' : 'aws:rds:primaryDBClusterArn', Value: database.arn }],
    versions: [],
    createdDate: now,
    lastChangedDate: now,
    primaryRegion: region.region,
    owningService: 'rds',
    rotationEnabled: true,
    rotationRules: { AutomaticallyAfterDays: 7 },
    lastRotatedDate: now,
    nextRotationDate: now + 7 * 24 * 60 * 60 * 1000,
  };
  region.secrets.set(name, secret);
  const password = options.password ?? randomPassword({ length: 28, excludeCharacters: '/@"\' \\', excludePunctuation: false });
  addSecretVersion(secret, { secretString: JSON.stringify({ username: database.username, password }) }, randomUUID(), undefined, now);
  return { secretArn: arn, kmsKeyId: options.kmsKeyId ?? `arn:aws:kms:${region.region}:${ACCOUNT_ID}:alias/aws/secretsmanager` };
}

/** The master password options of a Create call: a password, or ManageMasterUserPassword, never both. */
function masterPassword(input: QueryInput): { managed: boolean; kmsKeyId?: string } {
  const managed = input.optBool('ManageMasterUserPassword') ?? false;
  if (managed && input.optString('MasterUserPassword') !== undefined) {
    throw new AwsError('InvalidParameterCombination', "You can't specify MasterUserPassword and ManageMasterUserPassword at the same time.");
  }
  return { managed, kmsKeyId: input.optString('MasterUserSecretKmsKeyId') };
}

function describeDbInstances(state: EmulatorState, input: QueryInput, ctx: RequestContext) {
  const region = state.region(ctx.region);
  const id = input.optString('DBInstanceIdentifier');
  const filters = readFilters(input, ['db-cluster-id', 'db-instance-id', 'dbi-resource-id', 'domain', 'engine']);
  const matching = region.dbInstances.filter(
    (db) =>
      (id === undefined || db.identifier === id) &&
      matches(filters, { 'db-instance-id': db.identifier, 'db-cluster-id': db.clusterIdentifier, engine: db.engine }),
  );
  if (id !== undefined && matching.length === 0) throw new AwsError('DBInstanceNotFound', `DBInstance ${id} not found.`, 404);
  const listed = page(matching, input, 'instances');
  return { DBInstances: xmlList('DBInstance', listed.items.map(instanceXml)), Marker: listed.marker };
}

function describeDbClusters(state: EmulatorState, input: QueryInput, ctx: RequestContext) {
  const region = state.region(ctx.region);
  const id = input.optString('DBClusterIdentifier');
  const filters = readFilters(input, ['clone-group-id', 'db-cluster-id', 'db-cluster-resource-id', 'domain', 'engine']);
  const matching = region.dbClusters.filter(
    (cluster) => (id === undefined || cluster.identifier === id) && matches(filters, { 'db-cluster-id': cluster.identifier, engine: cluster.engine }),
  );
  if (id !== undefined && matching.length === 0) throw new AwsError('DBClusterNotFoundFault', `DBCluster ${id} not found.`, 404);
  const listed = page(matching, input, 'clusters');
  return {
    DBClusters: xmlList(
      'DBCluster',
      listed.items.map((cluster) => clusterXml(region, cluster)),
    ),
    Marker: listed.marker,
  };
}

function createDbInstance(state: EmulatorState, input: QueryInput, ctx: RequestContext) {
  const region = state.region(ctx.region);
  const identifier = input.string('DBInstanceIdentifier').toLowerCase();
  validIdentifier(identifier, 'DBInstanceIdentifier');
  if (region.dbInstances.some((db) => db.identifier === identifier)) throw new AwsError('DBInstanceAlreadyExists', 'DB instance already exists');
  const engine = input.string('Engine');
  const clusterIdentifier = input.optString('DBClusterIdentifier');
  const cluster = clusterIdentifier === undefined ? undefined : region.dbClusters.find((c) => c.identifier === clusterIdentifier);
  if (clusterIdentifier !== undefined && !cluster) throw new AwsError('DBClusterNotFoundFault', `DBCluster ${clusterIdentifier} not found.`, 404);
  const password = masterPassword(input);
  const masterUsername = cluster?.masterUsername ?? input.string('MasterUsername');
  const db: DbInstance = {
    identifier,
    arn: dbInstanceArn(ctx.region, identifier),
    engine,
    engineVersion: input.optString('EngineVersion') ?? (engine.startsWith('postgres') ? '16.3' : '8.0.36'),
    instanceClass: input.string('DBInstanceClass'),
    masterUsername,
    dbName: input.optString('DBName'),
    address: `${identifier}.cdemo${ACCOUNT_ID.slice(0, 6)}.${ctx.region}.rds.amazonaws.com`,
    port: input.optInt('Port') ?? cluster?.port ?? defaultPort(engine),
    clusterIdentifier: cluster?.identifier,
    createdTime: ctx.now,
  };
  if (password.managed && !cluster) {
    db.masterUserSecret = createMasterUserSecret(region, { kind: 'instance', arn: db.arn, username: masterUsername }, ctx.now, { kmsKeyId: password.kmsKeyId });
  }
  region.dbInstances.push(db);
  return { DBInstance: instanceXml(db) };
}

function createDbCluster(state: EmulatorState, input: QueryInput, ctx: RequestContext) {
  const region = state.region(ctx.region);
  const identifier = input.string('DBClusterIdentifier').toLowerCase();
  validIdentifier(identifier, 'DBClusterIdentifier');
  if (region.dbClusters.some((c) => c.identifier === identifier)) throw new AwsError('DBClusterAlreadyExistsFault', 'DB Cluster already exists');
  const engine = input.string('Engine');
  const password = masterPassword(input);
  const masterUsername = input.string('MasterUsername');
  const host = `${identifier}.cluster-cdemo${ACCOUNT_ID.slice(0, 6)}.${ctx.region}.${engine === 'docdb' ? 'docdb' : 'rds'}.amazonaws.com`;
  const cluster: DbCluster = {
    identifier,
    arn: dbClusterArn(ctx.region, identifier),
    engine,
    engineVersion: input.optString('EngineVersion') ?? (engine === 'docdb' ? '5.0.0' : engine.includes('postgres') ? '16.2' : '8.0.mysql_aurora.3.05.2'),
    masterUsername,
    databaseName: input.optString('DatabaseName'),
    endpoint: host,
    readerEndpoint: host.replace('.cluster-', '.cluster-ro-'),
    port: input.optInt('Port') ?? defaultPort(engine),
    createdTime: ctx.now,
  };
  if (password.managed) {
    cluster.masterUserSecret = createMasterUserSecret(region, { kind: 'cluster', arn: cluster.arn, username: masterUsername }, ctx.now, {
      kmsKeyId: password.kmsKeyId,
    });
  }
  region.dbClusters.push(cluster);
  return { DBCluster: clusterXml(region, cluster) };
}

/** DeleteDBInstance / DeleteDBCluster, at once (AWS takes minutes); the master user secret RDS owns goes with it. */
function deleteDatabase(state: EmulatorState, input: QueryInput, ctx: RequestContext, kind: 'instance' | 'cluster') {
  const region = state.region(ctx.region);
  const list: (DbInstance | DbCluster)[] = kind === 'instance' ? region.dbInstances : region.dbClusters;
  const identifier = input.string(kind === 'instance' ? 'DBInstanceIdentifier' : 'DBClusterIdentifier');
  const index = list.findIndex((db) => db.identifier === identifier);
  if (index < 0) {
    throw kind === 'instance'
      ? new AwsError('DBInstanceNotFound', `DBInstance ${identifier} not found.`, 404)
      : new AwsError('DBClusterNotFoundFault', `DBCluster ${identifier} not found.`, 404);
  }
  const [removed] = list.splice(index, 1);
  const secret = [...region.secrets.values()].find((candidate) => candidate.arn === removed!.masterUserSecret?.secretArn);
  if (secret) region.secrets.delete(secret.name);
  return kind === 'instance' ? { DBInstance: instanceXml(removed as DbInstance) } : { DBCluster: clusterXml(region, removed as DbCluster) };
}

export function rdsService(state: EmulatorState): QueryService {
  return {
    namespace: RDS_NAMESPACE,
    handlers: {
      DescribeDBInstances: (input, ctx) => describeDbInstances(state, input, ctx),
      DescribeDBClusters: (input, ctx) => describeDbClusters(state, input, ctx),
      CreateDBInstance: (input, ctx) => createDbInstance(state, input, ctx),
      CreateDBCluster: (input, ctx) => createDbCluster(state, input, ctx),
      DeleteDBInstance: (input, ctx) => deleteDatabase(state, input, ctx, 'instance'),
      DeleteDBCluster: (input, ctx) => deleteDatabase(state, input, ctx, 'cluster'),
    },
  };
}
