/**
 * The emulator's own fidelity tests for the wire protocol: the HTTP status codes and page sizes
 * AWS documents. The extension depends on neither (errors are typed by their name, listings
 * follow NextToken whatever a page holds), and independent implementations differ (moto answers
 * ResourceNotFoundException with 404, ignores MaxResults of DescribeParameters,
 * ListSecretVersionIds and KMS ListAliases), so these run only against the bundled emulator,
 * whatever TEST_AWS_ENDPOINT says. Each test cites the AWS API reference section it copies.
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { ListAliasesCommand } from '@aws-sdk/client-kms';
import { ListFunctionsCommand } from '@aws-sdk/client-lambda';
import {
  CreateSecretCommand,
  GetSecretValueCommand,
  ListSecretsCommand,
  ListSecretVersionIdsCommand,
  PutSecretValueCommand,
} from '@aws-sdk/client-secrets-manager';
import {
  DescribeParametersCommand,
  GetParameterCommand,
  GetParameterHistoryCommand,
  GetParametersByPathCommand,
  PutParameterCommand,
} from '@aws-sdk/client-ssm';
import { Cleanup, errorOf, openEmulatorEndpoint, type TestEndpoint, uniquePrefix } from './endpoint';
import { openRuntime, PROFILE, type RuntimeFixture } from './runtimeFixture';

/** Follows a listing to its end and returns the size of every page. */
async function pageSizes(fetch: (token: string | undefined) => Promise<{ count: number; next?: string }>): Promise<number[]> {
  const sizes: number[] = [];
  let token: string | undefined;
  do {
    const page = await fetch(token);
    sizes.push(page.count);
    token = page.next;
  } while (token);
  return sizes;
}

