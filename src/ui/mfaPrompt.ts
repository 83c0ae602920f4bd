import { profileLabel } from '../aws/profileNames';
import type { Prompts } from './prompts';

/** Asks for a one-time MFA code when a role profile with `mfa_serial` is first used. */
export async function promptForMfaCode(prompts: Prompts, mfaSerial: string, profile: string): Promise<string | undefined> {
  const code = await prompts.input({
    title: `MFA code for profile ${profileLabel(profile)}`,
    prompt: `Enter the current code from ${mfaSerial}`,
    placeholder: '123456',
    validate: (value) => (/^\d{6}$/.test(value.trim()) ? undefined : 'An MFA code is 6 digits.'),
  });
  return typeof code === 'string' ? code.trim() : undefined;
}
