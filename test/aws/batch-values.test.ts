/**
 * Reading many values at once, as the Secrets Manager and Systems Manager API references
 * document it: BatchGetSecretValue (SecretIdList of at most 20, or Filters with paging),
 * GetParameters (at most 10 names, InvalidParameters for unknown ones) and
 * GetParametersByPath (pages of at most 10) — and the extension's stores on top of them.
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { BatchGetSecretValueCommand, CreateSecretCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { GetParametersByPathCommand, PutParameterCommand, type SSMClient } from '@aws-sdk/client-ssm';
import type { ParameterStore, SecretStore } from '../../src/aws/types';
import { Cleanup, errorOf, eventually, openTestEndpoint, uniquePrefix, type TestEndpoint } from './endpoint';
import { openRuntime, PROFILE, type RuntimeFixture } from './runtimeFixture';

describe('batch reads', () => {
  let endpoint: TestEndpoint;
  let sm: SecretsManagerClient;
  let ssm: SSMClient;
  let fixture: RuntimeFixture;
  let secrets: SecretStore;
  let parameters: ParameterStore;
  let cleanup: Cleanup;

  before(async () => {
    endpoint = await openTestEndpoint();
    sm = endpoint.secretsManager();
    ssm = endpoint.ssm();
    fixture = await openRuntime(endpoint);
    secrets = await fixture.runtime.secrets(PROFILE, endpoint.region);
    parameters = await fixture.runtime.parameters(PROFILE, endpoint.region);
    cleanup = new Cleanup(endpoint);
  });
  afterEach(() => cleanup.run());
  after(async () => {
    await fixture.close();
    await endpoint.close();
  });

  async function createSecrets(prefix: string, count: number): Promise<string[]> {
    const names = Array.from({ length: count }, (_, i) => cleanup.secret(`${prefix}/s${String(i).padStart(2, '0')}`));
    for (const name of names) await sm.send(new CreateSecretCommand({ Name: name, SecretString: `value-of-${name}` }));
    return names;
  }

  it('BatchGetSecretValue with Filters pages through every matching secret', async () => {
    const prefix = uniquePrefix('batch-filters');
    const names = await createSecrets(prefix, 5);
    await eventually(async () => {
      const seen: string[] = [];
      let nextToken: string | undefined;
      do {
        const page = await sm.send(new BatchGetSecretValueCommand({ Filters: [{ Key: 'name', Values: [prefix] }], MaxResults: 2, NextToken: nextToken }));
        assert.ok((page.SecretValues ?? []).length <= 2);
        for (const value of page.SecretValues ?? []) {
          assert.equal(value.SecretString, `value-of-${value.Name}`);
          seen.push(value.Name ?? '');
        }
        nextToken = page.NextToken;
      } while (nextToken);
      assert.deepEqual(seen.sort(), names);
    });
  });

  it('batchGetValues reads 45 secrets in calls of 20 and reports a missing one by itself', async () => {
    const prefix = uniquePrefix('batch-store');
    const names = await createSecrets(prefix, 45);
    const missing = `${prefix}/missing`;
    const result = await secrets.batchGetValues([...names, missing]);
    assert.deepEqual([...result.values.keys()].sort(), names);
    for (const name of names) assert.equal(result.values.get(name)?.text, `value-of-${name}`);
    assert.deepEqual([...result.errors.keys()], [missing]);
    assert.equal(result.errors.get(missing)?.kind, 'notFound');
    // The log names calls and secrets, never a value.
    assert.ok(fixture.logLines.some((line) => /BatchGetSecretValue/.test(line)));
    assert.ok(!fixture.logLines.some((line) => line.includes('value-of-')));
  });

  it('getValues reads 12 parameters (two calls of at most 10) and reports unknown names', async () => {
    const path = `/${uniquePrefix('get-values')}`;
    const names = Array.from({ length: 12 }, (_, i) => cleanup.parameter(`${path}/p${String(i).padStart(2, '0')}`));
    for (const name of names) await ssm.send(new PutParameterCommand({ Name: name, Value: `v-${name}`, Type: 'SecureString' }));
    const result = await parameters.getValues([...names, `${path}/nope`]);
    assert.deepEqual([...result.values.keys()].sort(), names);
    for (const name of names) assert.equal(result.values.get(name)?.value, `v-${name}`, 'decrypted');
    assert.deepEqual([...result.errors.keys()], [`${path}/nope`]);
    assert.equal(result.errors.get(`${path}/nope`)?.kind, 'notFound');
  });

  it('GetParametersByPath pages through a recursive path (pages may be short but never repeat)', async () => {
    const path = `/${uniquePrefix('by-path')}`;
    const names = Array.from({ length: 13 }, (_, i) => cleanup.parameter(`${path}/${i % 2 ? 'a' : 'b/c'}/p${String(i).padStart(2, '0')}`));
    for (const name of names) await ssm.send(new PutParameterCommand({ Name: name, Value: `v-${name}`, Type: 'String' }));
    // API reference: MaxResults is at most 10.
    const tooMany = await errorOf(() => ssm.send(new GetParametersByPathCommand({ Path: path, MaxResults: 11 })));
    assert.match(tooMany.name, /ValidationException/);
    await eventually(async () => {
      const seen: string[] = [];
      let nextToken: string | undefined;
      do {
        const page = await parameters.getValuesByPath({ path, recursive: true, nextToken });
        assert.ok(page.items.length <= 10);
        for (const item of page.items) {
          assert.equal(item.value, `v-${item.name}`);
          seen.push(item.name);
        }
        nextToken = page.nextToken;
      } while (nextToken);
      assert.deepEqual(seen.sort(), [...names].sort());
    });
  });
});
