// What the CLI formats: findings with their file, masked secret and fingerprint.
// Formatters receive no secret text at all, only the masked form.

import type { Finding } from '../types';
import type { SkippedFile } from '../walk';

export interface ReportedFinding {
  /** Path relative to the current folder, `/`-separated. */
  file: string;
  finding: Finding;
  /** mask(secret): for a long value a few leading characters and the length, for a short one nothing. */
  masked: string;
  fingerprint: string;
  /** History scans: the oldest commit that added the secret. */
  commit?: CommitInfo;
}

/** A commit as reports show it (git's full hash, the author's name and e-mail, the author date in ISO 8601). */
export interface CommitInfo {
  sha: string;
  author: string;
  email: string;
  date: string;
}

/** The repository a git scan read (SARIF versionControlProvenance). */
export interface RepositoryInfo {
  /** The origin remote without credentials, else the work tree as a file: URI. */
  uri: string;
  /** HEAD's commit. */
  revision?: string;
  branch?: string;
}

export interface ScanReport {
  findings: readonly ReportedFinding[];
  filesScanned: number;
  /** Bytes of the files scanned, for findings-per-MB figures. */
  bytesScanned?: number;
  /** Findings accepted by the baseline and therefore not reported. */
  suppressedByBaseline: number;
  /** Files not read, and files read only partly (`partial`), each with its reason. */
  skipped?: readonly SkippedFile[];
  /** Git scans: the repository. */
  repository?: RepositoryInfo;
}

/** `3 skipped, 1 scanned partly`, or '' when nothing was left out. */
export function skippedSummary(report: ScanReport): string {
  const skipped = report.skipped ?? [];
  const partly = new Set(skipped.filter((s) => s.partial).map((s) => s.path)).size;
  const notRead = skipped.filter((s) => !s.partial).length;
  return [notRead ? `${notRead} skipped` : '', partly ? `${partly} scanned partly` : ''].filter(Boolean).join(', ');
}

// C0 and C1 controls, DEL, line and paragraph separators, bidirectional marks, embeddings, overrides and isolates.
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;

/**
 * Text as a terminal or a log can show it safely: control characters, line breaks and
 * bidirectional overrides become visible `\u001b` escapes, so a file name cannot rewrite the
 * report or the screen.
 */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, escape);
}

/** JSON text with the characters JSON.stringify leaves raw (DEL, C1, separators, bidi marks) escaped: the same JSON value. */
export function printableJson(json: string): string {
  return json.replace(UNPRINTABLE_IN_JSON, escape);
}

const UNPRINTABLE_IN_JSON = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;

function escape(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
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
