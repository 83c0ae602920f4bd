import * as vscode from 'vscode';
import { isAwsError } from '../aws/errors';
import { Commands } from '../constants';
import { isCancellation, UserError } from './errors';
import type { Log } from './logging';
import type { Prompts } from './prompts';

/**
 * Shows a failure with the next step as a button: sign in for an expired SSO session, the
 * log for anything else. Messages come from the AWS layer, which never includes values.
 */
export async function reportError(log: Log, prompts: Prompts, action: string, error: unknown): Promise<void> {
  if (isCancellation(error)) {
    log.info(`${action}: cancelled`);
    return;
  }
  // Unexpected errors get the action as context; explanations written for the user are shown as they are.
  const message =
    isAwsError(error) || error instanceof UserError ? error.message : `${action} failed: ${error instanceof Error ? error.message : String(error)}`;
  log.error(`${action}: ${message}`);
  const signIn = isAwsError(error) && error.kind === 'ssoExpired' ? 'Sign In with AWS SSO' : undefined;
  const choice = await prompts.error(message, ...(signIn ? [signIn] : []), 'Show Log');
  if (choice === 'Show Log') log.show();
  else if (choice && choice === signIn && isAwsError(error)) await vscode.commands.executeCommand(Commands.ssoLogin, error.context.profile);
}

/**
 * Registers a command whose failures are reported instead of surfacing as unhandled
 * rejections: every user-facing command goes through here.
 */
export function registerCommand(
  deps: { log: Log; prompts: Prompts },
  id: string,
  action: string,
  handler: (...args: never[]) => Promise<unknown> | unknown,
): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
    try {
      return await (handler as (...a: unknown[]) => unknown)(...args);
    } catch (error) {
      // Not awaited: a command's caller should not wait for the user to dismiss its error.
      void reportError(deps.log, deps.prompts, action, error);
      return undefined;
    }
  });
}
