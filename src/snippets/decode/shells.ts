/**
 * Shell words → their value: POSIX shell quoting (and bash's `$'…'`), PowerShell strings, and the
 * Dockerfile instruction values that BuildKit reads with the same kind of word rules.
 */
import type { StringToken } from '../lexer';
import { bracketedEnd } from './code';
import { charAt, codePoint, decodeContent, digits, lineBreakEnd, refused, type Lexeme, type Step } from './escapes';
import { PieceList, type Decoded } from './pieces';

const BUILD_EXPANDED = 'The value holds a $ variable, which the build replaces with its value: there is no fixed value to move.';
export const EXPANDED =
  'The value holds a $ expansion or a command substitution, so the shell computes it when the line runs: there is no fixed value to move.';

/** `$name`, `${…}`, `$(…)`, `$1`, `$@`… and backticks: what the shell expands inside double quotes and bare words. */
function shellExpansion(t: string, i: number): Lexeme | undefined {
  if (t[i] === '`') return refused(EXPANDED);
  if (t[i] !== '$') return undefined;
  return /[{(A-Za-z_0-9@*#?$!-]/.test(t[i + 1] ?? '') ? refused(EXPANDED) : undefined;
}

/** POSIX §2.2: single quotes keep everything; inside double quotes `\` escapes only `$ \` " \` and a line break. */
export function decodeShellLiteral(text: string, token: StringToken): Decoded {
  const open = text.slice(token.start, token.contentStart);
  if (open === "'") return decodeContent(text, token.contentStart, token.contentEnd, () => undefined);
  if (open === "$'") return decodeContent(text, token.contentStart, token.contentEnd, ansiC);
  return decodeContent(text, token.contentStart, token.contentEnd, (t, i) => {
    const expansion = shellExpansion(t, i);
    if (expansion) return expansion;
    if (t[i] !== '\\') return undefined;
    const lineEnd = lineBreakEnd(t, i + 1);
    if (lineEnd !== undefined) return { end: lineEnd, text: '' };
    return '$`"\\'.includes(t[i + 1] ?? 'x') ? { end: i + 2, text: t[i + 1] } : undefined;
  });
}

const ANSI_SIMPLE: Readonly<Record<string, string>> = {
  a: '\x07',
  b: '\b',
  e: '\x1b',
  E: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '?': '?',
};

/** bash's `$'…'` (Bash Reference Manual §3.1.2.4, ANSI-C Quoting). */
const ansiC: Step = (t, i, end) => {
  if (t[i] !== '\\') return undefined;
  const next = t[i + 1] ?? '';
  if (next in ANSI_SIMPLE) return { end: i + 2, text: ANSI_SIMPLE[next] };
  const octal = digits(t, i + 1, end, 8, 1, 3);
  if (octal) return { end: octal.end, bytes: String.fromCharCode(octal.value & 0xff) };
  if (next === 'x') {
    const hex = digits(t, i + 2, end, 16, 1, 2);
    return hex ? { end: hex.end, bytes: String.fromCharCode(hex.value) } : undefined;
  }
  if (next === 'u' || next === 'U') {
    const hex = digits(t, i + 2, end, 16, 1, next === 'u' ? 4 : 8);
    const ch = hex && codePoint(hex.value);
    return hex && ch ? { end: hex.end, text: ch } : undefined;
  }
  if (next === 'c') return refused('The literal uses a \\c control escape, which is not decoded here: move the value by hand.');
  return undefined; // bash keeps an unknown escape as written
};

/** A bare shell word: a backslash quotes the next character, and quotes or expansions make it more than plain text. */
export function decodeBareShellWord(text: string, from: number, to: number): Decoded {
  return decodeContent(text, from, to, (t, i) => {
    const expansion = shellExpansion(t, i);
    if (expansion) return expansion;
    if (t[i] === "'" || t[i] === '"') return refused('The shell word mixes quoted and bare parts: quote the whole value, then try again.');
    if (t[i] !== '\\') return undefined;
    const ch = charAt(t, i + 1);
    return { end: i + 1 + ch.length, text: ch };
  });
}

// ---- PowerShell -----------------------------------------------------------------------------------

const PS_ESCAPES: Readonly<Record<string, string>> = { '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };
/** PowerShell also closes (and doubles) strings on the typographic quotes (about_Quoting_Rules). */
const PS_SINGLE = "'\u2018\u2019\u201a\u201b";
const PS_DOUBLE = '"\u201c\u201d\u201e';

/** about_Quoting_Rules and about_Special_Characters: `'…'` doubles quotes only; `"…"` has backtick escapes and `$` expansion. */
export function decodePowerShellLiteral(text: string, token: StringToken): Decoded {
  const open = text.slice(token.start, token.contentStart);
  let contentEnd = token.contentEnd;
  if (open.startsWith('@') && text[contentEnd - 1] === '\r') contentEnd--; // a here-string ends before its last line break
  if (open === "@'" || open.startsWith("@'")) return decodeContent(text, token.contentStart, contentEnd, () => undefined);
  if (PS_SINGLE.includes(open)) {
    return decodeContent(text, token.contentStart, contentEnd, (t, i) =>
      PS_SINGLE.includes(t[i]) && PS_SINGLE.includes(t[i + 1] ?? 'x') ? { end: i + 2, text: t[i] } : undefined,
    );
  }
  const here = open.startsWith('@');
  return decodeContent(text, token.contentStart, contentEnd, (t, i, end) => {
    const ch = t[i];
    if (ch === '$') {
      const next = t[i + 1] ?? '';
      if (next === '(' || next === '{') return { end: bracketedEnd(t, i + 1, end), field: true };
      const variable = /^\$(?:[A-Za-z_]\w*:)?[A-Za-z_?^$][\w]*/.exec(t.slice(i, end));
      return variable ? { end: i + variable[0].length, field: true } : undefined;
    }
    if (!here && PS_DOUBLE.includes(ch) && PS_DOUBLE.includes(t[i + 1] ?? 'x')) return { end: i + 2, text: ch };
    if (ch !== '`') return undefined;
    const next = t[i + 1] ?? '';
    if (next in PS_ESCAPES) return { end: i + 2, text: PS_ESCAPES[next] };
    if (next === 'u' && t[i + 2] === '{') {
      const hex = digits(t, i + 3, end, 16, 1, 6);
      const cp = hex && t[hex.end] === '}' ? codePoint(hex.value) : undefined;
      return hex && cp ? { end: hex.end + 1, text: cp } : refused('The literal has a `u{…} escape PowerShell rejects: fix the literal first.');
    }
    const other = charAt(t, i + 1);
    return { end: i + 1 + other.length, text: other };
  });
}

// ---- Dockerfile -----------------------------------------------------------------------------------

/** The escape character a Dockerfile's `# escape=` parser directive sets (default `\`). */
export function dockerfileEscape(text: string): string {
  for (const line of text.split(/\r?\n/)) {
    const directive = /^#\s*([a-zA-Z]+)\s*=\s*(\S+)\s*$/.exec(line);
    if (!directive) break; // directives end at the first line that is not one
    if (directive[1].toLowerCase() === 'escape' && (directive[2] === '`' || directive[2] === '\\')) return directive[2];
  }
  return '\\';
}

/**
 * One word of an ENV / ARG / LABEL value, from `from` until unquoted white space or the line's end
 * (Dockerfile reference, "Environment replacement" and "ENV"): quotes are removed, the escape
 * character quotes the next character outside quotes and only `"`, `$` and itself inside double
 * quotes, single quotes keep everything, and `$` expands.
 */
export function decodeDockerfileWord(text: string, from: number, lineEnd: number, wholeLine: boolean, escape: string): { decoded: Decoded; end: number } {
  const list = new PieceList();
  let i = from;
  let quote: string | undefined;
  while (i < lineEnd) {
    const ch = text[i];
    if (!quote && !wholeLine && (ch === ' ' || ch === '\t')) break;
    if (ch === escape && quote !== "'") {
      if (i + 1 >= lineEnd) return { decoded: refused('The value continues on the next line: join it into one line, then try again.'), end: i };
      const next = charAt(text, i + 1);
      if (quote === '"' && next !== '"' && next !== '$' && next !== escape) {
        list.raw(i, i + 1, ch);
        i++;
        continue;
      }
      list.atom(i, i + 1 + next.length, next);
      i += 1 + next.length;
      continue;
    }
    if (ch === '$' && quote !== "'") return { decoded: refused(BUILD_EXPANDED), end: i };
    if ((ch === '"' || ch === "'") && (!quote || quote === ch)) {
      list.atom(i, i + 1, '');
      quote = quote ? undefined : ch;
      i++;
      continue;
    }
    list.raw(i, i + 1, ch);
    i++;
  }
  if (quote) return { decoded: refused('The value\u2019s quotes are not closed on its line, which Docker rejects: fix the line first.'), end: i };
  return { decoded: { pieces: list.pieces }, end: i };
}
