// PEM private key blocks: one finding from `-----BEGIN … PRIVATE KEY-----` to the
// matching END line, whether the block spans real lines or sits in one string
// with `\n` escapes (JSON service-account files).

import { shannonEntropy } from '../entropy';
import { assignedNameBefore, lexLiterals } from '../literals';
import { MAX_ANALYSED_LINE, type RuleContext } from './context';
import type { QuoteStyle } from '../types';

const BEGIN = '-----BEGIN ';
const LABEL = /^((?:[A-Z0-9]{1,12} ){0,3}PRIVATE KEY(?: BLOCK)?)-----/;
const MAX_BLOCK = 64 * 1024;

export function runPrivateKeys(context: RuleContext): void {
  const text = context.text;
  // Where the next END marker of each label is: searched once per label and reused,
  // so a file full of BEGIN lines without END lines stays linear.
  const nextEnd = new Map<string, number>();
  for (let at = text.indexOf(BEGIN); at !== -1 && !context.full; at = text.indexOf(BEGIN, at + BEGIN.length)) {
    const label = LABEL.exec(text.slice(at + BEGIN.length, at + BEGIN.length + 60));
    if (!label) continue;
    const endMarker = `-----END ${label[1]}-----`;
    const bodyStart = at + BEGIN.length + label[0].length;
    let endAt = nextEnd.get(endMarker);
    if (endAt === undefined || (endAt !== -1 && endAt < bodyStart)) {
      endAt = text.indexOf(endMarker, bodyStart);
      nextEnd.set(endMarker, endAt);
    }
    if (endAt === -1 || endAt - bodyStart > MAX_BLOCK) continue;
    if (!looksLikeKeyMaterial(text.slice(bodyStart, endAt))) continue;
    const secretEnd = endAt + endMarker.length;
    context.report({
      ruleId: 'private-key',
      kind: 'private key',
      severity: 'error',
      confidence: 'high',
      secretStart: at,
      secretEnd,
      ...placeBlock(context, at, secretEnd),
      priority: 100,
    });
    at = secretEnd - BEGIN.length;
  }
}

/** Enough base64 with enough randomness: rules out `...`, `<your key here>` and truncated samples. */
function looksLikeKeyMaterial(body: string): boolean {
  const base64 = body
    .replace(/\\[nr]/g, '')
    .replace(/^[A-Za-z-]{2,20}:.*$/gm, '') // Proc-Type:, DEK-Info:, Comment: headers
    .replace(/[^A-Za-z0-9+/=]/g, '');
  if (base64.length < 64 || /example|x{8}/i.test(base64)) return false;
  return shannonEntropy(base64) >= 4.5;
}

/** The string literal (possibly multi-line) around the block, else the block itself. */
function placeBlock(context: RuleContext, start: number, end: number): { replaceStart: number; replaceEnd: number; quote: QuoteStyle; name?: string } {
  const { index, text } = context;
  const line = index.lineAt(start);
  const lineStart = index.lineStart(line);
  const lineText = index.lineText(line);
  const fallback = { replaceStart: start, replaceEnd: end, quote: '' as QuoteStyle, name: nameAbove(context, line, start - lineStart) };
  if (lineText.length > MAX_ANALYSED_LINE) return fallback;
  const column = start - lineStart;
  const literal = lexLiterals(lineText, context.lex).find((l) => l.contentStart <= column && column < Math.max(l.contentEnd, l.contentStart + 1));
  if (!literal) return fallback;
  const name = assignedNameBefore(lineText, literal.start);
  const literalEnd = lineStart + literal.end;
  if (literalEnd >= end && literal.end < lineText.length + 1 && literal.contentEnd < lineText.length) {
    return { replaceStart: lineStart + literal.start, replaceEnd: literalEnd, quote: literal.quote, name };
  }
  // The literal spans lines: its closing quote follows the END marker (after optional `\n` escapes).
  const after = /^(?:\\n|\\r|\s){0,4}/.exec(text.slice(end, end + 16));
  const closeAt = end + (after ? after[0].length : 0);
  if (literal.quote && text.startsWith(literal.quote, closeAt)) {
    return { replaceStart: lineStart + literal.start, replaceEnd: closeAt + literal.quote.length, quote: literal.quote, name };
  }
  return { ...fallback, name: name ?? fallback.name };
}

/** YAML `private_key: |` or a heredoc: the key on the line above the block. */
function nameAbove(context: RuleContext, line: number, column: number): string | undefined {
  const text = context.index.lineText(line);
  if (column > 0) {
    const match = /([\w.-]{1,120})["']?\s{0,4}[:=]\s{0,4}[|>]?[-+]?\s{0,4}$/.exec(text.slice(0, column));
    if (match) return match[1];
  }
  if (line === 0) return undefined;
  const above = context.index.lineText(line - 1);
  const match = /([\w.-]{1,120})["']?\s{0,4}(?::\s{0,4}[|>][-+]?|=\s{0,4}<<-?\s{0,4}["']?\w{1,40}["']?)\s{0,4}$/.exec(above.slice(0, 400));
  return match ? match[1] : undefined;
}
