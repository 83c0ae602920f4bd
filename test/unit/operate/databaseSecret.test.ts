import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { databaseOf, managedRefusal } from '../../../src/aws/items';
import {
  credentialsJson,
  databasesFor,
  databaseTags,
  defaultPort,
  fitsRotation,
  PASSWORD_EXCLUDED,
  rotationTemplate,
  secretEngineOf,
} from '../../../src/operate/databaseSecret';

describe('database credentials secrets', () => {
  it('writes the JSON structure of the user guide: engine, host, username, password, dbname, port, then the identifier', () => {
    assert.equal(
      credentialsJson({
        engine: 'postgres',
        host: 'db.example.com',
        username: 'app',
        password: 'p"w',
        dbname: 'orders',
        port: 5432,
        database: { kind: 'instance', identifier: 'orders-db' },
      }),
      '{"engine":"postgres","host":"db.example.com","username":"app","password":"p\\"w","dbname":"orders","port":5432,"dbInstanceIdentifier":"orders-db"}',
    );
    assert.equal(
      credentialsJson({ engine: 'mongo', host: 'h', username: 'u', password: 'p', port: 27017, database: { kind: 'cluster', identifier: 'docs' } }),
      '{"engine":"mongo","host":"h","username":"u","password":"p","port":27017,"dbClusterIdentifier":"docs"}',
      'no dbname when none was given',
    );
  });

  it('maps RDS engine names to the secret engines and ports the rotation templates use', () => {
    const cases: [string, string | undefined][] = [
      ['postgres', 'postgres'],
      ['aurora-postgresql', 'postgres'],
      ['mysql', 'mysql'],
      ['aurora-mysql', 'mysql'],
      ['mariadb', 'mariadb'],
      ['oracle-ee', 'oracle'],
      ['sqlserver-se', 'sqlserver'],
      ['db2-se', 'db2'],
      ['docdb', 'mongo'],
      ['neptune', undefined],
    ];
    for (const [rds, engine] of cases) assert.equal(secretEngineOf(rds), engine, rds);
    assert.deepEqual(
      ['mysql', 'postgres', 'oracle', 'sqlserver', 'redshift', 'mongo'].map((e) => defaultPort(e as never)),
      [3306, 5432, 1521, 1433, 5439, 27017],
    );
    const all = [
      { kind: 'instance' as const, identifier: 'pg', engine: 'postgres' },
      { kind: 'cluster' as const, identifier: 'docs', engine: 'docdb' },
      { kind: 'cluster' as const, identifier: 'graph', engine: 'neptune' },
    ];
    assert.deepEqual(
      databasesFor('rds', all).map((d) => d.identifier),
      ['pg'],
    );
    assert.deepEqual(
      databasesFor('docdb', all).map((d) => d.identifier),
      ['docs'],
    );
  });

  it('names the rotation templates and recognises functions made from them', () => {
    assert.equal(rotationTemplate('postgres', 'single'), 'SecretsManagerRDSPostgreSQLRotationSingleUser');
    assert.equal(rotationTemplate('mongo', 'alternating'), 'SecretsManagerMongoDBRotationMultiUser');
    assert.equal(rotationTemplate('redshift', 'single'), 'SecretsManagerRedshiftRotationSingleUser');
    assert.ok(fitsRotation({ name: 'SecretsManagerRotation-postgres', description: 'Rotates PostgreSQL credentials (single user)' }, 'postgres', 'single'));
    assert.ok(
      !fitsRotation({ name: 'SecretsManagerRotation-postgres', description: 'Rotates PostgreSQL credentials (single user)' }, 'postgres', 'alternating'),
    );
    assert.ok(fitsRotation({ name: 'my-SecretsManagerRDSMySQLRotationMultiUser-fn' }, 'mysql', 'alternating'));
    assert.ok(!fitsRotation({ name: 'orders-api' }, 'mysql', 'single'));
  });

  it('tags the secret with its database and engine, which the tree reads back', () => {
    const tags = databaseTags({ engine: 'postgres', host: 'h', database: { kind: 'instance', identifier: 'payments-db' } });
    assert.deepEqual(databaseOf({ tags }), { database: 'payments-db', engine: 'postgres' });
    assert.deepEqual(databaseOf({ tags: databaseTags({ engine: 'mysql', host: 'db.example.com' }) }), { database: 'db.example.com', engine: 'mysql' });
    assert.deepEqual(databaseOf({ tags: [{ key: 'aws:rds:primaryDBClusterArn', value: 'arn:aws:rds:eu-west-1:123456789012:cluster:analytics' }] }), {
      database: 'RDS DB cluster analytics',
    });
    assert.equal(databaseOf({ tags: [{ key: 'team', value: 'x' }] }), undefined);
  });

  it('leaves out of generated passwords the characters RDS refuses', () => {
    for (const c of ['/', "'", '"', '@', ' ']) assert.ok(PASSWORD_EXCLUDED.includes(c), c);
  });

  it('says where to change a secret another service manages', () => {
    const rds = managedRefusal(
      'rds!db-1',
      { owningService: 'rds', tags: [{ key: 'aws:rds:primaryDBInstanceArn', value: 'arn:aws:rds:us-east-1:123456789012:db:payments-db' }] },
      'Editing its value',
    );
    assert.match(rds, /^rds!db-1 is managed by Amazon RDS: Editing its value is done in RDS/);
    assert.match(rds, /aws rds modify-db-instance --db-instance-identifier payments-db --rotate-master-user-password --apply-immediately/);
    const cluster = managedRefusal(
      'rds!cluster-1',
      { owningService: 'rds', tags: [{ key: 'aws:rds:primaryDBClusterArn', value: 'arn:aws:rds:us-east-1:123456789012:cluster:analytics' }] },
      'Rotating it',
    );
    assert.match(cluster, /aws rds modify-db-cluster --db-cluster-identifier analytics --rotate-master-user-password/);
    assert.match(
      managedRefusal('x', { owningService: 'ecs-sc', tags: [] }, 'Deleting it'),
      /managed by Amazon ECS Service Connect: Deleting it is done in ECS Service Connect/,
    );
    assert.match(managedRefusal('x', { owningService: 'newservice', tags: [] }, 'Deleting it'), /managed by newservice/);
  });
});
