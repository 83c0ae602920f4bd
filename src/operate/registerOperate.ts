import * as vscode from 'vscode';
import type { FeatureDeps } from '../ui/deps';
import { registerCompareCommand } from './compareCommand';
import { registerCreateCommands } from './createCommands';
import { registerExpirationCommand } from './expirationCommand';
import { registerLifecycleCommands } from './lifecycleCommands';
import type { OperateDeps } from './operateDeps';
import { registerRotationCommands } from './rotationCommands';
import { registerSnippetCommands } from './snippetCommands';
import { registerTagCommands } from './tagCommands';
import { UnstoredValues } from './unstoredValues';
import { registerValueCommands } from './valueCommands';
import { EDIT_SCHEME, VIEW_SCHEME, ValueFileSystem } from './valueFileSystem';
import { ValueDiagnostics } from './valueDiagnostics';
import { ValueLanguages } from './valueLanguages';
import { registerVersionCommands } from './versionCommands';

/**
 * The "Operate" feature: values as documents (reveal read-only, edit and save a new version,
 * diff versions), copy with auto-clear, create, rotate, delete and restore, labels, tags and
 * retrieval snippets.
 */
export function registerOperate(feature: FeatureDeps): { disposable: vscode.Disposable; unstoredValues: UnstoredValues['state'] } {
  const documents = new ValueFileSystem(feature.aws, feature.log, feature.prompts, feature.model);
  const languages = new ValueLanguages();
  const deps: OperateDeps = { ...feature, documents, languages };
  const unstored = new UnstoredValues(documents);
  const disposables = [
    vscode.workspace.registerFileSystemProvider(VIEW_SCHEME, documents, { isReadonly: true, isCaseSensitive: true }),
    vscode.workspace.registerFileSystemProvider(EDIT_SCHEME, documents, { isCaseSensitive: true }),
    vscode.workspace.onDidCloseTextDocument((doc) => {
      if ((doc.uri.scheme === EDIT_SCHEME || doc.uri.scheme === VIEW_SCHEME) && !languages.isSwitching(doc.uri)) documents.forget(doc.uri);
    }),
    languages,
    new ValueDiagnostics(),
    // The only place VS Code says why a document is saved: the write that follows is sent only for the user's own save.
    vscode.workspace.onWillSaveTextDocument((event) => documents.noteSaveReason(event.document.uri, event.reason)),
    unstored,
    ...registerValueCommands(deps),
    ...registerCreateCommands(deps),
    ...registerRotationCommands(deps),
    ...registerLifecycleCommands(deps),
    ...registerVersionCommands(deps),
    ...registerTagCommands(deps),
    ...registerSnippetCommands(deps),
    ...registerCompareCommand(deps),
    ...registerExpirationCommand(deps),
  ];
  return { disposable: vscode.Disposable.from(...disposables), unstoredValues: () => unstored.state() };
}
