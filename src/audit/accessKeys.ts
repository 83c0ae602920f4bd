/**
 * A leaked AWS access key: whose it is and what to do. Only the key *id* is ever used (STS
 * GetAccessKeyInfo answers with its account); the secret half is never read, sent or shown.
 */

/** An access key id: AKIA (long-term user keys), ASIA (temporary credentials), ABIA / ACCA, then 16 upper-case letters and digits. */
export const ACCESS_KEY_ID = /^(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}$/;

/** The first access key id in a piece of text (the range of a finding), if any. */
export function accessKeyIdIn(text: string): string | undefined {
  return /(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Za-z0-9])/.exec(text)?.[0];
}

export function isTemporaryKey(accessKeyId: string): boolean {
  return accessKeyId.startsWith('ASIA');
}

export interface KeyOwner {
  readonly accessKeyId: string;
  readonly account: string;
  /** The user's profiles whose credentials are in that account. */
  readonly profiles: readonly string[];
}

/** What a temporary key's owner does instead: it cannot be deactivated, only its sessions revoked. */
export const TEMPORARY_KEY_ADVICE =
  "Temporary credentials (ASIA…) cannot be deactivated with update-access-key: revoke the role's active sessions (IAM console › Roles › the role › Revoke active sessions); they also expire on their own.";

/**
 * The step that turns a long-term key off, for its owner to run (the extension never does it);
 * undefined for temporary credentials. Without the user's name, the command asks IAM for it.
 */
export function deactivationCommand(owner: KeyOwner, userName?: string): string | undefined {
  if (isTemporaryKey(owner.accessKeyId)) return undefined;
  const profile = owner.profiles[0];
  const withProfile = profile && profile !== 'default' ? ` --profile ${profile}` : '';
  const user = userName ?? `"$(aws iam get-access-key-last-used --access-key-id ${owner.accessKeyId} --query UserName --output text${withProfile})"`;
  return `aws iam update-access-key --access-key-id ${owner.accessKeyId} --status Inactive --user-name ${user}${withProfile}`;
}

/** What the user is told about the key's owner. */
export function ownerMessage(owner: KeyOwner, checkedProfiles: readonly { profile: string; account?: string }[]): string {
  if (owner.profiles.length > 0) {
    return `${owner.accessKeyId} belongs to AWS account ${owner.account}, the account of your profile${owner.profiles.length === 1 ? '' : 's'} ${owner.profiles.join(', ')}. Treat it as leaked: deactivate it, then rotate it (create a new key, update what uses it, delete the old one).`;
  }
  const known = checkedProfiles.filter((p) => p.account).map((p) => `${p.profile}: ${p.account}`);
  // A profile whose account could not be asked (it needs an MFA code or a sign-in, or it failed) may still be the owner's.
  const unchecked = checkedProfiles.filter((p) => !p.account).map((p) => p.profile);
  const caveat = unchecked.length ? ` Not checked: ${unchecked.join(', ')} (no credentials without an MFA code or a sign-in).` : '';
  return `${owner.accessKeyId} belongs to AWS account ${owner.account}, which is not the account of any of your profiles${known.length ? ` (${known.join(', ')})` : ''}.${caveat} Tell that account's owner it is exposed; only they can deactivate it.`;
}
