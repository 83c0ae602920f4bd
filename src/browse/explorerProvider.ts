import * as vscode from 'vscode';
import type { ExplorerModel } from '../tree/explorerModel';
import type { ExplorerNode } from '../tree/nodes';
import { present, type NodePresentation } from '../tree/presentation';

const COLLAPSIBLE: Record<NodePresentation['collapsible'], vscode.TreeItemCollapsibleState> = {
  none: vscode.TreeItemCollapsibleState.None,
  collapsed: vscode.TreeItemCollapsibleState.Collapsed,
  expanded: vscode.TreeItemCollapsibleState.Expanded,
};

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
    const p = present(node, { singleProfile: this.profileCount === 1 });
    const item = new vscode.TreeItem(p.label, COLLAPSIBLE[p.collapsible]);
    item.id = node.id;
    item.description = p.description;
    item.contextValue = p.contextValue;
    if (p.icon) item.iconPath = new vscode.ThemeIcon(p.icon.id, p.icon.color ? new vscode.ThemeColor(p.icon.color) : undefined);
    if (p.tooltip) item.tooltip = tooltipMarkdown(p.tooltip);
    if (p.command) item.command = { command: p.command.id, title: p.command.title, arguments: [node] };
    return item;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
    this.rootLoaded.dispose();
  }
}

/** Every value is appended as text, so names, descriptions and tags can't inject markdown or links. */
function tooltipMarkdown(tooltip: NonNullable<NodePresentation['tooltip']>): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendMarkdown('**');
  md.appendText(tooltip.title);
  md.appendMarkdown('**\n\n');
  for (const [label, value] of tooltip.rows) {
    md.appendText(`${label}: `);
    md.appendText(value);
    md.appendMarkdown('  \n');
  }
  return md;
}
