// Small, line-local lexing: string literals, bare values and the name a value is
// assigned to. Everything works on one line at a time with bounded loops, so a
// hostile line costs at most linear time.

import { allowsBareValues, type SyntaxFamily } from './languages';
import type { QuoteStyle } from './types';

/** A value on a line: the token a fix replaces and the content inside its quotes. */
export interface ValueToken {
  /** Start of the whole token (prefix letters and opening quote included). */
  start: number;
  /** End of the whole token (closing quote included). */
  end: number;
  contentStart: number;
  contentEnd: number;
  quote: QuoteStyle;
}

export interface LexOptions {
  commentStarts: readonly string[];
  /** XML and HTML: a quote opens a literal only right after `=` (text may hold apostrophes). */
  quotesOnlyAfterEquals?: boolean;
}

/** String literals on one line, in order. An unterminated one runs to the end of the line. */
export function lexLiterals(line: string, options: LexOptions): ValueToken[] {
  const literals: ValueToken[] = [];
  const interesting = interestingCharacters(options.commentStarts);
  interesting.lastIndex = 0;
  for (let match = interesting.exec(line); match; match = interesting.exec(line)) {
    const i = match.index;
    const c = line.charCodeAt(i);
    if (c === 34 || c === 39 || c === 96) {
      if (options.quotesOnlyAfterEquals && !followsEquals(line, i)) continue;
      const token = readQuoted(line, i);
      literals.push(token ?? openLiteral(line, i));
      if (!token) break;
      interesting.lastIndex = token.end;
      continue;
    }
    if (startsComment(line, i, options.commentStarts)) break;
  }
  return literals;
}

const interestingCache = new WeakMap<readonly string[], RegExp>();

