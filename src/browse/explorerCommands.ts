import * as vscode from 'vscode';
import { Commands, Views } from '../constants';
import type { AwsRuntimeLoader } from '../loading/awsRuntimeLoader';
import type { ExplorerModel } from '../tree/explorerModel';
import type { ExplorerNode, LoadMoreNode, ServiceNode } from '../tree/nodes';
import { registerCommand } from '../ui/commands';
import type { Log } from '../ui/logging';
import type { Prompts } from '../ui/prompts';
import { ask } from '../ui/wizard';
import type { ExplorerView } from './explorerView';

/** Characters AWS accepts in secret and parameter names; a filter outside them can't match and AWS would reject it. */
const FILTER_PATTERN = /^[A-Za-z0-9/_+=.@-]{1,512}$/;

export function registerExplorerCommands(deps: {
  model: ExplorerModel;
  view: ExplorerView;
  aws: AwsRuntimeLoader;
  log: Log;
  prompts: Prompts;
}): vscode.Disposable[] {
  const { model, view, aws } = deps;
  const inView = <T>(task: () => Promise<T>) => vscode.window.withProgress({ location: { viewId: Views.explorer } }, task);

  return [
    registerCommand(deps, Commands.refresh, 'Refresh', (node?: ExplorerNode) =>
      inView(async () => {
        // A full refresh re-reads the AWS config files too, e.g. after `aws sso login` or a manual edit.
        if (!node) aws.peek()?.reload();
        await model.refresh(node);
      }),
    ),
    registerCommand(deps, Commands.loadMore, 'Load more', (node?: ServiceNode | LoadMoreNode) => (node ? inView(() => model.loadMore(node)) : undefined)),
    registerCommand(deps, Commands.filter, 'Filter', async () => {
      const text = await ask(deps.prompts, {
        title: 'Filter AWS Secrets',
        prompt: 'Secrets Manager shows names that start with this text; Parameter Store shows names that contain it. Leave empty to clear.',
        value: model.filter ?? '',
        placeholder: 'e.g. prod/ or db',
        validate: (value) =>
          value.trim() === '' || FILTER_PATTERN.test(value.trim()) ? undefined : 'Use the characters of AWS names only: letters, digits and / _ + = . @ -',
      });
      model.setFilter(text);
      view.syncFilter();
    }),
    registerCommand(deps, Commands.clearFilter, 'Clear filter', () => {
      model.setFilter(undefined);
      view.syncFilter();
    }),
  ];
}
