import * as vscode from 'vscode';
import { isAwsError } from '../../aws/errors';
import { Commands } from '../../constants';
import type { Prompts } from '../../ui/prompts';
import { UserError } from '../../ui/userError';

/** Thrown (or returned) when the user backs out of a prompt: ends a command quietly. */
export class UserCancelled extends Error {
  constructor() {
    super('Cancelled');
  }
}

export { UserError };

export function isCancellation(error: unknown): boolean {
  return error instanceof UserCancelled || (isAwsError(error) && error.kind === 'cancelled');
}

/** Work that finishes sooner than this shows no notification (a flash of one is only noise). */
const PROGRESS_DELAY_MS = 500;

/**
 * Runs AWS work with a cancellable progress notification once it takes longer than a moment;
 * the AbortSignal reaches the SDK call, so Cancel really stops the request.
 */
export async function withProgress<T>(title: string, task: (signal: AbortSignal, report: (message: string) => void) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let report: (message: string) => void = () => undefined;
  const running = task(controller.signal, (message) => report(message));
  const timer = setTimeout(() => {
    void vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
      report = (message) => progress.report({ message });
      const subscription = token.onCancellationRequested(() => controller.abort());
      try {
        await running;
      } catch {
        // The caller reports failures; the notification only has to close.
      } finally {
        subscription.dispose();
      }
    });
  }, PROGRESS_DELAY_MS);
  try {
    return await running;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Shows a failure with the next step as a button: sign in for an expired SSO session, the
 * log for anything else. Messages come from the AWS layer, which never includes values.
 */
export async function reportError(log: vscode.LogOutputChannel, prompts: Prompts, action: string, error: unknown): Promise<void> {
  if (isCancellation(error)) {
    log.info(`${action}: cancelled`);
    return;
  }
  // Unexpected errors get the action as context; explanations written for the user are shown as they are.
  const message = isAwsError(error) || error instanceof UserError ? error.message : `${action} failed: ${error instanceof Error ? error.message : String(error)}`;
  log.error(`${action}: ${message}`);
  const signIn = isAwsError(error) && error.kind === 'ssoExpired' ? 'Sign In with AWS SSO' : undefined;
  const choice = await prompts.error(message, ...(signIn ? [signIn] : []), 'Show Log');
  if (choice === 'Show Log') log.show(true);
  else if (choice && choice === signIn && isAwsError(error)) await vscode.commands.executeCommand(Commands.ssoLogin, error.context.profile);
}

/**
 * Registers a command whose failures are reported instead of surfacing as unhandled
 * rejections: every user-facing command goes through here.
 */
export function registerCommand(
  deps: { log: vscode.LogOutputChannel; prompts: Prompts },
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
