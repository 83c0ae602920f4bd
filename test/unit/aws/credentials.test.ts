import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { credentialsFor } from '../../../src/aws/credentials';
import { toAwsError } from '../../../src/aws/errors';

/** A token and a password that a failing credential_process puts on its command line and stderr. */
const TOKEN = 'tok-SECRET-1f2e3d4c5b6a';
const PASSWORD = 'pw-SECRET-9z8y7x';

describe('credential_process failures', () => {
  let dir: string;
  let files: { config: string; credentials: string };

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'asl-process-'));
    const script = join(dir, 'creds.js');
    // Exits with an error after printing the token to stderr, or prints what the first argument says.
    await writeFile(
      script,
      `const [mode] = process.argv.slice(2);
if (mode === 'fail') { console.error('auth failed for ${PASSWORD}'); process.exit(3); }
if (mode === 'garbage') { console.log('not json ${TOKEN}'); process.exit(0); }
console.log(JSON.stringify({ Version: 1, AccessKeyId: 'AKIDEXAMPLE', SecretAccessKey: 'x' }));`,
    );
    const node = JSON.stringify(process.execPath).slice(1, -1);
    files = { config: join(dir, 'config'), credentials: join(dir, 'credentials') };
    await writeFile(
      files.config,
      [
        `[profile failing]\ncredential_process = "${node}" "${script}" fail --token ${TOKEN}`,
        `[profile garbage]\ncredential_process = "${node}" "${script}" garbage --token ${TOKEN}`,
        `[profile working]\ncredential_process = "${node}" "${script}" ok --token ${TOKEN}`,
      ].join('\n'),
    );
    await writeFile(files.credentials, '');
  });

  after(() => rm(dir, { recursive: true, force: true }));

  const failureOf = async (profile: string): Promise<Error> => {
    try {
      await credentialsFor(profile, files)();
    } catch (error) {
      return error as Error;
    }
    throw new Error('expected the credential_process to fail');
  };

  it('says only what kind of failure it was, never the command line or its output', async () => {
    for (const [profile, kind] of [
      ['failing', /its command failed/],
      ['garbage', /not the JSON credentials/],
    ] as const) {
      const error = await failureOf(profile);
      assert.match(error.message, new RegExp(`credential_process of profile ${profile} failed`));
      assert.match(error.message, kind);
      for (const secret of [TOKEN, PASSWORD, 'creds.js', '--token']) assert.ok(!error.message.includes(secret), `${profile}: ${error.message}`);
      // Nor does the message the user sees, or the detail that is logged.
      const mapped = toAwsError(error, { profile, profileLabel: profile, region: 'us-east-1', service: 'secretsmanager', operation: 'ListSecrets' });
      assert.equal(mapped.kind, 'noCredentials');
      for (const text of [mapped.message, mapped.detail ?? '']) assert.ok(!text.includes(TOKEN) && !text.includes(PASSWORD), text);
    }
  });

  it('still uses the credentials a working process prints', async () => {
    assert.equal((await credentialsFor('working', files)()).accessKeyId, 'AKIDEXAMPLE');
  });
});
