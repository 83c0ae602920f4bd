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
  );
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
