/**
 * The emulator's STS, as the AWS STS API Reference documents GetAccessKeyInfo ("Returns the
 * account identifier for the specified access key ID"; AccessKeyId: length 16–128, pattern
 * [\w]*) and GetCallerIdentity. The emulator answers its own account for keys that signed a
 * request to it and another account for any other key, so "a key of someone else" is testable.
 * Only the bundled emulator (moto answers 123456789012 for every key).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { GetAccessKeyInfoCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { errorOf, openEmulatorEndpoint, type TestEndpoint } from './endpoint';

const SIGNER = ['AKIA', 'EMULATORSIGNER01'].join('');
const STRANGER = ['AKIA', 'Q3ZTV7XK2M4PW6RN'].join('');

describe('emulator fidelity: STS', () => {
  let ep: TestEndpoint;
  let sts: STSClient;

  before(async () => {
    ep = await openEmulatorEndpoint();
    sts = new STSClient({ ...ep.config(), credentials: { accessKeyId: SIGNER, secretAccessKey: 'emulator' } });
  });
  after(async () => {
    sts.destroy();
    await ep.close();
  });

  it('says who the caller is', async () => {
    const identity = await sts.send(new GetCallerIdentityCommand({}));
    assert.deepEqual([identity.Account, identity.Arn], ['123456789012', 'arn:aws:iam::123456789012:user/demo']);
  });

  it('owns the keys that sign its requests; another account owns any other key, the same one every time', async () => {
    assert.equal((await sts.send(new GetAccessKeyInfoCommand({ AccessKeyId: SIGNER }))).Account, '123456789012');
    const other = (await sts.send(new GetAccessKeyInfoCommand({ AccessKeyId: STRANGER }))).Account;
    assert.match(other ?? '', /^\d{12}$/);
    assert.notEqual(other, '123456789012');
    assert.equal((await sts.send(new GetAccessKeyInfoCommand({ AccessKeyId: STRANGER }))).Account, other);
  });

  it('refuses a key id that is too short', async () => {
    assert.equal((await errorOf(() => sts.send(new GetAccessKeyInfoCommand({ AccessKeyId: 'AKIA123' })))).name, 'ValidationError');
  });
});
