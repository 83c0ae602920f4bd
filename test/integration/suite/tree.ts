// Reading the explorer the way a user sees it: by labels along a path.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestHooks } from '../../../src/ui/testHooks';
import type { ExplorerNode } from '../../../src/tree/nodes';
import { activateProduct, productExtension } from './helpers';

export type Provider = TestHooks['explorer'];

export async function explorer(): Promise<Provider> {
  return (await activateProduct<TestHooks>()).explorer;
}

export function label(provider: Provider, node: ExplorerNode): string {
  const item = provider.getTreeItem(node);
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

/** Walks the tree by labels, e.g. ['demo', 'us-east-1', 'Secrets Manager', 'prod']. */
export async function nodeAt(provider: Provider, path: readonly string[]): Promise<ExplorerNode> {
  let children = await provider.getChildren();
  let found: ExplorerNode | undefined;
  for (const part of path) {
    found = children.find((child) => label(provider, child) === part);
    assert.ok(found, `no “${part}” among ${children.map((c) => label(provider, c)).join(', ')}`);
    children = await provider.getChildren(found);
  }
  assert.ok(found);
  return found;
}

export async function labelsAt(provider: Provider, path: readonly string[]): Promise<string[]> {
  return (await provider.getChildren(await nodeAt(provider, path))).map((n) => label(provider, n));
}

/** The node of a secret (by full name) under demo › us-east-1 › Secrets Manager. */
export function secretNode(provider: Provider, name: string, region = 'us-east-1'): Promise<ExplorerNode> {
  return nodeAt(provider, ['demo', region, 'Secrets Manager', ...name.split('/')]);
}

/** The node of a parameter (by full name) under demo › us-east-1 › Parameter Store. */
export function parameterNode(provider: Provider, name: string, region = 'us-east-1'): Promise<ExplorerNode> {
  return nodeAt(provider, ['demo', region, 'Parameter Store', ...name.replace(/^\//, '').split('/')]);
}

/** A tooltip's text as the user reads it (MarkdownString.appendText escapes markdown and spaces). */
export function plainText(markdown: vscode.MarkdownString | string | undefined): string {
  if (markdown === undefined) return '';
  if (typeof markdown === 'string') return markdown;
  return markdown.value.replace(/&nbsp;/g, ' ').replace(/\\([\\`*_{}[\]()#+\-.!|<>])/g, '$1');
}

/** Label, description and tooltip text of every item in the tree, expanding everything (to a depth of 8). */
export async function treeTexts(provider: Provider): Promise<string[]> {
  const texts: string[] = [];
  const walk = async (node: ExplorerNode | undefined, depth: number) => {
    for (const child of await provider.getChildren(node)) {
      const item = provider.getTreeItem(child);
      texts.push(
        `${label(provider, child)} ${String(item.description ?? '')} ${item.tooltip instanceof vscode.MarkdownString ? plainText(item.tooltip) : String(item.tooltip ?? '')}`,
      );
      if (depth < 8 && item.collapsibleState !== vscode.TreeItemCollapsibleState.None) await walk(child, depth + 1);
    }
  };
  await walk(undefined, 0);
  return texts;
}

/** The `viewItem` regexes of a menu entry's when clause, all of which must match for it to show. */
function menuShows(when: string, contextValue: string): boolean {
  if (!/view == awsSecrets\.explorer/.test(when)) return false;
  return [...when.matchAll(/viewItem =~ \/((?:\\\/|[^/])+)\//g)].every(([, source]) => new RegExp(source.replace(/\\\//g, '/')).test(contextValue));
}

export function menuCommands(contextValue: string): Set<string> {
  const menus = (productExtension().packageJSON as { contributes: { menus: Record<string, { command: string; when?: string }[]> } }).contributes.menus;
  return new Set(menus['view/item/context'].filter((entry) => menuShows(entry.when ?? '', contextValue)).map((entry) => entry.command));
}
