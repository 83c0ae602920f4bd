/**
 * String literals of programming languages → the text the program holds at run time, each by its
 * language's specification (sections cited in test/unit/snippets/decode/*.test.ts):
 * Python, JavaScript / TypeScript, Go, Java, C#, Ruby, PHP and Rust.
 */
import type { StringToken, Syntax } from '../lexer';
import {
  charAt,
  codePoint,
  decodeContent,
  digits,
  fixedWidthUnicode,
  invalidEscape,
  lineBreakEnd,
  LONE_SURROGATE,
  refused,
  type Lexeme,
  type Step,
} from './escapes';
import { mapped, unmap, type Mapped } from './mapped';
import type { Decoded } from './pieces';

/** Decodes the content of `token` (found by `lexer.ts` in `syntax`) as that language does. */
export function decodeCodeLiteral(text: string, token: StringToken, syntax: Syntax): Decoded {
  switch (syntax) {
    case 'python':
      return python(text, token);
    case 'js':
      return javascript(text, token);
    case 'go':
      return go(text, token);
    case 'java':
      return java(text, token);
    case 'csharp':
      return csharp(text, token);
    case 'ruby':
      return ruby(text, token);
    case 'php':
      return php(text, token);
    case 'rust':
      return rust(text, token);
    default:
      return refused(`Literals in this language are not decoded here.`);
  }
}

const opener = (text: string, token: StringToken) => text.slice(token.start, token.contentStart);

// ---- Python ---------------------------------------------------------------------------------------

const PY_SIMPLE: Readonly<Record<string, string>> = {
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};

function python(text: string, token: StringToken): Decoded {
  const prefix = opener(text, token)
    .replace(/['"]+$/, '')
    .toLowerCase();
  const raw = prefix.includes('r');
  const bytes = prefix.includes('b');
  const f = prefix.includes('f');
  const step: Step = (t, i, end) => {
    const ch = t[i];
    if (f && (ch === '{' || ch === '}')) {
      if (t[i + 1] === ch) return { end: i + 2, text: ch };
      if (ch === '}') return refused('A single } in an f-string is a syntax error, so the program has no value to move: fix the literal first.');
      return { end: bracketedEnd(t, i, end), field: true };
    }
    if (bytes && t.charCodeAt(i) > 0x7f)
      return refused('A bytes literal may only hold ASCII characters, so this code does not run as it is: fix the literal first.');
    if (ch !== '\\' || raw) return undefined;
    const next = t[i + 1] ?? '';
    const lineEnd = lineBreakEnd(t, i + 1);
    if (lineEnd !== undefined) return { end: lineEnd, text: '' };
    if (next in PY_SIMPLE) return { end: i + 2, text: PY_SIMPLE[next] };
    const octal = digits(t, i + 1, end, 8, 1, 3);
    if (octal) return bytes ? { end: octal.end, bytes: String.fromCharCode(octal.value & 0xff) } : { end: octal.end, text: String.fromCharCode(octal.value) };
    if (next === 'x') {
      const hex = digits(t, i + 2, end, 16, 2, 2);
      if (!hex) return invalidEscape('Python');
      return bytes ? { end: hex.end, bytes: String.fromCharCode(hex.value) } : { end: hex.end, text: String.fromCharCode(hex.value) };
    }
    if (!bytes && next === 'N')
      return refused(
        'The literal uses a \\N{…} escape (a character by its Unicode name), which is not decoded here: write the character itself, then try again.',
      );
    if (!bytes && (next === 'u' || next === 'U')) return fixedWidthUnicode(t, i, end, 'Python');
    // Any other backslash stays, with the character after it (Python keeps unknown escapes).
    return undefined;
  };
  return decodeContent(text, token.contentStart, token.contentEnd, step, { normaliseNewlines: true });
}

/** From a `{` (or `${`/`#{` hole opener's brace) to just past its matching `}`, skipping nested brackets and quoted strings. */
export function bracketedEnd(text: string, open: number, end: number): number {
  let depth = 0;
  for (let j = open; j < end; j++) {
    const ch = text[j];
    if (ch === '"' || ch === "'" || ch === '`') {
      const close = text.indexOf(ch, j + 1);
      if (close === -1 || close >= end) return end;
      j = close;
      continue;
    }
    if (ch === '{' || ch === '(' || ch === '[') depth++;
    else if (ch === '}' || ch === ')' || ch === ']') {
      depth--;
      if (depth === 0) return j + 1;
    }
  }
  return end;
}

// ---- JavaScript / TypeScript / JSON -----------------------------------------------------------------

const JS_SIMPLE: Readonly<Record<string, string>> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

function javascript(text: string, token: StringToken): Decoded {
  const template = text[token.start] === '`';
  if (template) {
    const tag = templateTag(text, token.start);
    if (tag === 'String.raw') {
      // String.raw gives the template's raw text (line breaks normalised), holes still holes.
      const holes: Step = (t, i, end) => {
        if (t[i] !== '\\') return jsHole(t, i, end);
        // A backslash and what follows it stay as written (so `\${` opens no hole).
        const after = lineBreakEnd(t, i + 1) ?? i + 1 + charAt(t, i + 1).length;
        return { end: Math.min(after, end), text: '\\' + t.slice(i + 1, after).replace(/\r\n?/, '\n') };
      };
      return decodeContent(text, token.contentStart, token.contentEnd, holes, { normaliseNewlines: true });
    }
    if (tag) return refused('The template literal is tagged, so its value is whatever the tag function returns: move the value by hand.');
  }
  return decodeContent(text, token.contentStart, token.contentEnd, jsStep(template), { normaliseNewlines: template });
}

function jsHole(text: string, i: number, end: number): Lexeme | undefined {
  return text[i] === '$' && text[i + 1] === '{' ? { end: bracketedEnd(text, i + 1, end), field: true } : undefined;
}

/** `String.raw`, another tag's text, or undefined for an untagged template. */
function templateTag(text: string, backtick: number): string | undefined {
  const before = /([\w$.\])]+)\s*$/.exec(text.slice(Math.max(0, backtick - 80), backtick));
  if (!before) return undefined;
  const word = before[1];
  if (/^(?:return|typeof|case|do|else|in|of|void|yield|await|new|delete|instanceof)$/.test(word)) return undefined;
  return word.replace(/\s+/g, '');
}

