import * as vscode from 'vscode';
import { profileLabel } from './aws/profileNames';

/** Asks for a one-time MFA code when a role profile with `mfa_serial` is first used. */
export async function promptForMfaCode(mfaSerial: string, profile: string): Promise<string | undefined> {
  const code = await vscode.window.showInputBox({
    title: `MFA code for profile ${profileLabel(profile)}`,
    prompt: `Enter the current code from ${mfaSerial}`,
    placeHolder: '123456',
    ignoreFocusOut: true,
    validateInput: (value) => (/^\d{6}$/.test(value.trim()) ? undefined : 'An MFA code is 6 digits.'),
  });
  return code?.trim();
}
