import * as path from 'node:path';
import * as vscode from 'vscode';
import { Commands } from '../constants';
import { registerCommand } from '../ui/commands';
import type { FeatureDeps } from '../ui/deps';
import { UserError } from '../ui/errors';
import { choose } from '../ui/wizard';
import { prepareRun } from './environment';
import { findReferencesFiles, isReferencesDocument } from './referencesDocuments';

/**
 * "Open Terminal with Secrets…": a terminal whose shell has a references file's values in its
 * environment. The terminal's process is `aws-secrets-lens exec … -- SHELL`, so the values are
 * read inside it and never pass through VS Code: not in the terminal's options (which the
 * terminal host logs at trace level), not in an EnvironmentVariableCollection (which VS Code
 * persists). It is transient, so VS Code neither saves it nor revives it after a reload.
 */
export function registerTerminalCommand(deps: FeatureDeps): vscode.Disposable {
  return registerCommand(deps, Commands.openTerminalWithSecrets, 'Open terminal with secrets', async (arg?: vscode.Uri) => {
    const uri = await pickReferencesFile(deps, arg);
    const { scope, label, file } = await prepareRun(deps, { uri });
    // The terminal reads the file from disk: what the editor shows is what it gets.
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open?.isDirty) await open.save();
    const shell = vscode.env.shell || process.env.SHELL || '/bin/sh';
    // Under Electron, its binary runs the CLI as Node only with ELECTRON_RUN_AS_NODE, which exec then takes out of the shell's environment.
    const electron = process.versions.electron !== undefined;
    const terminal = vscode.window.createTerminal({
      name: `Secrets: ${path.basename(uri.fsPath)}`,
      cwd: path.dirname(uri.fsPath),
      shellPath: process.execPath,
      shellArgs: [path.join(__dirname, 'cli.js'), 'exec', '--env-file', uri.fsPath, '--profile', scope.profile, '--region', scope.region, '--', shell],
      env: electron ? { ELECTRON_RUN_AS_NODE: '1', [UNSET_VARIABLE]: 'ELECTRON_RUN_AS_NODE' } : {},
      isTransient: true,
      iconPath: new vscode.ThemeIcon('key'),
    });
    terminal.show();
    deps.log.info(`opened a terminal that reads the ${file.references.length} references of ${label} (${scope.region}, profile ${scope.profile})`);
    return terminal;
  });
}

/** Names of variables `aws-secrets-lens exec` removes from the command's environment (set only by this terminal). */
const UNSET_VARIABLE = 'AWS_SECRETS_LENS_EXEC_UNSET';

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