function jsStep(template: boolean): Step {
  return (t, i, end) => {
    if (template) {
      const hole = jsHole(t, i, end);
      if (hole) return hole;
    }
    if (t[i] !== '\\') return undefined;
    const next = t[i + 1] ?? '';
    const lineEnd = lineBreakEnd(t, i + 1) ?? (next === '\u2028' || next === '\u2029' ? i + 2 : undefined);
    if (lineEnd !== undefined) return { end: lineEnd, text: '' };
    if (next in JS_SIMPLE) return { end: i + 2, text: JS_SIMPLE[next] };
    if (next >= '0' && next <= '9') {
      const following = t[i + 2] ?? '';
      if (next === '0' && !(following >= '0' && following <= '9')) return { end: i + 2, text: '\0' };
      if (template) return invalidEscape('a JavaScript template literal');
      if (next === '8' || next === '9') return { end: i + 2, text: next };
      // Annex B legacy octal: \0–\377 (sloppy-mode scripts; modules reject it).
      const octal = digits(t, i + 1, end, 8, 1, next <= '3' ? 3 : 2);
      return octal && { end: octal.end, text: String.fromCharCode(octal.value) };
    }
    if (next === 'x') {
      const hex = digits(t, i + 2, end, 16, 2, 2);
      return hex ? { end: hex.end, text: String.fromCharCode(hex.value) } : invalidEscape('JavaScript');
    }
    if (next === 'u') return unicodeEscape(t, i, end, true, 'JavaScript');
    return { end: i + 1 + charAt(t, i + 1).length, text: charAt(t, i + 1) };
  };
}

