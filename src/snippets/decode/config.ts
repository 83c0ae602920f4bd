/**
 * Values in configuration formats → the text a program reading the file gets: YAML (through the
 * `yaml` library), `.env` (as the `dotenv` package parses it), Java properties, HCL (Terraform),
 * TOML and XML. Each returns the decoded pieces of the value that holds `[start, end)`, and the
 * source range of that whole value (what a fix replaces when the secret is all of it).
 */
import { parse as parseDotenv } from 'dotenv';
import { isScalar, parseDocument, visit, type Scalar } from 'yaml';
import { lineEndAt, lineStartAt } from '../edits';
import type { StringToken } from '../lexer';
import { bracketedEnd } from './code';
import { codePoint, decodeContent, digits, fixedWidthUnicode, invalidEscape, refused, type Step } from './escapes';
import { joined, PieceList, type Decoded, type Piece } from './pieces';

/** A value found around the secret: its decoded pieces, and the source range of the whole value. */
export type Located =
  | {
      pieces: Piece[];
      start: number;
      end: number;
      /** Set when the decoder already knows: the secret is the whole value, or a part of it (the pieces are then one line of it). */
      scope?: 'whole' | 'part';
    }
  | { refused: string };

// ---- YAML -----------------------------------------------------------------------------------------

const YAML_ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  '\t': '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
};

/** YAML 1.2.2 §5.7 escapes (double-quoted scalars). */
const yamlDoubleStep: Step = (t, i, end) => {
  if (t[i] !== '\\') return undefined;
  const next = t[i + 1] ?? '';
  if (next in YAML_ESCAPES) return { end: i + 2, text: YAML_ESCAPES[next] };
  if (next === 'u' || next === 'U') return fixedWidthUnicode(t, i, end, 'YAML');
  const hex = next === 'x' ? digits(t, i + 2, end, 16, 2, 2) : undefined;
  return hex ? { end: hex.end, text: String.fromCharCode(hex.value) } : invalidEscape('YAML');
};

const yamlSingleStep: Step = (t, i) => (t[i] === "'" && t[i + 1] === "'" ? { end: i + 2, text: "'" } : undefined);

/**
 * The scalar holding the secret, as the `yaml` library reads it (YAML 1.2). The whole value comes
 * from the library; a part inside one line of it is decoded with the scalar style's own rules
 * (no escapes in plain and block scalars, `''` in single quotes, §5.7 escapes in double quotes).
 */
export function yamlValue(text: string, start: number, end: number): Located {
  const doc = parseDocument(text, { keepSourceTokens: false, strict: false, uniqueKeys: false });
  let found: Scalar | undefined;
  visit(doc, {
    Scalar(_key, node) {
      const [a, b] = node.range ?? [0, 0];
      if (a <= start && end <= b && (!found || b - a < (found.range?.[1] ?? 0) - (found.range?.[0] ?? 0))) found = node;
    },
  });
  if (!found || !isScalar(found) || !found.range) return refused('The secret is not inside a YAML value: edit the file by hand.');
  const [from, to] = found.range;
  if (doc.errors.some((e) => e.pos[0] < to && e.pos[1] > from)) return refused('The YAML around the secret does not parse: fix the file first.');
  const type = found.type;
  const quoted = type === 'QUOTE_DOUBLE' || type === 'QUOTE_SINGLE';
  const contentFrom = quoted ? from + 1 : type === 'BLOCK_LITERAL' || type === 'BLOCK_FOLDED' ? text.indexOf('\n', from) + 1 : from;
  const contentTo = quoted ? to - 1 : to;
  // The whole value when nothing but white space (indentation, line breaks) is outside the secret: a PEM key in a `|` block.
  if (!/\S/.test(text.slice(contentFrom, Math.max(contentFrom, start)) + text.slice(Math.min(end, contentTo), contentTo))) {
    const value = found.value;
    if (typeof value !== 'string') {
      if (String(value) !== text.slice(from, to))
        return refused('YAML reads this value as a number, date or boolean, not text: quote it in the file, then try again.');
      return { pieces: [{ start: from, end: to, text: String(value), kind: 'raw' }], start: from, end: to, scope: 'whole' };
    }
    // One indivisible piece: the library folded lines and read escapes, so only the whole maps to the source.
    return { pieces: [{ start: contentFrom, end: contentTo, text: value, kind: 'atom' }], start: from, end: to, scope: 'whole' };
  }
  // A part: decode its line of the scalar with the style's rules.
  const lineFrom = Math.max(contentFrom, lineStartAt(text, start));
  const lineTo = Math.min(contentTo, lineEndAt(text, start));
  if (end > lineTo) return refused('The secret spans lines of a YAML value: edit the file by hand.');
  const step = type === 'QUOTE_DOUBLE' ? yamlDoubleStep : type === 'QUOTE_SINGLE' ? yamlSingleStep : () => undefined;
  const decoded = decodeContent(text, lineFrom, lineTo, step);
  return 'refused' in decoded ? decoded : { pieces: decoded.pieces, start: from, end: to, scope: 'part' };
}

