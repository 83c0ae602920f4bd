// Incremental scanning for the editor: after an edit, only the lines around the
// change are scanned again, and the findings elsewhere are kept (shifted past the
// change). The result is the same as a full scan's; where a construct could reach
// further than the margins (a PEM block, a multi-line string, a Kubernetes Secret, a
// rule at its cap), the whole text is scanned instead.

import { insideBlock, tripleQuotedBlocks } from './rules/assignments';
import type { RawFinding } from './rules/context';
import { completeScan, scanLanguage, scanRaw, type RawScan, type ScanResult } from './scan';
import { TextIndex } from './text-index';
import type { ScanInput } from './types';

/**
 * Lines around an edit whose findings may change: markers act on the next line, siblings
 * (`name:` / `value:`) reach four lines, AWS key pairs five, a webhook's signature two.
 */
const REACH = 6;
/** Lines of context scanned around those, so that their findings see what a full scan sees. */
const CONTEXT = 6;
/** `\`-continued command lines are followed up to this many lines. */
const MAX_CONTINUATION = 20;

/** What the next incremental scan of the same document starts from. */
export interface ScanState {
  readonly text: string;
  readonly key: string;
  readonly raw: RawScan;
}

export interface IncrementalResult {
  result: ScanResult;
  state: ScanState;
  /** Whether only part of the text was scanned (false: a full scan). */
  incremental: boolean;
}

/** Scans `text`, reusing `previous` (the same document before an edit) where the edit cannot reach. */
export function scanIncrementally(previous: ScanState | undefined, text: string, input: ScanInput): IncrementalResult {
  const key = JSON.stringify([scanLanguage(input), input.fileName ?? '', input.options ?? {}]);
  const index = new TextIndex(text);
  const partial = previous && previous.key === key ? rescanAroundEdit(previous, text, index, input) : undefined;
  const raw = partial ?? scanRaw(text, input, index);
  return { result: completeScan(raw, index), state: { text, key, raw }, incremental: partial !== undefined };
}

function rescanAroundEdit(previous: ScanState, text: string, index: TextIndex, input: ScanInput): RawScan | undefined {
  const old = previous.text;
  if (previous.raw.cappedRules.size > 0) return undefined;
  if (old === text) return previous.raw;
  // The changed region: [prefix, text.length - suffix) in the new text.
  const prefix = commonPrefix(old, text);
  const suffix = commonSuffix(old, text, Math.min(old.length, text.length) - prefix);
  const delta = text.length - old.length;
  const changedEnd = text.length - suffix;

  let coreFirst = Math.max(0, index.lineAt(prefix) - REACH);
  const coreLast = Math.min(index.lineCount - 1, index.lineAt(Math.max(prefix, changedEnd)) + REACH);
  for (let n = 0; n < MAX_CONTINUATION && coreFirst > 0 && /\\\s*$/.test(index.lineText(coreFirst - 1)); n++) coreFirst--;
  const windowFirst = Math.max(0, coreFirst - CONTEXT);
  const windowLast = Math.min(index.lineCount - 1, coreLast + CONTEXT);
  const coreStart = index.lineStart(coreFirst);
  const coreEnd = coreLast + 1 < index.lineCount ? index.lineStart(coreLast + 1) : text.length;
  const windowStart = index.lineStart(windowFirst);
  const windowEnd = windowLast + 1 < index.lineCount ? index.lineStart(windowLast + 1) : text.length;
  const windowText = text.slice(windowStart, windowEnd);
  // The core in the old text: it starts before the change, so at the same offset, and ends after it.
  const oldCoreEnd = coreEnd - delta;
  if (oldCoreEnd < prefix) return undefined;

  if (!isLocal(previous, windowText, text, index, input, coreFirst, coreLast, windowStart, windowEnd - delta)) return undefined;

  const rescanned = scanRaw(windowText, input);
  if (rescanned.cappedRules.size > 0) return undefined;
  const before = previous.raw.findings.filter((f) => f.secretStart < coreStart);
  const after = previous.raw.findings.filter((f) => f.secretStart >= oldCoreEnd).map((f) => shifted(f, delta));
  const core = rescanned.findings.map((f) => shifted(f, windowStart)).filter((f) => f.secretStart >= coreStart && f.secretStart < coreEnd);
  return { findings: [...before, ...core, ...after], cappedRules: new Set() };
}

/**
 * Whether what decides the findings of the core lies within the window: no PEM block,
 * multi-line string or literal spanning out of it, no Kubernetes Secret document, no
 * finding of the old scan that spans lines near the edit.
 */
function isLocal(
  previous: ScanState,
  windowText: string,
  text: string,
  index: TextIndex,
  input: ScanInput,
  coreFirst: number,
  coreLast: number,
  windowStart: number,
  oldWindowEnd: number,
): boolean {
  if (windowText.includes('-----') || opensMultiLineString(windowText)) return false;
  const languageId = scanLanguage(input);
  if (languageId === 'python' && (text.includes('"""') || text.includes("'''"))) {
    const blocks = tripleQuotedBlocks(text, index);
    for (let line = coreFirst; line <= coreLast; line++) if (insideBlock(blocks, line)) return false;
  }
  if (languageId === 'yaml' && /^kind:\s*["']?Secret/m.test(text)) return false;
  for (const f of previous.raw.findings) {
    if (f.replaceEnd < windowStart || f.replaceStart > oldWindowEnd) continue;
    if (previous.text.slice(f.replaceStart, f.replaceEnd).includes('\n')) return false;
  }
  return true;
}

/**
 * Length of the common start of two texts, found by halving with native comparisons
 * (startsWith), which is far faster than a character loop over a large document.
 */
function commonPrefix(a: string, b: string): number {
  let low = 0;
  let high = Math.min(a.length, b.length);
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (a.startsWith(b.slice(low, mid), low)) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** Length of the common end of two texts, at most `max`. */
function commonSuffix(a: string, b: string, max: number): number {
  let low = 0;
  let high = max;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (a.endsWith(b.slice(b.length - mid, b.length - low), a.length - low)) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** A line with an odd number of backticks or triple quotes opens (or closes) a string that spans lines. */
function opensMultiLineString(windowText: string): boolean {
  if (!windowText.includes('`') && !windowText.includes('""' + '"') && !windowText.includes("'''")) return false;
  for (const line of windowText.split('\n')) {
    if (count(line, '`') % 2 !== 0 || count(line, '""' + '"') % 2 !== 0 || count(line, "'''") % 2 !== 0) return true;
  }
  return false;
}

function count(line: string, what: string): number {
  let n = 0;
  for (let at = line.indexOf(what); at !== -1; at = line.indexOf(what, at + what.length)) n++;
  return n;
}

function shifted(finding: RawFinding, by: number): RawFinding {
  if (by === 0) return finding;
  return {
    ...finding,
    secretStart: finding.secretStart + by,
    secretEnd: finding.secretEnd + by,
    replaceStart: finding.replaceStart + by,
    replaceEnd: finding.replaceEnd + by,
  };
}
