// Scans files on disk: walk, read, scan, fingerprint, apply the baseline. The
// CLI is only argument parsing around this.

import { fingerprint } from './fingerprint';
import { mask } from './mask';
import type { ReportedFinding, ScanReport } from './report/model';
import { scan } from './scan';
import type { ScanOptions } from './types';
import { collectFiles, describeFsError, readScannableFile, type WalkProblem } from './walk';

export interface FileScanRequest {
  cwd: string;
  roots: readonly string[];
  excludeGlobs: readonly string[];
  useGitignore: boolean;
  /** Accepted fingerprints: matching findings are not reported. */
  baseline?: ReadonlySet<string>;
  options?: ScanOptions;
}

export interface FileScanResult {
  report: ScanReport;
  /** Fingerprints of every finding, baseline-accepted ones included (for --write-baseline). */
  fingerprints: string[];
  /** Paths that could not be read. */
  problems: WalkProblem[];
}

export function scanFiles(request: FileScanRequest): FileScanResult {
  const { files, problems } = collectFiles(request.roots, request);
  const findings: ReportedFinding[] = [];
  const fingerprints: string[] = [];
  let filesScanned = 0;
  let suppressedByBaseline = 0;
  for (const file of files) {
    let text: string;
    try {
      const read = readScannableFile(file.absolutePath);
      if ('skipped' in read) continue;
      text = read.text;
    } catch (error) {
      problems.push({ path: file.relativePath, message: describeFsError(error) });
      continue;
    }
    filesScanned++;
    for (const finding of scan(text, { fileName: file.relativePath, options: request.options })) {
      const secret = text.slice(finding.secretRange.start, finding.secretRange.end);
      const id = fingerprint(file.relativePath, finding, secret);
      fingerprints.push(id);
      if (request.baseline?.has(id)) {
        suppressedByBaseline++;
        continue;
      }
      findings.push({ file: file.relativePath, finding, masked: mask(secret), fingerprint: id });
    }
  }
  return { report: { findings, filesScanned, suppressedByBaseline }, fingerprints, problems };
}
