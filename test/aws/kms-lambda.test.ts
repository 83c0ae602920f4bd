/**
 * The two look-ups the extension makes outside SM / SSM: KMS aliases (to pick
 * an encryption key) and Lambda functions (to pick a rotation function), both
 * paginated: following the marker lists everything once, whatever the page
 * size. Runs against the bundled emulator or any TEST_AWS_ENDPOINT; that
 * Limit / MaxItems are honoured is the emulator's fidelity test.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ListAliasesCommand } from '@aws-sdk/client-kms';
import { ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { openTestEndpoint, type TestEndpoint } from './endpoint';

describe('KMS and Lambda look-ups', () => {
  let ep: TestEndpoint;

  before(async () => {
    ep = await openTestEndpoint();
  });

  after(async () => {
    await ep.close();
  });

  it('ListAliases includes the AWS managed aliases and pages with Marker', async () => {
    const kms = ep.kms();
    const names: string[] = [];
    let marker: string | undefined;
    do {
      const page = await kms.send(new ListAliasesCommand({ Limit: 1, Marker: marker }));
      assert.equal(page.Truncated, page.NextMarker !== undefined, 'Truncated agrees with NextMarker');
      for (const alias of page.Aliases ?? []) {
        assert.match(alias.AliasArn ?? '', new RegExp(`^arn:aws:kms:${ep.region}:\\d{12}:${alias.AliasName}$`));
        names.push(alias.AliasName!);
      }
      marker = page.NextMarker;
    } while (marker);
    assert.ok(names.includes('alias/aws/secretsmanager'));
    assert.ok(names.includes('alias/aws/ssm'));
    assert.equal(new Set(names).size, names.length, 'no alias listed twice');
  });

  it('ListFunctions pages with Marker', async () => {
    const lambda = ep.lambda();
    const names: string[] = [];
    let marker: string | undefined;
    do {
      const page = await lambda.send(new ListFunctionsCommand({ MaxItems: 2, Marker: marker }));
      for (const fn of page.Functions ?? []) {
        assert.match(fn.FunctionArn ?? '', /^arn:aws:lambda:[a-z0-9-]+:\d{12}:function:/);
        names.push(fn.FunctionName!);
      }
      marker = page.NextMarker;
    } while (marker);
    assert.equal(new Set(names).size, names.length, 'no function listed twice');
  });
});
