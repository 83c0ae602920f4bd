import { createHmac, randomBytes } from 'node:crypto';
import type { Finding } from '../detect';

/**
 * What a CodeLens, hover link or code action hands to a fix command: the document, the version it
 * was made for, and each finding of the group by where its value was then and a keyed hash of the
 * value. Group ids are positions in one scan (`g1`, `g2`…) and renumber after any fix, so they are
 * never part of it: the command checks the ref against the current text and finds the same values
 * again, or refuses.
 */
export interface FindingRef {
  readonly uri: string;
  readonly version: number;
  readonly members: readonly FindingMark[];
}

export interface FindingMark {
  /** Offsets of the value in that version. */
  readonly start: number;
  readonly end: number;
  /** HMAC-SHA-256 of the value's source text under a key that lives only in this extension host. */
  readonly hash: string;
}

/**
 * The key for value hashes. Lenses and hover links travel to the workbench (and a hover's command
 * link is text), so a plain hash of a short password would be guessable; with a random key held only
 * here, nothing outside this process can test a guess against it.
 */
const HASH_KEY = randomBytes(32);

export function valueHash(value: string): string {
  return createHmac('sha256', HASH_KEY).update(value, 'utf8').digest('hex');
}

export function findingRef(uri: string, version: number, group: readonly Finding[], text: string): FindingRef {
  return {
    uri,
    version,
    members: group.map((f) => ({ start: f.secretRange.start, end: f.secretRange.end, hash: valueHash(text.slice(f.secretRange.start, f.secretRange.end)) })),
  };
}

export function isFindingRef(value: unknown): value is FindingRef {
  if (typeof value !== 'object' || value === null) return false;
  const ref = value as FindingRef;
  return (
    typeof ref.uri === 'string' &&
    typeof ref.version === 'number' &&
    Array.isArray(ref.members) &&
    ref.members.length > 0 &&
    ref.members.every((m) => typeof m?.start === 'number' && typeof m.end === 'number' && typeof m.hash === 'string')
  );
}

export type Resolved = { group: Finding[] } | { changed: true };

/**
 * The group a ref points at in the current findings (`text` at `version`). The same version: the
 * findings at the ref's ranges, if their values still hash the same. A later version: the group
 * whose values hash like the ref's, nearest to where the first one was (an edit above moves
 * offsets but not values). Nothing matching means the value itself changed.
 */
export function resolveRef(ref: FindingRef, findings: readonly Finding[], text: string, version: number): Resolved {
  const hashOf = (f: Finding) => valueHash(text.slice(f.secretRange.start, f.secretRange.end));
  const sameHashes = (group: readonly Finding[]) => group.length === ref.members.length && group.every((f, i) => hashOf(f) === ref.members[i].hash);
  if (version === ref.version) {
    const first = findings.find((f) => f.secretRange.start === ref.members[0].start && f.secretRange.end === ref.members[0].end);
    const group = first && groupOf(findings, first);
    return group && sameHashes(group) ? { group } : { changed: true };
  }
  const [first] = ref.members;
  const candidates = findings
    .filter((f) => hashOf(f) === first.hash)
    .sort((a, b) => Math.abs(a.secretRange.start - first.start) - Math.abs(b.secretRange.start - first.start));
  for (const candidate of candidates) {
    const group = groupOf(findings, candidate);
    if (group[0] === candidate && sameHashes(group)) return { group };
  }
  return { changed: true };
}

/** The findings grouped, in order of each group's first finding: CodeLens and fixes act on whole groups. */
export function groupsOf(findings: readonly Finding[]): Finding[][] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const group = groups.get(f.groupId);
    if (group) group.push(f);
    else groups.set(f.groupId, [f]);
  }
  return [...groups.values()];
}

/** The findings of the group `finding` belongs to, in order. */
export function groupOf(findings: readonly Finding[], finding: Finding): Finding[] {
  return findings.filter((f) => f.groupId === finding.groupId);
}
