// Group ids tie findings that a fix should handle together: an AWS access key id
// with the secret access key next to it, and several secrets inside one literal
// (one connection string).

import type { RawFinding } from './rules/context';
import type { TextIndex } from './text-index';

/** How many lines apart an access key id and its secret key may be. */
const AWS_PAIR_LINES = 5;

/** One group id per finding, in the findings' order (`g1`, `g2`, …). */
export function assignGroups(findings: readonly RawFinding[], index: TextIndex): string[] {
  const parent = findings.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  const union = (a: number, b: number): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };

  const lines = findings.map((f) => index.lineAt(f.secretStart));
  const keyIds: number[] = [];
  const secretKeys: number[] = [];
  findings.forEach((f, i) => {
    if (f.groupKey === 'aws') (f.ruleId === 'aws-access-key-id' ? keyIds : secretKeys).push(i);
  });
  for (const s of secretKeys) {
    let best = -1;
    for (const k of keyIds) {
      const distance = Math.abs(lines[k] - lines[s]);
      if (distance <= AWS_PAIR_LINES && (best === -1 || distance < Math.abs(lines[best] - lines[s]))) best = k;
    }
    if (best !== -1) union(best, s);
  }

  const byLiteral = new Map<string, number>();
  findings.forEach((f, i) => {
    if (f.replaceEnd - f.replaceStart <= f.secretEnd - f.secretStart) return; // bare secret: nothing shared
    const key = `${f.replaceStart}:${f.replaceEnd}`;
    const first = byLiteral.get(key);
    if (first === undefined) byLiteral.set(key, i);
    else union(first, i);
  });

  const ids = new Map<number, string>();
  return findings.map((_, i) => {
    const root = find(i);
    let id = ids.get(root);
    if (!id) {
      id = `g${ids.size + 1}`;
      ids.set(root, id);
    }
    return id;
  });
}
