import * as vscode from 'vscode';
import { Commands, TASK_TYPE } from '../constants';
import { onSettingsChanged } from '../settings/settings';
import { registerCommand } from '../ui/commands';
import type { FeatureDeps } from '../ui/deps';
import { resolveScope } from '../ui/pickers';
import { SecretsDebugConfigurationProvider } from './debugProvider';
import { registerExportCommand } from './exportEnv';
import { registerImportCommand } from './importEnv';
import { registerReferenceCommands } from './referenceCommands';
import { ReferenceChecker } from './referenceChecker';
import { ReferencesDiagnostics } from './referencesDiagnostics';
import { REFERENCES_SELECTOR } from './referencesDocuments';
import { ReferencesCodeLens, ReferencesCompletion, ReferencesHover } from './referencesLanguage';
import { SecretsTaskProvider } from './secretsTask';
import { registerTerminalCommand } from './terminalCommand';

/**
 * The "Run" feature: programs get secrets from references files instead of plain `.env`
 * values — under F5 for every debug type, in `awsSecrets` tasks and in a terminal — plus
 * editing support for references files and `.env` in and out. Wiring only.
 */
export function registerRun(deps: FeatureDeps): vscode.Disposable[] {
  const checker = new ReferenceChecker(deps);
  const diagnostics = new ReferencesDiagnostics(checker, deps.log);
  const codeLens = new ReferencesCodeLens(checker);
  // Documents already open get their diagnostics once activation has returned.
  setTimeout(() => diagnostics.refreshAll(), 0);
  return [
    checker,
    diagnostics,
    codeLens,
    vscode.debug.registerDebugConfigurationProvider('*', new SecretsDebugConfigurationProvider(deps)),
    vscode.tasks.registerTaskProvider(TASK_TYPE, new SecretsTaskProvider(deps)),
    vscode.languages.registerHoverProvider(REFERENCES_SELECTOR, new ReferencesHover(checker)),
    vscode.languages.registerCompletionItemProvider(REFERENCES_SELECTOR, new ReferencesCompletion(checker), ...ReferencesCompletion.triggers),
    vscode.languages.registerCodeLensProvider(REFERENCES_SELECTOR, codeLens),
    onSettingsChanged(['run'], () => checker.forget()),
    vscode.workspace.onDidGrantWorkspaceTrust(() => checker.forget()),
    registerCommand(deps, Commands.checkReferences, 'Check references', async () => {
      // Asks for (and remembers) the profile and region that files without a header are checked in.
      await resolveScope(deps);
      checker.forget();
    }),
    registerTerminalCommand(deps),
    ...registerReferenceCommands(deps),
    registerImportCommand(deps),
    registerExportCommand(deps),
  ];
}
