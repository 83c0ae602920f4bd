// scan(): runs every rule over one text and returns findings with positions,
// ignore markers applied, overlaps resolved and groups assigned.
// Synchronous and pure: no file system, no vscode, no AWS SDK.

import { assignGroups } from './groups';
import { languageFromFileName, lineCommentStarts, syntaxFamily } from './languages';
import { isIgnoredByMarker } from './markers';
import { runAssignments } from './rules/assignments';
import { runAwsPairs } from './rules/aws-pairs';
import { runCommandLineCredentials } from './rules/command-line';
import { runCredentialArguments } from './rules/credential-arguments';
import type { RawFinding, RuleContext } from './rules/context';
import { runCustomPatterns } from './rules/custom';
import { runKnownFormats } from './rules/known-formats';
import { runKubernetesSecrets } from './rules/kubernetes-secrets';
import { runPrivateKeys } from './rules/private-key';
import { runUrlCredentials } from './rules/url-credentials';
import { TextIndex } from './text-index';
import type { Finding, ScanInput } from './types';

/** A file with more candidate findings than this is hostile or generated: the scan stops there. */
const MAX_FINDINGS_PER_FILE = 1000;
const DEFAULT_MIN_ENTROPY = 3.0;

export function scan(text: string, input: ScanInput = {}): Finding[] {
  const languageId = input.languageId ?? (input.fileName ? languageFromFileName(input.fileName) : 'plaintext');
  const options = input.options ?? {};
  const disabled = new Set(options.disabledRules ?? []);
  const enabled = (ruleId: string): boolean => !disabled.has(ruleId);
  const index = new TextIndex(text);
  const family = syntaxFamily(languageId);
  const raw: RawFinding[] = [];
  const context: RuleContext = {
    text,
    index,
    languageId,
    fileName: input.fileName,
    family,
    lex: { commentStarts: lineCommentStarts(languageId), quotesOnlyAfterEquals: family === 'xml' },
    minEntropy: options.minEntropy ?? DEFAULT_MIN_ENTROPY,
    get full() {
      return raw.length >= MAX_FINDINGS_PER_FILE;
    },
    report: (finding) => {
      if (raw.length < MAX_FINDINGS_PER_FILE) raw.push(finding);
    },
  };

  runKnownFormats(context, enabled);
  if (enabled('private-key')) runPrivateKeys(context);
  if (enabled('url-credentials')) runUrlCredentials(context);
  if (enabled('command-line-password')) runCommandLineCredentials(context);
  if (enabled('credential-argument')) runCredentialArguments(context);
  runAssignments(context, enabled);
  if (enabled('secret-assignment')) runKubernetesSecrets(context);
  if (enabled('aws-secret-access-key'))
    runAwsPairs(
      context,
      raw.filter((f) => f.ruleId === 'aws-access-key-id'),
    );
  if (options.customPatterns?.length) runCustomPatterns(context, options.customPatterns, enabled);

  let kept = withoutOverlaps(raw);
  if (options.honourIgnoreMarkers !== false) {
    kept = kept.filter((f) => !isIgnoredByMarker(index, index.lineAt(f.secretStart), index.lineAt(Math.max(f.secretStart, f.secretEnd - 1))));
  }
  const groups = assignGroups(kept, index);
  return kept.map((f, i) => toFinding(f, groups[i], index));
}

/** Where two findings claim overlapping text, keep the more specific rule (then the longer match). */
function withoutOverlaps(findings: RawFinding[]): RawFinding[] {
  findings.sort((a, b) => a.secretStart - b.secretStart || b.secretEnd - a.secretEnd);
  const kept: RawFinding[] = [];
  for (const finding of findings) {
    const last = kept[kept.length - 1];
    if (last && finding.secretStart < last.secretEnd) {
      if (
        finding.priority > last.priority ||
        (finding.priority === last.priority && finding.secretEnd - finding.secretStart > last.secretEnd - last.secretStart)
      ) {
        kept[kept.length - 1] = finding;
      }
      continue;
    }
    kept.push(finding);
  }
  return kept;
}

function toFinding(raw: RawFinding, groupId: string, index: TextIndex): Finding {
  const secret = index.text.slice(raw.secretStart, raw.secretEnd);
  // A name is only shown when it cannot carry part of the secret.
  const name = raw.name && raw.name.length <= 120 && !raw.name.includes(secret.slice(0, 12)) ? raw.name : undefined;
  const finding: Finding = {
    ruleId: raw.ruleId,
    kind: raw.kind,
    description: describe(raw, name),
    severity: raw.severity,
    confidence: raw.confidence,
    secretRange: index.range(raw.secretStart, raw.secretEnd),
    replaceRange: index.range(raw.replaceStart, raw.replaceEnd),
    quote: raw.quote,
    groupId,
  };
  if (name) finding.name = name;
  return finding;
}

function describe(raw: RawFinding, name: string | undefined): string {
  if (raw.description) return raw.description;
  return `Hard-coded ${raw.kind}${name ? ` assigned to ${name}` : ''}.`;
}
