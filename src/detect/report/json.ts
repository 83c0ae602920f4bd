// `--format json`: {"findings": [{file, line, column, endLine, endColumn, ruleId, severity, message}]}.

import { findingMessage, oneBased, type ScanReport } from './model';

export function formatJson(report: ScanReport): string {
  const findings = report.findings.map((reported) => ({
    file: reported.file,
    ...oneBased(reported.finding),
    ruleId: reported.finding.ruleId,
    severity: reported.finding.severity,
    message: findingMessage(reported),
  }));
  return `${JSON.stringify({ findings }, null, 2)}\n`;
}