/** `\uXXXX` (a surrogate pair written as two escapes is one character), and `\u{…}` when `braces`. */
function unicodeEscape(t: string, i: number, end: number, braces: boolean, language: string): Lexeme {
  if (braces && t[i + 2] === '{') {
    const hex = digits(t, i + 3, end, 16, 1, 8);
    const ch = hex && t[hex.end] === '}' ? codePoint(hex.value) : undefined;
    if (!hex || t[hex.end] !== '}' || hex.value > 0x10ffff) return invalidEscape(language);
    return ch === undefined ? refused(LONE_SURROGATE) : { end: hex.end + 1, text: ch };
  }
  const hex = digits(t, i + 2, end, 16, 4, 4);
  if (!hex) return invalidEscape(language);
  if (hex.value >= 0xd800 && hex.value <= 0xdbff && t[hex.end] === '\\' && t[hex.end + 1] === 'u') {
    const low = digits(t, hex.end + 2, end, 16, 4, 4);
    if (low && low.value >= 0xdc00 && low.value <= 0xdfff) return { end: low.end, text: String.fromCharCode(hex.value, low.value) };
  }
  const ch = codePoint(hex.value);
  return ch === undefined ? refused(LONE_SURROGATE) : { end: hex.end, text: ch };
}

const JSON_SIMPLE: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** A JSON string's content (RFC 8259 §7): only these escapes, and no raw control characters. */
export function decodeJsonString(text: string, token: StringToken): Decoded {
  return decodeContent(text, token.contentStart, token.contentEnd, (t, i, end) => {
    if (t.charCodeAt(i) < 0x20) return refused('A JSON string may not hold a raw control character, so this file is not valid JSON: fix it first.');
    if (t[i] !== '\\') return undefined;
    const next = t[i + 1] ?? '';
    if (next in JSON_SIMPLE) return { end: i + 2, text: JSON_SIMPLE[next] };
    if (next === 'u') return unicodeEscape(t, i, end, false, 'JSON');
    return invalidEscape('JSON');
  });
}

// ---- Go -------------------------------------------------------------------------------------------

const GO_SIMPLE: Readonly<Record<string, string>> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', '"': '"' };

function go(text: string, token: StringToken): Decoded {
  if (text[token.start] === '`') {
    // Raw string: every carriage return is dropped from the value, nothing else changes.
    return decodeContent(text, token.contentStart, token.contentEnd, (t, i) => (t[i] === '\r' ? { end: i + 1, text: '' } : undefined));
  }
  if (text[token.start] !== '"') return refused('A Go rune literal is a number, not a string.');
  return decodeContent(text, token.contentStart, token.contentEnd, (t, i, end) => {
    if (t[i] !== '\\') return undefined;
    const next = t[i + 1] ?? '';
    if (next in GO_SIMPLE) return { end: i + 2, text: GO_SIMPLE[next] };
    if (next >= '0' && next <= '7') {
      const octal = digits(t, i + 1, end, 8, 3, 3);
      return octal && octal.value <= 0xff ? { end: octal.end, bytes: String.fromCharCode(octal.value) } : invalidEscape('Go');
    }
    if (next === 'x') {
      const hex = digits(t, i + 2, end, 16, 2, 2);
      return hex ? { end: hex.end, bytes: String.fromCharCode(hex.value) } : invalidEscape('Go');
    }
    if (next === 'u' || next === 'U') {
      const ch = fixedWidthUnicode(t, i, end, 'Go');
      return 'refused' in ch ? invalidEscape('Go') : ch; // Go rejects surrogates outright
    }
    return invalidEscape('Go');
  });
}

// ---- Java -----------------------------------------------------------------------------------------

const JAVA_SIMPLE: Readonly<Record<string, string>> = { b: '\b', t: '\t', n: '\n', f: '\f', r: '\r', s: ' ', '"': '"', "'": "'", '\\': '\\' };

