/** Profile naming shared by the lazily loaded AWS layer and the extension (no SDK import here). */

/** Id of the pseudo-profile for credentials taken from `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY`. */
export const ENVIRONMENT_PROFILE = '$environment';

/** Human label of a profile (the environment entry has no name of its own). */
export function profileLabel(profileName: string): string {
  return profileName === ENVIRONMENT_PROFILE ? 'Environment variables' : profileName;
}
