import * as vscode from 'vscode';
import type { AwsRuntimeLoader } from '../awsRuntimeLoader';
import { Commands, Views } from '../constants';
import type { ExplorerModel } from '../views/model/explorerModel';
import type { ExplorerNode, LoadMoreNode, ServiceNode } from '../views/model/nodes';
import type { ExplorerView } from '../views/explorerView';

/** Characters AWS accepts in secret and parameter names; a filter outside them can't match and AWS would reject it. */
const FILTER_PATTERN = /^[A-Za-z0-9/_+=.@-]{1,512}$/;

export function registerExplorerCommands(deps: { model: ExplorerModel; view: ExplorerView; aws: AwsRuntimeLoader }): vscode.Disposable[] {
  const { model, view, aws } = deps;
  const inView = <T>(task: () => Promise<T>) => vscode.window.withProgress({ location: { viewId: Views.explorer } }, task);

  return [
    vscode.commands.registerCommand(Commands.refresh, (node?: ExplorerNode) =>
      inView(async () => {
        // A full refresh re-reads the AWS config files too, e.g. after `aws sso login` or a manual edit.
        if (!node) aws.peek()?.reload();
        await model.refresh(node);
      }),
    ),
    vscode.commands.registerCommand(Commands.loadMore, (node?: ServiceNode | LoadMoreNode) => (node ? inView(() => model.loadMore(node)) : undefined)),
    vscode.commands.registerCommand(Commands.filter, async () => {
      const text = await vscode.window.showInputBox({
        title: 'Filter AWS Secrets',
        prompt: 'Secrets Manager shows names that start with this text; Parameter Store shows names that contain it. Leave empty to clear.',
        value: model.filter ?? '',
        placeHolder: 'e.g. prod/ or db',
        validateInput: (value) =>
          value.trim() === '' || FILTER_PATTERN.test(value.trim()) ? undefined : 'Use the characters of AWS names only: letters, digits and / _ + = . @ -',
      });
      if (text === undefined) return;
      model.setFilter(text);
      view.syncFilter();
    }),
    vscode.commands.registerCommand(Commands.clearFilter, () => {
      model.setFilter(undefined);
      view.syncFilter();
    }),
  ];
}
