// Database credentials, as the AWS console offers them: the Create Secret wizard's first step,
// a database picked from the region's RDS instances and clusters (DescribeDBInstances /
// DescribeDBClusters, answered by the emulator), the JSON structure the rotation functions
// expect ("JSON structure of AWS Secrets Manager secrets"), a generated password, the tree's
// tooltip naming the database and engine, and Configure Rotation suggesting a strategy.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DEMO_SEED } from '../../emulator';
import { describeSecret, secretText } from './awsCheck';
import { asUser } from './scriptedUser';
import { explorer, plainText, secretNode } from './tree';

const run = Date.now().toString(36);
const payments = DEMO_SEED['us-east-1'].databases.find((db) => db.identifier === 'payments-db')!;

/** What the wizard asks after the type, name and database, when every prefilled answer is accepted and the password generated. */
const ACCEPT_CONNECTION_AND_GENERATE = [
  { accept: true, title: /Host name or endpoint/ },
  { accept: true, title: /Port/ },
  { accept: true, title: /Database name/ },
  { accept: true, title: /User name/ },
  { pick: 'Generate a password', title: /Password/ },
  { pick: 'alias/aws/secretsmanager' },
  { input: '' },
  { accept: true, title: /Tags/ },
] as const;

async function stored(name: string): Promise<Record<string, unknown>> {
  return JSON.parse((await secretText(name)) ?? '{}') as Record<string, unknown>;
}

