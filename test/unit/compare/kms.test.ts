import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { keepKey, keyName } from '../../../src/compare/kms';

const source = { region: 'us-east-1', service: 'secretsmanager' as const, account: '111111111111' };
const sameAccountWest = { region: 'eu-west-1', service: 'secretsmanager' as const, account: '111111111111', aliases: ['alias/payments'] };

describe('KMS keys across environments', () => {
  it('names the AWS managed key the same everywhere, and leaves it out of the request', () => {
    assert.equal(keyName(undefined, 'ssm'), 'alias/aws/ssm');
    assert.deepEqual(keepKey(undefined, source, sameAccountWest), { keyId: undefined });
    assert.deepEqual(keepKey('alias/aws/secretsmanager', source, { ...sameAccountWest, service: 'ssm' }), { keyId: undefined });
  });

  it('keeps a customer alias that exists in the target Region, and says so when it does not', () => {
    assert.deepEqual(keepKey('alias/payments', source, sameAccountWest), { keyId: 'alias/payments' });
    const missing = keepKey('alias/app-config', source, sameAccountWest);
    assert.ok('problem' in missing && /alias\/app-config does not exist in eu-west-1/.test(missing.problem));
  });

  it('refuses a customer-managed key of another account before anything is sent', () => {
    // KMS developer guide: a key can be used only by principals its key policy allows; the copy can't assume another account's key.
    const other = keepKey('arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab', source, {
      region: 'us-east-1',
      service: 'secretsmanager',
      account: '222222222222',
    });
    assert.ok('problem' in other);
    assert.match(other.problem, /belongs to account 111111111111, and account 222222222222 can't use it/);
  });

  it('refuses a key of another Region (KMS keys are regional), and keeps a key ARN of the same account and Region', () => {
    const arn = 'arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    const west = keepKey(arn, source, sameAccountWest);
    assert.ok('problem' in west && /KMS keys are regional/.test(west.problem));
    assert.deepEqual(keepKey(arn, source, { region: 'us-east-1', service: 'secretsmanager', account: '111111111111' }), { keyId: arn });
    const bare = keepKey('1234abcd-12ab-34cd-56ef-1234567890ab', source, sameAccountWest);
    assert.ok('problem' in bare);
  });
});