describe('emulator fidelity: wire protocol', () => {
  let ep: TestEndpoint;
  let cleanup: Cleanup;

  before(async () => {
    ep = await openEmulatorEndpoint();
    cleanup = new Cleanup(ep);
  });

  after(async () => {
    await cleanup.run();
    await ep.close();
  });

  // Secrets Manager API Reference, GetSecretValue › Errors › ResourceNotFoundException: "HTTP Status Code: 400";
  // Systems Manager API Reference, GetParameter › Errors › ParameterNotFound: "HTTP Status Code: 400".
  it('answers a missing secret or parameter with HTTP 400', async () => {
    const missingSecret = await errorOf(() => ep.secretsManager().send(new GetSecretValueCommand({ SecretId: `${uniquePrefix('missing')}/x` })));
    assert.equal(missingSecret.name, 'ResourceNotFoundException');
    assert.equal(missingSecret.$metadata?.httpStatusCode, 400);
    const missingParameter = await errorOf(() => ep.ssm().send(new GetParameterCommand({ Name: `/${uniquePrefix('missing')}/x` })));
    assert.equal(missingParameter.name, 'ParameterNotFound');
    assert.equal(missingParameter.$metadata?.httpStatusCode, 400);
  });

  // Systems Manager API Reference, DescribeParameters › Request Parameters › MaxResults: "Valid Range: Minimum value of 1. Maximum value of 50."
  it('validates DescribeParameters MaxResults', async () => {
    const tooMany = await errorOf(() => ep.ssm().send(new DescribeParametersCommand({ MaxResults: 51 })));
    assert.equal(tooMany.name, 'ValidationException');
  });

  // MaxResults / Limit / MaxItems of ListSecrets, ListSecretVersionIds (Secrets Manager), DescribeParameters,
  // GetParametersByPath, GetParameterHistory (Systems Manager), ListAliases (KMS) and ListFunctions (Lambda): "the maximum
  // number of items to return"; with more items the response carries NextToken / NextMarker.
  it('honours the page size of every listing the extension uses', async () => {
    const sm = ep.secretsManager();
    const ssm = ep.ssm();
    const prefix = uniquePrefix('pages');
    for (let i = 0; i < 7; i++) await sm.send(new CreateSecretCommand({ Name: cleanup.secret(`${prefix}/s${i}`), SecretString: `v${i}` }));
    const versioned = cleanup.secret(`${prefix}/versions`);
    await sm.send(new CreateSecretCommand({ Name: versioned, SecretString: 'v0' }));
    for (let i = 1; i < 7; i++) await sm.send(new PutSecretValueCommand({ SecretId: versioned, SecretString: `v${i}`, VersionStages: [`label-${i}`] }));
    const path = `/${prefix}`;
    for (let i = 0; i < 7; i++) await ssm.send(new PutParameterCommand({ Name: cleanup.parameter(`${path}/p${i}`), Type: 'String', Value: `v${i}` }));
    const history = cleanup.parameter(`${path}/history`);
    for (let i = 1; i <= 7; i++) await ssm.send(new PutParameterCommand({ Name: history, Type: 'String', Value: `v${i}`, Overwrite: true }));

    const listSecrets = await pageSizes(async (token) => {
      const page = await sm.send(new ListSecretsCommand({ MaxResults: 3, NextToken: token, Filters: [{ Key: 'name', Values: [`${prefix}/s`] }] }));
      return { count: page.SecretList?.length ?? 0, next: page.NextToken };
    });
    assert.deepEqual(listSecrets, [3, 3, 1]);
    const versions = await pageSizes(async (token) => {
      const page = await sm.send(new ListSecretVersionIdsCommand({ SecretId: versioned, MaxResults: 3, NextToken: token }));
      return { count: page.Versions?.length ?? 0, next: page.NextToken };
    });
    assert.deepEqual(versions, [3, 3, 1]);
    const describe = await pageSizes(async (token) => {
      const page = await ssm.send(
        new DescribeParametersCommand({ MaxResults: 3, NextToken: token, ParameterFilters: [{ Key: 'Name', Option: 'BeginsWith', Values: [`${path}/p`] }] }),
      );
      return { count: page.Parameters?.length ?? 0, next: page.NextToken };
    });
    assert.deepEqual(describe, [3, 3, 1]);
    const byPath = await pageSizes(async (token) => {
      const page = await ssm.send(new GetParametersByPathCommand({ Path: path, MaxResults: 3, NextToken: token }));
      return { count: page.Parameters?.length ?? 0, next: page.NextToken };
    });
    assert.deepEqual(byPath, [3, 3, 2]);
    const historyPages = await pageSizes(async (token) => {
      const page = await ssm.send(new GetParameterHistoryCommand({ Name: history, MaxResults: 3, NextToken: token }));
      return { count: page.Parameters?.length ?? 0, next: page.NextToken };
    });
    assert.deepEqual(historyPages, [3, 3, 1]);
    const aliases = await pageSizes(async (marker) => {
      const page = await ep.kms().send(new ListAliasesCommand({ Limit: 1, Marker: marker }));
      return { count: page.Aliases?.length ?? 0, next: page.NextMarker };
    });
    assert.ok(aliases.length >= 2 && aliases.every((n) => n === 1), `alias pages ${aliases.join(',')}`);
    const functions = await pageSizes(async (marker) => {
      const page = await ep.lambda().send(new ListFunctionsCommand({ MaxItems: 2, Marker: marker }));
      return { count: page.Functions?.length ?? 0, next: page.NextMarker };
    });
    assert.ok(
      functions.every((n) => n <= 2),
      `function pages ${functions.join(',')}`,
    );
  });

  describe('through the extension’s stores', () => {
    let fixture: RuntimeFixture;

    before(async () => {
      fixture = await openRuntime(ep);
    });
    afterEach(() => cleanup.run());
    after(() => fixture.close());

    // With a server that honours MaxResults, a listing page of pageSize items takes one call per page and never holds more.
    it('asks for no more than a page of pageSize items', async () => {
      const prefix = uniquePrefix('layer-pages');
      const secrets = await fixture.runtime.secrets(PROFILE, ep.region);
      const parameters = await fixture.runtime.parameters(PROFILE, ep.region);
      for (let i = 0; i < 7; i++) {
        await secrets.create({ name: cleanup.secret(`${prefix}/s${i}`), value: { text: 'x' } });
        await parameters.put({ name: cleanup.parameter(`/${prefix}/p${i}`), value: 'x', type: 'String', overwrite: false });
      }
      const secretPages = await pageSizes(async (token) => {
        const page = await secrets.list({ nameFilter: prefix, pageSize: 3, nextToken: token });
        return { count: page.items.length, next: page.nextToken };
      });
      assert.deepEqual(secretPages, [3, 3, 1]);
      const parameterPages = await pageSizes(async (token) => {
        const page = await parameters.list({ nameFilter: prefix, pageSize: 3, nextToken: token });
        return { count: page.items.length, next: page.nextToken };
      });
      assert.deepEqual(parameterPages, [3, 3, 1]);
    });
  });
});
