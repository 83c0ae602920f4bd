// Scans files on disk: walk, read, scan, fingerprint, apply the baseline. The
// CLI is only argument parsing around this. Whatever is not read, or not read
// fully, comes back in `report.skipped` with its reason.

import { matchBaseline, type Baseline } from './baseline';
import { mask } from './mask';
import type { ReportedFinding, ScanReport } from './report/model';
import { scanWithLimits } from './scan';
import type { ScanOptions } from './types';
import { collectFiles, describeFsError, MAX_FILE_BYTES, readScannableFile, type SkippedFile, type WalkProblem } from './walk';

export interface FileScanRequest {
  cwd: string;
  roots: readonly string[];
  excludeGlobs: readonly string[];
  useGitignore: boolean;
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

export function scanFiles(request: FileScanRequest): FileScanResult {
  const { files, problems, skipped } = collectFiles(request.roots, request);
  const findings: ReportedFinding[] = [];
  const fingerprints: string[] = [];
  const acceptedFingerprints: string[] = [];
  const legacyMatched = new Set<string>();
  const notRead: SkippedFile[] = [...skipped];
  let filesScanned = 0;
  let bytesScanned = 0;
  let suppressedByBaseline = 0;
  for (const file of files) {
    let text: string;
    let bytes: number;
    try {
      const read = readScannableFile(file.absolutePath, request.maxFileBytes ?? MAX_FILE_BYTES);
      if ('skipped' in read) {
        notRead.push({ path: file.relativePath, reason: read.skipped });
        continue;
      }
      text = read.text;
      bytes = read.bytes ?? Buffer.byteLength(text);
    } catch (error) {
      problems.push({ path: file.relativePath, message: describeFsError(error) });
      continue;
    }
    filesScanned++;
    bytesScanned += bytes;
    const scanned = scanWithLimits(text, { fileName: file.relativePath, options: request.options });
    for (const limit of scanned.limits) notRead.push({ path: file.relativePath, reason: limit, partial: true });
    const secretOf = (finding: { secretRange: { start: number; end: number } }) => text.slice(finding.secretRange.start, finding.secretRange.end);
    const match = matchBaseline(request.baseline, file.relativePath, scanned.findings, secretOf);
    for (const old of match.legacyMatched) legacyMatched.add(old);
    scanned.findings.forEach((finding, i) => {
      const id = match.fingerprints[i];
      fingerprints.push(id);
      if (match.accepted[i]) {
        suppressedByBaseline++;
        acceptedFingerprints.push(id);
        return;
      }
      findings.push({ file: file.relativePath, finding, masked: mask(secretOf(finding)), fingerprint: id });
    });
  }
  return {
    report: { findings, filesScanned, bytesScanned, suppressedByBaseline, skipped: notRead },
    fingerprints,
    acceptedFingerprints,
    legacyMatched,
    problems,
  };
}
