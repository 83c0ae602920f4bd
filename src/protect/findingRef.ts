import type { Finding } from '../detect';

/** What a CodeLens, hover link or code action hands to a fix command: the document and the finding group. */
export interface FindingRef {
  readonly uri: string;
  readonly groupId: string;
}

export function isFindingRef(value: unknown): value is FindingRef {
  return typeof value === 'object' && value !== null && typeof (value as FindingRef).uri === 'string' && typeof (value as FindingRef).groupId === 'string';
}

/** One entry per group, at its first finding: CodeLens and code actions act on whole groups. */
export function firstOfEachGroup(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => !seen.has(f.groupId) && seen.add(f.groupId));
}
