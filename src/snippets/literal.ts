/**
 * Where exactly the replacement goes. The detector may hand over the whole literal (quotes included),
 * only its content, or a part of it (the password inside a connection string); callers get the token
 * to replace and, for a part, the token it belongs to so they can splice around it.
 */
import { lineEndAt, lineStartAt } from './edits';
import { stringTokenAround, type StringToken } from './lexer';

export interface LiteralSite {
  /** Range to replace: the whole token, or the given range when it is not inside a string. */
  start: number;
  end: number;
  /** Set when the range is strictly inside this string token's content. */
  partialOf?: StringToken;
  /** The part of the token's content that is being replaced (same as start/end when `partialOf`). */
  inner: { start: number; end: number };
}

export function locateLiteral(strings: readonly StringToken[], start: number, end: number): LiteralSite {
  const token = stringTokenAround(strings, start, end);
  if (!token) return { start, end, inner: { start, end } };
  const coversContent = start <= token.contentStart && end >= token.contentEnd;
  if (coversContent) return { start: token.start, end: token.end, inner: { start: token.contentStart, end: token.contentEnd } };
  return { start, end, partialOf: token, inner: { start, end } };
}

/**
 * Quoted scalars on one line of a config format (YAML, .env, Dockerfile, properties): `'…'` (YAML
 * doubles a quote inside) and `"…"` (backslash escapes), opening at the start of a value.
 */
export function quotedTokensOnLine(text: string, offset: number): StringToken[] {
  const lineStart = lineStartAt(text, offset);
  const lineEnd = lineEndAt(text, offset);
  const tokens: StringToken[] = [];
  let i = lineStart;
  while (i < lineEnd) {
    const ch = text[i];
    const prev = text.slice(lineStart, i).trimEnd().slice(-1);
    if ((ch === '"' || ch === "'") && (prev === '' || ':=-[{,'.includes(prev) || /\s/.test(text[i - 1] ?? ''))) {
      let j = i + 1;
      while (j < lineEnd) {
        if (ch === '"' && text[j] === '\\') {
          j += 2;
          continue;
        }
        if (text[j] === ch) {
          if (ch === "'" && text[j + 1] === "'") {
            j += 2;
            continue;
          }
          break;
        }
        j++;
      }
      if (j >= lineEnd) break; // unterminated: not a quoted scalar after all
      tokens.push({ start: i, end: j + 1, contentStart: i + 1, contentEnd: j });
      i = j + 1;
      continue;
    }
    if (ch === '#' && (i === lineStart || /\s/.test(text[i - 1] ?? ''))) break; // a trailing comment
    i++;
  }
  return tokens;
}

/**
 * For unquoted values: whether `[start, end)` is the whole value of its `key = value` / `key: value`
 * line (nothing but a separator before it and nothing but a comment after it).
 */
export function isWholeUnquotedValue(text: string, start: number, end: number): boolean {
  const before = text.slice(lineStartAt(text, start), start);
  const after = text.slice(end, lineEndAt(text, end));
  return /(?:[=:]|^\s*-|\s)\s*$/.test(before) && /^\s*(?:#.*)?$/.test(after);
}
