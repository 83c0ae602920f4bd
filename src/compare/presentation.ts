/**
 * The comparison view's tree as plain data: groups (only in A, only in B, different, same value
 * with different metadata, equal, not compared), their entries by relative name, and one line
 * per difference. Built from fingerprints and metadata: nothing here ever sees a value.
 */
import type { NodePresentation } from '../tree/presentation';
import { describeDifference, summarizeDifferences, type Comparison, type ComparisonEntry, type EntryState } from './compare';
import { describeEnvironment, shortEnvironment } from './environment';
import type { ItemFacts, UnreadableItem } from './facts';
import { keyName } from './kms';

export type GroupKind = EntryState | 'unreadable';

export type ComparisonNode =
  | { readonly type: 'group'; readonly id: string; readonly group: GroupKind }
  | { readonly type: 'entry'; readonly id: string; readonly entry: ComparisonEntry }
  | { readonly type: 'detail'; readonly id: string; readonly text: string }
  | { readonly type: 'unreadable'; readonly id: string; readonly item: UnreadableItem & { readonly side: 'a' | 'b' } }
  | { readonly type: 'empty'; readonly id: string };

export const GROUP_ORDER: readonly GroupKind[] = ['onlyA', 'onlyB', 'different', 'metadata', 'equal', 'unreadable'];

const GROUP_ICONS: Record<GroupKind, { id: string; color?: string }> = {
  onlyA: { id: 'diff-removed', color: 'gitDecoration.deletedResourceForeground' },
  onlyB: { id: 'diff-added', color: 'gitDecoration.addedResourceForeground' },
  different: { id: 'diff-modified', color: 'gitDecoration.modifiedResourceForeground' },
  metadata: { id: 'symbol-property' },
  equal: { id: 'pass', color: 'testing.iconPassed' },
  unreadable: { id: 'warning', color: 'problemsWarningIcon.foreground' },
};

/** The short names of the two sides, e.g. `staging/` and `prod/`, or `us-east-1` and `eu-west-1`. */
export function sideNames(comparison: Comparison): { a: string; b: string } {
  return { a: shortEnvironment(comparison.a, comparison.b), b: shortEnvironment(comparison.b, comparison.a) };
}

export function comparisonChildren(comparison: Comparison, node?: ComparisonNode): ComparisonNode[] {
  if (!node) {
    const groups = GROUP_ORDER.filter((group) => groupSize(comparison, group) > 0).map((group) => ({ type: 'group' as const, id: `group:${group}`, group }));
    return groups.length ? groups : [{ type: 'empty', id: 'empty' }];
  }
  if (node.type === 'group') {
    if (node.group === 'unreadable') return comparison.unreadable.map((item) => ({ type: 'unreadable', id: `unreadable:${item.side}:${item.relative}`, item }));
    return comparison.entries.filter((e) => e.state === node.group).map((entry) => ({ type: 'entry', id: `entry:${entry.relative}`, entry }));
  }
  if (node.type === 'entry') {
    const names = sideNames(comparison);
    return node.entry.differences.map((d, i) => ({ type: 'detail', id: `${node.id}/d${i}`, text: describeDifference(d, names) }));
  }
  return [];
}

function groupSize(comparison: Comparison, group: GroupKind): number {
  return group === 'unreadable' ? comparison.unreadable.length : comparison.entries.filter((e) => e.state === group).length;
}

export function presentComparisonNode(comparison: Comparison, node: ComparisonNode): NodePresentation {
  const names = sideNames(comparison);
  switch (node.type) {
    case 'group':
      return {
        label: groupLabel(node.group, names),
        description: String(groupSize(comparison, node.group)),
        icon: GROUP_ICONS[node.group],
        contextValue: `comparisonGroup ${node.group}`,
        collapsible: node.group === 'equal' || node.group === 'metadata' ? 'collapsed' : 'expanded',
        tooltip: {
          title: groupLabel(node.group, names),
          rows: [
            ['A', describeEnvironment(comparison.a)],
            ['B', describeEnvironment(comparison.b)],
          ],
        },
      };
    case 'entry':
      return presentEntry(comparison, node.entry, names);
    case 'detail':
      return { label: node.text, icon: { id: 'circle-small' }, contextValue: 'comparisonDetail', collapsible: 'none' };
    case 'unreadable':
      return {
        label: node.item.relative,
        description: `${node.item.side === 'a' ? names.a : names.b}: ${node.item.reason}`,
        icon: GROUP_ICONS.unreadable,
        contextValue: 'comparisonUnreadable',
        collapsible: 'none',
        tooltip: { title: node.item.name, rows: [['Not compared', node.item.reason]] },
      };
    case 'empty':
      return { label: 'Neither side has any item', icon: { id: 'info' }, contextValue: 'message', collapsible: 'none' };
  }
}

function groupLabel(group: GroupKind, names: { a: string; b: string }): string {
  switch (group) {
    case 'onlyA':
      return `Only in A: ${names.a}`;
    case 'onlyB':
      return `Only in B: ${names.b}`;
    case 'different':
      return 'Different';
    case 'metadata':
      return 'Same value, different metadata';
    case 'equal':
      return 'Equal';
    case 'unreadable':
      return 'Not compared';
  }
}

function presentEntry(comparison: Comparison, entry: ComparisonEntry, names: { a: string; b: string }): NodePresentation {
  const rows: [string, string][] = [];
  if (entry.a) rows.push([`A (${names.a})`, entry.a.name]);
  if (entry.b) rows.push([`B (${names.b})`, entry.b.name]);
  for (const d of entry.differences) rows.push(['Differs', describeDifference(d, names)]);
  const item = entry.a ?? entry.b;
  if (entry.state === 'onlyA' || entry.state === 'onlyB') rows.push(...itemRows(item!, entry.state === 'onlyA' ? comparison.a.service : comparison.b.service));
  // Tokens for the view's menus: which way a copy can go, and whether there are two values to diff.
  const tokens = ['comparisonEntry', entry.state];
  if (entry.a && entry.state !== 'equal' && entry.state !== 'metadata') tokens.push('copyAB');
  if (entry.b && entry.state !== 'equal' && entry.state !== 'metadata') tokens.push('copyBA');
  if (entry.a && entry.b) tokens.push('both');
  return {
    label: entry.relative,
    description: entry.state === 'onlyA' || entry.state === 'onlyB' ? itemSummary(item!) : summarizeDifferences(entry.differences) || undefined,
    icon: GROUP_ICONS[entry.state],
    contextValue: tokens.join(' '),
    collapsible: entry.differences.length ? 'collapsed' : 'none',
    tooltip: { title: entry.relative, rows },
  };
}

function itemSummary(item: ItemFacts): string {
  const shape = item.fingerprint.shape === 'json' ? `JSON, ${Object.keys(item.fingerprint.keys ?? {}).length} keys` : item.fingerprint.shape;
  return [item.parameterType, shape].filter(Boolean).join(' · ');
}

function itemRows(item: ItemFacts, service: 'secretsmanager' | 'ssm'): [string, string][] {
  const rows: [string, string][] = [];
  if (item.parameterType) rows.push(['Type', item.parameterType]);
  if (service === 'secretsmanager' || item.parameterType === 'SecureString') rows.push(['KMS key', keyName(item.kmsKeyId, service)]);
  if (item.fingerprint.keys) rows.push(['JSON keys', Object.keys(item.fingerprint.keys).join(', ')]);
  if (item.tags?.length) rows.push(['Tags', item.tags.map((t) => `${t.key}=${t.value}`).join(', ')]);
  return rows;
}
