/**
 * Parameter policies, as the Systems Manager user guide ("Assigning parameter policies") and
 * API reference (PutParameter `Policies`, DescribeParameters `Policies`) document them, and
 * as the extension's ParameterStore reads and writes them. Some AWS-compatible endpoints return
 * PolicyText as an object instead of a JSON string: the store reads both.
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { DescribeParametersCommand, PutParameterCommand, type SSMClient } from '@aws-sdk/client-ssm';
import { expirationNotificationPolicy, expirationOf, expirationPolicy, withExpiration } from '../../src/aws/parameterPolicies';
import type { ParameterStore } from '../../src/aws/types';
import { Cleanup, eventually, openTestEndpoint, uniquePrefix, type TestEndpoint } from './endpoint';
import { openRuntime, PROFILE, type RuntimeFixture } from './runtimeFixture';

const IN_A_YEAR = new Date(Date.UTC(new Date().getUTCFullYear() + 1, 5, 1));

describe('parameter policies', () => {
  let endpoint: TestEndpoint;
  let ssm: SSMClient;
  let fixture: RuntimeFixture;
  let store: ParameterStore;
  let cleanup: Cleanup;

  before(async () => {
    endpoint = await openTestEndpoint();
    ssm = endpoint.ssm();
    fixture = await openRuntime(endpoint);
    store = await fixture.runtime.parameters(PROFILE, endpoint.region);
    cleanup = new Cleanup(endpoint);
  });
  afterEach(() => cleanup.run());
  after(async () => {
    await fixture.close();
    await endpoint.close();
  });

  it('stores the policies of an Advanced parameter and lists them in DescribeParameters', async () => {
    const name = cleanup.parameter(`/${uniquePrefix('policies')}/token`);
    const policies = [
      { Type: 'Expiration', Version: '1.0', Attributes: { Timestamp: IN_A_YEAR.toISOString() } },
      { Type: 'NoChangeNotification', Version: '1.0', Attributes: { After: '20', Unit: 'Days' } },
    ];
    await ssm.send(new PutParameterCommand({ Name: name, Value: 'v', Type: 'SecureString', Tier: 'Advanced', Policies: JSON.stringify(policies) }));
    const listed = await eventually(async () => {
      const found = (await ssm.send(new DescribeParametersCommand({ ParameterFilters: [{ Key: 'Name', Option: 'Equals', Values: [name] }] }))).Parameters?.[0];
      assert.equal(found?.Policies?.length, 2);
      return found;
    });
    assert.equal(listed?.Tier, 'Advanced');
  });

  it('reads expiration and notification policies through the store, whatever shape PolicyText has', async () => {
    const name = cleanup.parameter(`/${uniquePrefix('read-policies')}/token`);
    await store.put({
      name,
      value: 'v',
      type: 'String',
      tier: 'Advanced',
      overwrite: false,
      policies: [expirationPolicy(IN_A_YEAR), expirationNotificationPolicy(7)],
    });
    const summary = await eventually(async () => {
      const found = await store.describe(name);
      assert.equal(found.policies?.length, 2);
      return found;
    });
    assert.equal(expirationOf(summary.policies)?.toISOString(), IN_A_YEAR.toISOString());
    const notice = summary.policies?.find((p) => p.type === 'ExpirationNotification');
    assert.deepEqual(notice?.interval, { amount: 7, unit: 'Days' });
  });

  it('keeps the policies when a new value is written without them, and removes them on request', async () => {
    const name = cleanup.parameter(`/${uniquePrefix('keep-policies')}/token`);
    await store.put({ name, value: 'v1', type: 'String', tier: 'Advanced', overwrite: false, policies: [expirationPolicy(IN_A_YEAR)] });
    // User guide: "Parameter Store preserves policies on a parameter until you either overwrite the policies with new policies or remove the policies."
    await store.put({ name, value: 'v2', type: 'String', overwrite: true });
    await eventually(async () => assert.equal(expirationOf((await store.describe(name)).policies)?.toISOString(), IN_A_YEAR.toISOString()));
    const current = (await store.describe(name)).policies ?? [];
    await store.put({ name, value: 'v3', type: 'String', overwrite: true, tier: 'Advanced', policies: withExpiration(current, undefined) });
    await eventually(async () => assert.equal(expirationOf((await store.describe(name)).policies), undefined));
  });
});
