import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import { configFilePaths } from './configFiles';
import { resolveEndpoints } from './endpoints';
import { ENVIRONMENT_PROFILE } from './profileNames';
import type { AwsProfile, ProfileKind } from './types';

type IniSection = Record<string, string | undefined>;

/**
 * Reads every profile from the AWS config and credentials files (with the SDK's own parser),
 * plus an entry for environment credentials when `AWS_ACCESS_KEY_ID` is set.
 * Profiles come back sorted: environment first, then `default`, then by name.
 */
export async function discoverProfiles(env: NodeJS.ProcessEnv = process.env): Promise<AwsProfile[]> {
  const paths = configFilePaths(env);
  // The loader caches file contents per path; ignoreCache makes a refresh see edits.
  const { configFile, credentialsFile } = await loadSharedConfigFiles({
    configFilepath: paths.config,
    filepath: paths.credentials,
    ignoreCache: true,
  });

  const names = new Set<string>();
  for (const key of [...Object.keys(configFile), ...Object.keys(credentialsFile)]) {
    // The loader keys `[services x]` and `[sso-session x]` sections as "services.x" / "sso-session.x".
    if (!isSpecialSection(key)) names.add(key);
  }

  const profiles: AwsProfile[] = [];
  for (const name of names) {
    // Values in the credentials file win over the config file, as in the AWS CLI.
    const section: IniSection = { ...configFile[name], ...credentialsFile[name] };
    const servicesSection = section.services ? configFile[`services.${section.services}`] : undefined;
    profiles.push({
      name,
      kind: profileKind(section),
      region: section.region || undefined,
      endpoints: resolveEndpoints({ profile: section, services: servicesSection, env }),
      roleArn: section.role_arn,
      sourceProfile: section.source_profile,
      mfaSerial: section.mfa_serial,
      ssoStartUrl: section.sso_start_url ?? (section.sso_session ? configFile[`sso-session.${section.sso_session}`]?.sso_start_url : undefined),
      ssoSession: section.sso_session,
    });
  }
  profiles.sort(compareProfiles);

  if (env.AWS_ACCESS_KEY_ID) {
    profiles.unshift({
      name: ENVIRONMENT_PROFILE,
      kind: 'environment',
      region: env.AWS_REGION || env.AWS_DEFAULT_REGION || undefined,
      endpoints: resolveEndpoints({ profile: {}, env }),
    });
  }
  return profiles;
}

function isSpecialSection(key: string): boolean {
  return key.startsWith('services.') || key.startsWith('sso-session.');
}

function profileKind(section: IniSection): ProfileKind {
  if (section.sso_session || section.sso_start_url) return 'sso';
  if (section.web_identity_token_file) return 'webIdentity';
  if (section.role_arn) return 'role';
  if (section.credential_process) return 'process';
  if (section.aws_access_key_id) return 'static';
  return 'other';
}

function compareProfiles(a: AwsProfile, b: AwsProfile): number {
  if (a.name === 'default') return -1;
  if (b.name === 'default') return 1;
  return a.name.localeCompare(b.name);
}
