// A leaked access key: its id is found in a finding's text (never the secret half), and the
// deactivation step is the AWS CLI's update-access-key for long-term keys (AWS CLI reference,
// "update-access-key"); temporary credentials get the advice to revoke sessions instead.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { accessKeyIdIn, deactivationCommand, ownerMessage, TEMPORARY_KEY_ADVICE } from '../../../src/audit/accessKeys';

const KEY = ['AKIA', 'QX7ZK2LMNP4RT6VW'].join('');

describe('access keys', () => {
  it('finds the key id in the text of a finding', () => {
    assert.equal(accessKeyIdIn(`aws_access_key_id = "${KEY}"`), KEY);
    assert.equal(accessKeyIdIn(`x${KEY}`), undefined);
    assert.equal(accessKeyIdIn('wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY'), undefined);
  });

  it('gives the update-access-key command, asking IAM for the user when the name is not known', () => {
    const owner = { accessKeyId: KEY, account: '123456789012', profiles: ['dev'] };
    assert.equal(deactivationCommand(owner, 'ci-bot'), `aws iam update-access-key --access-key-id ${KEY} --status Inactive --user-name ci-bot --profile dev`);
    assert.equal(
      deactivationCommand({ ...owner, profiles: ['default'] }),
      `aws iam update-access-key --access-key-id ${KEY} --status Inactive --user-name "$(aws iam get-access-key-last-used --access-key-id ${KEY} --query UserName --output text)"`,
    );
    assert.equal(deactivationCommand({ ...owner, accessKeyId: `ASIA${KEY.slice(4)}` }), undefined);
    assert.match(TEMPORARY_KEY_ADVICE, /Revoke active sessions/);
  });

  it('says whether the owner is one of the user’s accounts', () => {
    assert.match(
      ownerMessage({ accessKeyId: KEY, account: '123456789012', profiles: ['dev', 'ops'] }, []),
      /account of your profiles dev, ops\. Treat it as leaked/,
    );
    assert.match(
      ownerMessage({ accessKeyId: KEY, account: '999999999999', profiles: [] }, [{ profile: 'dev', account: '123456789012' }, { profile: 'broken' }]),
      /belongs to AWS account 999999999999, which is not the account of any of your profiles \(dev: 123456789012\)/,
    );
    // A profile that could not be asked is named, so "none of your profiles" is not taken as final.
    assert.match(
      ownerMessage({ accessKeyId: KEY, account: '999999999999', profiles: [] }, [{ profile: 'dev', account: '123456789012' }, { profile: 'broken' }]),
      /\(dev: 123456789012\)\. Not checked: broken \(no credentials without an MFA code or a sign-in\)\./,
    );
  });
});
