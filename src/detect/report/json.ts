// `--format json`: {"findings": [{file, line, column, endLine, endColumn, ruleId, severity, message}],
// history scans add {commit, author, email, date} to each finding;
// "skipped": [{file, reason, partial}], "summary": {filesScanned, filesSkipped, filesScannedPartly, bytesScanned, findings, suppressedByBaseline}}.

import { findingMessage, oneBased, printableJson, type ScanReport } from './model';

export function formatJson(report: ScanReport): string {
  const findings = report.findings.map((reported) => ({
    file: reported.file,
    ...oneBased(reported.finding),
    ruleId: reported.finding.ruleId,
    severity: reported.finding.severity,
    message: findingMessage(reported),
    ...(reported.commit ? { commit: reported.commit.sha, author: reported.commit.author, email: reported.commit.email, date: reported.commit.date } : {}),
  }));
  const skipped = (report.skipped ?? []).map((s) => ({ file: s.path, reason: s.reason, ...(s.partial ? { partial: true } : {}) }));
  const summary = {
    filesScanned: report.filesScanned,
    filesSkipped: skipped.filter((s) => !s.partial).length,
    filesScannedPartly: new Set(skipped.filter((s) => s.partial).map((s) => s.file)).size,
    bytesScanned: report.bytesScanned ?? 0,
    findings: findings.length,
    suppressedByBaseline: report.suppressedByBaseline,
  };
  // JSON.stringify escapes C0 controls; printableJson() also escapes C1, separators and bidi overrides.
  return `${printableJson(JSON.stringify({ findings, skipped, summary }, null, 2))}\n`;
}
