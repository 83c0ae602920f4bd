import * as vscode from 'vscode';
import type { ExplorerModel } from '../tree/explorerModel';
import type { ExplorerNode } from '../tree/nodes';
import { present } from '../tree/presentation';
import { treeItemFrom } from '../ui/treeItems';

/** Adapts the VS Code-free ExplorerModel to a TreeDataProvider. */
export class ExplorerProvider implements vscode.TreeDataProvider<ExplorerNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ExplorerNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: { dispose(): void };
  private profileCount = 0;

  /** Fired after the root was loaded, with whether any profile was found. */
  private readonly rootLoaded = new vscode.EventEmitter<boolean>();
  readonly onDidLoadRoot = this.rootLoaded.event;

  constructor(readonly model: ExplorerModel) {
    this.subscription = model.onDidChange((node) => this.changed.fire(node));
  }

  async getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    const children = await this.model.getChildren(node);
    if (!node) {
      this.profileCount = children.filter((c) => c.type === 'profile').length;
      this.rootLoaded.fire(children.length > 0);
    }
    return children;
  }

  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    return treeItemFrom(present(node, { singleProfile: this.profileCount === 1 }), node.id, node);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
    this.rootLoaded.dispose();
  }
}
