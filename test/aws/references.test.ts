/**
 * Resolving a references file with the extension's AWS layer, against the bundled emulator or
 * any TEST_AWS_ENDPOINT: exact values, batched reads (Secrets Manager API Reference,
 * BatchGetSecretValue: at most 20 ids; Systems Manager API Reference, GetParameters: at most
 * 10 names), each secret read once, and failures that name the reference and its line.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CreateSecretCommand } from '@aws-sdk/client-secrets-manager';
import { PutParameterCommand } from '@aws-sdk/client-ssm';
import { parseReferencesFile, resolveReferencesFile, ResolveError } from '../../src/references';
import { Cleanup, external, openTestEndpoint, uniquePrefix, type TestEndpoint } from './endpoint';
import { openRuntime, PROFILE, type RuntimeFixture } from './runtimeFixture';
import { AWKWARD } from './values';

describe('resolving references files', () => {
  let endpoint: TestEndpoint;
  let fixture: RuntimeFixture;
  let cleanup: Cleanup;
  let prefix: string;

  const calls = (operation: string) => fixture.logLines.filter((line) => line.startsWith(`trace → ${operation}`)).length;
  const resolve = (text: string, region = endpoint.region) =>
    resolveReferencesFile(parseReferencesFile(text), { aws: fixture.runtime, profile: PROFILE, region });

  before(async () => {
    endpoint = await openTestEndpoint();
    fixture = await openRuntime(endpoint);
    cleanup = new Cleanup(endpoint);
    prefix = uniquePrefix('refs');
    const sm = endpoint.secretsManager();
    const ssm = endpoint.ssm();
    await sm.send(
      new CreateSecretCommand({ Name: cleanup.secret(`${prefix}/db`), SecretString: JSON.stringify({ username: 'app', password: AWKWARD, port: 5432 }) }),
    );
    await sm.send(new CreateSecretCommand({ Name: cleanup.secret(`${prefix}/token`), SecretString: AWKWARD }));
    await ssm.send(new PutParameterCommand({ Name: cleanup.parameter(`/${prefix}/secure`), Value: AWKWARD, Type: 'SecureString' }));
    await ssm.send(new PutParameterCommand({ Name: cleanup.parameter(`/${prefix}/host`), Value: 'db.internal', Type: 'String' }));
    for (let i = 0; i < 21; i++) await sm.send(new CreateSecretCommand({ Name: cleanup.secret(`${prefix}/many/s${i}`), SecretString: `value-${i}` }));
    for (let i = 0; i < 11; i++)
      await ssm.send(new PutParameterCommand({ Name: cleanup.parameter(`/${prefix}/many/p${i}`), Value: `param-${i}`, Type: 'String' }));
  });

  after(async () => {
    await cleanup.run();
    await fixture.close();
    await endpoint.close();
  });

  it('gives each entry its exact value: a JSON key, a whole secret, a SecureString, a String, text around a reference, a plain line', async () => {
    const env = await resolve(
      [
        `PASSWORD={{resolve:secretsmanager:${prefix}/db:SecretString:password}}`,
        `PORT={{resolve:secretsmanager:${prefix}/db::port}}`,
        `TOKEN={{resolve:secretsmanager:${prefix}/token}}`,
        `SECURE={{resolve:ssm-secure:/${prefix}/secure}}`,
        `URL="postgres://{{resolve:secretsmanager:${prefix}/db:SecretString:username}}@{{resolve:ssm:/${prefix}/host}}/app"`,
        'PLAIN=a=b "c"',
      ].join('\n'),
    );
    assert.deepEqual(env, { PASSWORD: AWKWARD, PORT: '5432', TOKEN: AWKWARD, SECURE: AWKWARD, URL: 'postgres://app@db.internal/app', PLAIN: 'a=b "c"' });
  });

  it('reads 21 secrets in 2 BatchGetSecretValue calls and 11 parameters in 2 GetParameters calls', async () => {
    const before = { sm: calls('secretsmanager:BatchGetSecretValue'), ssm: calls('ssm:GetParameters'), one: calls('secretsmanager:GetSecretValue') };
    const lines = [
      ...Array.from({ length: 21 }, (_, i) => `S${i}={{resolve:secretsmanager:${prefix}/many/s${i}}}`),
      ...Array.from({ length: 11 }, (_, i) => `P${i}={{resolve:ssm:/${prefix}/many/p${i}}}`),
    ];
    const env = await resolve(lines.join('\n'));
    assert.equal(env.S20, 'value-20');
    assert.equal(env.P10, 'param-10');
    assert.equal(calls('secretsmanager:BatchGetSecretValue') - before.sm, 2);
    assert.equal(calls('ssm:GetParameters') - before.ssm, 2);
    assert.equal(calls('secretsmanager:GetSecretValue') - before.one, 0);
  });

  it('reads a secret once however many entries use it', async () => {
    const before = calls('secretsmanager:BatchGetSecretValue');
    const env = await resolve(
      ['U', 'P', 'Q'].map((k, i) => `${k}={{resolve:secretsmanager:${prefix}/db:SecretString:${['username', 'password', 'port'][i]}}}`).join('\n'),
    );
    assert.deepEqual(Object.keys(env), ['U', 'P', 'Q']);
    assert.equal(calls('secretsmanager:BatchGetSecretValue') - before, 1);
  });

  it('names every reference that cannot be resolved, with its line, and never a value', async () => {
    const error = await resolve(
      [
        'OK=plain',
        `MISSING={{resolve:secretsmanager:${prefix}/nope}}`,
        `KEY={{resolve:secretsmanager:${prefix}/db:SecretString:pasword}}`,
        `NOT_JSON={{resolve:secretsmanager:${prefix}/token::x}}`,
        `GONE={{resolve:ssm-secure:/${prefix}/nope}}`,
        `INSECURE={{resolve:ssm:/${prefix}/secure}}`,
      ].join('\n'),
    ).then(
      () => assert.fail('should not resolve'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof ResolveError);
    assert.deepEqual(
      error.failures.map((f) => [f.line + 1, f.key]),
      [
        [2, 'MISSING'],
        [3, 'KEY'],
        [4, 'NOT_JSON'],
        [5, 'GONE'],
        [6, 'INSECURE'],
      ],
    );
    const [missing, key, notJson, gone, insecure] = error.failures.map((f) => f.message);
    assert.match(missing!, new RegExp(`${prefix}/nope was not found in ${endpoint.region} for profile ${PROFILE}`));
    assert.match(key!, /has no key “pasword”.*Its keys: username, password, port/);
    assert.match(notJson!, /is not a JSON key\/value secret/);
    assert.match(gone!, new RegExp(`/${prefix}/nope was not found`));
    assert.match(insecure!, /is a SecureString parameter: write \{\{resolve:ssm-secure:/);
    assert.ok(!error.message.includes(AWKWARD.slice(0, 6)), 'no value in the message');
    assert.ok(!fixture.logLines.some((line) => line.includes('second line')), 'no value in the log');
  });

  it('reads a secret by ARN in the ARN’s region, whatever the file’s region', async () => {
    const other = endpoint.secretsManager({ region: endpoint.otherRegion });
    const name = cleanup.secret(`${prefix}/elsewhere`, endpoint.otherRegion);
    const created = await other.send(new CreateSecretCommand({ Name: name, SecretString: '{"k":"there"}' }));
    const env = await resolve(`A=${created.ARN}:k::\nB={{resolve:secretsmanager:${prefix}/token}}`);
    assert.deepEqual(env, { A: 'there', B: AWKWARD });
  });

  it(
    'reads one by one when BatchGetSecretValue is denied but GetSecretValue is allowed',
    { skip: external && 'fault injection needs the bundled emulator' },
    async () => {
      endpoint.emulator!.addFault({ operation: 'BatchGetSecretValue', kind: 'accessDenied' });
      try {
        const before = calls('secretsmanager:GetSecretValue');
        const env = await resolve(`A={{resolve:secretsmanager:${prefix}/token}}\nB={{resolve:secretsmanager:${prefix}/db::username}}`);
        assert.deepEqual(env, { A: AWKWARD, B: 'app' });
        assert.equal(calls('secretsmanager:GetSecretValue') - before, 2);
      } finally {
        endpoint.emulator!.clearFaults();
      }
    },
  );

  it('reports expired credentials on every reference they stop', { skip: external && 'fault injection needs the bundled emulator' }, async () => {
    endpoint.emulator!.addFault({ kind: 'expiredToken' });
    try {
      const error = (await resolve(`A={{resolve:secretsmanager:${prefix}/token}}\nB={{resolve:ssm:/${prefix}/host}}`).catch((e: unknown) => e)) as ResolveError;
      assert.deepEqual(
        error.failures.map((f) => f.key),
        ['A', 'B'],
      );
      assert.ok(error.failures.every((f) => /credentials of profile under-test have expired/.test(f.message)));
    } finally {
      endpoint.emulator!.clearFaults();
    }
  });
});
