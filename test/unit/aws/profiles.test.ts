import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { discoverProfiles } from '../../../src/aws/profiles';
import { ENVIRONMENT_PROFILE } from '../../../src/aws/profileNames';
import type { AwsProfile } from '../../../src/aws/types';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'aws');
const fileEnv = { AWS_CONFIG_FILE: join(FIXTURES, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(FIXTURES, 'credentials'), HOME: '/nonexistent' };

async function profiles(extraEnv: NodeJS.ProcessEnv = {}): Promise<Map<string, AwsProfile>> {
  const list = await discoverProfiles({ ...fileEnv, ...extraEnv });
  return new Map(list.map((p) => [p.name, p]));
}

describe('profile discovery', () => {
  it('finds every profile from both files, default first, without services or sso-session sections', async () => {
    const list = await discoverProfiles(fileEnv);
    assert.deepEqual(
      list.map((p) => p.name),
      ['default', 'assumed', 'ignores-endpoints', 'local', 'only-in-credentials', 'per-service', 'process', 'sso-legacy', 'sso-modern', 'static-keys', 'web'],
    );
  });

  it('recognises each kind of credentials', async () => {
    const p = await profiles();
    assert.equal(p.get('static-keys')?.kind, 'static');
    assert.equal(p.get('only-in-credentials')?.kind, 'static');
    assert.equal(p.get('sso-legacy')?.kind, 'sso');
    assert.equal(p.get('sso-modern')?.kind, 'sso');
    assert.equal(p.get('assumed')?.kind, 'role');
    assert.equal(p.get('process')?.kind, 'process');
    assert.equal(p.get('web')?.kind, 'webIdentity');
  });

  it('keeps the details shown in the profile tooltip', async () => {
    const p = await profiles();
    assert.equal(p.get('static-keys')?.region, 'eu-west-1');
    assert.equal(p.get('assumed')?.roleArn, 'arn:aws:iam::333333333333:role/Admin');
    assert.equal(p.get('assumed')?.sourceProfile, 'static-keys');
    assert.equal(p.get('assumed')?.mfaSerial, 'arn:aws:iam::444444444444:mfa/alice');
    assert.equal(p.get('sso-legacy')?.ssoStartUrl, 'https://legacy.awsapps.com/start');
    assert.equal(p.get('sso-modern')?.ssoSession, 'corp');
    assert.equal(p.get('sso-modern')?.ssoStartUrl, 'https://corp.awsapps.com/start', 'start URL comes from the sso-session section');
    assert.equal(p.get('process')?.region, undefined);
  });

  it('applies endpoint_url of a profile to every service', async () => {
    const local = (await profiles()).get('local');
    assert.deepEqual(local?.endpoints, {
      secretsmanager: 'http://localhost:4566',
      ssm: 'http://localhost:4566',
      kms: 'http://localhost:4566',
      lambda: 'http://localhost:4566',
      rds: 'http://localhost:4566',
      cloudtrail: 'http://localhost:4566',
      sts: 'http://localhost:4566',
    });
  });

  it('prefers a services section endpoint over the profile endpoint, per service', async () => {
    const p = (await profiles()).get('per-service');
    assert.equal(p?.endpoints.secretsmanager, 'http://sm-only:2222');
    assert.equal(p?.endpoints.ssm, 'http://ssm-only:3333');
    assert.equal(p?.endpoints.kms, 'http://profile-wide:1111');
  });

  it('honours ignore_configured_endpoint_urls', async () => {
    assert.deepEqual((await profiles()).get('ignores-endpoints')?.endpoints, {});
  });

  it('lets AWS_ENDPOINT_URL_<SERVICE> and AWS_ENDPOINT_URL override configured endpoints', async () => {
    const p = await profiles({ AWS_ENDPOINT_URL_SECRETS_MANAGER: 'http://env-sm:1', AWS_ENDPOINT_URL: 'http://env-all:2' });
    assert.equal(p.get('per-service')?.endpoints.secretsmanager, 'http://env-sm:1');
    assert.equal(p.get('per-service')?.endpoints.ssm, 'http://env-all:2');
    assert.equal(p.get('static-keys')?.endpoints.kms, 'http://env-all:2');
  });

  it('adds environment credentials as their own first entry when AWS_ACCESS_KEY_ID is set', async () => {
    const list = await discoverProfiles({ ...fileEnv, AWS_ACCESS_KEY_ID: 'AKIAENVIRONMENT00001', AWS_SECRET_ACCESS_KEY: 'x', AWS_REGION: 'ap-south-1' });
    assert.equal(list[0].name, ENVIRONMENT_PROFILE);
    assert.equal(list[0].kind, 'environment');
    assert.equal(list[0].region, 'ap-south-1');
    assert.equal(
      (await discoverProfiles(fileEnv)).some((p) => p.kind === 'environment'),
      false,
    );
  });

  it('returns no profiles (and does not throw) when the files do not exist', async () => {
    assert.deepEqual(await discoverProfiles({ AWS_CONFIG_FILE: '/nonexistent/config', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials' }), []);
  });

  it('sees edits to the files on the next discovery (no stale cache)', async () => {
    const { mkdtemp, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const dir = await mkdtemp(join(tmpdir(), 'asl-profiles-'));
    const env = { AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials') };
    await writeFile(env.AWS_CONFIG_FILE, '[profile one]\nregion = eu-west-1\n');
    assert.deepEqual(
      (await discoverProfiles(env)).map((p) => p.name),
      ['one'],
    );
    await writeFile(env.AWS_CONFIG_FILE, '[profile one]\nregion = eu-west-1\n[profile two]\nregion = eu-west-2\n');
    assert.deepEqual(
      (await discoverProfiles(env)).map((p) => p.name),
      ['one', 'two'],
    );
  });
});
