/**
 * The value a hard-coded literal holds when the program runs — what "Move to Secrets Manager" must
 * store — and the source range a fix replaces for it. The detector reports the secret as it is
 * written (escapes and all); this reads it as the file's language does (decoders in `decode/`),
 * takes in string literals joined to it (`"a" "b"`, `"a" + "b"`, `'a' . 'b'`) so a value is moved
 * whole, and refuses, with a reason, whatever it cannot know exactly: interpolations, tagged
 * templates, escapes that do not compile, `.env` values that readers disagree on.
 * Pure and text-based, like the generators; the value is returned, never logged.
 */
import { isJsonDocument } from './generators/cloudformation';
import { documentKind } from './languages';
import { scanSource, stringTokenAround, type ScanResult, type StringToken, type Syntax } from './lexer';
import { codeSyntax } from './replacement';
import { decodeCodeLiteral, decodeJsonString } from './decode/code';
import { decodeHclLiteral, decodeTomlLiteral, dotenvValue, propertiesValue, xmlValue, yamlValue, type Located } from './decode/config';
import { LONE_SURROGATE } from './decode/escapes';
import { hasField, INTERPOLATED, joined, valueOfRange, type Decoded, type Piece } from './decode/pieces';
import { decodeBareShellWord, decodeDockerfileWord, decodePowerShellLiteral, decodeShellLiteral, dockerfileEscape } from './decode/shells';
import { lineEndAt, lineStartAt } from './edits';

export interface LiteralValueRequest {
  languageId: string;
  fileName: string;
  documentText: string;
  /** The secret as the detector found it: offsets into the source text. */
  start: number;
  end: number;
}

export type LiteralValue =
  | {
      ok: true;
      /** The text the program holds. */
      value: string;
      /** What to hand to `literalReplacement`: the whole literal (or joined literals) when the value is all of it, else the secret's own range. */
      replaceStart: number;
      replaceEnd: number;
    }
  | { ok: false; reason: string };

type Kind = Syntax | 'json' | 'yaml' | 'dotenv' | 'properties' | 'ini' | 'dockerfile' | 'toml' | 'xml' | 'html' | 'text' | 'unknown-code';

function kindOf(languageId: string, fileName: string, text: string): Kind {
  if (languageId === 'ini' || /\.(?:ini|cfg|conf|cnf)$|(?:^|[/\\])\.(?:npmrc|yarnrc|pypirc|gitconfig|editorconfig)$/i.test(fileName)) return 'ini';
  if (languageId === 'toml' || /\.toml$/i.test(fileName)) return 'toml';
  if (languageId === 'xml' || languageId === 'html' || /\.(?:xml|config|csproj|props|targets|plist|xaml|nuspec|resx|pom)$/i.test(fileName))
    return languageId === 'html' ? 'html' : 'xml';
  if (['plaintext', 'markdown'].includes(languageId) || /\.(?:txt|md|markdown)$/i.test(fileName)) return 'text';
  const kind = documentKind(languageId, fileName, text);
  if (kind === undefined) return 'unknown-code';
  if (kind === 'cloudformation') return isJsonDocument(languageId, fileName, text) ? 'json' : 'yaml';
  if (kind === 'jsonc') return 'json';
  return codeSyntax(kind) ?? (kind as Kind);
}

export function literalValue(request: LiteralValueRequest): LiteralValue {
  const { documentText: text, start, end } = request;
  if (!(0 <= start && start < end && end <= text.length)) return { ok: false, reason: 'The secret\u2019s range is outside the document.' };
  const found = locate(kindOf(request.languageId, request.fileName, text), text, start, end);
  if (!found.ok) return found;
  if (/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(found.value)) return { ok: false, reason: LONE_SURROGATE };
  if (found.value.length === 0) return { ok: false, reason: 'The literal is empty once decoded: there is nothing to move.' };
  return found;
}

function locate(kind: Kind, text: string, start: number, end: number): LiteralValue {
  switch (kind) {
    case 'json': {
      const token = stringTokenAround(scanSource(text, 'js').strings, start, end);
      return token ? fromToken(token, decodeJsonString(text, token), start, end) : bare(text, start, end, 'json');
    }
    case 'yaml':
      return fromLocated(yamlValue(text, start, end), start, end);
    case 'dotenv':
      return fromLocated(dotenvValue(text, start, end), start, end);
    case 'properties':
      return fromLocated(propertiesValue(text, start, end), start, end);
    case 'dockerfile':
      return dockerfile(text, start, end);
    case 'xml':
      return fromLocated(xmlValue(text, start, end), start, end);
    case 'toml': {
      const token = stringTokenAround(scanSource(text, 'python').strings, start, end);
      return token ? fromToken(token, decodeTomlLiteral(text, token), start, end) : bare(text, start, end, 'toml');
    }
    case 'ini':
    case 'html':
    case 'text':
    case 'unknown-code':
      return bare(text, start, end, kind);
    default:
      return code(kind, text, start, end);
  }
}