// ---- .env -----------------------------------------------------------------------------------------

/** dotenv's own line pattern (dotenv 16–18, lib/main.js `LINE`), run on the document as it is. */
const DOTENV_LINE =
  /(?:^|^)\s*(?:export\s+)?([\w.-]+)(?:\s*=\s*?|:\s+?)(\s*'(?:\\'|[^'])*'|\s*"(?:\\"|[^"])*"|\s*`(?:\\`|[^`])*`|[^#\r\n]+)?\s*(?:#.*)?(?:$|$)/gm;

export const DOTENV_AMBIGUOUS =
  'Libraries that read .env files disagree about this value (dotenv keeps backslashes and `$`; dotenv-expand, docker compose, python-dotenv and Ruby dotenv expand `$NAME` and read backslash escapes): put it in single quotes without backslashes, then try again.';

/**
 * The value of the `.env` entry holding the secret, as the `dotenv` package reads it: trimmed, one
 * pair of quotes removed, `\n` and `\r` expanded inside double quotes. Refused where readers of .env
 * files disagree: a `$NAME` / `${…}` outside single quotes, or any other backslash.
 */
export function dotenvValue(text: string, start: number, end: number): Located {
  DOTENV_LINE.lastIndex = 0;
  for (let m = DOTENV_LINE.exec(text); m; m = DOTENV_LINE.exec(text)) {
    if (m[0].length === 0) {
      DOTENV_LINE.lastIndex++;
      continue;
    }
    const raw = m[2];
    if (raw === undefined) continue;
    const valueStart = m.index + m[0].indexOf(raw, m[0].indexOf(m[1]) + m[1].length);
    const valueEnd = valueStart + raw.length;
    if (!(valueStart <= start && end <= valueEnd)) {
      if (valueStart > end) break;
      continue;
    }
    let from = valueStart;
    let to = valueEnd;
    while (from < to && /\s/.test(text[from])) from++;
    while (to > from && /\s/.test(text[to - 1])) to--;
    const opening = text[from];
    const quoted = (opening === "'" || opening === '"' || opening === '`') && to - from >= 2 && text[to - 1] === opening;
    const quote = quoted ? opening : undefined;
    const list = new PieceList();
    const contentFrom = quoted ? from + 1 : from;
    const contentTo = quoted ? to - 1 : to;
    for (let i = contentFrom; i < contentTo; i++) {
      const ch = text[i];
      if (ch === '\\') {
        if (quote === '"' && (text[i + 1] === 'n' || text[i + 1] === 'r')) {
          list.atom(i, i + 2, text[i + 1] === 'n' ? '\n' : '\r');
          i++;
          continue;
        }
        return refused(DOTENV_AMBIGUOUS);
      }
      if (ch === '$' && quote !== "'" && /[A-Za-z_{]/.test(text[i + 1] ?? '')) return refused(DOTENV_AMBIGUOUS);
      if (ch === '\r') {
        const crlf = text[i + 1] === '\n';
        list.atom(i, crlf ? i + 2 : i + 1, '\n');
        if (crlf) i++;
        continue;
      }
      list.raw(i, i + 1, ch);
    }
    // The library itself has the last word: our pieces must add up to what dotenv.parse returns.
    const whole = joined(list.pieces);
    const parsed = parseDotenv(m[0])[m[1]];
    if ('refused' in whole || parsed !== whole.value) return refused(DOTENV_AMBIGUOUS);
    return { pieces: list.pieces, start: from, end: to };
  }
  return refused('The secret is not inside a KEY=value line of this .env file: edit it by hand.');
}

// ---- Java properties ------------------------------------------------------------------------------

/**
 * A `.properties` value as java.util.Properties.load(Reader) reads it: a logical line may continue
 * after an odd number of backslashes at its end (the next line's leading white space dropped);
 * `\t \n \r \f`, `\uXXXX`, and `\` before any other character gives that character.
 */
export function propertiesValue(text: string, start: number, end: number): Located {
  // The logical line: back to the start of the first physical line that is not a continuation.
  let lineStart = lineStartAt(text, start);
  while (lineStart > 0) {
    const previous = lineStartAt(text, lineStart - 1);
    const body = text.slice(previous, lineStart).replace(/\r?\n$/, '');
    if (!continues(body)) break;
    lineStart = previous;
  }
  let i = lineStart;
  while (i < text.length && /[ \t\f]/.test(text[i])) i++;
  if (text[i] === '#' || text[i] === '!') return refused('The secret is in a comment line of the properties file: edit it by hand.');
  // The key ends at the first unescaped `=`, `:` or white space.
  while (i < text.length && !/[=: \t\f\r\n]/.test(text[i])) i += text[i] === '\\' ? 2 : 1;
  while (i < text.length && /[ \t\f]/.test(text[i])) i++;
  if (text[i] === '=' || text[i] === ':') i++;
  while (i < text.length && /[ \t\f]/.test(text[i])) i++;
  const valueStart = i;
  const list = new PieceList();
  for (; i < text.length && text[i] !== '\n' && text[i] !== '\r'; i++) {
    if (text[i] !== '\\') {
      list.raw(i, i + 1, text[i]);
      continue;
    }
    const next = text[i + 1] ?? '';
    if (next === '\n' || next === '\r' || next === '') {
      // Continuation: the backslash, the line break and the next line's leading white space are nothing.
      let j = i + 1 + (text.startsWith('\r\n', i + 1) ? 2 : next ? 1 : 0);
      while (j < text.length && /[ \t\f]/.test(text[j])) j++;
      list.atom(i, j, '');
      i = j - 1;
      continue;
    }
    if (next === 'u') {
      const hex = digits(text, i + 2, text.length, 16, 4, 4);
      if (!hex) return refused('The value has a malformed \\uXXXX escape, which Java rejects: fix the file first.');
      list.atom(i, hex.end, String.fromCharCode(hex.value));
      i = hex.end - 1;
      continue;
    }
    const simple: Record<string, string> = { t: '\t', n: '\n', r: '\r', f: '\f' };
    list.atom(i, i + 2, simple[next] ?? next);
    i++;
  }
  if (!(valueStart <= start && end <= i)) return refused('The secret is not in the value of its properties line: edit it by hand.');
  const whole = joined(list.pieces);
  if (!('refused' in whole) && /\$\{/.test(whole.value)) {
    return refused('The value holds a ${…} placeholder, which Spring and similar frameworks resolve when they load it: there is no fixed value to move.');
  }
  return { pieces: list.pieces, start: valueStart, end: i };
}

function continues(line: string): boolean {
  const trailing = /\\*$/.exec(line)?.[0].length ?? 0;
  return trailing % 2 === 1;
}

// ---- HCL (Terraform) ------------------------------------------------------------------------------

const HCL_ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

/**
 * HCL native syntax, "Template Expressions": quoted templates have `\n \r \t \" \\ \uNNNN
 * \UNNNNNNNN`; `$${` and `%%{` are a literal `${` and `%{`; `${…}` and `%{…}` are computed.
 * Heredocs have no backslash escapes, and `<<-` removes the indentation all lines share.
 */
export function decodeHclLiteral(text: string, token: StringToken): Decoded {
  const heredoc = /^<<(-?)/.exec(text.slice(token.start, token.start + 3));
  const holes: Step = (t, i, end) => {
    const ch = t[i];
    if ((ch === '$' || ch === '%') && t[i + 1] === ch && t[i + 2] === '{') return { end: i + 3, text: `${ch}{` };
    if ((ch === '$' || ch === '%') && t[i + 1] === '{') return { end: bracketedEnd(t, i + 1, end), field: true };
    return undefined;
  };
  if (!heredoc) {
    return decodeContent(text, token.contentStart, token.contentEnd, (t, i, end) => {
      const hole = holes(t, i, end);
      if (hole || t[i] !== '\\') return hole;
      const next = t[i + 1] ?? '';
      if (next in HCL_ESCAPES) return { end: i + 2, text: HCL_ESCAPES[next] };
      if (next === 'u' || next === 'U') return fixedWidthUnicode(t, i, end, 'HCL');
      return invalidEscape('HCL');
    });
  }
  if (!heredoc[1]) return decodeContent(text, token.contentStart, token.contentEnd, holes, { normaliseNewlines: true });
  // Flush heredoc: drop the smallest leading white space of the non-blank lines from each line.
  const lines = text.slice(token.contentStart, token.contentEnd).split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)?.[0].length ?? 0));
  const list: Piece[] = [];
  let at = token.contentStart;
  for (const line of lines) {
    const drop = Math.min(indent, line.length);
    if (drop > 0) list.push({ start: at, end: at + drop, text: '', kind: 'atom' });
    const decoded = decodeContent(text, at + drop, at + line.length + (at + line.length < token.contentEnd ? 1 : 0), holes, { normaliseNewlines: true });
    if ('refused' in decoded) return decoded;
    list.push(...decoded.pieces);
    at += line.length + 1;
  }
  return { pieces: list };
}

// ---- TOML -----------------------------------------------------------------------------------------

const TOML_ESCAPES: Readonly<Record<string, string>> = { b: '\b', t: '\t', n: '\n', f: '\f', r: '\r', '"': '"', '\\': '\\' };

/** TOML 1.0.0, "String": basic strings escape, literal strings do not; multi-line ones drop a first line break, and `\` at a line's end trims. */
export function decodeTomlLiteral(text: string, token: StringToken): Decoded {
  const open = text.slice(token.start, token.contentStart);
  let from = token.contentStart;
  if (open.length === 3) from += text.startsWith('\r\n', from) ? 2 : text[from] === '\n' ? 1 : 0;
  if (open[0] === "'") return decodeContent(text, from, token.contentEnd, () => undefined, { normaliseNewlines: true });
  return decodeContent(
    text,
    from,
    token.contentEnd,
    (t, i, end) => {
      if (t[i] !== '\\') return undefined;
      const next = t[i + 1] ?? '';
      if (next in TOML_ESCAPES) return { end: i + 2, text: TOML_ESCAPES[next] };
      if (next === 'u' || next === 'U') return fixedWidthUnicode(t, i, end, 'TOML');
      const trim = open.length === 3 ? /^[ \t]*\r?\n\s*/.exec(t.slice(i + 1, end)) : null;
      if (trim) return { end: i + 1 + trim[0].length, text: '' };
      return invalidEscape('TOML');
    },
    { normaliseNewlines: true },
  );
}

// ---- XML ------------------------------------------------------------------------------------------

const XML_ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };

/**
 * XML 1.0: the attribute value or element text around the secret. Line breaks are normalised
 * (§2.11), the five predefined entities and character references are replaced (§4.1, §4.6), in
 * attributes each white-space character becomes a space (§3.3.3), and CDATA sections are literal.
 */
export function xmlValue(text: string, start: number, end: number): Located {
  const lineStart = lineStartAt(text, start);
  const before = text.slice(lineStart, start);
  const attribute = /=\s*(["'])([^"'<]*)$/.exec(before);
  if (attribute) {
    const quote = attribute[1];
    const from = lineStart + before.length - attribute[2].length;
    const to = text.indexOf(quote, from);
    if (to === -1 || to < end) return refused('The secret is not inside one XML attribute value: edit the file by hand.');
    const decoded = xmlContent(text, from, to, true);
    return 'refused' in decoded ? decoded : { pieces: decoded.pieces, start: from - 1, end: to + 1 };
  }
  const open = text.lastIndexOf('>', start - 1);
  const close = text.indexOf('<', end);
  if (open === -1 || close === -1) return refused('The secret is not inside an XML element\u2019s text: edit the file by hand.');
  const cdata = text.lastIndexOf('<![CDATA[', start);
  if (cdata !== -1 && cdata > text.lastIndexOf(']]>', start - 1)) {
    const from = cdata + '<![CDATA['.length;
    const to = text.indexOf(']]>', from);
    if (to === -1 || to < end) return refused('The secret is not inside one CDATA section: edit the file by hand.');
    return { pieces: [{ start: from, end: to, text: text.slice(from, to), kind: 'raw' }], start: from, end: to };
  }
  if (text.slice(open + 1, start).includes('<')) return refused('The secret is not inside an XML element\u2019s text: edit the file by hand.');
  const decoded = xmlContent(text, open + 1, close, false);
  return 'refused' in decoded ? decoded : { pieces: decoded.pieces, start: open + 1, end: close };
}

function xmlContent(text: string, from: number, to: number, attribute: boolean): Decoded {
  return decodeContent(text, from, to, (t, i, end) => {
    const ch = t[i];
    if (ch === '\r') return { end: t[i + 1] === '\n' ? i + 2 : i + 1, text: attribute ? ' ' : '\n' };
    if (attribute && (ch === '\n' || ch === '\t')) return { end: i + 1, text: ' ' };
    if (ch !== '&') return undefined;
    const ref = /^&(?:#x([0-9A-Fa-f]+)|#([0-9]+)|([A-Za-z_][\w.-]*));/.exec(t.slice(i, Math.min(end, i + 40)));
    if (!ref) return refused('The value has an & that starts no entity reference, which XML forbids: fix the file first.');
    if (ref[3] !== undefined) {
      const named = XML_ENTITIES[ref[3]];
      return named === undefined
        ? refused('The value uses an entity defined elsewhere (in a DTD), which is not expanded here: move the value by hand.')
        : { end: i + ref[0].length, text: named };
    }
    const cp = codePoint(parseInt(ref[1] ?? ref[2] ?? '', ref[1] ? 16 : 10));
    return cp ? { end: i + ref[0].length, text: cp } : refused('The value has a character reference XML does not allow: fix the file first.');
  });
}
