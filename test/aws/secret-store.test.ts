/**
 * The extension's SecretStore (src/aws) against a real wire-protocol endpoint: the bundled
 * emulator by default, or TEST_AWS_ENDPOINT. Each test creates its own uniquely named
 * secrets and removes them afterwards. That a page holds at most pageSize items against a
 * server that honours MaxResults is checked against the emulator only (emulator-fidelity-wire.test.ts).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eventually, uniquePrefix } from './endpoint';
import { failure } from './awsFailure';
import { openRuntime, PROFILE, secretStoreSuite } from './runtimeFixture';

describe('SecretStore', () => {
  const aws = secretStoreSuite();

  it('reads the profile and its endpoint_url from the config file', async () => {
    const profiles = await aws.fixture.runtime.listProfiles();
    assert.deepEqual(
      profiles.map((p) => p.name),
      [PROFILE],
    );
    assert.equal(profiles[0].endpoints.secretsmanager, aws.endpoint.endpoint);
  });

  it('pages through a filtered listing without repeating or losing a secret, whatever the page size', async () => {
    const prefix = uniquePrefix('paging');
    const names = Array.from({ length: 7 }, (_, i) => aws.cleanup.secret(`${prefix}/s${i}`));
    for (const name of names) await aws.store.create({ name, value: { text: 'x' } });

    const seen: string[] = [];
    await eventually(async () => {
      seen.length = 0;
      let nextToken: string | undefined;
      do {
        const page = await aws.store.list({ nameFilter: prefix, pageSize: 3, nextToken });
        seen.push(...page.items.map((s) => s.name));
        nextToken = page.nextToken;
      } while (nextToken);
      assert.deepEqual([...seen].sort(), names);
    });
  });

  it('creates a secret with description, KMS key and tags, and describes it back', async () => {
    const name = aws.cleanup.secret(`${uniquePrefix('create')}/db`);
    const created = await aws.store.create({
      name,
      value: { text: JSON.stringify({ username: 'app', password: 'pa55-word' }) },
      description: 'Payments database',
      tags: [{ key: 'team', value: 'payments' }],
    });
    assert.equal(created.name, name);
    assert.match(created.arn, /^arn:aws:secretsmanager:[a-z0-9-]+:\d{12}:secret:/);

    const described = await aws.store.describe(name);
    assert.equal(described.description, 'Payments database');
    assert.deepEqual(described.tags, [{ key: 'team', value: 'payments' }]);
    assert.equal(described.rotationEnabled, false);
    const value = await aws.store.getValue(name);
    assert.deepEqual(JSON.parse(value.text ?? ''), { username: 'app', password: 'pa55-word' });
    assert.deepEqual(value.stages, ['AWSCURRENT']);
  });

  it('keeps binary secrets binary', async () => {
    const name = aws.cleanup.secret(`${uniquePrefix('binary')}/keystore`);
    const bytes = new Uint8Array([0, 1, 2, 253, 254, 255]);
    await aws.store.create({ name, value: { binary: bytes } });
    const value = await aws.store.getValue(name);
    assert.equal(value.text, undefined);
    assert.deepEqual([...(value.binary ?? [])], [...bytes]);
  });

  it('moves AWSCURRENT and AWSPREVIOUS on a new version, and custom labels on request', async () => {
    const name = aws.cleanup.secret(`${uniquePrefix('stages')}/api-key`);
    const first = await aws.store.create({ name, value: { text: 'v1' } });
    const second = await aws.store.putValue(name, { text: 'v2' });
    assert.ok(first.versionId && second.versionId && first.versionId !== second.versionId);

    let versions = await aws.store.listVersions(name);
    const stagesOf = (id: string | undefined) => versions.find((v) => v.versionId === id)?.stages ?? [];
    assert.deepEqual(stagesOf(second.versionId), ['AWSCURRENT']);
    assert.deepEqual(stagesOf(first.versionId), ['AWSPREVIOUS']);
    assert.equal((await aws.store.getValue(name, { versionStage: 'AWSPREVIOUS' })).text, 'v1');
    assert.equal((await aws.store.getValue(name, { versionId: second.versionId })).text, 'v2');

    await aws.store.moveStage(name, 'blue', { toVersionId: first.versionId });
    versions = await aws.store.listVersions(name);
    assert.ok(stagesOf(first.versionId).includes('blue'));
    await aws.store.moveStage(name, 'blue', { toVersionId: second.versionId, fromVersionId: first.versionId });
    versions = await aws.store.listVersions(name);
    assert.ok(stagesOf(second.versionId).includes('blue'));
    assert.ok(!stagesOf(first.versionId).includes('blue'));
  });

  it('schedules deletion, refuses reads while scheduled, and restores', async () => {
    const name = aws.cleanup.secret(`${uniquePrefix('delete')}/token`);
    await aws.store.create({ name, value: { text: 't0ken-value' } });
    const { deletionDate } = await aws.store.delete(name, { recoveryWindowDays: 7 });
    assert.ok(deletionDate && deletionDate.getTime() > Date.now() + 6 * 24 * 3600 * 1000, 'deletion is at least 7 days away');
    assert.ok((await aws.store.describe(name)).deletedDate);

    const scheduled = await failure(() => aws.store.getValue(name));
    assert.equal(scheduled.kind, 'scheduledForDeletion');
    assert.match(scheduled.message, /scheduled for deletion/);
    assert.ok(!scheduled.message.includes('t0ken-value'));

    await aws.store.restore(name);
    assert.equal((await aws.store.describe(name)).deletedDate, undefined);
    assert.equal((await aws.store.getValue(name)).text, 't0ken-value');

    await aws.store.delete(name, { force: true });
    assert.equal((await failure(() => aws.store.describe(name))).kind, 'notFound');
  });

  it('tags and untags', async () => {
    const name = aws.cleanup.secret(`${uniquePrefix('tags')}/x`);
    await aws.store.create({ name, value: { text: 'x' }, tags: [{ key: 'a', value: '1' }] });
    await aws.store.tag(name, [
      { key: 'b', value: '2' },
      { key: 'a', value: 'changed' },
    ]);
    await aws.store.untag(name, ['b']);
    assert.deepEqual((await aws.store.describe(name)).tags, [{ key: 'a', value: 'changed' }]);
  });

  it('generates random passwords with the requested options', async () => {
    const password = await aws.store.randomPassword({ length: 40, excludePunctuation: true });
    assert.equal(password.length, 40);
    assert.match(password, /^[A-Za-z0-9]+$/);
  });

  it('raises typed errors that say what to do, for a missing and an existing secret', async () => {
    const missing = await failure(() => aws.store.describe(`${uniquePrefix('missing')}/nothing-here`));
    assert.equal(missing.kind, 'notFound');
    assert.match(missing.message, /was not found in .* for profile under-test/);

    const name = aws.cleanup.secret(`${uniquePrefix('exists')}/dup`);
    await aws.store.create({ name, value: { text: 'first-value' } });
    const exists = await failure(() => aws.store.create({ name, value: { text: 'second-value' } }));
    assert.equal(exists.kind, 'alreadyExists');
    assert.match(exists.message, /already exists/);
    assert.ok(!exists.message.includes('second-value'));
  });

  it('reports an unreachable endpoint as a network error naming it', async () => {
    const broken = await openRuntime(
      aws.endpoint,
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
      aws.endpoint,
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
    const name = aws.cleanup.secret(`${uniquePrefix('leak')}/v`);
    await aws.store.create({ name, value: { text: value } });
    await aws.store.putValue(name, { text: `${value}-2` });
    await aws.store.getValue(name);
    await failure(() => aws.store.create({ name, value: { text: value } }));
    assert.ok(aws.fixture.logLines.length > 0, 'the AWS layer logs its calls');
    assert.ok(aws.fixture.logLines.every((line) => !line.includes(value)));
  });
});
