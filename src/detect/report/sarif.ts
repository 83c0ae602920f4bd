// `--format sarif`: SARIF 2.1.0 as GitHub code scanning accepts it (rules with
// descriptions and security-severity, relative URIs, partial fingerprints).

import { RULES, ruleInfo } from '../rules/catalog';
import { findingMessage, oneBased, printableJson, type ScanReport } from './model';
import type { Severity } from '../types';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
const SECURITY_SEVERITY: Record<Severity, string> = { error: '8.5', warning: '6.0', info: '3.0' };

export function formatSarif(report: ScanReport, toolVersion: string): string {
  const ruleIds = [...new Set([...RULES.map((r) => r.id), ...report.findings.map((r) => r.finding.ruleId)])];
  const ruleIndex = new Map(ruleIds.map((id, i) => [id, i]));
  const rules = ruleIds.map((id) => {
    const info = ruleInfo(id);
    const severity = info?.severity ?? 'warning';
    const description = info?.description ?? 'A secret matched by a custom pattern.';
    return {
      id,
      name: id.replace(/(^|[-:])(\w)/g, (_m, _s: string, c: string) => c.toUpperCase()),
      shortDescription: { text: `Hard-coded ${info?.kind ?? 'secret'}` },
      fullDescription: { text: description },
      help: {
        text: `${description} Move the value to AWS Secrets Manager or Parameter Store and read it at run time; accept a false positive with an inline "aws-secrets-lens:ignore" comment or a baseline.`,
      },
      defaultConfiguration: { level: LEVEL[severity] },
      properties: { tags: ['security', 'secret'], precision: 'high', 'security-severity': SECURITY_SEVERITY[severity] },
    };
  });
  const results = report.findings.map((reported) => {
    const { line, column, endLine, endColumn } = oneBased(reported.finding);
    return {
      ruleId: reported.finding.ruleId,
      ruleIndex: ruleIndex.get(reported.finding.ruleId) ?? 0,
      level: LEVEL[reported.finding.severity],
      message: { text: findingMessage(reported) },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: encodeURI(reported.file), uriBaseId: '%SRCROOT%' },
            region: { startLine: line, startColumn: column, endLine, endColumn },
          },
        },
      ],
      // Version 2: from the location and the name, never the value nor the commit (docs/detection.md#fingerprints).
      partialFingerprints: { 'secretFingerprint/v2': reported.fingerprint },
      // History scans: the commit that added it. SARIF has no per-result revision, so it is a property bag (§3.8).
      ...(reported.commit
        ? {
            properties: {
              commitSha: reported.commit.sha,
              author: reported.commit.author,
              authorEmail: reported.commit.email,
              commitDate: reported.commit.date,
            },
          }
        : {}),
    };
  });
  // SARIF 2.1.0 §3.20.21: what the tool could not do goes into the invocation's toolExecutionNotifications.
  const toolExecutionNotifications = (report.skipped ?? []).map((skipped) => ({
    level: skipped.partial ? 'note' : 'warning',
    descriptor: { id: skipped.partial ? 'scanned-partly' : 'not-scanned' },
    message: { text: `${skipped.partial ? 'Scanned partly' : 'Not scanned'}: ${skipped.reason}` },
    locations: [{ physicalLocation: { artifactLocation: { uri: encodeURI(skipped.path), uriBaseId: '%SRCROOT%' } } }],
  }));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'aws-secrets-lens', semanticVersion: toolVersion, version: toolVersion, rules } },
        invocations: [{ executionSuccessful: true, toolExecutionNotifications }],
        // SARIF 2.1.0 §3.14.13 / §3.23: the repository and the revision that was scanned.
        ...(report.repository
          ? {
              versionControlProvenance: [
                {
                  repositoryUri: report.repository.uri,
                  ...(report.repository.revision ? { revisionId: report.repository.revision } : {}),
                  ...(report.repository.branch ? { branch: report.repository.branch } : {}),
                },
              ],
            }
          : {}),
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${printableJson(JSON.stringify(sarif, null, 2))}\n`;
}
