/**
 * Two environments side by side: each relative name is only in A, only in B, or in both — with
 * a different value (or parameter type), the same value but different metadata (KMS key, tags,
 * formatting of the same JSON), or equal. For JSON secrets it says which keys are missing on
 * a side and which differ. Works on fingerprints and metadata only.
 */
import type { Environment } from './environment';
import type { ItemFacts, Snapshot, UnreadableItem } from './facts';
import { sameValue, type ValueShape } from './fingerprint';
import { keyName } from './kms';

export type EntryState = 'onlyA' | 'onlyB' | 'different' | 'metadata' | 'equal';

export type Difference =
  | { readonly kind: 'value' }
  | { readonly kind: 'shape'; readonly a: ValueShape; readonly b: ValueShape }
  | { readonly kind: 'jsonKeys'; readonly onlyA: readonly string[]; readonly onlyB: readonly string[]; readonly changed: readonly string[] }
  | { readonly kind: 'format' }
  | { readonly kind: 'type'; readonly a: string; readonly b: string }
  | { readonly kind: 'kms'; readonly a: string; readonly b: string }
  | { readonly kind: 'tags'; readonly onlyA: readonly string[]; readonly onlyB: readonly string[]; readonly changed: readonly string[] };

export interface ComparisonEntry {
  readonly relative: string;
  readonly state: EntryState;
  readonly a?: ItemFacts;
  readonly b?: ItemFacts;
  readonly differences: readonly Difference[];
}

export interface Comparison {
  readonly a: Environment;
  readonly b: Environment;
  /** Sorted by relative name. */
  readonly entries: readonly ComparisonEntry[];
  readonly unreadable: readonly (UnreadableItem & { readonly side: 'a' | 'b' })[];
  readonly accounts: { readonly a?: string; readonly b?: string };
}

export function compareSnapshots(a: Snapshot, b: Snapshot): Comparison {
  const inA = new Map(a.items.map((item) => [item.relative, item]));
  const inB = new Map(b.items.map((item) => [item.relative, item]));
  // An item one side could not read is not "only in the other".
  const unreadableA = new Set(a.unreadable.map((u) => u.relative));
  const unreadableB = new Set(b.unreadable.map((u) => u.relative));
  const names = [...new Set([...inA.keys(), ...inB.keys()])].sort(byName);
  const entries: ComparisonEntry[] = [];
  for (const relative of names) {
    const left = inA.get(relative);
    const right = inB.get(relative);
    if (left && right) entries.push(compareItems(relative, left, right, a.environment, b.environment));
    else if (left && !unreadableB.has(relative)) entries.push({ relative, state: 'onlyA', a: left, differences: [] });
    else if (right && !unreadableA.has(relative)) entries.push({ relative, state: 'onlyB', b: right, differences: [] });
  }
  return {
    a: a.environment,
    b: b.environment,
    entries,
    unreadable: [...a.unreadable.map((u) => ({ ...u, side: 'a' as const })), ...b.unreadable.map((u) => ({ ...u, side: 'b' as const }))].sort((x, y) =>
      byName(x.relative, y.relative),
    ),
    accounts: { a: a.account, b: b.account },
  };
}

function compareItems(relative: string, a: ItemFacts, b: ItemFacts, envA: Environment, envB: Environment): ComparisonEntry {
  const differences: Difference[] = [];
  const same = sameValue(a.fingerprint, b.fingerprint);
  let valueDiffers = false;
  if (!same) {
    valueDiffers = true;
    if (a.fingerprint.shape !== b.fingerprint.shape) differences.push({ kind: 'shape', a: a.fingerprint.shape, b: b.fingerprint.shape });
    else if (a.fingerprint.keys && b.fingerprint.keys) differences.push(jsonKeyDifference(a.fingerprint.keys, b.fingerprint.keys));
    else differences.push({ kind: 'value' });
  } else if (same === 'sameContent') {
    differences.push({ kind: 'format' });
  }
  // Types and keys only mean the same thing within one service.
  if (envA.service === 'ssm' && envB.service === 'ssm' && a.parameterType !== b.parameterType) {
    valueDiffers = true;
    differences.push({ kind: 'type', a: a.parameterType ?? 'String', b: b.parameterType ?? 'String' });
  }
  if (envA.service === envB.service && encrypted(a, envA) && encrypted(b, envB)) {
    const ka = keyName(a.kmsKeyId, envA.service);
    const kb = keyName(b.kmsKeyId, envB.service);
    if (ka !== kb) differences.push({ kind: 'kms', a: ka, b: kb });
  }
  const tags = tagDifference(a, b);
  if (tags) differences.push(tags);
  const state: EntryState = valueDiffers ? 'different' : differences.length > 0 ? 'metadata' : 'equal';
  return { relative, state, a, b, differences };
}

function encrypted(item: ItemFacts, env: Environment): boolean {
  return env.service === 'secretsmanager' || item.parameterType === 'SecureString';
}