function java(text: string, token: StringToken): Decoded {
  const block = opener(text, token).startsWith('"""');
  if (text[token.start] === "'") return refused('A Java char literal is not a string.');
  // Unicode escapes are translated before anything else, even before the string is lexed (JLS §3.3).
  const translated = unicodeTranslated(text, block ? lineAfterOpener(text, token) : token.contentStart, token.contentEnd);
  if ('refused' in translated) return translated;
  if (!block && /["\n\r]/.test(translated.text.replace(/\\[\s\S]/g, ''))) {
    return refused('The literal\u2019s \\u escapes stand for a quote or a line break, which ends the string early: fix the literal first.');
  }
  const content = block ? stripIndent(normaliseLines(translated)) : translated;
  const decoded = decodeContent(content.text, 0, content.text.length, (t, i, end) => {
    if (t[i] !== '\\') return undefined;
    const next = t[i + 1] ?? '';
    if (next in JAVA_SIMPLE) return { end: i + 2, text: JAVA_SIMPLE[next] };
    if (block && next === '\n') return { end: i + 2, text: '' };
    if (next >= '0' && next <= '7') {
      const octal = digits(t, i + 1, end, 8, 1, next <= '3' ? 3 : 2);
      return octal && { end: octal.end, text: String.fromCharCode(octal.value) };
    }
    return invalidEscape('Java');
  });
  return 'refused' in decoded ? decoded : { pieces: unmap(decoded.pieces, content) };
}

/** A text block's content starts on the line after `"""` (the rest of that line must be blank). */
function lineAfterOpener(text: string, token: StringToken): number {
  const nl = text.indexOf('\n', token.contentStart);
  return nl === -1 || nl >= token.contentEnd ? token.contentEnd : nl + 1;
}

/** `\uXXXX` (any number of `u`s) where the backslash is not itself escaped, as in JLS §3.3. */
function unicodeTranslated(text: string, from: number, to: number): Mapped | { refused: string } {
  const out = mapped();
  for (let i = from; i < to; i++) {
    if (text[i] === '\\' && text[i + 1] === 'u' && backslashesBefore(text, i, from) % 2 === 0) {
      let j = i + 1;
      while (text[j] === 'u') j++;
      const hex = digits(text, j, to, 16, 4, 4);
      if (!hex) return invalidEscape('Java');
      out.add(String.fromCharCode(hex.value), i, hex.end, false);
      i = hex.end - 1;
      continue;
    }
    out.add(text[i], i, i + 1, true);
  }
  return out;
}

function backslashesBefore(text: string, i: number, from: number): number {
  let n = 0;
  while (i - n - 1 >= from && text[i - n - 1] === '\\') n++;
  return n;
}

const JAVA_WHITESPACE = ' \t\f\v\u001c\u001d\u001e\u001f\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u205f\u3000';

/** CRLF and CR → LF (JLS §3.10.6 step 1). */
function normaliseLines(content: Mapped): Mapped {
  const out = mapped();
  for (let k = 0; k < content.text.length; k++) {
    if (content.text[k] === '\r') {
      const crlf = content.text[k + 1] === '\n';
      out.add('\n', content.starts[k], content.ends[crlf ? k + 1 : k], false);
      if (crlf) k++;
      continue;
    }
    out.add(content.text[k], content.starts[k], content.ends[k], content.exact[k]);
  }
  return out;
}

/**
 * String::stripIndent, as text blocks apply it (JLS §3.10.6 step 2): the smallest indentation of the
 * non-blank lines and of the last line (the closing delimiter's, counted even when blank) is removed
 * from every line, and trailing white space goes. Blank lines become empty.
 */
function stripIndent(content: Mapped): Mapped {
  const lines: { from: number; to: number }[] = [];
  let start = 0;
  for (let k = 0; k <= content.text.length; k++) {
    if (k === content.text.length || content.text[k] === '\n') {
      lines.push({ from: start, to: k });
      start = k + 1;
    }
  }
  // Character.isWhitespace, less the line terminators already split on.
  const isWhite = (ch: string) => JAVA_WHITESPACE.includes(ch);
  const lead = (l: { from: number; to: number }) => {
    let k = l.from;
    while (k < l.to && isWhite(content.text[k])) k++;
    return k - l.from;
  };
  const blank = (l: { from: number; to: number }) => lead(l) === l.to - l.from;
  const significant = lines.filter((l, n) => !blank(l) || n === lines.length - 1);
  const indent = Math.min(...significant.map((l) => (blank(l) ? l.to - l.from : lead(l))));
  const out = mapped();
  lines.forEach((l, n) => {
    let to = l.to;
    while (to > l.from && isWhite(content.text[to - 1])) to--;
    const from = Math.min(l.from + indent, to);
    for (let k = from; k < to; k++) out.add(content.text[k], content.starts[k], content.ends[k], content.exact[k]);
    if (n < lines.length - 1) {
      const nl = l.to;
      out.add('\n', content.starts[nl], content.ends[nl], content.exact[nl]);
    }
  });
  return out;
}

// ---- C# -------------------------------------------------------------------------------------------

const CS_SIMPLE: Readonly<Record<string, string>> = {
  "'": "'",
  '"': '"',
  '\\': '\\',
  '0': '\0',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};

function csharp(text: string, token: StringToken): Decoded {
  const open = opener(text, token);
  if (/^u8/i.test(text.slice(token.end, token.end + 2))) return refused('A "…"u8 literal is UTF-8 bytes, not a string: move the value by hand.');
  if (text[token.start] === "'") return refused('A C# char literal is not a string.');
  const dollars = /^\$*/.exec(open.replace('@', ''))?.[0].length ?? 0;
  const quotes = /"+$/.exec(open)?.[0].length ?? 1;
  if (quotes >= 3) return csharpRaw(text, token, dollars);
  const verbatim = open.includes('@');
  const braces = dollars > 0 ? interpolationBraces(1) : undefined;
  return decodeContent(text, token.contentStart, token.contentEnd, (t, i, end) => {
    const hole = braces?.(t, i, end);
    if (hole) return hole;
    if (verbatim) return t[i] === '"' && t[i + 1] === '"' ? { end: i + 2, text: '"' } : undefined;
    if (t[i] !== '\\') return undefined;
    const next = t[i + 1] ?? '';
    if (next in CS_SIMPLE) return { end: i + 2, text: CS_SIMPLE[next] };
    if (next === 'x') {
      // 1 to 4 hex digits, as many as there are: "\x41BC" is one character.
      const hex = digits(t, i + 2, end, 16, 1, 4);
      return hex ? { end: hex.end, text: String.fromCharCode(hex.value) } : invalidEscape('C#');
    }
    if (next === 'u') {
      const hex = digits(t, i + 2, end, 16, 4, 4);
      if (!hex) return invalidEscape('C#');
      return hex.value >= 0xd800 && hex.value <= 0xdfff ? unicodeEscape(t, i, end, false, 'C#') : { end: hex.end, text: String.fromCharCode(hex.value) };
    }
    if (next === 'U') return fixedWidthUnicode(t, i, end, 'C#');
    return invalidEscape('C#');
  });
}

/** Interpolated strings: with `dollars` `$` signs, that many braces open a hole and fewer are text; `{{`/`}}` escape one when there is one `$`. */
function interpolationBraces(dollars: number, doubledEscapes = true): Step {
  return (t, i, end) => {
    const ch = t[i];
    if (ch !== '{' && ch !== '}') return undefined;
    let run = 0;
    while (t[i + run] === ch) run++;
    if (doubledEscapes && dollars === 1) {
      if (run >= 2) return { end: i + 2, text: ch };
      return ch === '{'
        ? { end: bracketedEnd(t, i, end), field: true }
        : refused('A single } in an interpolated string is a syntax error: fix the literal first.');
    }
    if (run < dollars) return { end: i + run, text: ch.repeat(run) };
    if (run >= 2 * dollars) return refused('The raw string has more braces than its $ signs allow: fix the literal first.');
    if (ch === '}') return refused('An unmatched } in an interpolated raw string is a syntax error: fix the literal first.');
    // The extra braces before the hole are text; the hole starts at the last `dollars` of them.
    if (run > dollars) return { end: i + run - dollars, text: ch.repeat(run - dollars) };
    return { end: bracketedEnd(t, i + dollars - 1, end), field: true };
  };
}

/**
 * Raw string literals (C# 11): no escapes at all. On one line the content is as written; over several,
 * the lines between the delimiter lines, each without the white space that precedes the closing
 * delimiter, joined by the file's line breaks.
 */
function csharpRaw(text: string, token: StringToken, dollars: number): Decoded {
  const holes = dollars > 0 ? interpolationBraces(dollars, false) : () => undefined;
  const firstBreak = text.slice(token.contentStart, token.contentEnd).search(/\r?\n/);
  if (firstBreak === -1) return decodeContent(text, token.contentStart, token.contentEnd, holes);
  const afterOpener = text.slice(token.contentStart, token.contentStart + firstBreak);
  if (afterOpener.trim() !== '') return refused('A multi-line raw string must start on the line after its opening quotes: fix the literal first.');
  const closingLineStart = text.lastIndexOf('\n', token.contentEnd - 1) + 1;
  const indent = text.slice(closingLineStart, token.contentEnd);
  if (indent.trim() !== '') return refused('A multi-line raw string must end with its closing quotes on their own line: fix the literal first.');
  const contentStart = token.contentStart + firstBreak + (text[token.contentStart + firstBreak] === '\r' ? 2 : 1);
  let contentEnd = closingLineStart - 1;
  if (text[contentEnd - 1] === '\r') contentEnd--;
  if (contentEnd < contentStart) return { pieces: [] };
  const out = mapped();
  let lineStart = contentStart;
  while (lineStart <= contentEnd) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1 || lineEnd > contentEnd) lineEnd = contentEnd;
    const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
    const blank = line.trim() === '';
    if (!blank && !line.startsWith(indent)) return refused('A line of the raw string is indented less than its closing quotes: fix the literal first.');
    const from = blank ? lineStart + Math.min(indent.length, line.length) : lineStart + indent.length;
    for (let k = from; k < lineEnd; k++) out.add(text[k], k, k + 1, true);
    if (lineEnd < contentEnd) out.add('\n', lineEnd, lineEnd + 1, true);
    lineStart = lineEnd + 1;
  }
  const decoded = decodeContent(out.text, 0, out.text.length, holes);
  return 'refused' in decoded ? decoded : { pieces: unmap(decoded.pieces, out) };
}