// ---- code -----------------------------------------------------------------------------------------

function decodeToken(text: string, token: StringToken, syntax: Syntax): Decoded {
  if (syntax === 'shell') return decodeShellLiteral(text, token);
  if (syntax === 'powershell') return decodePowerShellLiteral(text, token);
  if (syntax === 'hcl') return decodeHclLiteral(text, token);
  return decodeCodeLiteral(text, token, syntax);
}

function code(syntax: Syntax, text: string, start: number, end: number): LiteralValue {
  const scan = scanSource(text, syntax);
  const token = stringTokenAround(scan.strings, start, end);
  if (!token || token.contentStart > start || token.contentEnd < end) {
    if (syntax === 'shell') return shellWord(text, start, end);
    return bare(text, start, end, 'unknown-code');
  }
  const decoded = decodeToken(text, token, syntax);
  if ('refused' in decoded) return { ok: false, reason: decoded.refused };
  const run = joinedLiterals(scan, token, syntax);
  if ('refused' in run) return { ok: false, reason: run.refused };
  const whole = coversAll(decoded.pieces, start, end);
  if (run.tokens.length > 1) {
    if (!whole) {
      // A part inside one literal of a run: fine unless it reaches into a neighbour, where the secret may go on.
      const first = run.tokens[0] === token;
      const last = run.tokens[run.tokens.length - 1] === token;
      if ((!textBefore(decoded.pieces, start) && !first) || (!textAfter(decoded.pieces, end) && !last)) {
        return { ok: false, reason: 'The secret runs up to the next joined string literal and may go on in it: join the literals into one, then try again.' };
      }
      return fromPieces(decoded.pieces, token, start, end, syntax, text);
    }
    let value = '';
    for (const t of run.tokens) {
      const d = t === token ? decoded : decodeToken(text, t, syntax);
      if ('refused' in d) return { ok: false, reason: d.refused };
      if (hasField(d.pieces)) return { ok: false, reason: INTERPOLATED };
      const v = joined(d.pieces);
      if ('refused' in v) return { ok: false, reason: v.refused };
      value += v.value;
    }
    return { ok: true, value, replaceStart: run.tokens[0].start, replaceEnd: run.tokens[run.tokens.length - 1].end };
  }
  return fromPieces(decoded.pieces, token, start, end, syntax, text);
}

/**
 * Whether the secret is, for the program, the whole literal: nothing outside `[start, end)` but
 * white space (a PEM key in a text block keeps its line breaks) and no interpolation. Then the whole
 * literal is stored and replaced, so the program's value stays exactly what it was.
 */
function coversAll(pieces: readonly Piece[], start: number, end: number): boolean {
  for (const p of pieces) {
    if (p.start >= start && p.end <= end) continue;
    if (p.kind === 'field') return false;
    const outside = p.kind === 'raw' ? p.text.slice(0, Math.max(0, start - p.start)) + p.text.slice(Math.max(0, end - p.start)) : p.text;
    if (/\S/.test(outside)) return false;
  }
  return true;
}

/** Whether the decoded literal has text before (or after) the secret. */
function textBefore(pieces: readonly Piece[], start: number): boolean {
  return pieces.some((p) => p.start < start && (p.kind === 'field' || (p.kind === 'raw' ? p.text.slice(0, start - p.start) !== '' : p.text !== '')));
}

function textAfter(pieces: readonly Piece[], end: number): boolean {
  return pieces.some((p) => p.end > end && (p.kind === 'field' || (p.kind === 'raw' ? p.text.slice(Math.max(0, end - p.start)) !== '' : p.text !== '')));
}

