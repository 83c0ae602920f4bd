/**
 * The bundled emulator's batch reads keep AWS's documented limits and error shapes, so code
 * that works here does not meet them first in AWS. Always starts its own emulator.
 *
 * - Secrets Manager API Reference, BatchGetSecretValue: SecretIdList "Array Members: Minimum
 *   number of 1 item. Maximum number of 20 items"; "You must include Filters or SecretIdList,
 *   but not both"; secrets that cannot be read are listed in `Errors` (ErrorCode, Message,
 *   SecretId), not raised; each value carries ARN, Name, VersionId, SecretString,
 *   VersionStages and CreatedDate.
 * - AWS Systems Manager API Reference, GetParameters: Names "Minimum number of 1 item. Maximum
 *   number of 10 items"; "InvalidParameters: A list of parameters that aren't formatted
 *   correctly or don't run during an execution"; a name may be an ARN and carry a
 *   `:version` selector, echoed back in `Selector`.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  BatchGetSecretValueCommand,
  CreateSecretCommand,
  DeleteSecretCommand,
  InvalidParameterException,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { GetParametersCommand, PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { EMULATOR_CREDENTIALS, type RunningEmulator, startEmulator } from '../emulator/index';
import { errorOf } from './endpoint';

describe('emulator: batch reads as AWS documents them', () => {
  let emulator: RunningEmulator;
  let sm: SecretsManagerClient;
  let ssm: SSMClient;
  const config = () => ({ endpoint: emulator.endpoint, region: 'us-east-1', credentials: { ...EMULATOR_CREDENTIALS }, maxAttempts: 1 });

  before(async () => {
    emulator = await startEmulator({ seed: 'none' });
    sm = new SecretsManagerClient(config());
    ssm = new SSMClient(config());
    for (let i = 0; i < 21; i++) await sm.send(new CreateSecretCommand({ Name: `batch/s${i}`, SecretString: `v${i}` }));
    for (let i = 0; i < 11; i++) await ssm.send(new PutParameterCommand({ Name: `/batch/p${i}`, Value: `p${i}`, Type: 'SecureString' }));
  });

  after(async () => {
    sm.destroy();
    ssm.destroy();
    await emulator.close();
  });

  it('BatchGetSecretValue: at most 20 ids', async () => {
    const ids = Array.from({ length: 21 }, (_, i) => `batch/s${i}`);
    const twenty = await sm.send(new BatchGetSecretValueCommand({ SecretIdList: ids.slice(0, 20) }));
    assert.equal(twenty.SecretValues?.length, 20);
    const tooMany = await errorOf(() => sm.send(new BatchGetSecretValueCommand({ SecretIdList: ids })));
    assert.equal(tooMany.name, 'ValidationException');
    assert.equal(tooMany.$fault, 'client');
    assert.equal((await errorOf(() => sm.send(new BatchGetSecretValueCommand({ SecretIdList: [] })))).name, 'ValidationException');
  });

  it('BatchGetSecretValue: SecretIdList or Filters, not both, not neither', async () => {
    const both = await errorOf(() => sm.send(new BatchGetSecretValueCommand({ SecretIdList: ['batch/s0'], Filters: [{ Key: 'name', Values: ['batch/'] }] })));
    assert.ok(both instanceof InvalidParameterException);
    assert.ok((await errorOf(() => sm.send(new BatchGetSecretValueCommand({})))) instanceof InvalidParameterException);
  });

  it('BatchGetSecretValue: unreadable secrets come back in Errors, the rest as values with their metadata', async () => {
    await sm.send(new CreateSecretCommand({ Name: 'batch/deleted', SecretString: 'x' }));
    await sm.send(new DeleteSecretCommand({ SecretId: 'batch/deleted', RecoveryWindowInDays: 7 }));
    const result = await sm.send(new BatchGetSecretValueCommand({ SecretIdList: ['batch/s1', 'batch/missing', 'batch/deleted'] }));
    assert.deepEqual(
      (result.Errors ?? []).map((e) => [e.SecretId, e.ErrorCode, typeof e.Message]),
      [
        ['batch/missing', 'ResourceNotFoundException', 'string'],
        ['batch/deleted', 'InvalidRequestException', 'string'],
      ],
    );
    const [value] = result.SecretValues ?? [];
    assert.equal(value?.Name, 'batch/s1');
    assert.equal(value?.SecretString, 'v1');
    assert.match(value?.ARN ?? '', /^arn:aws:secretsmanager:us-east-1:\d{12}:secret:batch\/s1-[A-Za-z0-9]{6}$/);
    assert.deepEqual(value?.VersionStages, ['AWSCURRENT']);
    assert.ok(value?.VersionId && value.CreatedDate instanceof Date);
  });

  it('GetParameters: at most 10 names', async () => {
    const names = Array.from({ length: 11 }, (_, i) => `/batch/p${i}`);
    assert.equal((await ssm.send(new GetParametersCommand({ Names: names.slice(0, 10), WithDecryption: true }))).Parameters?.length, 10);
    const tooMany = await errorOf(() => ssm.send(new GetParametersCommand({ Names: names })));
    assert.equal(tooMany.name, 'ValidationException');
    assert.equal(tooMany.$fault, 'client');
  });

  it('GetParameters: unknown names and versions in InvalidParameters; ARNs and :version selectors answered with Selector', async () => {
    const arn = 'arn:aws:ssm:us-east-1:123456789012:parameter/batch/p1';
    const result = await ssm.send(new GetParametersCommand({ Names: ['/batch/p0:1', arn, '/batch/nope', '/batch/p2:9'], WithDecryption: true }));
    assert.deepEqual(result.InvalidParameters?.sort(), ['/batch/nope', '/batch/p2:9']);
    const byName = Object.fromEntries((result.Parameters ?? []).map((p) => [p.Name, [p.Value, p.Selector, p.Type]]));
    assert.deepEqual(byName, { '/batch/p0': ['p0', ':1', 'SecureString'], '/batch/p1': ['p1', undefined, 'SecureString'] });
    const encrypted = await ssm.send(new GetParametersCommand({ Names: ['/batch/p3'] }));
    assert.notEqual(encrypted.Parameters?.[0]?.Value, 'p3', 'a SecureString is decrypted only WithDecryption');
  });
});
