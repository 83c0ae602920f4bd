/**
 * The extension's SecretStore (src/aws) against a real wire-protocol endpoint: the bundled
 * emulator by default, or TEST_AWS_ENDPOINT. Each test creates its own uniquely named
 * secrets and removes them afterwards. That a page holds at most pageSize items against a
 * server that honours MaxResults is checked against the emulator only (emulator-fidelity-wire.test.ts).
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import type { SecretStore } from '../../src/aws/types';
import { Cleanup, eventually, openTestEndpoint, uniquePrefix, type TestEndpoint } from './endpoint';
import { failure } from './awsFailure';
import { openRuntime, PROFILE, type RuntimeFixture } from './runtimeFixture';

describe('SecretStore', () => {
  let endpoint: TestEndpoint;
  let fixture: RuntimeFixture;
  let store: SecretStore;
  let cleanup: Cleanup;

  before(async () => {
    endpoint = await openTestEndpoint();
    fixture = await openRuntime(endpoint);
    store = await fixture.runtime.secrets(PROFILE, endpoint.region);
    cleanup = new Cleanup(endpoint);
  });
  afterEach(() => cleanup.run());
  after(async () => {
    await fixture.close();
    await endpoint.close();
  });

  it('reads the profile and its endpoint_url from the config file', async () => {
    const profiles = await fixture.runtime.listProfiles();
    assert.deepEqual(
      profiles.map((p) => p.name),
      [PROFILE],
    );
    assert.equal(profiles[0].endpoints.secretsmanager, endpoint.endpoint);
  });

  it('pages through a filtered listing without repeating or losing a secret, whatever the page size', async () => {
    const prefix = uniquePrefix('paging');
    const names = Array.from({ length: 7 }, (_, i) => cleanup.secret(`${prefix}/s${i}`));
    for (const name of names) await store.create({ name, value: { text: 'x' } });

    const seen: string[] = [];
    await eventually(async () => {
      seen.length = 0;
      let nextToken: string | undefined;
      do {
        const page = await store.list({ nameFilter: prefix, pageSize: 3, nextToken });
        seen.push(...page.items.map((s) => s.name));
        nextToken = page.nextToken;
      } while (nextToken);
      assert.deepEqual([...seen].sort(), names);
    });
  });

  it('creates a secret with description, KMS key and tags, and describes it back', async () => {
    const name = cleanup.secret(`${uniquePrefix('create')}/db`);
    const created = await store.create({
      name,
      value: { text: JSON.stringify({ username: 'app', password: 'pa55-word' }) },
      description: 'Payments database',
      tags: [{ key: 'team', value: 'payments' }],
    });
    assert.equal(created.name, name);
    assert.match(created.arn, /^arn:aws:secretsmanager:[a-z0-9-]+:\d{12}:secret:/);

    const described = await store.describe(name);
    assert.equal(described.description, 'Payments database');
    assert.deepEqual(described.tags, [{ key: 'team', value: 'payments' }]);
    assert.equal(described.rotationEnabled, false);
    const value = await store.getValue(name);
    assert.deepEqual(JSON.parse(value.text ?? ''), { username: 'app', password: 'pa55-word' });
    assert.deepEqual(value.stages, ['AWSCURRENT']);
  });

  it('keeps binary secrets binary', async () => {
    const name = cleanup.secret(`${uniquePrefix('binary')}/keystore`);
    const bytes = new Uint8Array([0, 1, 2, 253, 254, 255]);
    await store.create({ name, value: { binary: bytes } });
    const value = await store.getValue(name);
    assert.equal(value.text, undefined);
    assert.deepEqual([...(value.binary ?? [])], [...bytes]);
  });

  it('moves AWSCURRENT and AWSPREVIOUS on a new version, and custom labels on request', async () => {
    const name = cleanup.secret(`${uniquePrefix('stages')}/api-key`);
    const first = await store.create({ name, value: { text: 'v1' } });
    const second = await store.putValue(name, { text: 'v2' });
    assert.ok(first.versionId && second.versionId && first.versionId !== second.versionId);

    let versions = await store.listVersions(name);
    const stagesOf = (id: string | undefined) => versions.find((v) => v.versionId === id)?.stages ?? [];
    assert.deepEqual(stagesOf(second.versionId), ['AWSCURRENT']);
    assert.deepEqual(stagesOf(first.versionId), ['AWSPREVIOUS']);
    assert.equal((await store.getValue(name, { versionStage: 'AWSPREVIOUS' })).text, 'v1');
    assert.equal((await store.getValue(name, { versionId: second.versionId })).text, 'v2');

    await store.moveStage(name, 'blue', { toVersionId: first.versionId });
    versions = await store.listVersions(name);
    assert.ok(stagesOf(first.versionId).includes('blue'));
    await store.moveStage(name, 'blue', { toVersionId: second.versionId, fromVersionId: first.versionId });
    versions = await store.listVersions(name);
    assert.ok(stagesOf(second.versionId).includes('blue'));
    assert.ok(!stagesOf(first.versionId).includes('blue'));
  });

  it('schedules deletion, refuses reads while scheduled, and restores', async () => {
    const name = cleanup.secret(`${uniquePrefix('delete')}/token`);
    await store.create({ name, value: { text: 't0ken-value' } });
    const { deletionDate } = await store.delete(name, { recoveryWindowDays: 7 });
    assert.ok(deletionDate && deletionDate.getTime() > Date.now() + 6 * 24 * 3600 * 1000, 'deletion is at least 7 days away');
    assert.ok((await store.describe(name)).deletedDate);

    const scheduled = await failure(() => store.getValue(name));
    assert.equal(scheduled.kind, 'scheduledForDeletion');
    assert.match(scheduled.message, /scheduled for deletion/);
    assert.ok(!scheduled.message.includes('t0ken-value'));

    await store.restore(name);
    assert.equal((await store.describe(name)).deletedDate, undefined);
    assert.equal((await store.getValue(name)).text, 't0ken-value');

    await store.delete(name, { force: true });
    assert.equal((await failure(() => store.describe(name))).kind, 'notFound');
  });

  it('tags and untags', async () => {
    const name = cleanup.secret(`${uniquePrefix('tags')}/x`);
    await store.create({ name, value: { text: 'x' }, tags: [{ key: 'a', value: '1' }] });
    await store.tag(name, [
      { key: 'b', value: '2' },
      { key: 'a', value: 'changed' },
    ]);
    await store.untag(name, ['b']);
    assert.deepEqual((await store.describe(name)).tags, [{ key: 'a', value: 'changed' }]);
  });

  it('generates random passwords with the requested options', async () => {
    const password = await store.randomPassword({ length: 40, excludePunctuation: true });
    assert.equal(password.length, 40);
    assert.match(password, /^[A-Za-z0-9]+$/);
  });

  it('raises typed errors that say what to do, for a missing and an existing secret', async () => {
    const missing = await failure(() => store.describe(`${uniquePrefix('missing')}/nothing-here`));
    assert.equal(missing.kind, 'notFound');
    assert.match(missing.message, /was not found in .* for profile under-test/);

    const name = cleanup.secret(`${uniquePrefix('exists')}/dup`);
    await store.create({ name, value: { text: 'first-value' } });
    const exists = await failure(() => store.create({ name, value: { text: 'second-value' } }));
    assert.equal(exists.kind, 'alreadyExists');
    assert.match(exists.message, /already exists/);
    assert.ok(!exists.message.includes('second-value'));
  });

  it('reports an unreachable endpoint as a network error naming it', async () => {
    const broken = await openRuntime(
      endpoint,
      '[profile unreachable]\nregion = us-east-1\nendpoint_url = http://127.0.0.1:9\naws_access_key_id = AKIDUNREACHABLE\naws_secret_access_key = x\n',
    );
    try {
      const unreachable = await broken.runtime.secrets('unreachable', 'us-east-1');
      const error = await failure(() => unreachable.list({ pageSize: 10 }));
      assert.equal(error.kind, 'network');
      assert.match(error.message, /Could not reach Secrets Manager at http:\/\/127\.0\.0\.1:9/);
    } finally {
      await broken.close();
    }
  });

  it('reports a missing SSO session with the command that fixes it', async () => {
    const sso = await openRuntime(
      endpoint,
      '[profile sso-user]\nsso_session = corp\nsso_account_id = 111111111111\nsso_role_name = Dev\nregion = us-east-1\n[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = us-east-1\n',
    );
    // The SDK finds SSO token caches under HOME; the fixture's HOME has none.
    const home = process.env.HOME;
    process.env.HOME = sso.env.HOME;
    try {
      const store = await sso.runtime.secrets('sso-user', 'us-east-1');
      const error = await failure(() => store.list({ pageSize: 10 }));
      assert.equal(error.kind, 'ssoExpired');
      assert.match(error.message, /aws sso login --profile sso-user/);
    } finally {
      process.env.HOME = home;
      await sso.close();
    }
  });

  it('never writes a secret value into its log', async () => {
    const value = `never-log-me-${uniquePrefix('leak')}`;
    const name = cleanup.secret(`${uniquePrefix('leak')}/v`);
    await store.create({ name, value: { text: value } });
    await store.putValue(name, { text: `${value}-2` });
    await store.getValue(name);
    await failure(() => store.create({ name, value: { text: value } }));
    assert.ok(fixture.logLines.length > 0, 'the AWS layer logs its calls');
    assert.ok(fixture.logLines.every((line) => !line.includes(value)));
  });
});
