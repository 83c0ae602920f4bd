// `--format text`: one line per finding and a summary, coloured when asked to.

import { findingMessage, oneBased, printable, skippedSummary, type ScanReport } from './model';
import type { Severity } from '../types';

const STYLES = { bold: [1, 22], dim: [2, 22], red: [31, 39], yellow: [33, 39], cyan: [36, 39], green: [32, 39] } as const;
type Style = keyof typeof STYLES;

export function formatText(report: ScanReport, color: boolean): string {
  const paint = (style: Style, text: string): string => (color ? `\u001b[${STYLES[style][0]}m${text}\u001b[${STYLES[style][1]}m` : text);
  const severityStyle: Record<Severity, Style> = { error: 'red', warning: 'yellow', info: 'cyan' };
  const lines = report.findings.map((reported) => {
    const { line, column } = oneBased(reported.finding);
    const severity = reported.finding.severity;
    const found = `${paint('bold', `${printable(reported.file)}:${line}:${column}`)}  ${paint(severityStyle[severity], severity.padEnd(7))} ${findingMessage(reported)}  ${paint('dim', reported.finding.ruleId)}`;
    const commit = reported.commit;
    return commit
      ? `${found}\n    ${paint('dim', `added in ${commit.sha.slice(0, 12)} by ${printable(commit.author)} <${printable(commit.email)}> on ${commit.date}`)}`
      : found;
  });
  const files = new Set(report.findings.map((r) => r.file)).size;
  const scanned = `${report.filesScanned} ${plural(report.filesScanned, 'file')} scanned`;
  const left = skippedSummary(report);
  const suppressed =
    (left ? `, ${left} (listed on stderr)` : '') + (report.suppressedByBaseline ? `, ${report.suppressedByBaseline} accepted by the baseline` : '');
  const summary = report.findings.length
    ? paint('bold', `${report.findings.length} ${plural(report.findings.length, 'secret')} found in ${files} ${plural(files, 'file')}`) +
      ` (${scanned}${suppressed}).`
    : paint('green', 'No secrets found') + ` (${scanned}${suppressed}).`;
  return [...lines, ...(lines.length ? [''] : []), summary, ''].join('\n');
}

function plural(count: number, noun: string): string {
  return count === 1 ? noun : `${noun}s`;
}