// ---- Ruby -----------------------------------------------------------------------------------------

const RUBY_SIMPLE: Readonly<Record<string, string>> = { n: '\n', t: '\t', s: ' ', r: '\r', a: '\x07', b: '\b', e: '\x1b', f: '\f', v: '\v' };

function ruby(text: string, token: StringToken): Decoded {
  const quote = text[token.start];
  if (quote === '`') return refused('A backtick literal runs a command; its output is not a fixed value.');
  if (quote === "'") return decodeContent(text, token.contentStart, token.contentEnd, singleQuoted, { normaliseNewlines: true });
  return decodeContent(
    text,
    token.contentStart,
    token.contentEnd,
    (t, i, end) => {
      if (t[i] === '#') {
        if (t[i + 1] === '{') return { end: bracketedEnd(t, i + 1, end), field: true };
        const variable = /^#(?:@@?|\$)[A-Za-z_]\w*/.exec(t.slice(i, end));
        if (variable) return { end: i + variable[0].length, field: true };
        return undefined;
      }
      if (t[i] !== '\\') return undefined;
      const next = t[i + 1] ?? '';
      const lineEnd = lineBreakEnd(t, i + 1);
      if (lineEnd !== undefined) return { end: lineEnd, text: '' };
      if (next in RUBY_SIMPLE) return { end: i + 2, text: RUBY_SIMPLE[next] };
      const octal = digits(t, i + 1, end, 8, 1, 3);
      if (octal) return { end: octal.end, bytes: String.fromCharCode(octal.value & 0xff) };
      if (next === 'x') {
        const hex = digits(t, i + 2, end, 16, 1, 2);
        return hex ? { end: hex.end, bytes: String.fromCharCode(hex.value) } : invalidEscape('Ruby');
      }
      if (next === 'u') return rubyUnicode(t, i, end);
      if (next === 'c' || next === 'C' || next === 'M')
        return refused('The literal uses a control or meta escape (\\c, \\C-, \\M-), which is not decoded here: move the value by hand.');
      const ch = charAt(t, i + 1);
      return { end: i + 1 + ch.length, text: ch };
    },
    { normaliseNewlines: true },
  );
}

