/**
 * Wire-protocol behaviour every feature relies on, exercised with the real SDK
 * clients: errors surface as the SDK's exception classes (whatever the HTTP
 * status), timestamps as Dates, state is kept per region, and following
 * NextToken lists every item once, however many the server puts in a page.
 * Runs against the bundled emulator or any TEST_AWS_ENDPOINT; the exact status
 * codes and page sizes AWS documents are the emulator's fidelity tests
 * (emulator-fidelity-wire.test.ts).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  CreateSecretCommand,
  DeleteSecretCommand,
  DescribeSecretCommand,
  GetSecretValueCommand,
  InvalidParameterException,
  InvalidRequestException,
  ListSecretsCommand,
  paginateListSecrets,
  ResourceExistsException,
  ResourceNotFoundException,
} from '@aws-sdk/client-secrets-manager';
import {
  DescribeParametersCommand,
  GetParameterCommand,
  GetParametersByPathCommand,
  ParameterAlreadyExists,
  ParameterNotFound,
  ParameterVersionNotFound,
  PutParameterCommand,
} from '@aws-sdk/client-ssm';
import { Cleanup, errorOf, eventually, openTestEndpoint, type TestEndpoint, uniquePrefix } from './endpoint';

describe('AWS wire protocol', () => {
  let ep: TestEndpoint;
  let cleanup: Cleanup;

  before(async () => {
    ep = await openTestEndpoint();
    cleanup = new Cleanup(ep);
  });

  after(async () => {
    await cleanup.run();
    await ep.close();
  });

  it('raises Secrets Manager errors as the SDK exception classes', async () => {
    const sm = ep.secretsManager();
    const name = cleanup.secret(`${uniquePrefix('errors')}/db`);

    const missing = await errorOf(() => sm.send(new GetSecretValueCommand({ SecretId: `${name}-missing` })));
    assert.ok(missing instanceof ResourceNotFoundException, `got ${missing.name}`);
    assert.equal(missing.$fault, 'client');

    await sm.send(new CreateSecretCommand({ Name: name, SecretString: 'first' }));
    const exists = await errorOf(() => sm.send(new CreateSecretCommand({ Name: name, SecretString: 'second' })));
    assert.ok(exists instanceof ResourceExistsException, `got ${exists.name}`);

    const both = await errorOf(() => sm.send(new DeleteSecretCommand({ SecretId: name, RecoveryWindowInDays: 7, ForceDeleteWithoutRecovery: true })));
    assert.ok(both instanceof InvalidParameterException, `got ${both.name}`);

    await sm.send(new DeleteSecretCommand({ SecretId: name, RecoveryWindowInDays: 7 }));
    const deleted = await errorOf(() => sm.send(new GetSecretValueCommand({ SecretId: name })));
    assert.ok(deleted instanceof InvalidRequestException, `got ${deleted.name}`);
  });

  it('raises Parameter Store errors as the SDK exception classes', async () => {
    const ssm = ep.ssm();
    const name = cleanup.parameter(`/${uniquePrefix('errors')}/value`);

    const missing = await errorOf(() => ssm.send(new GetParameterCommand({ Name: name })));
    assert.ok(missing instanceof ParameterNotFound, `got ${missing.name}`);

    await ssm.send(new PutParameterCommand({ Name: name, Type: 'String', Value: 'one' }));
    const exists = await errorOf(() => ssm.send(new PutParameterCommand({ Name: name, Type: 'String', Value: 'two' })));
    assert.ok(exists instanceof ParameterAlreadyExists, `got ${exists.name}`);

    const noVersion = await errorOf(() => ssm.send(new GetParameterCommand({ Name: `${name}:9` })));
    assert.ok(noVersion instanceof ParameterVersionNotFound, `got ${noVersion.name}`);
  });

  it('returns timestamps as Dates close to now', async () => {
    const sm = ep.secretsManager();
    const name = cleanup.secret(`${uniquePrefix('dates')}/token`);
    const before = Date.now();
    await sm.send(new CreateSecretCommand({ Name: name, SecretString: 'value' }));
    const described = await sm.send(new DescribeSecretCommand({ SecretId: name }));
    assert.ok(described.CreatedDate instanceof Date);
    // Generous bounds: a remote endpoint's clock may differ a little from ours.
    assert.ok(Math.abs(described.CreatedDate.getTime() - before) < 5 * 60_000, `CreatedDate ${described.CreatedDate.toISOString()}`);
    assert.ok(described.LastChangedDate instanceof Date);
  });

  it('keeps state per region (the region comes from the request signature)', async () => {
    const home = ep.secretsManager();
    const away = ep.secretsManager({ region: ep.otherRegion });
    const name = cleanup.secret(`${uniquePrefix('regions')}/only-home`);
    const created = await home.send(new CreateSecretCommand({ Name: name, SecretString: 'home' }));
    assert.match(created.ARN ?? '', new RegExp(`^arn:aws:secretsmanager:${ep.region}:\\d{12}:secret:${name}-[A-Za-z0-9]{6}$`));
    const elsewhere = await errorOf(() => away.send(new DescribeSecretCommand({ SecretId: name })));
    assert.ok(elsewhere instanceof ResourceNotFoundException, `got ${elsewhere.name}`);

    const ssmHome = ep.ssm();
    const ssmAway = ep.ssm({ region: ep.otherRegion });
    const parameter = cleanup.parameter(`/${uniquePrefix('regions')}/only-home`);
    await ssmHome.send(new PutParameterCommand({ Name: parameter, Type: 'String', Value: 'home' }));
    const got = await ssmHome.send(new GetParameterCommand({ Name: parameter }));
    assert.equal(got.Parameter?.ARN, `arn:aws:ssm:${ep.region}:${got.Parameter?.ARN?.split(':')[4]}:parameter${parameter}`);
    const missing = await errorOf(() => ssmAway.send(new GetParameterCommand({ Name: parameter })));
    assert.ok(missing instanceof ParameterNotFound, `got ${missing.name}`);
  });

  describe('pagination: NextToken until there is none, every item once', () => {
    it('ListSecrets follows NextToken (manually and with the SDK paginator)', async () => {
      const sm = ep.secretsManager();
      const prefix = uniquePrefix('paging');
      const names = Array.from({ length: 7 }, (_, i) => cleanup.secret(`${prefix}/secret-${i}`));
      for (const name of names) await sm.send(new CreateSecretCommand({ Name: name, SecretString: `value of ${name}` }));

      await eventually(async () => {
        const seen: string[] = [];
        let token: string | undefined;
        do {
          const page = await sm.send(new ListSecretsCommand({ MaxResults: 3, NextToken: token, Filters: [{ Key: 'name', Values: [prefix] }] }));
          seen.push(...(page.SecretList ?? []).map((secret) => secret.Name!));
          token = page.NextToken || undefined;
        } while (token);
        assert.deepEqual([...seen].sort(), [...names].sort());
      });

      const viaPaginator: string[] = [];
      for await (const page of paginateListSecrets({ client: sm, pageSize: 3 }, { Filters: [{ Key: 'name', Values: [prefix] }] })) {
        viaPaginator.push(...(page.SecretList ?? []).map((secret) => secret.Name!));
      }
      assert.deepEqual(viaPaginator.sort(), [...names].sort());
    });

    it('DescribeParameters and GetParametersByPath follow NextToken', async () => {
      const ssm = ep.ssm();
      const path = `/${uniquePrefix('paging')}`;
      const names = Array.from({ length: 7 }, (_, i) => cleanup.parameter(`${path}/group-${i % 2}/param-${i}`));
      for (const name of names) await ssm.send(new PutParameterCommand({ Name: name, Type: 'String', Value: `v${name.length}` }));

      await eventually(async () => {
        const seen: string[] = [];
        let token: string | undefined;
        do {
          const page = await ssm.send(
            new DescribeParametersCommand({ MaxResults: 3, NextToken: token, ParameterFilters: [{ Key: 'Name', Option: 'BeginsWith', Values: [`${path}/`] }] }),
          );
          seen.push(...(page.Parameters ?? []).map((parameter) => parameter.Name!));
          token = page.NextToken || undefined;
        } while (token);
        assert.deepEqual([...seen].sort(), [...names].sort());
      });

      const seen: string[] = [];
      let token: string | undefined;
      do {
        const page = await ssm.send(new GetParametersByPathCommand({ Path: path, Recursive: true, MaxResults: 3, NextToken: token }));
        seen.push(...(page.Parameters ?? []).map((parameter) => parameter.Name!));
        token = page.NextToken || undefined;
      } while (token);
      assert.deepEqual(seen.sort(), [...names].sort());
    });
  });
});
