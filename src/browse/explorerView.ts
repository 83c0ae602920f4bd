import * as vscode from 'vscode';
import { ContextKeys, Views } from '../constants';
import type { ExplorerNode } from '../tree/nodes';
import type { ExplorerProvider } from './explorerProvider';

/**
 * The explorer's TreeView: shows the active filter in the view's description and keeps the
 * context keys that drive the welcome content and the "Clear Filter" button in sync.
 */
export class ExplorerView implements vscode.Disposable {
  readonly treeView: vscode.TreeView<ExplorerNode>;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly provider: ExplorerProvider) {
    this.treeView = vscode.window.createTreeView(Views.explorer, { treeDataProvider: provider, showCollapseAll: true, canSelectMany: true });
    this.disposables.push(
      this.treeView,
      provider.onDidLoadRoot((hasProfiles) => void vscode.commands.executeCommand('setContext', ContextKeys.noProfiles, !hasProfiles)),
    );
  }

  /** Shows the model's current filter on the view. */
  syncFilter(): void {
    const filter = this.provider.model.filter;
    this.treeView.description = filter ? `filter: ${filter}` : undefined;
    // The description is hidden when the view fills its container, so say it in the tree too.
    this.treeView.message = filter ? `Showing names matching “${filter}” (Secrets Manager: starting with it; Parameter Store: containing it).` : undefined;
    void vscode.commands.executeCommand('setContext', ContextKeys.filtered, filter !== undefined);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
