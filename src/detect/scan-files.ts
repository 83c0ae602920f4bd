// Scans files on disk: walk, read, scan, fingerprint, apply the baseline. The
// CLI is only argument parsing around this. Whatever is not read, or not read
// fully, comes back in `report.skipped` with its reason. `ScanCollector` is the
// part that does not care where a text came from: the git scans (staged changes,
// a diff, the history) feed it texts read from git, with the lines to report.

import { matchBaseline, type Baseline } from './baseline';
import { mask } from './mask';
import type { CommitInfo, ReportedFinding, ScanReport } from './report/model';
import { scanWithLimits } from './scan';
import type { Finding, ScanOptions } from './types';
import { collectFiles, describeFsError, MAX_FILE_BYTES, readScannableFile, type ListFiles, type SkippedFile, type WalkProblem } from './walk';

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
  /** Called for each finding that would be reported; false drops it (a secret already reported from an older commit). */
  isNew?: (finding: Finding, secret: string) => boolean;
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

  /** Scans one text. The whole text is scanned (context decides what a value is); `source.lines` then picks what is reported. */
  add(source: TextSource, text: string, bytes = Buffer.byteLength(text)): void {
    this.filesScanned++;
    this.bytesScanned += bytes;
    const { relativePath, lines } = source;
    const scanned = scanWithLimits(text, { fileName: relativePath, options: this.options });
    for (const limit of scanned.limits) this.skipped.push({ path: relativePath, reason: limit, partial: true });
    const secretOf = (finding: { secretRange: { start: number; end: number } }) => text.slice(finding.secretRange.start, finding.secretRange.end);
    // Fingerprints count occurrences over the whole file, so they match a baseline written by a full scan.
    const match = matchBaseline(this.baseline, relativePath, scanned.findings, secretOf);
    for (const old of match.legacyMatched) this.legacyMatched.add(old);
    scanned.findings.forEach((finding, i) => {
      if (lines && !touches(finding, lines)) return;
      if (source.isNew && !source.isNew(finding, secretOf(finding))) return;
      const id = match.fingerprints[i];
      this.fingerprints.push(id);
      if (match.accepted[i]) {
        this.suppressedByBaseline++;
        this.acceptedFingerprints.push(id);
        return;
      }
      this.findings.push({
        file: relativePath,
        finding,
        masked: mask(secretOf(finding)),
        fingerprint: id,
        ...(source.commit ? { commit: source.commit } : {}),
      });
    });
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

export function scanFiles(request: FileScanRequest): FileScanResult {
  const { files, problems, skipped } = collectFiles(request.roots, request);
  const collector = new ScanCollector(request.baseline, request.options);
  collector.skipped.push(...skipped);
  collector.problems.push(...problems);
  for (const file of files) {
    try {
      const read = readScannableFile(file.absolutePath, request.maxFileBytes ?? MAX_FILE_BYTES);
      if ('skipped' in read) collector.skipped.push({ path: file.relativePath, reason: read.skipped });
      else collector.add({ relativePath: file.relativePath }, read.text, read.bytes);
    } catch (error) {
      collector.problems.push({ path: file.relativePath, message: describeFsError(error) });
    }
  }
  return collector.result();
}