function jsonKeyDifference(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): Difference {
  const onlyA = Object.keys(a).filter((k) => !(k in b));
  const onlyB = Object.keys(b).filter((k) => !(k in a));
  const changed = Object.keys(a).filter((k) => k in b && a[k] !== b[k]);
  return { kind: 'jsonKeys', onlyA: onlyA.sort(byName), onlyB: onlyB.sort(byName), changed: changed.sort(byName) };
}

/** Tags that AWS sets itself (`aws:` keys) are left out: nobody can copy or change them. */
function tagDifference(a: ItemFacts, b: ItemFacts): Difference | undefined {
  if (!a.tags || !b.tags) return undefined;
  const left = new Map(a.tags.filter((t) => !/^aws:/i.test(t.key)).map((t) => [t.key, t.value]));
  const right = new Map(b.tags.filter((t) => !/^aws:/i.test(t.key)).map((t) => [t.key, t.value]));
  const onlyA = [...left.keys()].filter((k) => !right.has(k)).sort(byName);
  const onlyB = [...right.keys()].filter((k) => !left.has(k)).sort(byName);
  const changed = [...left.keys()].filter((k) => right.has(k) && right.get(k) !== left.get(k)).sort(byName);
  return onlyA.length || onlyB.length || changed.length ? { kind: 'tags', onlyA, onlyB, changed } : undefined;
}

function byName(a: string, b: string): number {
  return a.localeCompare(b, undefined, { sensitivity: 'base', numeric: true });
}

export function entriesIn(comparison: Comparison, state: EntryState): ComparisonEntry[] {
  return comparison.entries.filter((entry) => entry.state === state);
}

/** What a difference is, in words (names and key names only; never a value). */
export function describeDifference(d: Difference, names: { a: string; b: string }): string {
  switch (d.kind) {
    case 'value':
      return 'the values differ';
    case 'shape':
      return `${names.a} holds ${shapeWord(d.a)}, ${names.b} ${shapeWord(d.b)}`;
    case 'jsonKeys': {
      const parts: string[] = [];
      if (d.onlyA.length) parts.push(`${keyList(d.onlyA)} only in ${names.a}`);
      if (d.onlyB.length) parts.push(`${keyList(d.onlyB)} only in ${names.b}`);
      if (d.changed.length) parts.push(`${keyList(d.changed)} ${d.changed.length === 1 ? 'differs' : 'differ'}`);
      return parts.length ? parts.join('; ') : 'the same keys, with values that differ in type or order';
    }
    case 'format':
      return 'the same JSON content, written differently';
    case 'type':
      return `type ${d.a} in ${names.a}, ${d.b} in ${names.b}`;
    case 'kms':
      return `KMS key ${d.a} in ${names.a}, ${d.b} in ${names.b}`;
    case 'tags': {
      const parts: string[] = [];
      if (d.onlyA.length) parts.push(`${tagList(d.onlyA)} only in ${names.a}`);
      if (d.onlyB.length) parts.push(`${tagList(d.onlyB)} only in ${names.b}`);
      if (d.changed.length) parts.push(`${tagList(d.changed)} ${d.changed.length === 1 ? 'differs' : 'differ'}`);
      return parts.join('; ');
    }
  }
}

/** A one-line summary of an entry's differences, for the tree's description. */
export function summarizeDifferences(differences: readonly Difference[]): string {
  const words = differences.map((d) => {
    switch (d.kind) {
      case 'value':
        return 'value';
      case 'shape':
        return 'kind of value';
      case 'jsonKeys':
        return (
          [d.onlyA.length || d.onlyB.length ? 'JSON keys' : '', d.changed.length ? `${d.changed.length} JSON value${d.changed.length === 1 ? '' : 's'}` : '']
            .filter(Boolean)
            .join(', ') || 'JSON'
        );
      case 'format':
        return 'formatting';
      case 'type':
        return 'type';
      case 'kms':
        return 'KMS key';
      case 'tags':
        return 'tags';
    }
  });
  return words.length ? `differs: ${words.join(', ')}` : '';
}

function shapeWord(shape: ValueShape): string {
  return shape === 'json' ? 'JSON key/value pairs' : shape === 'binary' ? 'a binary value' : 'plain text';
}

function keyList(keys: readonly string[]): string {
  const shown = keys.slice(0, 5).map((k) => `“${k}”`);
  return `${keys.length === 1 ? 'key' : 'keys'} ${shown.join(', ')}${keys.length > 5 ? ` and ${keys.length - 5} more` : ''}`;
}

function tagList(keys: readonly string[]): string {
  const shown = keys.slice(0, 5).map((k) => `“${k}”`);
  return `${keys.length === 1 ? 'tag' : 'tags'} ${shown.join(', ')}${keys.length > 5 ? ` and ${keys.length - 5} more` : ''}`;
}
