/**
 * Fault injection: every fault kind surfaces through the real SDK the way the
 * matching AWS failure does, rules are scoped by region / service / operation
 * and expire after `times`, and the SDK's own retries behave as against AWS.
 * Needs the bundled emulator; skipped (the only permitted skip) elsewhere.
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { ListAliasesCommand } from '@aws-sdk/client-kms';
import { ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { InternalServiceError, ListSecretsCommand } from '@aws-sdk/client-secrets-manager';
import {
  AccessDeniedException,
  DescribeParametersCommand,
  GetParameterCommand,
  InternalServerError,
  ParameterNotFound,
  ThrottlingException,
} from '@aws-sdk/client-ssm';
import { errorOf, external, openTestEndpoint, type TestEndpoint } from './endpoint';

describe('fault injection', { skip: external && 'fault injection needs the bundled emulator' }, () => {
  let endpoint: TestEndpoint;

  before(async () => {
    endpoint = await openTestEndpoint();
  });

  afterEach(() => endpoint.emulator!.clearFaults());

  after(async () => {
    await endpoint.close();
  });

  const emulator = () => endpoint.emulator!;
  const count = (key: string) => emulator().stats()[key] ?? 0;

  it('throttle: ThrottlingException (400) per service; the SDK retries it and then succeeds', async () => {
    emulator().addFault({ service: 'secretsmanager', kind: 'throttle' });
    emulator().addFault({ service: 'ssm', kind: 'throttle' });
    const sm = await errorOf(() => endpoint.secretsManager({ maxAttempts: 1 }).send(new ListSecretsCommand({})));
    assert.equal(sm.name, 'ThrottlingException');
    assert.equal(sm.$metadata?.httpStatusCode, 400);
    const ssm = await errorOf(() => endpoint.ssm({ maxAttempts: 1 }).send(new DescribeParametersCommand({})));
    assert.ok(ssm instanceof ThrottlingException, `got ${ssm.name}`);

    emulator().clearFaults();
    emulator().addFault({ service: 'secretsmanager', operation: 'ListSecrets', kind: 'throttle', times: 2 });
    const before = count('secretsmanager.ListSecrets');
    const listed = await endpoint.secretsManager({ maxAttempts: 3 }).send(new ListSecretsCommand({}));
    assert.equal(listed.$metadata.attempts, 3);
    assert.equal(count('secretsmanager.ListSecrets') - before, 3, 'two throttled round trips, then one that succeeded');
  });

  it('serverError: InternalServiceError / InternalServerError (500)', async () => {
    emulator().addFault({ kind: 'serverError' });
    const sm = await errorOf(() => endpoint.secretsManager({ maxAttempts: 1 }).send(new ListSecretsCommand({})));
    assert.ok(sm instanceof InternalServiceError, `got ${sm.name}`);
    assert.equal(sm.$metadata?.httpStatusCode, 500);
    assert.equal(sm.$fault, 'server');
    const ssm = await errorOf(() => endpoint.ssm({ maxAttempts: 1 }).send(new DescribeParametersCommand({})));
    assert.ok(ssm instanceof InternalServerError, `got ${ssm.name}`);
    const kms = await errorOf(() => endpoint.kms({ maxAttempts: 1 }).send(new ListAliasesCommand({})));
    assert.equal(kms.name, 'KMSInternalException');
    const lambda = await errorOf(() => endpoint.lambda({ maxAttempts: 1 }).send(new ListFunctionsCommand({})));
    assert.equal(lambda.name, 'ServiceException');
  });

  it('latency: answers normally after the delay', async () => {
    emulator().addFault({ service: 'ssm', kind: 'latency', latencyMs: 300, times: 1 });
    const started = Date.now();
    const result = await endpoint.ssm().send(new DescribeParametersCommand({}));
    assert.ok(Date.now() - started >= 290, `took ${Date.now() - started} ms`);
    assert.ok(Array.isArray(result.Parameters));
    const quick = Date.now();
    await endpoint.ssm().send(new DescribeParametersCommand({}));
    assert.ok(Date.now() - quick < 290, 'the rule expired after one use');
  });

  it('expiredToken and unrecognizedClient: the credential errors', async () => {
    emulator().addFault({ kind: 'expiredToken', times: 1 });
    const expired = await errorOf(() => endpoint.secretsManager({ maxAttempts: 1 }).send(new ListSecretsCommand({})));
    assert.equal(expired.name, 'ExpiredTokenException');
    assert.equal(expired.message, 'The security token included in the request is expired');
    assert.equal(expired.$metadata?.httpStatusCode, 400);

    emulator().addFault({ kind: 'unrecognizedClient', times: 1 });
    const unknown = await errorOf(() => endpoint.ssm({ maxAttempts: 1 }).send(new DescribeParametersCommand({})));
    assert.equal(unknown.name, 'UnrecognizedClientException');
  });

  it('accessDenied: AccessDeniedException naming the caller and the action', async () => {
    emulator().addFault({ kind: 'accessDenied' });
    const sm = await errorOf(() => endpoint.secretsManager({ maxAttempts: 1 }).send(new ListSecretsCommand({})));
    assert.equal(sm.name, 'AccessDeniedException');
    assert.match(
      sm.message,
      /^User: arn:aws:iam::123456789012:user\/demo is not authorized to perform: secretsmanager:ListSecrets because no identity-based policy allows/,
    );
    const ssm = await errorOf(() => endpoint.ssm({ maxAttempts: 1 }).send(new GetParameterCommand({ Name: '/app/db' })));
    assert.ok(ssm instanceof AccessDeniedException, `got ${ssm.name}`);
    assert.match(ssm.message, /ssm:GetParameter on resource: arn:aws:ssm:us-east-1:123456789012:parameter\/app\/db/);
  });

  it('connectionReset: the socket is dropped; the SDK retries a dropped connection', async () => {
    emulator().addFault({ service: 'secretsmanager', kind: 'connectionReset', times: 1 });
    const dropped = (await errorOf(() => endpoint.secretsManager({ maxAttempts: 1 }).send(new ListSecretsCommand({})))) as Error & { code?: string };
    assert.ok(dropped.code === 'ECONNRESET' || /socket hang up|ECONNRESET/.test(dropped.message), `got ${dropped.name}: ${dropped.message}`);

    emulator().addFault({ service: 'secretsmanager', kind: 'connectionReset', times: 1 });
    const retried = await endpoint.secretsManager({ maxAttempts: 3 }).send(new ListSecretsCommand({}));
    assert.equal(retried.$metadata.attempts, 2);
  });

  it('Lambda and KMS get their own error shapes', async () => {
    emulator().addFault({ service: 'lambda', kind: 'throttle' });
    emulator().addFault({ service: 'kms', kind: 'accessDenied' });
    const lambda = await errorOf(() => endpoint.lambda({ maxAttempts: 1 }).send(new ListFunctionsCommand({})));
    assert.equal(lambda.name, 'TooManyRequestsException');
    assert.equal(lambda.$metadata?.httpStatusCode, 429);
    const kms = await errorOf(() => endpoint.kms({ maxAttempts: 1 }).send(new ListAliasesCommand({})));
    assert.equal(kms.name, 'AccessDeniedException');
    assert.match(kms.message, /kms:ListAliases/);
  });

  it('rules match by region, service and operation only', async () => {
    emulator().addFault({ region: 'eu-west-1', service: 'ssm', operation: 'GetParameter', kind: 'accessDenied' });
    const denied = await errorOf(() => endpoint.ssm({ region: 'eu-west-1', maxAttempts: 1 }).send(new GetParameterCommand({ Name: '/x' })));
    assert.equal(denied.name, 'AccessDeniedException');
    // Same operation, other region: the normal answer.
    const otherRegion = await errorOf(() => endpoint.ssm({ region: 'us-east-1', maxAttempts: 1 }).send(new GetParameterCommand({ Name: '/x' })));
    assert.ok(otherRegion instanceof ParameterNotFound, `got ${otherRegion.name}`);
    // Same region, other operation or service: unaffected.
    await endpoint.ssm({ region: 'eu-west-1', maxAttempts: 1 }).send(new DescribeParametersCommand({}));
    await endpoint.secretsManager({ region: 'eu-west-1', maxAttempts: 1 }).send(new ListSecretsCommand({}));
  });

  it('can be controlled over HTTP from another process', async () => {
    const base = endpoint.endpoint!;
    const added = await fetch(`${base}/_emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([
        { service: 'kms', kind: 'serverError', times: 1 },
        { service: 'lambda', kind: 'expiredToken' },
      ]),
    });
    assert.equal(added.status, 200);
    const { ids } = (await added.json()) as { ids: string[] };
    assert.equal(ids.length, 2);

    const kms = await errorOf(() => endpoint.kms({ maxAttempts: 1 }).send(new ListAliasesCommand({})));
    assert.equal(kms.name, 'KMSInternalException');
    await endpoint.kms({ maxAttempts: 1 }).send(new ListAliasesCommand({}));

    const invalid = await fetch(`${base}/_emulator/faults`, { method: 'POST', body: JSON.stringify({ kind: 'meteorStrike' }) });
    assert.equal(invalid.status, 400);

    const cleared = await fetch(`${base}/_emulator/faults`, { method: 'DELETE' });
    assert.deepEqual(await cleared.json(), { cleared: 1 });
    await endpoint.lambda({ maxAttempts: 1 }).send(new ListFunctionsCommand({}));

    const stats = (await (await fetch(`${base}/_emulator/stats`)).json()) as Record<string, number>;
    assert.equal(stats['kms.ListAliases'], emulator().stats()['kms.ListAliases']);
  });
});
