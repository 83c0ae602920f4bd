/**
 * Database credentials as the AWS console stores them: the JSON structure the Secrets Manager
 * rotation function templates expect ("JSON structure of AWS Secrets Manager secrets" in the
 * user guide), and the rotation strategies and templates that fit each engine. VS Code-free.
 */
import { DATABASE_TAGS } from '../aws/items';
import type { DatabaseSummary, Tag } from '../aws/types';

/** The secret types of the Create Secret wizard's first step that hold database credentials. */
export type DatabaseSecretType = 'rds' | 'redshift' | 'docdb' | 'database';

/** The `engine` values of the documented structures. */
export type SecretEngine = 'mariadb' | 'mysql' | 'postgres' | 'oracle' | 'sqlserver' | 'db2' | 'redshift' | 'mongo';

/** The engines a user can pick for RDS / Aurora and for another database, with their default ports. */
export const ENGINES: readonly { engine: SecretEngine; label: string; port: number }[] = [
  { engine: 'mysql', label: 'MySQL (also Aurora MySQL)', port: 3306 },
  { engine: 'postgres', label: 'PostgreSQL (also Aurora PostgreSQL)', port: 5432 },
  { engine: 'mariadb', label: 'MariaDB', port: 3306 },
  { engine: 'oracle', label: 'Oracle', port: 1521 },
  { engine: 'sqlserver', label: 'Microsoft SQL Server', port: 1433 },
  { engine: 'db2', label: 'IBM Db2', port: 50000 },
];

export function defaultPort(engine: SecretEngine): number {
  if (engine === 'redshift') return 5439;
  if (engine === 'mongo') return 27017;
  return ENGINES.find((e) => e.engine === engine)?.port ?? 3306;
}

/** The secret's `engine` for an RDS engine name: `aurora-postgresql` → `postgres`, `oracle-ee` → `oracle`, `docdb` → `mongo`. */
export function secretEngineOf(rdsEngine: string): SecretEngine | undefined {
  if (rdsEngine === 'docdb') return 'mongo';
  if (/^(aurora-)?postgres/.test(rdsEngine)) return 'postgres';
  if (/^(aurora-mysql|aurora|mysql)$/.test(rdsEngine)) return 'mysql';
  if (rdsEngine === 'mariadb') return 'mariadb';
  if (rdsEngine.startsWith('oracle')) return 'oracle';
  if (rdsEngine.startsWith('sqlserver')) return 'sqlserver';
  if (rdsEngine.startsWith('db2')) return 'db2';
  return undefined;
}

/** Which of the region's databases a secret type can be for: DocumentDB clusters for DocumentDB, the RDS engines for RDS / Aurora. */
export function databasesFor(type: 'rds' | 'docdb', databases: readonly DatabaseSummary[]): DatabaseSummary[] {
  return databases.filter((db) => {
    const engine = secretEngineOf(db.engine);
    return type === 'docdb' ? engine === 'mongo' : engine !== undefined && engine !== 'mongo';
  });
}

export interface DatabaseCredentials {
  readonly engine: SecretEngine;
  readonly host: string;
  readonly username: string;
  readonly password: string;
  readonly dbname?: string;
  readonly port: number;
  /** Set when the database was picked from the region's instances and clusters. */
  readonly database?: Pick<DatabaseSummary, 'kind' | 'identifier'>;
}

/**
 * The secret's text, keys in the documented order: engine, host, username, password, dbname,
 * port (a number), then dbInstanceIdentifier or dbClusterIdentifier, which the console needs to
 * configure rotation. An empty dbname is left out ("if not specified, defaults to None").
 */
export function credentialsJson(credentials: DatabaseCredentials): string {
  const { engine, host, username, password, dbname, port, database } = credentials;
  return JSON.stringify({
    engine,
    host,
    username,
    password,
    ...(dbname ? { dbname } : {}),
    port,
    ...(database ? { [database.kind === 'instance' ? 'dbInstanceIdentifier' : 'dbClusterIdentifier']: database.identifier } : {}),
  });
}

/** The tags that let the tree name the database and engine without reading the value. */
export function databaseTags(credentials: Pick<DatabaseCredentials, 'engine' | 'host' | 'database'>): Tag[] {
  return [
    { key: DATABASE_TAGS.engine, value: credentials.engine },
    { key: DATABASE_TAGS.database, value: (credentials.database?.identifier ?? credentials.host).slice(0, 256) },
  ];
}

/** Characters RDS does not allow in a master password (/, ', ", @ and space), left out of generated ones; \ too, for connection strings. */
export const PASSWORD_EXCLUDED = '/\'"@ \\';

/** The Lambda rotation function templates' engine names: SecretsManagerRDSPostgreSQLRotationSingleUser… */
const TEMPLATE_ENGINES: Record<SecretEngine, string> = {
  mariadb: 'RDSMariaDB',
  mysql: 'RDSMySQL',
  postgres: 'RDSPostgreSQL',
  oracle: 'RDSOracle',
  sqlserver: 'RDSSQLServer',
  db2: 'RDSDb2',
  redshift: 'Redshift',
  mongo: 'MongoDB',
};

export type RotationStrategy = 'single' | 'alternating';

/** The template that rotates credentials of `engine` with `strategy` ("Rotation function templates" in the user guide). */
export function rotationTemplate(engine: SecretEngine, strategy: RotationStrategy): string {
  return `SecretsManager${TEMPLATE_ENGINES[engine]}Rotation${strategy === 'single' ? 'SingleUser' : 'MultiUser'}`;
}

/** Whether a Lambda function looks like a rotation function for this engine and strategy, by its name or description. */
export function fitsRotation(fn: { name: string; description?: string }, engine: SecretEngine, strategy: RotationStrategy): boolean {
  const text = `${fn.name} ${fn.description ?? ''}`.toLowerCase();
  const engineWords: Record<SecretEngine, RegExp> = {
    mariadb: /mariadb/,
    mysql: /mysql/,
    postgres: /postgre/,
    oracle: /oracle/,
    sqlserver: /sql ?server|mssql/,
    db2: /db2/,
    redshift: /redshift/,
    mongo: /mongo|docdb|documentdb/,
  };
  if (text.includes(rotationTemplate(engine, strategy).toLowerCase())) return true;
  const alternating = /multi|alternat/.test(text);
  return /rotat/.test(text) && engineWords[engine].test(text) && alternating === (strategy === 'alternating');
}

export function isSecretEngine(value: string | undefined): value is SecretEngine {
  return value !== undefined && value in TEMPLATE_ENGINES;
}
