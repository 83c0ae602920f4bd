/**
 * The loop every literal decoder shares: walk a literal's content, let the language's `step` say
 * what starts at each character (an escape, bytes, an interpolation, a refusal — or nothing, and
 * the character stands for itself), and collect pieces. Plus the number-reading helpers escapes use.
 */
import { PieceList, rawSource, type Decoded } from './pieces';

export type Lexeme = { end: number; text: string } | { end: number; bytes: string } | { end: number; field: true } | { refused: string };

/** What starts at `i` (undefined: an ordinary character). `end` is the end of the content. */
export type Step = (text: string, i: number, end: number) => Lexeme | undefined;

export interface DecodeOptions {
  /** CRLF and CR in the content mean LF (Python, JS templates, Java, Go raw, YAML, XML). */
  normaliseNewlines?: boolean;
}

export function decodeContent(text: string, from: number, to: number, step: Step, options: DecodeOptions = {}): Decoded {
  const list = new PieceList();
  const normalise = options.normaliseNewlines === true;
  let run = from;
  let i = from;
  while (i < to) {
    const lexeme = step(text, i, to);
    if (!lexeme) {
      i++;
      continue;
    }
    if ('refused' in lexeme) return lexeme;
    rawSource(list, text, run, i, normalise);
    if ('field' in lexeme) list.field(i, lexeme.end);
    else if ('bytes' in lexeme) list.bytes(i, lexeme.end, lexeme.bytes);
    else list.atom(i, lexeme.end, lexeme.text);
    i = run = lexeme.end;
  }
  rawSource(list, text, run, to, normalise);
  return { pieces: list.pieces };
}

/** Up to `max` (at least `min`) digits of `radix` at `i`, not past `end`: the number and where it stops. */
export function digits(text: string, i: number, end: number, radix: 8 | 16, min: number, max: number): { value: number; end: number } | undefined {
  const pattern = radix === 16 ? /[0-9A-Fa-f]/ : /[0-7]/;
  let j = i;
  while (j < end && j - i < max && pattern.test(text[j] ?? '')) j++;
  if (j - i < min) return undefined;
  return { value: parseInt(text.slice(i, j), radix), end: j };
}

/**
 * `\uXXXX` (4 hex digits) or `\UXXXXXXXX` (8) at `i`, the form Python, Go, HCL, TOML, YAML and C#
 * share: the character, or a refusal (a surrogate cannot be stored as text; too few digits or a
 * value past U+10FFFF does not compile).
 */
export function fixedWidthUnicode(t: string, i: number, end: number, language: string): Lexeme {
  const width = t[i + 1] === 'U' ? 8 : 4;
  const hex = digits(t, i + 2, end, 16, width, width);
  if (!hex || hex.value > 0x10ffff) return invalidEscape(language);
  const ch = codePoint(hex.value);
  return ch === undefined ? refused(LONE_SURROGATE) : { end: hex.end, text: ch };
}

/** The character for a code point, or undefined for a surrogate or a value past U+10FFFF (no language allows those in text). */
export function codePoint(value: number): string | undefined {
  if (value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff)) return undefined;
  return String.fromCodePoint(value);
}

/** A line break at `i` (LF, CRLF or CR): where it ends, or undefined. */
export function lineBreakEnd(text: string, i: number): number | undefined {
  if (text[i] === '\n') return i + 1;
  if (text[i] === '\r') return text[i + 1] === '\n' ? i + 2 : i + 1;
  return undefined;
}

/** The whole code point at `i` (a surrogate pair counts as one). */
export function charAt(text: string, i: number): string {
  return String.fromCodePoint(text.codePointAt(i) ?? 0);
}

export function refused(reason: string): { refused: string } {
  return { refused: reason };
}

/** An escape the language rejects (never quoted: it is part of the secret). */
export function invalidEscape(language: string): { refused: string } {
  return refused(`The literal has an escape sequence that is not valid in ${language}, so the program has no value to move: fix the literal first.`);
}

export const LONE_SURROGATE = 'The literal holds a lone UTF-16 surrogate, which no secret or parameter can store as text: move the value by hand.';
