import * as vscode from 'vscode';
import { configFilePaths } from './aws/configPaths';
import { AwsRuntimeLoader } from './awsRuntimeLoader';
import { registerExplorerCommands } from './commands/explorerCommands';
import { registerProfileCommands } from './commands/profileCommands';
import { onSettingsChanged, readExplorerSettings } from './config/settings';
import { watchAwsConfigFiles } from './configWatcher';
import { LOG_NAME, Settings } from './constants';
import { componentLogger } from './logging';
import { promptForMfaCode } from './mfaPrompt';
import { ExplorerProvider } from './views/explorerProvider';
import { ExplorerView } from './views/explorerView';
import { ExplorerModel } from './views/model/explorerModel';

/** What the extension returns from activate(): used by its own integration tests. */
export interface AwsSecretsLensApi {
  readonly explorer: ExplorerProvider;
}

/** Composition root: builds the dependencies and registers each feature. Nothing slow happens here. */
export function activate(context: vscode.ExtensionContext): AwsSecretsLensApi {
  const log = vscode.window.createOutputChannel(LOG_NAME, { log: true });
  const aws = new AwsRuntimeLoader({ logger: componentLogger(log, 'aws'), mfaCodeProvider: promptForMfaCode });
  const model = new ExplorerModel(aws.get, readExplorerSettings());
  const provider = new ExplorerProvider(model);
  const view = new ExplorerView(provider);
  const refreshAll = () => {
    aws.peek()?.reload();
    void model.refresh();
  };

  context.subscriptions.push(
    log,
    aws,
    provider,
    view,
    ...registerExplorerCommands({ model, view, aws }),
    ...registerProfileCommands({ log, refresh: refreshAll }),
    onSettingsChanged([Settings.profiles, Settings.regions, Settings.pageSize], () => model.updateSettings(readExplorerSettings())),
  );
  // The config files are watched once the AWS layer is in use (no cost at activation).
  aws.onLoaded(() => context.subscriptions.push(watchAwsConfigFiles(configFilePaths(), refreshAll)));

  return { explorer: provider };
}

export function deactivate(): void {}
