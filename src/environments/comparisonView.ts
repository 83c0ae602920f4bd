import * as vscode from 'vscode';
import type { Comparison } from '../compare/compare';
import { describeEnvironment } from '../compare/environment';
import type { Hasher } from '../compare/fingerprint';
import { comparisonChildren, presentComparisonNode, type ComparisonNode } from '../compare/presentation';
import { ContextKeys, Views } from '../constants';
import { treeItemFrom } from '../ui/treeItems';

/**
 * The Environments panel's comparison view: a native tree (keyboard, themes, screen readers
 * come with it) over the last comparison. It holds fingerprints and metadata only.
 */
export class ComparisonView implements vscode.TreeDataProvider<ComparisonNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ComparisonNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly treeView: vscode.TreeView<ComparisonNode>;
  private current: Comparison | undefined;
  /** The hasher the comparison's fingerprints were made with: a copy from it compares the targets it reads again with the same one. */
  private hasher: Hasher | undefined;

  constructor() {
    this.treeView = vscode.window.createTreeView(Views.comparison, { treeDataProvider: this, showCollapseAll: true, canSelectMany: true });
  }

  get comparison(): Comparison | undefined {
    return this.current;
  }

  get hash(): Hasher | undefined {
    return this.hasher;
  }

  /** Shows a comparison and brings the panel to the front. */
  async show(comparison: Comparison, hash: Hasher, focus = true): Promise<void> {
    this.current = comparison;
    this.hasher = hash;
    this.treeView.description = undefined;
    this.treeView.message = `A: ${describeEnvironment(comparison.a)}   ↔   B: ${describeEnvironment(comparison.b)}`;
    await vscode.commands.executeCommand('setContext', ContextKeys.comparing, true);
    this.changed.fire(undefined);
    if (focus) await vscode.commands.executeCommand(`${Views.comparison}.focus`);
  }

  async clear(): Promise<void> {
    this.current = undefined;
    this.hasher = undefined;
    this.treeView.message = undefined;
    await vscode.commands.executeCommand('setContext', ContextKeys.comparing, false);
    this.changed.fire(undefined);
  }

  getChildren(node?: ComparisonNode): ComparisonNode[] {
    return this.current ? comparisonChildren(this.current, node) : [];
  }

  getTreeItem(node: ComparisonNode): vscode.TreeItem {
    if (!this.current) return new vscode.TreeItem('');
    return treeItemFrom(presentComparisonNode(this.current, node), node.id, node);
  }

  dispose(): void {
    this.treeView.dispose();
    this.changed.dispose();
  }
}
