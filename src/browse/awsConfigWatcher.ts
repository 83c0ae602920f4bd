import * as vscode from 'vscode';
import { basename, dirname } from 'node:path';

/**
 * Watches the AWS config and credentials files (which usually live outside the workspace)
 * and calls `onChange` once per burst of edits.
 */
export function watchAwsConfigFiles(paths: { config: string; credentials: string }, onChange: () => void): vscode.Disposable {
  const watchers = [paths.config, paths.credentials].map((path) =>
    vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(dirname(path)), basename(path))),
  );
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Editors often write a file in several steps; coalesce them into one reload.
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      onChange();
    }, 300);
  };
  const subscriptions = watchers.flatMap((w) => [w.onDidChange(schedule), w.onDidCreate(schedule), w.onDidDelete(schedule)]);
  return new vscode.Disposable(() => {
    if (timer) clearTimeout(timer);
    for (const d of [...subscriptions, ...watchers]) d.dispose();
  });
}
