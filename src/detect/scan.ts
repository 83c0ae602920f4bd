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
import { MAX_ANALYSED_LINE } from './rules/context';
import { TextIndex } from './text-index';
import type { Finding, ScanInput } from './types';

/** A rule with more findings than this in one file is looking at generated data: the rest of them are dropped, and said so. */
export const MAX_FINDINGS_PER_RULE = 1000;
/** A safety net for hostile input: past this many findings in one file every rule stops early. */
const MAX_FINDINGS_PER_FILE = 10_000;
const DEFAULT_MIN_ENTROPY = 3.0;

/** What a scan found, and what it did not look at fully (each limit is one sentence; empty when nothing was left out). */
export interface ScanResult {
  findings: Finding[];
  limits: string[];
}

export function scan(text: string, input: ScanInput = {}): Finding[] {
  return scanWithLimits(text, input).findings;
}

export function scanWithLimits(text: string, input: ScanInput = {}): ScanResult {
  const index = new TextIndex(text);
  return completeScan(scanRaw(text, input, index), index);
}

/** A scan's findings before group ids and positions (sorted, without overlaps): what an incremental scan keeps between edits. */
export interface RawScan {
  findings: RawFinding[];
  /** Rules that stopped at their cap. */
  cappedRules: ReadonlySet<string>;
}

/** The language a scan judges a text as. */
export function scanLanguage(input: ScanInput): string {
  return input.languageId ?? (input.fileName ? languageFromFileName(input.fileName) : 'plaintext');
}

export function scanRaw(text: string, input: ScanInput, index: TextIndex = new TextIndex(text)): RawScan {
  const languageId = scanLanguage(input);
  const options = input.options ?? {};
  const disabled = new Set(options.disabledRules ?? []);
  const enabled = (ruleId: string): boolean => !disabled.has(ruleId);
  const family = syntaxFamily(languageId);
  const raw: RawFinding[] = [];
  const perRule = new Map<string, number>();
  const cappedRules = new Set<string>();
  const markers = options.honourIgnoreMarkers !== false;
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
    atCap: (ruleId) => (perRule.get(ruleId) ?? 0) >= MAX_FINDINGS_PER_RULE,
    capped: (ruleId) => {
      if ((perRule.get(ruleId) ?? 0) < MAX_FINDINGS_PER_RULE) return false;
      cappedRules.add(ruleId); // asked because there is more: the report says the rule stopped
      return true;
    },
    report: (finding) => {
      // Ignore markers first, so that silenced findings never count against a cap.
      if (markers && isIgnoredByMarker(index, index.lineAt(finding.secretStart), index.lineAt(Math.max(finding.secretStart, finding.secretEnd - 1)))) return;
      const count = perRule.get(finding.ruleId) ?? 0;
      if (count >= MAX_FINDINGS_PER_RULE || raw.length >= MAX_FINDINGS_PER_FILE) {
        cappedRules.add(finding.ruleId);
        return;
      }
      perRule.set(finding.ruleId, count + 1);
      raw.push(finding);
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

  return { findings: withoutOverlaps(raw), cappedRules };
}

/** Group ids, positions and the report of what was not looked at fully. */
export function completeScan(raw: RawScan, index: TextIndex): ScanResult {
  const groups = assignGroups(raw.findings, index);
  return { findings: raw.findings.map((f, i) => toFinding(f, groups[i], index)), limits: limitsOf(index, raw.cappedRules) };
}

/** The parts of a text a scan did not look at fully, as sentences for a report. */
function limitsOf(index: TextIndex, cappedRules: ReadonlySet<string>): string[] {
  const limits: string[] = [];
  let longLines = 0;
  const starts = index.lineStarts;
  for (let line = 0; line < starts.length; line++) {
    // The distance to the next line's start bounds the length; only then is the exact end computed.
    const next = line + 1 < starts.length ? starts[line + 1] : index.text.length + 1;
    if (next - starts[line] > MAX_ANALYSED_LINE + 1 && index.lineEnd(line) - starts[line] > MAX_ANALYSED_LINE) longLines++;
  }
  if (longLines) {
    limits.push(
      `${longLines} line${longLines === 1 ? '' : 's'} longer than ${MAX_ANALYSED_LINE.toLocaleString('en-US')} characters checked for known formats, private keys and URLs only`,
    );
  }
  for (const ruleId of cappedRules)
    limits.push(`stopped after ${MAX_FINDINGS_PER_RULE.toLocaleString('en-US')} ${ruleId} findings: the rest of the file not checked for that rule`);
  return limits;
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
