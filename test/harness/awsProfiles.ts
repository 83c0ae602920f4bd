// Temporary AWS config and credentials files whose profiles point at the emulator through
// `endpoint_url`. They reach the extension host through AWS_CONFIG_FILE and
// AWS_SHARED_CREDENTIALS_FILE, so the user's real ~/.aws is never read by tests or the demo.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from './tempDir';

export interface AwsProfile {
  name: string;
  region?: string;
  /** Defaults to the emulator endpoint given to writeAwsProfiles; null writes no endpoint_url. */
  endpointUrl?: string | null;
  /** Static keys; both default to fake ones. Set `credentials: false` for a profile without any. */
  accessKeyId?: string;
  secretAccessKey?: string;
  credentials?: boolean;
  /** Any other config keys (role_arn, source_profile, sso_session, credential_process…). */
  config?: Record<string, string>;
}

export interface AwsProfileFiles {
  dir: string;
  configFile: string;
  credentialsFile: string;
  /** Pass to the process that should see these profiles. */
  env: { AWS_CONFIG_FILE: string; AWS_SHARED_CREDENTIALS_FILE: string };
  dispose(): void;
}

/** Not real keys, and shaped so that nothing mistakes them for AWS's documented examples. */
export const FAKE_ACCESS_KEY_ID = 'AKIAZ3EMULATORDEMO01';
export const FAKE_SECRET_ACCESS_KEY = 'emulator/demo/Fake+SecretKey0000000000000';

/** The `demo` profile: us-east-1 on the emulator. */
export function demoProfile(): AwsProfile {
  return { name: 'demo', region: 'us-east-1' };
}

export function writeAwsProfiles(endpoint: string, profiles: readonly AwsProfile[] = [demoProfile()]): AwsProfileFiles {
  const dir = makeTempDir('aws');
  const configFile = join(dir.path, 'config');
  const credentialsFile = join(dir.path, 'credentials');
  const config: string[] = [];
  const credentials: string[] = [];
  for (const profile of profiles) {
    // In the config file every section but `default` is `[profile NAME]`; in credentials, `[NAME]`.
    config.push(profile.name === 'default' ? '[default]' : `[profile ${profile.name}]`);
    if (profile.region) config.push(`region = ${profile.region}`);
    const endpointUrl = profile.endpointUrl === undefined ? endpoint : profile.endpointUrl;
    if (endpointUrl) config.push(`endpoint_url = ${endpointUrl}`);
    for (const [key, value] of Object.entries(profile.config ?? {})) config.push(`${key} = ${value}`);
    config.push('');
    if (profile.credentials !== false) {
      credentials.push(
        `[${profile.name}]`,
        `aws_access_key_id = ${profile.accessKeyId ?? FAKE_ACCESS_KEY_ID}`,
        `aws_secret_access_key = ${profile.secretAccessKey ?? FAKE_SECRET_ACCESS_KEY}`,
        '',
      );
    }
  }
  writeFileSync(configFile, config.join('\n'), { mode: 0o600 });
  writeFileSync(credentialsFile, credentials.join('\n'), { mode: 0o600 });
  return {
    dir: dir.path,
    configFile,
    credentialsFile,
    env: { AWS_CONFIG_FILE: configFile, AWS_SHARED_CREDENTIALS_FILE: credentialsFile },
    dispose: dir.dispose,
  };
}