describe('database credentials', () => {
  it('creates RDS credentials from a DB instance of the region, with the keys rotation functions expect', async () => {
    const name = `qa-${run}/payments-db-app`;
    const user = await asUser(
      [
        { pick: 'Credentials for Amazon RDS or Aurora', title: /Secret type/ },
        { input: name, title: /Secret name/ },
        { pick: 'payments-db', title: /DB instance or cluster in us-east-1/ },
        ...ACCEPT_CONNECTION_AND_GENERATE,
      ],
      () => vscode.commands.executeCommand('awsSecrets.createSecret'),
    );
    // The list offers the instances and Aurora clusters, not the DocumentDB cluster.
    const offered = user.shown.map((s) => s.text);
    assert.ok(offered.some((t) => t.startsWith('analytics-aurora aurora-postgresql')));
    assert.ok(!offered.some((t) => t.startsWith('catalog-docdb')));

    const text = (await secretText(name)) ?? '';
    const value = JSON.parse(text) as Record<string, unknown>;
    assert.deepEqual(Object.keys(value), ['engine', 'host', 'username', 'password', 'dbname', 'port', 'dbInstanceIdentifier']);
    assert.equal(value.engine, 'postgres');
    assert.match(String(value.host), /^payments-db\..*\.us-east-1\.rds\.amazonaws\.com$/);
    assert.equal(value.username, payments.masterUsername);
    assert.equal(value.dbname, payments.dbName);
    assert.equal(value.port, payments.port, 'the port is a number');
    assert.equal(value.dbInstanceIdentifier, 'payments-db');
    assert.match(String(value.password), /^[^/'"@ \\]{32}$/, 'a generated password without the characters RDS refuses');
    assert.ok(!offered.some((t) => t.includes(String(value.password))), 'the password is never shown');

    const tags = (await describeSecret(name)).Tags ?? [];
    assert.deepEqual(
      tags.map((t) => [t.Key, t.Value]),
      [
        ['secrets-lens:engine', 'postgres'],
        ['secrets-lens:database', 'payments-db'],
      ],
    );
    const provider = await explorer();
    const tooltip = plainText(provider.getTreeItem(await secretNode(provider, name)).tooltip as vscode.MarkdownString);
    assert.match(tooltip, /Database: payments-db \(postgres\)/);
  });

  it('creates DocumentDB credentials from a DocumentDB cluster, and Aurora ones from a cluster', async () => {
    const docdb = `qa-${run}/catalog-docdb`;
    await asUser(
      [
        { pick: 'Credentials for Amazon DocumentDB' },
        { input: docdb },
        { pick: 'catalog-docdb', title: /DocumentDB cluster in us-east-1/ },
        { accept: true },
        { accept: true },
        { input: 'catalog' },
        { accept: true },
        { pick: 'Generate a password' },
        { pick: 'alias/aws/secretsmanager' },
        { input: '' },
        { accept: true },
      ],
      () => vscode.commands.executeCommand('awsSecrets.createSecret'),
    );
    const mongo = await stored(docdb);
    assert.deepEqual(
      [mongo.engine, mongo.port, mongo.dbname, mongo.username, mongo.dbClusterIdentifier],
      ['mongo', 27017, 'catalog', 'catalog_admin', 'catalog-docdb'],
    );
    assert.match(String(mongo.host), /^catalog-docdb\.cluster-.*\.docdb\.amazonaws\.com$/);

    const aurora = `qa-${run}/analytics`;
    await asUser([{ pick: 'Credentials for Amazon RDS or Aurora' }, { input: aurora }, { pick: 'analytics-aurora' }, ...ACCEPT_CONNECTION_AND_GENERATE], () =>
      vscode.commands.executeCommand('awsSecrets.createSecret'),
    );
    const cluster = await stored(aurora);
    assert.deepEqual([cluster.engine, cluster.port, cluster.dbname, cluster.dbClusterIdentifier], ['postgres', 5432, 'analytics', 'analytics-aurora']);
    assert.equal(cluster.dbInstanceIdentifier, undefined);
  });

  it('creates credentials for another database from typed details and a typed password', async () => {
    const name = `qa-${run}/legacy-mysql`;
    await asUser(
      [
        { pick: 'Credentials for another database' },
        { input: name },
        { pick: 'MySQL (also Aurora MySQL)', title: /Database engine/ },
        { input: 'legacy.db.example.internal', title: /Host name/ },
        { accept: true, title: /Port/ },
        { input: '', title: /Database name \(optional\)/ },
        { input: 'reporting', title: /User name/ },
        { pick: 'Type the current password' },
        { input: 'typed-Pa55-word', title: /Password of reporting/ },
        { pick: 'alias/aws/secretsmanager' },
        { input: '' },
        { accept: true },
      ],
      () => vscode.commands.executeCommand('awsSecrets.createSecret'),
    );
    assert.equal(
      await secretText(name),
      JSON.stringify({ engine: 'mysql', host: 'legacy.db.example.internal', username: 'reporting', password: 'typed-Pa55-word', port: 3306 }),
    );
  });

  it('suggests the single-user strategy and the matching rotation function when configuring rotation', async () => {
    const name = `qa-${run}/rotated-db`;
    await asUser([{ pick: 'Credentials for Amazon RDS or Aurora' }, { input: name }, { pick: 'payments-db' }, ...ACCEPT_CONNECTION_AND_GENERATE], () =>
      vscode.commands.executeCommand('awsSecrets.createSecret'),
    );
    const provider = await explorer();
    const user = await asUser(
      [
        { pick: 'Single user', title: /Rotation strategy/ },
        { accept: true, title: /SecretsManagerRDSPostgreSQLRotationSingleUser template/ },
        { pick: 'Every N days' },
        { input: '30' },
        { pick: 'Only on schedule' },
      ],
      async () => vscode.commands.executeCommand('awsSecrets.configureRotation', await secretNode(provider, name)),
    );
    assert.ok(user.shown.some((s) => s.text.startsWith('Single user suggested · template SecretsManagerRDSPostgreSQLRotationSingleUser')));
    assert.ok(user.shown.some((s) => /^Alternating users .*SecretsManagerRDSPostgreSQLRotationMultiUser.*masterarn/.test(s.text)));
    const described = await describeSecret(name);
    assert.equal(
      described.RotationLambdaARN,
      'arn:aws:lambda:us-east-1:123456789012:function:SecretsManagerRotation-postgres',
      'the matching function was suggested',
    );
    assert.equal(described.RotationRules?.AutomaticallyAfterDays, 30);
  });
});
