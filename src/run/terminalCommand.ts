import * as path from 'node:path';
import * as vscode from 'vscode';
import { Commands } from '../constants';
import { registerCommand } from '../ui/commands';
import type { FeatureDeps } from '../ui/deps';
import { UserError } from '../ui/errors';
import { choose } from '../ui/wizard';
import { resolveEnvironment } from './environment';
import { findReferencesFiles, isReferencesDocument } from './referencesDocuments';

/**
 * "Open Terminal with Secrets…": a terminal whose environment holds a references file's values.
 * It is transient, so VS Code neither saves it nor revives it with them after a reload; the
 * values go into this terminal's options only, never into an EnvironmentVariableCollection
 * (which VS Code persists).
 */
export function registerTerminalCommand(deps: FeatureDeps): vscode.Disposable {
  return registerCommand(deps, Commands.openTerminalWithSecrets, 'Open terminal with secrets', async (arg?: vscode.Uri) => {
    const uri = await pickReferencesFile(deps, arg);
    const { values, scope } = await resolveEnvironment(deps, { uri });
    const terminal = vscode.window.createTerminal({
      name: `Secrets: ${path.basename(uri.fsPath)}`,
      cwd: path.dirname(uri.fsPath),
      env: values,
      isTransient: true,
      iconPath: new vscode.ThemeIcon('key'),
    });
    terminal.show();
    deps.log.info(`opened a terminal with ${Object.keys(values).length} variables from ${vscode.workspace.asRelativePath(uri)} (${scope.region})`);
    return terminal;
  });
}

/** The file given (a CodeLens, the explorer), else the active editor's, else one chosen from the workspace. */
export async function pickReferencesFile(deps: FeatureDeps, arg: vscode.Uri | undefined, title = 'References file'): Promise<vscode.Uri> {
  if (arg instanceof vscode.Uri) return arg;
  const active = vscode.window.activeTextEditor?.document;
  if (active && isReferencesDocument(active) && active.uri.scheme === 'file') return active.uri;
  const files = await findReferencesFiles();
  if (files.length === 0)
    throw new UserError('No references file (.env.aws) in this workspace. Create one, or use "Add to References File" on a secret in the AWS Secrets view.');
  if (files.length === 1) return files[0]!;
  const choice = await choose(deps.prompts, {
    title,
    placeholder: 'Choose the references file',
    items: files.map((uri) => ({ label: vscode.workspace.asRelativePath(uri), uri })),
  });
  return choice.uri;
}
