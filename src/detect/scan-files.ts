// Scanning many files into one report: scan, fingerprint, apply the baseline
// (`analyseText`, plain data in and out, so it runs in worker threads too), and
// gather the outcomes in order (`ScanCollector`). Whatever is not read, or not read
// fully, comes back in `report.skipped` with its reason. The CLI feeds it files from
// disk (cli/treeScan.ts) or texts read from git with the lines to report (cli/git/).

import { createHash } from 'node:crypto';
import { matchBaseline, type Baseline } from './baseline';
import { mask } from './mask';
import type { CommitInfo, ReportedFinding, ScanReport } from './report/model';
import { scanWithLimits } from './scan';
import type { Finding, ScanOptions } from './types';
import type { ListFiles, SkippedFile, WalkProblem } from './walk';

export interface FileScanRequest {
  cwd: string;
  roots: readonly string[];
  excludeGlobs: readonly string[];
  useGitignore: boolean;
  /** Lists a folder's files the way git sees them (CLI: `git ls-files`); undefined outside a repository. */
  listFiles?: ListFiles;
  /** Accepted findings are not reported. */
  baseline?: Baseline;
  /** Files larger than this are skipped (default 1 MB). */
  maxFileBytes?: number;
  options?: ScanOptions;
}

export interface FileScanResult {
  report: ScanReport;
  /** Fingerprints of every finding, baseline-accepted ones included (for --write-baseline). */
  fingerprints: string[];
  /** Fingerprints of the findings the baseline accepted (for --migrate-baseline). */
  acceptedFingerprints: string[];
  /** The baseline's version 1 entries that matched a finding. */
  legacyMatched: Set<string>;
  /** Paths that could not be read. */
  problems: WalkProblem[];
}

/** Where a text came from and which of its findings count. */
export interface TextSource {
  /** Relative to the current folder, `/`-separated: what the report shows and the fingerprint is made of. */
  relativePath: string;
  /** Only findings touching these 1-based lines are reported (the lines a change added); all when absent. */
  lines?: ReadonlySet<number>;
  /** The commit that added the lines (history scans). */
  commit?: CommitInfo;
  /** Called with each reportable finding's `key` (rule and value, hashed); false drops it (a secret an older commit added). */
  isNew?: (key: string) => boolean;
}

/** One finding as analysed, before the report takes it (plain data: it may come from a worker thread). */
export interface AnalysedFinding {
  finding: Finding;
  masked: string;
  fingerprint: string;
  accepted: boolean;
  /** A hash of the rule and the value, kept in memory to report a secret once across commits; only when asked for. */
  key?: string;
}

/** What scanning one text gave: plain data, so a worker thread can compute it. */
export interface TextOutcome {
  bytes: number;
  /** The findings on the lines asked for (all lines when none were), in scan order. */
  findings: AnalysedFinding[];
  limits: string[];
  legacyMatched: string[];
}

/**
 * Scans one text whole (context decides what a value is), fingerprints every finding over the
 * whole file, so they match a baseline written by a full scan, and keeps those touching `lines`.
 */
export function analyseText(
  text: string,
  relativePath: string,
  settings: { baseline?: Baseline; options?: ScanOptions },
  lines?: ReadonlySet<number>,
  withKeys = false,
  bytes = Buffer.byteLength(text),
): TextOutcome {
  const scanned = scanWithLimits(text, { fileName: relativePath, options: settings.options });
  const secretOf = (finding: { secretRange: { start: number; end: number } }) => text.slice(finding.secretRange.start, finding.secretRange.end);
  const match = matchBaseline(settings.baseline, relativePath, scanned.findings, secretOf);
  const findings: AnalysedFinding[] = [];
  scanned.findings.forEach((finding, i) => {
    if (lines && !touches(finding, lines)) return;
    const secret = secretOf(finding);
    findings.push({
      finding,
      masked: mask(secret),
      fingerprint: match.fingerprints[i],
      accepted: match.accepted[i],
      ...(withKeys ? { key: createHash('sha256').update(`${finding.ruleId}\u0000${secret}`).digest('base64') } : {}),
    });
  });
  return { bytes, findings, limits: scanned.limits, legacyMatched: [...match.legacyMatched] };
}

/** Gathers the findings of many texts into one report, in the order they are added. */
export class ScanCollector {
  private readonly findings: ReportedFinding[] = [];
  private readonly fingerprints: string[] = [];
  private readonly acceptedFingerprints: string[] = [];
  private readonly legacyMatched = new Set<string>();
  readonly skipped: SkippedFile[] = [];
  readonly problems: WalkProblem[] = [];
  private filesScanned = 0;
  private bytesScanned = 0;
  private suppressedByBaseline = 0;

  constructor(
    private readonly baseline: Baseline | undefined,
    private readonly options: ScanOptions | undefined,
  ) {}

  /** Scans one text here and now (see analyseText) and adds it. */
  add(source: TextSource, text: string, bytes = Buffer.byteLength(text)): void {
    this.merge(source, analyseText(text, source.relativePath, { baseline: this.baseline, options: this.options }, source.lines, !!source.isNew, bytes));
  }

  /** Adds a text's outcome, computed here or in a worker thread. */
  merge(source: TextSource, outcome: TextOutcome): void {
    this.filesScanned++;
    this.bytesScanned += outcome.bytes;
    for (const limit of outcome.limits) this.skipped.push({ path: source.relativePath, reason: limit, partial: true });
    for (const old of outcome.legacyMatched) this.legacyMatched.add(old);
    for (const analysed of outcome.findings) {
      if (source.isNew && analysed.key !== undefined && !source.isNew(analysed.key)) continue;
      this.fingerprints.push(analysed.fingerprint);
      if (analysed.accepted) {
        this.suppressedByBaseline++;
        this.acceptedFingerprints.push(analysed.fingerprint);
        continue;
      }
      this.findings.push({
        file: source.relativePath,
        finding: analysed.finding,
        masked: analysed.masked,
        fingerprint: analysed.fingerprint,
        ...(source.commit ? { commit: source.commit } : {}),
      });
    }
  }

  result(): FileScanResult {
    return {
      report: {
        findings: this.findings,
        filesScanned: this.filesScanned,
        bytesScanned: this.bytesScanned,
        suppressedByBaseline: this.suppressedByBaseline,
        skipped: this.skipped,
      },
      fingerprints: this.fingerprints,
      acceptedFingerprints: this.acceptedFingerprints,
      legacyMatched: this.legacyMatched,
      problems: this.problems,
    };
  }
}

function touches(finding: Finding, lines: ReadonlySet<number>): boolean {
  for (let line = finding.secretRange.startLine + 1; line <= finding.secretRange.endLine + 1; line++) if (lines.has(line)) return true;
  return false;
}
