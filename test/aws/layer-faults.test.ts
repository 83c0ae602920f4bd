/**
 * How the extension's AWS layer behaves when AWS misbehaves: injected faults in the bundled
 * emulator. Skipped against an external endpoint, which cannot inject faults.
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { Cleanup, external, openTestEndpoint, uniquePrefix, type TestEndpoint } from './endpoint';
import { failure } from './awsFailure';
import { openRuntime, PROFILE, type RuntimeFixture } from './runtimeFixture';

describe('AWS layer under faults', { skip: external && 'fault injection needs the bundled emulator' }, () => {
  let endpoint: TestEndpoint;
  let fixture: RuntimeFixture;
  let cleanup: Cleanup;

  before(async () => {
    endpoint = await openTestEndpoint();
    fixture = await openRuntime(endpoint, '', { maxAttempts: 3 });
    cleanup = new Cleanup(endpoint);
  });
  afterEach(async () => {
    endpoint.emulator?.clearFaults();
    await cleanup.run();
  });
  after(async () => {
    await fixture.close();
    await endpoint.close();
  });

  const secrets = () => fixture.runtime.secrets(PROFILE, endpoint.region);
  const parameters = () => fixture.runtime.parameters(PROFILE, endpoint.region);

  it('denies access in one region while the other region keeps working', async () => {
    endpoint.emulator?.addFault({ region: endpoint.otherRegion, kind: 'accessDenied' });
    const denied = await failure(async () => (await fixture.runtime.secrets(PROFILE, endpoint.otherRegion)).list({ pageSize: 10 }));
    assert.equal(denied.kind, 'accessDenied');
    assert.equal(
      denied.message,
      `Access denied to secretsmanager:ListSecrets in ${endpoint.otherRegion} for profile ${PROFILE}. Ask for this permission or use another profile.`,
    );
    const page = await (await secrets()).list({ pageSize: 10 });
    assert.ok(Array.isArray(page.items));
  });

  it('retries throttled calls and succeeds when the throttling stops', async () => {
    endpoint.emulator?.addFault({ service: 'ssm', operation: 'DescribeParameters', kind: 'throttle', times: 2 });
    const page = await (await parameters()).list({ pageSize: 10 });
    assert.ok(Array.isArray(page.items));
    assert.ok((endpoint.emulator?.stats()['ssm.DescribeParameters'] ?? 0) >= 3, 'the SDK retried');
  });

  it('gives up on a throttling storm with a clear message', async () => {
    endpoint.emulator?.addFault({ service: 'secretsmanager', kind: 'throttle' });
    const error = await failure(async () => (await secrets()).list({ pageSize: 10 }));
    assert.equal(error.kind, 'throttled');
    assert.match(error.message, /Secrets Manager is throttling requests .* Wait a moment and try again\./);
  });

  it("reports internal errors and expired tokens in the user's terms", async () => {
    endpoint.emulator?.addFault({ service: 'secretsmanager', kind: 'serverError' });
    assert.equal((await failure(async () => (await secrets()).list({ pageSize: 10 }))).kind, 'serviceError');
    endpoint.emulator?.clearFaults();
    endpoint.emulator?.addFault({ service: 'ssm', kind: 'expiredToken' });
    const expired = await failure(async () => (await parameters()).list({ pageSize: 10 }));
    assert.equal(expired.kind, 'expiredCredentials');
    assert.match(expired.message, /credentials of profile under-test have expired/);
  });

  it('cancels a slow call through its AbortSignal', async () => {
    endpoint.emulator?.addFault({ service: 'secretsmanager', kind: 'latency', latencyMs: 10_000 });
    const controller = new AbortController();
    const pending = (async () => (await secrets()).list({ pageSize: 10, signal: controller.signal }))();
    controller.abort();
    const error = await failure(() => pending);
    assert.equal(error.kind, 'cancelled');
  });

  it('does not leak the value being written when the write fails', async () => {
    const value = `leak-check-${uniquePrefix('v')}`;
    const name = cleanup.secret(`${uniquePrefix('fault-write')}/x`);
    endpoint.emulator?.addFault({ service: 'secretsmanager', operation: 'CreateSecret', kind: 'serverError' });
    const error = await failure(async () => (await secrets()).create({ name, value: { text: value } }));
    assert.ok(!error.message.includes(value));
    assert.ok(fixture.logLines.every((line) => !line.includes(value)));
  });
});
