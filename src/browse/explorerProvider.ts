import * as vscode from 'vscode';
import type { ExplorerModel } from '../tree/explorerModel';
import type { ExplorerNode } from '../tree/nodes';
import { present } from '../tree/presentation';
import { isAwsError } from '../aws/errors';
import { tooltipMarkdown, treeItemFrom } from '../ui/treeItems';

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

  /**
   * On hover, a secret's tooltip also says whether it has a resource policy: ListSecrets does not
   * report it, so GetResourcePolicy is asked then, for the one secret hovered.
   */
  async resolveTreeItem(item: vscode.TreeItem, node: ExplorerNode, token: vscode.CancellationToken): Promise<vscode.TreeItem> {
    if (node.type !== 'secret' || node.secret.deletedDate) return item;
    const tooltip = present(node, { singleProfile: this.profileCount === 1 }).tooltip;
    if (!tooltip) return item;
    const controller = new AbortController();
    const cancel = token.onCancellationRequested(() => controller.abort());
    let row: string;
    try {
      const store = await (await this.model.aws()).secrets(node.parent.profile.name, node.parent.region);
      const policy = await store.getResourcePolicy(node.secret.arn, { signal: controller.signal });
      row = policy === undefined ? 'none' : 'yes (Edit Resource Policy shows who it lets in)';
    } catch (error) {
      if (!isAwsError(error)) throw error;
      row = error.kind === 'cancelled' ? 'not checked' : `unknown: ${error.message}`;
    } finally {
      cancel.dispose();
    }
    item.tooltip = tooltipMarkdown({ ...tooltip, rows: [...tooltip.rows, ['Resource policy', row]] });
    return item;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
    this.rootLoaded.dispose();
  }
}