/** Ruby and PHP single quotes: only `\\` and `\'` are escapes; any other backslash is itself. */
const singleQuoted: Step = (t, i) => (t[i] === '\\' && (t[i + 1] === '\\' || t[i + 1] === "'") ? { end: i + 2, text: t[i + 1] } : undefined);

/** `\uXXXX` or `\u{X Y …}` (several code points in one pair of braces). */
function rubyUnicode(t: string, i: number, end: number): Lexeme {
  if (t[i + 2] !== '{') {
    const hex = digits(t, i + 2, end, 16, 4, 4);
    const ch = hex && codePoint(hex.value);
    return hex && ch ? { end: hex.end, text: ch } : invalidEscape('Ruby');
  }
  const close = t.indexOf('}', i + 3);
  if (close === -1 || close > end) return invalidEscape('Ruby');
  const points = t
    .slice(i + 3, close)
    .trim()
    .split(/[ \t]+/);
  let out = '';
  for (const p of points) {
    const ch = /^[0-9A-Fa-f]{1,6}$/.test(p) ? codePoint(parseInt(p, 16)) : undefined;
    if (ch === undefined) return invalidEscape('Ruby');
    out += ch;
  }
  return { end: close + 1, text: out };
}

// ---- PHP ------------------------------------------------------------------------------------------

