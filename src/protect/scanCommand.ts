import * as vscode from 'vscode';
import { detectBundle } from '../loading/bundles';
import { Commands } from '../constants';
import { registerCommand } from '../ui/commands';
import { UserError } from '../ui/errors';
import type { ProtectDeps } from './protectDeps';

/** Files scanned between two yields to the extension host's event loop. */
const BATCH = 25;

/** Scans every file of the workspace (respecting excludes and .gitignore) into the Problems panel, with progress and Cancel. */
export function registerScanCommand(deps: ProtectDeps): vscode.Disposable {
  return registerCommand(deps, Commands.scanWorkspace, 'Scan workspace', async () => {
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
    if (folders.length === 0) throw new UserError('Open a folder to scan it for hard-coded secrets.');
    const detect = detectBundle();
    const settings = deps.findings.current;
    const summary = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Scanning for hard-coded secrets', cancellable: true },
      async (progress, token) => {
        let files = 0;
        let withFindings = 0;
        let findings = 0;
        // Nothing is left out in silence: each file not scanned is logged with its reason, and counted.
        let notScanned = 0;
        const skip = (path: string, reason: string) => {
          notScanned++;
          deps.log.info(`not scanned: ${path}: ${reason}`);
        };
        for (const folder of folders) {
          const { files: entries, skipped } = detect.collectFiles([folder.uri.fsPath], {
            cwd: folder.uri.fsPath,
            excludeGlobs: settings.exclude,
            useGitignore: true,
          });
          for (const entry of skipped) skip(`${folder.name}/${entry.path}`, entry.reason);
          for (let i = 0; i < entries.length; i++) {
            if (token.isCancellationRequested) return { files, withFindings, findings, notScanned, cancelled: true };
            if (i % BATCH === 0) {
              progress.report({ message: `${folder.name}: ${i} of ${entries.length} files`, increment: (BATCH / entries.length / folders.length) * 100 });
              await new Promise((resolve) => setImmediate(resolve));
            }
            const uri = vscode.Uri.file(entries[i].absolutePath);
            // An open document is scanned as it is in the editor, baseline applied.
            const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
            let found;
            let text: string;
            if (open) {
              found = await deps.findings.findings(open);
              text = open.getText();
            } else {
              const read = detect.readScannableFile(entries[i].absolutePath);
              if ('skipped' in read) {
                skip(`${folder.name}/${entries[i].relativePath}`, read.skipped);
                continue;
              }
              text = read.text;
              found = await deps.findings.scanText(uri, text);
            }
            files++;
            if (found.length > 0) {
              withFindings++;
              findings += found.length;
            }
            deps.diagnostics.show(uri, found, text);
          }
        }
        return { files, withFindings, findings, notScanned, cancelled: false };
      },
    );
    const left = summary.notScanned ? `; ${summary.notScanned} file${summary.notScanned === 1 ? '' : 's'} not scanned (listed in the log)` : '';
    const what = `${summary.findings} hard-coded secret${summary.findings === 1 ? '' : 's'} in ${summary.withFindings} of ${summary.files} files${left}`;
    const choice = await deps.prompts.info(
      summary.cancelled ? `Scan cancelled: ${what} so far.` : `Scan finished: ${what}.`,
      ...(summary.findings > 0 ? ['Show Problems'] : []),
    );
    if (choice === 'Show Problems') await vscode.commands.executeCommand('workbench.actions.view.problems');
  });
}
