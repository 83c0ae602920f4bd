// What the CLI formats: findings with their file, masked secret and fingerprint.
// Formatters receive no secret text at all, only the masked form.

import type { Finding } from '../types';

export interface ReportedFinding {
  /** Path relative to the current folder, `/`-separated. */
  file: string;
  finding: Finding;
  /** mask(secret): a few leading characters and the length. */
  masked: string;
  fingerprint: string;
}

export interface ScanReport {
  findings: readonly ReportedFinding[];
  filesScanned: number;
  /** Findings accepted by the baseline and therefore not reported. */
  suppressedByBaseline: number;
}

/** One line of text: the finding's description and the masked secret. */
export function findingMessage(reported: ReportedFinding): string {
  return `${reported.finding.description.replace(/\.$/, '')}: ${reported.masked}`;
}

/** 1-based line / column positions, end column exclusive (SARIF's convention). */
export function oneBased(finding: Finding): { line: number; column: number; endLine: number; endColumn: number } {
  const range = finding.secretRange;
  return { line: range.startLine + 1, column: range.startCharacter + 1, endLine: range.endLine + 1, endColumn: range.endCharacter + 1 };
}