const PHP_SIMPLE: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', v: '\v', e: '\x1b', f: '\f', '\\': '\\', $: '$' };

function php(text: string, token: StringToken): Decoded {
  const open = opener(text, token);
  if (open.startsWith('<<<')) return phpHeredoc(text, token, /^<<<[ \t]*'/.test(open));
  if (open === '`') return refused('A backtick literal runs a shell command; its output is not a fixed value.');
  if (open === "'") return decodeContent(text, token.contentStart, token.contentEnd, singleQuoted);
  return decodeContent(text, token.contentStart, token.contentEnd, phpDoubleStep(true));
}

/** Double quotes and heredoc: escapes, `$name`, `{$…}` and `${…}` holes; `\"` is an escape only inside double quotes. */
function phpDoubleStep(quoted: boolean): Step {
  return (t, i, end) => {
    const ch = t[i];
    if (ch === '$') {
      if (t[i + 1] === '{') return { end: bracketedEnd(t, i + 1, end), field: true };
      const simple = /^\$[A-Za-z_\x80-\uffff][\w\x80-\uffff]*(?:\[[^\]\s]*\]|->[A-Za-z_][\w]*)?/.exec(t.slice(i, end));
      return simple ? { end: i + simple[0].length, field: true } : undefined;
    }
    if (ch === '{' && t[i + 1] === '$') return { end: bracketedEnd(t, i, end), field: true };
    if (ch !== '\\') return undefined;
    const next = t[i + 1] ?? '';
    if (next in PHP_SIMPLE || (quoted && next === '"')) return { end: i + 2, text: PHP_SIMPLE[next] ?? next };
    const octal = digits(t, i + 1, end, 8, 1, 3);
    if (octal) return { end: octal.end, bytes: String.fromCharCode(octal.value & 0xff) };
    if (next === 'x') {
      const hex = digits(t, i + 2, end, 16, 1, 2);
      return hex ? { end: hex.end, bytes: String.fromCharCode(hex.value) } : undefined;
    }
    if (next === 'u' && t[i + 2] === '{') {
      const hex = digits(t, i + 3, end, 16, 1, 8);
      const ch = hex && t[hex.end] === '}' ? codePoint(hex.value) : undefined;
      return hex && ch ? { end: hex.end + 1, text: ch } : invalidEscape('PHP');
    }
    // Any other backslash stays, with the character after it.
    return undefined;
  };
}