/** Literals a fix may not split: their indentation rules would change the value of the pieces left behind. */
function unsplittable(text: string, token: StringToken, syntax: Syntax): boolean {
  const open = text.slice(token.start, token.contentStart);
  if ((syntax === 'java' || syntax === 'csharp') && /"""/.test(open)) return true;
  if (syntax === 'php' && open.startsWith('<<<')) return true;
  return syntax === 'powershell' && open.startsWith('@');
}

function fromPieces(pieces: Piece[], token: StringToken, start: number, end: number, syntax: Syntax, text: string): LiteralValue {
  if (coversAll(pieces, start, end)) {
    if (hasField(pieces)) return { ok: false, reason: INTERPOLATED };
    const value = joined(pieces);
    return 'refused' in value ? { ok: false, reason: value.refused } : { ok: true, value: value.value, replaceStart: token.start, replaceEnd: token.end };
  }
  if (unsplittable(text, token, syntax)) {
    return { ok: false, reason: 'The secret is part of a multi-line text block, which a fix cannot split safely: move the value by hand.' };
  }
  const value = valueOfRange(pieces, start, end);
  return 'refused' in value ? { ok: false, reason: value.refused } : { ok: true, value: value.value, replaceStart: start, replaceEnd: end };
}

function fromToken(token: StringToken, decoded: Decoded, start: number, end: number): LiteralValue {
  if ('refused' in decoded) return { ok: false, reason: decoded.refused };
  return fromLocated({ pieces: decoded.pieces, start: token.start, end: token.end }, start, end);
}

function fromLocated(found: Located, start: number, end: number): LiteralValue {
  if ('refused' in found) return { ok: false, reason: found.refused };
  if (found.scope === 'whole' || (found.scope === undefined && coversAll(found.pieces, start, end))) {
    if (hasField(found.pieces)) return { ok: false, reason: INTERPOLATED };
    const value = joined(found.pieces);
    return 'refused' in value ? { ok: false, reason: value.refused } : { ok: true, value: value.value, replaceStart: found.start, replaceEnd: found.end };
  }
  const value = valueOfRange(found.pieces, start, end);
  return 'refused' in value ? { ok: false, reason: value.refused } : { ok: true, value: value.value, replaceStart: start, replaceEnd: end };
}

// ---- joined literals ------------------------------------------------------------------------------

/**
 * The string literals the program joins with `token` into one value: adjacent literals (Python,
 * Ruby: `"a" "b"`, across lines inside brackets or after `\`), `+` between literals (JS/TS, Java,
 * C#, Go, Python, Ruby, PowerShell) and PHP's `.`. Only literal operands count; the run stops at
 * anything else. Refused when an operator binds tighter than the join at either end.
 */
function joinedLiterals(scan: ScanResult, token: StringToken, syntax: Syntax): { tokens: StringToken[]; explicit: boolean } | { refused: string } {
  const tokens = [...scan.strings].sort((a, b) => a.start - b.start);
  const at = tokens.indexOf(token);
  const run = [token];
  let explicit = false;
  for (let k = at - 1; k >= 0; k--) {
    const join = joinBetween(scan.code, tokens[k], run[0], syntax);
    if (!join) break;
    explicit ||= join === 'operator';
    run.unshift(tokens[k]);
  }
  for (let k = at + 1; k < tokens.length; k++) {
    const join = joinBetween(scan.code, run[run.length - 1], tokens[k], syntax);
    if (!join) break;
    explicit ||= join === 'operator';
    run.push(tokens[k]);
  }
  if (run.length > 1 && explicit) {
    const before = /(\S*)\s*$/.exec(scan.code.slice(Math.max(0, run[0].start - 40), run[0].start))?.[1] ?? '';
    const after = /^\s*(\S?)/.exec(scan.code.slice(run[run.length - 1].end, run[run.length - 1].end + 40))?.[1] ?? '';
    const tighterBefore = /(?:[*/%\-!~.]|\*\*|\b(?:typeof|void|await|delete|not|new))$/.test(before) && !(syntax === 'php' && before.endsWith('.'));
    const tighterAfter = /^[.[(*/%`]/.test(after) && !(syntax === 'php' && after === '.');
    if (tighterBefore || tighterAfter)
      return { refused: 'The literal is joined to other strings inside a longer expression, so the value is not just these strings: move it by hand.' };
  }
  return { tokens: run, explicit };
}

/** How two literals are joined, if they are: side by side, or by the language's concatenation operator. */
function joinBetween(code: string, left: StringToken, right: StringToken, syntax: Syntax): 'adjacent' | 'operator' | undefined {
  if (right.start < left.end) return undefined;
  const gap = code.slice(left.end, right.start);
  const operator = syntax === 'php' ? '.' : '+';
  const hasOperator = gap.split(operator).length === 2 && gap.replace(operator, '').trim() === '';
  const newline = /[\r\n]/.test(gap);
  switch (syntax) {
    case 'python': {
      const continued = (g: string) => !/[\r\n]/.test(g.replace(/\\\r?\n/g, '')) || insideBrackets(code, left.end);
      if (/^[ \t]*(?:\\\r?\n[ \t]*)*$/.test(gap) || (/^\s*$/.test(gap) && continued(gap))) return 'adjacent';
      return hasOperator && continued(gap) ? 'operator' : undefined;
    }
    case 'ruby':
      if (/^[ \t]*(?:\\\r?\n[ \t]*)*$/.test(gap) && gap.length > 0) return 'adjacent';
      // A line break before `+` ends the statement; after it, the expression goes on.
      return hasOperator && !/[\r\n]/.test(gap.slice(0, gap.indexOf('+'))) ? 'operator' : undefined;
    case 'go':
      return hasOperator && !/[\r\n]/.test(gap.slice(0, gap.indexOf('+'))) ? 'operator' : undefined;
    case 'js':
    case 'java':
    case 'csharp':
    case 'php':
    case 'powershell':
      return hasOperator && (!newline || syntax !== 'powershell') ? 'operator' : undefined;
    case 'shell':
      return gap === '' ? 'adjacent' : undefined; // "a"'b' is one word
    default:
      return undefined;
  }
}

/** Python: inside `(`, `[` or `{`, where line breaks do not end the statement. */
function insideBrackets(code: string, offset: number): boolean {
  let depth = 0;
  for (let i = 0; i < offset; i++) {
    const ch = code[i];
    if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if ((ch === ')' || ch === ']' || ch === '}') && depth > 0) depth--;
  }
  return depth > 0;
}

// ---- values outside string literals ---------------------------------------------------------------

/** A bare shell word around the secret (`PASSWORD=abc\$def`): backslashes and expansions as the shell reads them. */
function shellWord(text: string, start: number, end: number): LiteralValue {
  const lineStart = lineStartAt(text, start);
  let from = start;
  while (from > lineStart && !/[\s=;&|<>()'"`]/.test(text[from - 1])) from--;
  let to = end;
  const lineEnd = lineEndAt(text, end);
  while (to < lineEnd && !/[\s;&|<>()]/.test(text[to])) to++;
  if (/['"`]/.test(text[from - 1] ?? '') || /['"`]/.test(text.slice(from, to))) {
    return { ok: false, reason: 'The shell word mixes quoted and bare parts: quote the whole value, then try again.' };
  }
  return fromLocated(withRange(decodeBareShellWord(text, from, to), from, to), start, end);
}

function withRange(decoded: Decoded, start: number, end: number): Located {
  return 'refused' in decoded ? decoded : { pieces: decoded.pieces, start, end };
}

/**
 * Where no decoder applies (INI, plain text, languages without one): the source text is the value only
 * when nothing in it could be an escape or an interpolation in the file's language.
 */
function bare(text: string, start: number, end: number, kind: Kind): LiteralValue {
  const source = text.slice(start, end);
  const suspicious = { text: /\\/, ini: /[\\"']|%[(%]|\$\{/, html: /[\\&]/ }[kind as string] ?? /[\\$`]|#\{/;
  if (suspicious.test(source)) {
    return {
      ok: false,
      reason: `How this file's format reads backslashes, quotes and $ in the value is not known here, so its exact text is uncertain: move the value by hand.`,
    };
  }
  return { ok: true, value: source, replaceStart: start, replaceEnd: end };
}

// ---- Dockerfile -----------------------------------------------------------------------------------

/** ENV / ARG / LABEL values by BuildKit's word rules; other instructions (RUN, CMD…) as shell. */
function dockerfile(text: string, start: number, end: number): LiteralValue {
  const lineStart = lineStartAt(text, start);
  const lineEnd = lineEndAt(text, start);
  const instruction = /^\s*(ENV|ARG|LABEL)\s+/i.exec(text.slice(lineStart, lineEnd));
  if (!instruction) return code('shell', text, start, end);
  const escape = dockerfileEscape(text);
  let i = lineStart + instruction[0].length;
  // `ENV KEY value with spaces` (no `=` in the first word): the rest of the line is the value.
  const legacy = /^([^\s=]+)(?:\s+|$)/.exec(text.slice(i, lineEnd));
  if (legacy) {
    const valueStart = i + legacy[0].length;
    const word = decodeDockerfileWord(text, valueStart, lineEnd, true, escape);
    return fromLocated(withRange(word.decoded, valueStart, word.end), start, end);
  }
  while (i < lineEnd) {
    while (i < lineEnd && /\s/.test(text[i])) i++;
    const valueStart = i + (/^[^\s=]+=/.exec(text.slice(i, lineEnd))?.[0].length ?? 0);
    const word = decodeDockerfileWord(text, valueStart, lineEnd, false, escape);
    if (valueStart <= start && end <= word.end) return fromLocated(withRange(word.decoded, valueStart, word.end), start, end);
    if ('refused' in word.decoded && word.end >= start) return { ok: false, reason: word.decoded.refused };
    if (word.end <= i) break;
    i = word.end;
  }
  return { ok: false, reason: 'The secret is not in a KEY=value pair of its instruction: edit the Dockerfile by hand.' };
}
