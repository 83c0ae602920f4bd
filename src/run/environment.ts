import * as path from 'node:path';
import * as vscode from 'vscode';
import { profileLabel } from '../aws/profileNames';
import { parseReferencesFile, type ReferencesFile } from '../references/file';
import { describeFailure, resolveReferencesFile, ResolveError, type Scope } from '../references/resolve';
import { readRunSettings } from '../settings/settings';
import { UserError } from '../ui/errors';
import type { FeatureDeps } from '../ui/deps';
import { resolveScope } from '../ui/pickers';
import { withProgress } from '../ui/progress';

/** A references file to run with, and the profile and region the run asks for (a launch attribute, a task's properties). */
export interface RunTarget {
  readonly uri: vscode.Uri;
  readonly profile?: string;
  readonly region?: string;
}

export interface ResolvedEnvironment {
  /** Key → value. Held in memory by the caller only as long as it takes to hand them to a process. */
  readonly values: Record<string, string>;
  readonly scope: Scope;
}

/**
 * Reads a references file (as the editor shows it, else from disk), chooses the profile and
 * region, and resolves every reference. Fails with a UserError naming each reference that
 * cannot be resolved and its line; never with a value.
 */
export async function resolveEnvironment(deps: FeatureDeps, target: RunTarget): Promise<ResolvedEnvironment> {
  const { file, scope, label } = await prepareRun(deps, target);
  const count = file.references.length;
  const aws = await deps.aws();
  try {
    const values = await withProgress(`Reading ${count} reference${count === 1 ? '' : 's'} of ${label} from AWS…`, (signal) =>
      resolveReferencesFile(file, { aws, ...scope, signal }),
    );
    deps.log.info(`resolved ${Object.keys(values).length} entries of ${label} (${count} references, ${scope.region}, profile ${profileLabel(scope.profile)})`);
    return { values, scope };
  } catch (error) {
    if (!(error instanceof ResolveError)) throw error;
    for (const failure of error.failures) deps.log.warn(`could not resolve ${describeFailure(failure, label)}`);
    const n = error.failures.length;
    throw new UserError(
      `${n === 1 ? 'A reference' : `${n} references`} in ${label} could not be resolved, so nothing was started. ${error.failures.map((f) => describeFailure(f, label)).join(' · ')}`,
    );
  }
}

/** Everything a run needs before anything is read from AWS: trust, a readable file with a good header, the profile and region. */
export async function prepareRun(deps: FeatureDeps, target: RunTarget): Promise<{ file: ReferencesFile; scope: Scope; label: string }> {
  if (!vscode.workspace.isTrusted) {
    throw new UserError('Running with secrets from a references file needs a trusted workspace: trust this folder first (Manage Workspace Trust).');
  }
  const label = vscode.workspace.asRelativePath(target.uri);
  const file = parseReferencesFile(await readText(target.uri));
  const headerErrors = file.problems.filter((p) => p.severity === 'error' && p.key === undefined);
  if (headerErrors.length > 0) throw new UserError(`${label}: ${headerErrors.map((p) => `line ${p.range.start.line + 1}: ${p.message}`).join(' ')}`);
  return { file, scope: await chooseScope(deps, file, target), label };
}

/** Profile: the run's, else the file's header, else the setting, else asked. Region likewise, then the profile's own. */
async function chooseScope(deps: FeatureDeps, file: ReferencesFile, target: RunTarget): Promise<Scope> {
  const folder = vscode.workspace.getWorkspaceFolder(target.uri);
  const settings = readRunSettings(folder?.uri ?? target.uri);
  let profile = target.profile ?? file.header.profile ?? settings.profile;
  let region = target.region ?? file.header.region ?? settings.region;
  const profiles = await (await deps.aws()).listProfiles();
  if (profile && !profiles.some((p) => p.name === profile)) {
    const from = target.profile ? 'the run' : file.header.profile ? "the file's header" : 'the awsSecrets.run.profile setting';
    throw new UserError(`Profile ${profile} (from ${from}) is not in your AWS config files. Fix the name, or run "AWS Secrets: Open AWS Config File".`);
  }
  if (profile && !region) region = profiles.find((p) => p.name === profile)?.region;
  if (!profile || !region) {
    const asked = await resolveScope(deps);
    profile ??= asked.profile;
    region ??= asked.region;
  }
  return { profile, region };
}

async function readText(uri: vscode.Uri): Promise<string> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch (error) {
    throw new UserError(`Cannot read the references file ${uri.fsPath}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** A path from a launch configuration, task or setting: absolute, or relative to the folder; `${workspaceFolder}` expanded where VS Code does not. */
export function referencesUri(file: string, folder: vscode.WorkspaceFolder | undefined): vscode.Uri {
  const root = folder?.uri.fsPath ?? vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? process.cwd();
  const expanded = file.replace(/\$\{workspaceFolder\}/g, root);
  return vscode.Uri.file(path.isAbsolute(expanded) ? expanded : path.join(root, expanded));
}