/** Quotes and comment openers: the only characters the lexer stops at (one expression per comment syntax). */
function interestingCharacters(commentStarts: readonly string[]): RegExp {
  let pattern = interestingCache.get(commentStarts);
  if (!pattern) {
    const escaped = commentStarts.map((start) => start.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
    pattern = new RegExp(['["\'`]', ...escaped].join('|'), 'g');
    interestingCache.set(commentStarts, pattern);
  }
  return pattern;
}

function followsEquals(line: string, quoteAt: number): boolean {
  let j = quoteAt - 1;
  while (j >= 0 && line.charCodeAt(j) === 32) j--;
  return j >= 0 && line.charCodeAt(j) === 61;
}

function startsComment(line: string, i: number, commentStarts: readonly string[]): boolean {
  for (const start of commentStarts) {
    if (line.startsWith(start, i)) {
      // `#` and `;` start a comment only at the line start or after a space (`a#b`, `x;y` are values).
      if ((start === '#' || start === ';') && i > 0 && line.charCodeAt(i - 1) !== 32 && line.charCodeAt(i - 1) !== 9) return false;
      return true;
    }
  }
  return false;
}

function openLiteral(line: string, quoteAt: number): ValueToken {
  const triple = isTriple(line, quoteAt);
  const width = triple ? 3 : 1;
  return {
    start: quoteAt,
    end: line.length,
    contentStart: Math.min(quoteAt + width, line.length),
    contentEnd: line.length,
    quote: quoteStyle(line[quoteAt], triple),
  };
}

function isTriple(line: string, at: number): boolean {
  const q = line[at];
  return (q === '"' || q === "'") && line[at + 1] === q && line[at + 2] === q;
}

function quoteStyle(q: string, triple: boolean): QuoteStyle {
  if (triple) return q === '"' ? '"""' : "'''";
  return q as QuoteStyle;
}

/**
 * Reads the literal whose opening quote is at `quoteAt`, honouring backslash
 * escapes (C# verbatim `@"..."` and YAML single quotes double the quote instead).
 * Undefined when it does not close on this line.
 */
export function readQuoted(line: string, quoteAt: number, doubledQuoteEscapes = false): ValueToken | undefined {
  const q = line.charCodeAt(quoteAt);
  if (isTriple(line, quoteAt)) {
    const close = line.indexOf(line[quoteAt].repeat(3), quoteAt + 3);
    if (close === -1) return undefined;
    return { start: quoteAt, end: close + 3, contentStart: quoteAt + 3, contentEnd: close, quote: quoteStyle(line[quoteAt], true) };
  }
  // 64 is "@": a C# verbatim string.
  const verbatim = doubledQuoteEscapes || (quoteAt > 0 && line.charCodeAt(quoteAt - 1) === 64);
  for (let j = quoteAt + 1; j < line.length; j++) {
    const c = line.charCodeAt(j);
    if (c === 92 /* \ */ && !verbatim) {
      j++;
      continue;
    }
    if (c === q) {
      if (verbatim && line.charCodeAt(j + 1) === q) {
        j++;
        continue;
      }
      return { start: quoteAt, end: j + 1, contentStart: quoteAt + 1, contentEnd: j, quote: line[quoteAt] as QuoteStyle };
    }
  }
  return undefined;
}

/** String prefixes that belong to the literal: Python r/b/u/f, C# @ and $, C++ u8/L. */
function literalPrefixStart(line: string, quoteAt: number): number {
  let j = quoteAt;
  while (j > 0 && quoteAt - j < 3 && /[rRbBuUfF@$L8]/.test(line[j - 1])) j--;
  if (j === quoteAt) return quoteAt;
  // "prefix" letters glued to an identifier (`secret"`) are not a prefix.
  if (j > 0 && /[\w$]/.test(line[j - 1])) return quoteAt;
  return j;
}

export interface ValueParse {
  family: SyntaxFamily;
  commentStarts: readonly string[];
  /** Where a bare value stops, besides the end of the line. */
  bareStop: 'comment' | 'space' | 'separator' | 'element';
}

/**
 * Parses the value that starts at `pos` (after the assignment operator and any
 * spaces): a quoted literal in any syntax, or a bare token where the syntax allows it.
 */
export function parseValue(line: string, pos: number, parse: ValueParse): ValueToken | undefined {
  if (pos >= line.length) return undefined;
  let quoteAt = pos;
  // Skip string prefixes: r"...", f'...', @"...", $"...", b'...'.
  while (quoteAt < line.length && quoteAt - pos < 3 && /[rRbBuUfF@$]/.test(line[quoteAt])) quoteAt++;
  const q = line.charCodeAt(quoteAt);
  // Backticks quote strings in code and shells only; in YAML or .env they are ordinary characters.
  if (q === 34 || q === 39 || (q === 96 && (!allowsBareValues(parse.family) || parse.family === 'shell'))) {
    const token = readQuoted(line, quoteAt, parse.family === 'yaml' && q === 39);
    if (!token) return undefined;
    token.start = quoteAt === pos ? pos : literalPrefixStart(line, quoteAt);
    if (token.start !== pos) return undefined; // letters before a quote that are not a prefix: not a literal
    return token;
  }
  if (parse.bareStop !== 'separator' && parse.bareStop !== 'element' && !allowsBareValues(parse.family)) return undefined;
  return readBare(line, pos, parse);
}

function readBare(line: string, pos: number, parse: ValueParse): ValueToken | undefined {
  let end = pos;
  const length = line.length;
  switch (parse.bareStop) {
    case 'space':
      while (end < length && !/[\s;&|)'"`]/.test(line[end])) end++;
      break;
    case 'separator':
      while (end < length && !/[\s;&'"`<>)(,]/.test(line[end])) end++;
      break;
    case 'element':
      end = line.indexOf('<', pos);
      if (end === -1) return undefined;
      break;
    case 'comment':
      end = length;
      // The first comment opener after the value's first character (searched per opener, not per character).
      for (const start of parse.commentStarts) {
        for (let j = line.indexOf(start, pos + 1); j !== -1 && j < end; j = line.indexOf(start, j + 1)) {
          if (startsComment(line, j, [start])) {
            end = j;
            break;
          }
        }
      }
      break;
  }
  while (end > pos && /\s/.test(line[end - 1])) end--;
  if (end === pos) return undefined;
  return { start: pos, end, contentStart: pos, contentEnd: end, quote: '' };
}

const IDENT_CHAR = /[\w$@.-]/;
const TYPE_WORDS = new Set([
  'string',
  'String',
  'str',
  'char',
  'byte',
  'bytes',
  'text',
  'var',
  'val',
  'let',
  'const',
  'final',
  'readonly',
  'SecureString',
  'Secret',
  'object',
  'any',
]);

/**
 * The name a literal starting at `literalStart` is assigned to, looking left over
 * `=`, `:`, `:=`, `=>` or a type annotation. Undefined when the literal is not
 * directly assigned.
 */
export function assignedNameBefore(line: string, literalStart: number): string | undefined {
  let j = literalStart - 1;
  while (j >= 0 && line.charCodeAt(j) === 32) j--;
  if (j < 0) return undefined;
  const c = line[j];
  // Only real assignments name a value; a call's callee (`NewClient("…")`) does not.
  if (c === '=' || c === ':' || c === '>') {
    if (c === '>' && line[j - 1] !== '=') return undefined;
    if (c === '=' && /[=!<>]/.test(line[j - 1] ?? '')) return undefined;
    j -= c === '>' || (c === '=' && line[j - 1] === ':') ? 2 : 1;
  } else {
    return undefined;
  }
  for (let attempts = 0; attempts < 2; attempts++) {
    while (j >= 0 && (line.charCodeAt(j) === 32 || line[j] === '"' || line[j] === "'" || line[j] === ']' || line[j] === '?')) j--;
    const end = j + 1;
    while (j >= 0 && IDENT_CHAR.test(line[j])) j--;
    const name = line.slice(j + 1, end).replace(/^[-$@:.]+|[-.]+$/g, '');
    if (!name) return undefined;
    if (!TYPE_WORDS.has(name)) return name;
    // `password: string = "..."` / `token string = "..."`: the name is before the type.
    while (j >= 0 && line.charCodeAt(j) === 32) j--;
    if (line[j] === ':') j--;
  }
  return undefined;
}

/** The literal (or bare token) on `line` that contains `offset`, for replacing and naming. */
export function tokenAround(line: string, offset: number, endOffset: number, options: LexOptions, family: SyntaxFamily): ValueToken {
  // Quotes mean string literals everywhere except YAML, .env, properties and INI values.
  const lexed = !(family === 'yaml' || family === 'dotenv' || family === 'properties' || family === 'ini');
  if (lexed) {
    for (const literal of lexLiterals(line, options)) {
      if (literal.contentStart <= offset && endOffset <= literal.contentEnd) return literal;
      if (literal.start > offset) break;
    }
  }
  if (allowsBareValues(family) && family !== 'plain') {
    const valueStart = bareValueStart(line);
    if (valueStart !== undefined && valueStart <= offset) {
      const q = line.charCodeAt(valueStart);
      if (q === 34 || q === 39) {
        const token = readQuoted(line, valueStart, family === 'yaml' && q === 39);
        if (token && token.contentStart <= offset && endOffset <= token.contentEnd) return token;
      } else {
        const stop = family === 'shell' || family === 'dockerfile' ? 'space' : 'comment';
        const token = readBare(line, valueStart, { family, commentStarts: options.commentStarts, bareStop: stop });
        if (token && endOffset <= token.end) return token;
      }
    }
  }
  // A bare token: the run of non-space characters around the match.
  let start = offset;
  while (start > 0 && !/[\s'"`=(,[{]/.test(line[start - 1])) start--;
  let end = endOffset;
  while (end < line.length && !/[\s'"`;,)\]}]/.test(line[end])) end++;
  return { start, end, contentStart: start, contentEnd: end, quote: '' };
}

const KEY_VALUE_LINE = /^\s{0,40}(?:export\s+|ENV\s+|ARG\s+|-\s+)?["']?([\w.\-/@$]{1,120})["']?\s{0,8}(?:=|:(?=\s|$))\s{0,8}/i;

/** A `KEY=value` / `key: value` line (.env, YAML, properties, INI, Dockerfile ENV): its key and where its value starts. */
export function keyValueLine(line: string): { key: string; valueStart: number } | undefined {
  const match = KEY_VALUE_LINE.exec(line);
  return match ? { key: match[1], valueStart: match[0].length } : undefined;
}

function bareValueStart(line: string): number | undefined {
  return keyValueLine(line)?.valueStart;
}
