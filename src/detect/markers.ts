// Inline ignore markers: ours, and those of the scanners a team may already run
// in CI (gitleaks, detect-secrets, secretlint, trufflehog), so the editor and CI agree.

import type { TextIndex } from './text-index';

export const IGNORE_MARKER = 'aws-secrets-lens:ignore';
export const IGNORE_NEXT_LINE_MARKER = 'aws-secrets-lens:ignore-next-line';

/** Markers that silence findings on their own line. */
const SAME_LINE = /aws-secrets-lens:ignore(?!-next-line)|gitleaks:allow|pragma:\s{0,4}allowlist secret|secretlint-disable-line|trufflehog:ignore/i;
/** Markers that silence findings on the line below them. */
const NEXT_LINE = /aws-secrets-lens:ignore-next-line|secretlint-disable-next-line|pragma:\s{0,4}allowlist nextline secret/i;
/** Only the start of a long line is searched for a marker. */
const MAX_MARKER_SEARCH = 8192;

function lineHas(index: TextIndex, line: number, marker: RegExp): boolean {
  if (line < 0 || line >= index.lineCount) return false;
  const start = index.lineStart(line);
  const end = Math.min(index.lineEnd(line), start + MAX_MARKER_SEARCH);
  return marker.test(index.text.slice(start, end));
}

/** True when a finding spanning `startLine`..`endLine` is silenced by a marker. */
export function isIgnoredByMarker(index: TextIndex, startLine: number, endLine: number): boolean {
  return lineHas(index, startLine, SAME_LINE) || (endLine !== startLine && lineHas(index, endLine, SAME_LINE)) || lineHas(index, startLine - 1, NEXT_LINE);
}
