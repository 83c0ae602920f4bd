import * as vscode from 'vscode';
import { configFilePaths } from '../aws/configFiles';
import { Settings } from '../constants';
import type { AwsRuntimeLoader } from '../loading/awsRuntimeLoader';
import { onSettingsChanged, readExplorerSettings } from '../settings/settings';
import type { FeatureDeps } from '../ui/deps';
import { watchAwsConfigFiles } from './awsConfigWatcher';
import { registerExplorerCommands } from './explorerCommands';
import { ExplorerProvider } from './explorerProvider';
import { ExplorerView } from './explorerView';
import { registerProfileCommands } from './profileCommands';

/**
 * The "Browse" feature: the AWS Secrets explorer view over the tree model, its title and
 * item commands (refresh, filter, load more), profile setup and SSO sign-in, and the watch on
 * the AWS config files.
 */
export function registerBrowse(deps: FeatureDeps & { loader: AwsRuntimeLoader }): { provider: ExplorerProvider; disposable: vscode.Disposable } {
  const { model, loader } = deps;
  const provider = new ExplorerProvider(model);
  const view = new ExplorerView(provider);
  const refreshAll = () => {
    loader.peek()?.reload();
    void model.refresh();
  };
  const disposables: vscode.Disposable[] = [
    provider,
    view,
    ...registerExplorerCommands({ model, view, aws: loader, log: deps.log, prompts: deps.prompts }),
    ...registerProfileCommands({ log: deps.log, prompts: deps.prompts, aws: deps.aws, refresh: refreshAll }),
    onSettingsChanged([Settings.profiles, Settings.regions, Settings.pageSize], () => model.updateSettings(readExplorerSettings())),
  ];
  // The config files are watched once the AWS layer is in use (no cost at activation).
  loader.onLoaded(() => disposables.push(watchAwsConfigFiles(configFilePaths(), refreshAll)));
  // One disposable, so the watcher added later is disposed with the rest.
  return { provider, disposable: new vscode.Disposable(() => disposables.forEach((d) => d.dispose())) };
}
