import * as vscode from 'vscode';
import type { NodePresentation } from '../tree/presentation';

const COLLAPSIBLE: Record<NodePresentation['collapsible'], vscode.TreeItemCollapsibleState> = {
  none: vscode.TreeItemCollapsibleState.None,
  collapsed: vscode.TreeItemCollapsibleState.Collapsed,
  expanded: vscode.TreeItemCollapsibleState.Expanded,
};

/** A TreeItem from a node's plain-data presentation; `argument` is what its click command receives. */
export function treeItemFrom(p: NodePresentation, id: string, argument: unknown): vscode.TreeItem {
  const item = new vscode.TreeItem(p.label, COLLAPSIBLE[p.collapsible]);
  item.id = id;
  item.description = p.description;
  item.contextValue = p.contextValue;
  if (p.icon) item.iconPath = new vscode.ThemeIcon(p.icon.id, p.icon.color ? new vscode.ThemeColor(p.icon.color) : undefined);
  if (p.tooltip) item.tooltip = tooltipMarkdown(p.tooltip);
  if (p.command) item.command = { command: p.command.id, title: p.command.title, arguments: [argument] };
  return item;
}

/** Every value is appended as text, so names, descriptions and tags can't inject markdown or links. */
export function tooltipMarkdown(tooltip: NonNullable<NodePresentation['tooltip']>): vscode.MarkdownString {
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
