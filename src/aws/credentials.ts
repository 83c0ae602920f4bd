import { fromEnv, fromIni } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import { ENVIRONMENT_PROFILE } from './profileNames';
import type { MfaCodeProvider } from './types';

/** Refresh credentials this long before they expire, so a call never starts with stale ones. */
const REFRESH_MARGIN_MS = 5 * 60 * 1000;

/**
 * One credential provider per profile, shared by every client of that profile, so an MFA
 * prompt, role assumption or SSO exchange happens once per profile rather than once per
 * region and service. `fromIni` covers static keys, `role_arn` + `source_profile`,
 * `credential_process`, web identity and SSO; environment credentials use `fromEnv`.
 */
export function credentialsFor(
  profile: string,
  files: { config: string; credentials: string },
  mfaCodeProvider?: MfaCodeProvider,
): AwsCredentialIdentityProvider {
  if (profile === ENVIRONMENT_PROFILE) return shareUntilExpiry(fromEnv());
  return shareUntilExpiry(
    withoutProcessOutput(
      profile,
      fromIni({
        profile,
        configFilepath: files.config,
        filepath: files.credentials,
        ignoreCache: true,
        mfaCodeProvider: async (serial: string) => {
          const code = mfaCodeProvider ? await mfaCodeProvider(serial, profile) : undefined;
          if (!code) throw new Error(`An MFA code for ${serial} is needed to use profile ${profile}, and none was entered.`);
          return code;
        },
      }),
    ),
  );
}

/**
 * What went wrong with a `credential_process`, in words that never quote it. The SDK's message
 * for a failed command is Node's "Command failed: <the whole command line>\n<its stderr>", and
 * either can hold a token or a password; so only the kind of failure is kept.
 */
export function credentialProcessFailure(message: string): string | undefined {
  if (/^Command failed:/.test(message)) return 'its command failed (it could not run, or exited with an error)';
  if (/credential_process returned invalid JSON/.test(message)) return 'its command printed something that is not the JSON credentials';
  if (/credential_process did not return Version 1/.test(message)) return 'its command printed JSON without "Version": 1';
  if (/credential_process returned invalid credentials/.test(message)) return 'its command printed no AccessKeyId or SecretAccessKey';
  if (/credential_process returned expired credentials/.test(message)) return 'its command printed credentials that have already expired';
  if (/credential_process/.test(message)) return 'it failed';
  return undefined;
}

/** Replaces the error of a failed credential_process with one naming only the kind of failure (never the command or its output). */
function withoutProcessOutput(profile: string, provider: AwsCredentialIdentityProvider): AwsCredentialIdentityProvider {
  return async (...args) => {
    try {
      return await provider(...args);
    } catch (error) {
      const failure = error instanceof Error ? credentialProcessFailure(error.message) : undefined;
      if (!failure) throw error;
      throw Object.assign(new Error(`The credential_process of profile ${profile} failed: ${failure}. Run it in a terminal to see why.`), {
        name: 'CredentialsProviderError',
      });
    }
  };
}

/** Caches the provider's result until shortly before it expires; a failure is not cached, so retry works. */
function shareUntilExpiry(provider: AwsCredentialIdentityProvider): AwsCredentialIdentityProvider {
  let pending: Promise<AwsCredentialIdentity> | undefined;
  return async () => {
    const current = pending;
    if (current) {
      const identity = await current.catch(() => undefined);
      if (identity && !expiresSoon(identity)) return identity;
      if (pending === current) pending = undefined;
    }
    pending ??= provider();
    const mine = pending;
    try {
      return await mine;
    } catch (error) {
      if (pending === mine) pending = undefined;
      throw error;
    }
  };
}

function expiresSoon(identity: AwsCredentialIdentity): boolean {
  return identity.expiration !== undefined && identity.expiration.getTime() - Date.now() < REFRESH_MARGIN_MS;
}
