import * as vscode from 'vscode';
import { configFilePaths } from './aws/configPaths';
import { AwsRuntimeLoader } from './awsRuntimeLoader';
import { registerCreateCommands } from './commands/createCommands';
import { registerExplorerCommands } from './commands/explorerCommands';
import { registerLifecycleCommands } from './commands/lifecycleCommands';
import { registerProfileCommands } from './commands/profileCommands';
import { registerProtectCommands } from './commands/protectCommands';
import { registerScanCommands } from './commands/scanCommands';
import { registerRotationCommands } from './commands/rotationCommands';
import { clipboardClearsSettled, flushClipboardClears } from './commands/shared/clipboard';
import type { CommandDeps } from './commands/shared/deps';
import { registerSnippetCommands } from './commands/snippetCommands';
import { registerTagCommands } from './commands/tagCommands';
import { registerValueCommands } from './commands/valueCommands';
import { registerVersionCommands } from './commands/versionCommands';
import { onSettingsChanged, readExplorerSettings } from './config/settings';
import { registerDetection } from './lens/registerDetection';
import { watchAwsConfigFiles } from './configWatcher';
import { LOG_NAME, Settings } from './constants';
import { EDIT_SCHEME, VIEW_SCHEME, ValueFileSystem } from './documents/valueFileSystem';
import { componentLogger } from './logging';
import { promptForMfaCode } from './mfaPrompt';
import type { Prompts } from './ui/prompts';
import { SwitchablePrompts } from './ui/switchablePrompts';
import { vscodePrompts } from './ui/vscodePrompts';
import { ExplorerProvider } from './views/explorerProvider';
import { ExplorerView } from './views/explorerView';
import { ExplorerModel } from './views/model/explorerModel';

/** What the extension returns from activate(): used by its own integration tests. */
export interface AwsSecretsLensApi {
  readonly explorer: ExplorerProvider;
  /** Answers the extension's questions from a script instead of the UI, until the returned function is called. */
  usePrompts(prompts: Prompts): () => void;
  /** Resolves when every scheduled clipboard clear has run. */
  clipboardClearsSettled(): Promise<void>;
  /** How long activate() took, in milliseconds (the benchmark reports it). */
  readonly activationMs: number;
  /** Where VS Code keeps this extension's log and storage (the leak test searches them). */
  readonly storage: { readonly logUri: vscode.Uri; readonly globalStorageUri: vscode.Uri };
}

/** Composition root: builds the dependencies and registers each feature. Nothing slow happens here. */
export function activate(context: vscode.ExtensionContext): AwsSecretsLensApi {
  const started = performance.now();
  const log = vscode.window.createOutputChannel(LOG_NAME, { log: true });
  const prompts = new SwitchablePrompts(vscodePrompts);
  const aws = new AwsRuntimeLoader({ logger: componentLogger(log, 'aws'), mfaCodeProvider: (serial, profile) => promptForMfaCode(prompts, serial, profile) });
  const model = new ExplorerModel(aws.get, readExplorerSettings());
  const provider = new ExplorerProvider(model);
  const view = new ExplorerView(provider);
  const documents = new ValueFileSystem(aws.get, log, prompts, (ref) =>
    void model.itemChanged({ profile: ref.profile, region: ref.region, service: ref.kind === 'secret' ? 'secretsmanager' : 'ssm', name: ref.name, id: ref.arn }),
  );
  const deps: CommandDeps = { aws: aws.get, log, prompts, model, documents, memory: context.workspaceState };
  const refreshAll = () => {
    aws.peek()?.reload();
    void model.refresh();
  };

  context.subscriptions.push(
    log,
    aws,
    provider,
    view,
    vscode.workspace.registerFileSystemProvider(VIEW_SCHEME, documents, { isReadonly: true, isCaseSensitive: true }),
    vscode.workspace.registerFileSystemProvider(EDIT_SCHEME, documents, { isCaseSensitive: true }),
    vscode.workspace.onDidCloseTextDocument((doc) => {
      if (doc.uri.scheme === EDIT_SCHEME || doc.uri.scheme === VIEW_SCHEME) documents.forget(doc.uri);
    }),
    ...registerExplorerCommands({ model, view, aws, log, prompts }),
    ...registerProfileCommands({ log, prompts, aws: aws.get, refresh: refreshAll }),
    ...registerValueCommands(deps),
    ...registerCreateCommands(deps),
    ...registerRotationCommands(deps),
    ...registerLifecycleCommands(deps),
    ...registerVersionCommands(deps),
    ...registerTagCommands(deps),
    ...registerSnippetCommands(deps),
    ...registerDetection(deps, (lens) => [...registerProtectCommands({ ...deps, ...lens }), ...registerScanCommands({ ...deps, ...lens })]),
    onSettingsChanged([Settings.profiles, Settings.regions, Settings.pageSize], () => model.updateSettings(readExplorerSettings())),
  );
  // The config files are watched once the AWS layer is in use (no cost at activation).
  aws.onLoaded(() => context.subscriptions.push(watchAwsConfigFiles(configFilePaths(), refreshAll)));

  return {
    explorer: provider,
    usePrompts: (p) => prompts.use(p),
    clipboardClearsSettled,
    activationMs: performance.now() - started,
    storage: { logUri: context.logUri, globalStorageUri: context.globalStorageUri },
  };
}

export async function deactivate(): Promise<void> {
  await flushClipboardClears();
}
