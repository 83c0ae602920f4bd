import * as vscode from 'vscode';

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