/**
 * Heredoc (like double quotes, without the quotes) and nowdoc (no escapes): since PHP 7.3 the closing
 * marker's indentation is removed from every line, and the line break before the marker is not content.
 */
function phpHeredoc(text: string, token: StringToken, nowdoc: boolean): Decoded {
  const closingLine = text.slice(token.contentEnd, token.end);
  const indent = /^[ \t]*/.exec(closingLine)?.[0] ?? '';
  let contentEnd = token.contentEnd;
  if (text[contentEnd - 1] === '\n') contentEnd--;
  if (text[contentEnd - 1] === '\r') contentEnd--;
  const out = mapped();
  let lineStart = token.contentStart;
  while (lineStart <= contentEnd) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1 || lineEnd > contentEnd) lineEnd = contentEnd;
    const line = text.slice(lineStart, lineEnd);
    if (indent && line.trim() !== '' && !line.startsWith(indent))
      return refused('A heredoc line is indented less than its closing marker, which PHP rejects: fix the literal first.');
    for (let k = lineStart + Math.min(indent.length, line.length); k < lineEnd; k++) out.add(text[k], k, k + 1, true);
    if (lineEnd < contentEnd) out.add('\n', lineEnd, lineEnd + 1, true);
    lineStart = lineEnd + 1;
  }
  const decoded = decodeContent(out.text, 0, out.text.length, nowdoc ? () => undefined : phpDoubleStep(false));
  return 'refused' in decoded ? decoded : { pieces: unmap(decoded.pieces, out) };
}

// ---- Rust -----------------------------------------------------------------------------------------

const RUST_SIMPLE: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', '\\': '\\', '0': '\0', "'": "'", '"': '"' };

function rust(text: string, token: StringToken): Decoded {
  const open = opener(text, token);
  const bytes = open.startsWith('b');
  if (/^b?r/.test(open)) return decodeContent(text, token.contentStart, token.contentEnd, () => undefined, { normaliseNewlines: true });
  return decodeContent(
    text,
    token.contentStart,
    token.contentEnd,
    (t, i, end) => {
      if (t[i] !== '\\') return undefined;
      const next = t[i + 1] ?? '';
      if (next in RUST_SIMPLE) return { end: i + 2, text: RUST_SIMPLE[next] };
      if (lineBreakEnd(t, i + 1) !== undefined) {
        // A backslash at the end of a line skips the line break and the white space after it.
        let j = i + 1;
        while (j < end && /\s/.test(t[j])) j++;
        return { end: j, text: '' };
      }
      if (next === 'x') {
        const hex = digits(t, i + 2, end, 16, 2, 2);
        if (!hex || (!bytes && hex.value > 0x7f)) return invalidEscape('Rust');
        return bytes ? { end: hex.end, bytes: String.fromCharCode(hex.value) } : { end: hex.end, text: String.fromCharCode(hex.value) };
      }
      if (next === 'u' && !bytes && t[i + 2] === '{') {
        const close = t.indexOf('}', i + 3);
        const hex = close === -1 ? '' : t.slice(i + 3, close).replace(/_/g, '');
        const ch = /^[0-9A-Fa-f]{1,6}$/.test(hex) ? codePoint(parseInt(hex, 16)) : undefined;
        return ch ? { end: close + 1, text: ch } : invalidEscape('Rust');
      }
      return invalidEscape('Rust');
    },
    { normaliseNewlines: true },
  );
}
