// Secrets found by their name: a secret-ish name (`password`, `api_key`,
// `client_secret`…) assigned a literal, in the assignment syntax of each
// language, plus `Password=…;` pairs inside connection strings and the
// `name: DB_PASSWORD` / `value: …` sibling form of Kubernetes, CloudFormation,
// Terraform variables and .NET / Spring XML config.
//
// Cost control: one case-insensitive keyword pass over the whole text picks the
// candidate lines; everything else runs on those lines only, with bounded loops.

import { charClasses } from '../entropy';
import { classifySecretName, splitWords, type SecretName } from '../names';
import { keyValueLine, lexLiterals, parseValue, readQuoted, type ValueParse, type ValueToken } from '../literals';
import { judgeSecretValue } from '../values';
import { isTranslationFile } from '../languages';
import { MAX_ANALYSED_LINE, placeSecret, type RuleContext } from './context';
import type { Confidence, QuoteStyle } from '../types';

/** Parts of secret-ish names; a line without one is never analysed. */
const KEYWORD_SOURCE = 'pass|pwd|secret|token|key|auth|cred|bearer|(?<![a-z])pw(?![a-z])';
const TEXT_KEYWORD = new RegExp(KEYWORD_SOURCE, 'gi');

const MAX_IDENT = 120;
/** How many distinct inert lines a scan remembers. */
const MAX_INERT_LINES = 10_000;
const ASSIGNMENT_RULES = ['password-assignment', 'secret-assignment', 'connection-string-password', 'aws-secret-access-key'];
/** How far a multi-line literal may run (characters) before it is not a value but a block of text. */
const MAX_MULTI_LINE_LITERAL = 4096;
/** Names whose value is the name of another setting: `name: DB_PASSWORD` → look for a sibling `value:`. */
const INDIRECT_KEYS = new Set(['name', 'key', 'parameterkey', 'parametername', 'variable', 'env', 'envvar', 'setting', 'property', 'var']);
const SIBLING_VALUE = /(?:^|[\s{,;"'(])(?:value|default|defaultvalue)["']?\s{0,4}(?:=>|:|=)\s{0,4}/i;
const AUTH_SCHEME = /^(?:bearer|basic|token|bot|apikey|digest)\s{1,4}/i;
const LOOKUP_CALL =
  /(?:^|[.\s])(?:get\w{0,20}|fetch|read\w{0,10}|lookup|require|find|load|env|has\w{0,10}|contains\w{0,10}|remove|delete|pop|translate|t|i18n|gettext|_)$/i;
const GO_TYPES = /^(?:string|\[\]byte|\*string)$/;
const RECEIVER = /^(?:self|this|cls|process\.env|os\.environ|ENV)\./;
/** YAML values that are not plain strings: tags (`!Ref x`), anchors, aliases, block and flow collections. */
const YAML_NOT_A_SCALAR = /^(?:![!A-Za-z_:.-]{0,40}(?:\s|$)|&[\w-]{1,40}(?:\s|$)|\*[\w-]{1,40}\s*$|[|>][-+0-9]{0,3}\s*(?:#|$)|\[.{0,60}\]\s*$|\{.{0,60}\}\s*$)/;
const AWS_SECRET_SHAPE = /^[A-Za-z0-9/+]{40}$/;
/** Calls whose second argument is the value stored under the first: `put("password", "…")`, `Map.of("Authorization", "…")`. */
const SETTER_CALLS = new Set([
  'put',
  'set',
  'of',
  'entry',
  'define',
  'setenv',
  'putenv',
  'setproperty',
  'setitem',
  'setdefault',
  'setvalue',
  'setsecret',
  'setparameter',
  'store',
]);
/** Calls that set a header: `header("Authorization", "…")`, `Header.Set(…)`, `addHeader(…)`. */
const HEADER_CALLS = new Set(['header', 'setheader', 'addheader', 'setrequestheader', 'withheader']);

interface Identifier {
  /** Raw bounds, sigils and dashes included. */
  start: number;
  end: number;
  /** Cleaned name (`--password` → `password`). */
  name: string;
  flag: boolean;
}

export function runAssignments(context: RuleContext, enabled: (ruleId: string) => boolean): void {
  const { text, index } = context;
  // A translation file maps keys to words in some language: `password=Passwort` is a label.
  if (context.fileName && isTranslationFile(context.fileName)) return;
  const prose = context.languageId === 'python' ? tripleQuotedBlocks(text, index) : [];
  const keyword = TEXT_KEYWORD;
  const lineStarts = index.lineStarts;
  let line = 0;
  let analysis: LineAnalysis | undefined;
  keyword.lastIndex = 0;
  let lines = 0;
  // Lines that yielded nothing and looked at no other line: the same text elsewhere yields nothing either.
  const inert = new Set<string>();
  for (let match = keyword.exec(text); match && !context.full; match = keyword.exec(text)) {
    if (!analysis || match.index >= analysis.lineEndOffset) {
      if (analysis?.inert && inert.size < MAX_INERT_LINES) inert.add(analysis.key);
      // Once every rule this one reports for has reached its cap, the rest of the file can add nothing.
      if ((++lines & 255) === 0 && ASSIGNMENT_RULES.every((ruleId) => !enabled(ruleId) || context.atCap(ruleId))) return;
      while (line + 1 < lineStarts.length && lineStarts[line + 1] <= match.index) line++;
      analysis = new LineAnalysis(context, line, enabled, insideBlock(prose, line));
      if (analysis.tooLong || inert.has(analysis.key)) {
        keyword.lastIndex = analysis.lineEndOffset;
        continue;
      }
    }
    const next = analysis.visit(match.index - analysis.lineStart, match[0].length);
    keyword.lastIndex = Math.max(keyword.lastIndex, analysis.lineStart + next);
  }
}

class LineAnalysis {
  readonly lineStart: number;
  private readonly line: string;
  private literals: ValueToken[] | undefined;
  private parseCache: ValueParse | undefined;
  /** Where the value of a `KEY=value` line starts (-1: not such a line), computed on first use. */
  private valueStart: number | undefined;
  private readonly bareSyntax: boolean;

  constructor(
    private readonly context: RuleContext,
    private readonly lineNo: number,
    private readonly enabled: (ruleId: string) => boolean,
    /** The line is inside a docstring or another multi-line string: prose and examples. */
    private readonly inProse = false,
  ) {
    this.lineStart = context.index.lineStart(lineNo);
    this.line = context.text.slice(this.lineStart, context.index.lineEnd(lineNo));
    const family = context.family;
    // In these syntaxes quotes only matter at the start of a value, so lines are not lexed for literals.
    this.bareSyntax = family === 'yaml' || family === 'dotenv' || family === 'properties' || family === 'ini';
  }

  /** Set while judging a `k=v` pair that sits in a list (`addr=:6379,password=…,db=0`). */
  private inlinePair = false;
  /** Set when this line reported something or looked at another line: then it is not inert. */
  private touched = false;

  /** Nothing found and nothing read beyond this line. */
  get inert(): boolean {
    return !this.touched;
  }

  /** What makes two lines equivalent for the assignment rules: their text, and whether they sit in prose. */
  get key(): string {
    return this.inProse ? `\u0001${this.line}` : this.line;
  }

  /** A comment line or a docstring's: what it shows is an illustration more often than a credential. */
  get isCommentLine(): boolean {
    if (this.inProse) return true;
    const trimmed = this.line.trimStart();
    if (/^(?:#|\/\/|\*|\/\*|;|--|<!--|%|REM\b|')/i.test(trimmed)) return true;
    return this.context.lex.commentStarts.some((start) => trimmed.startsWith(start));
  }

  /** Every rule a name like this can report under has reached its cap (a generated file): nothing to look at. */
  private allCapped(secretName: SecretName): boolean {
    const { context } = this;
    if (!context.capped(secretName.kind === 'password' ? 'password-assignment' : 'secret-assignment')) return false;
    if (secretName.kind === 'password' && !context.atCap('connection-string-password')) return false;
    return !secretName.aws || context.atCap('aws-secret-access-key');
  }

  private besideSignature(): boolean {
    const { index } = this.context;
    for (let n = Math.max(0, this.lineNo - 2); n <= Math.min(index.lineCount - 1, this.lineNo + 2); n++) {
      if (/\bsignature\b/i.test(index.lineText(n).slice(0, 400))) return true;
    }
    return false;
  }

  /** Offset just past this line in the whole text. */
  get lineEndOffset(): number {
    return this.lineStart + this.line.length;
  }

  get tooLong(): boolean {
    return this.line.length > MAX_ANALYSED_LINE;
  }

  /** Looks at the name around a keyword found at `column`; returns where the next search may start. */
  visit(column: number, length: number): number {
    // In the bare value of a `key: value` line, a word can only start a `k=v` pair or a `--flag`, or be a
    // setting's name given as data (`name: DB_PASSWORD`): without those, the rest of the line holds nothing.
    if (this.insideBareValue(column) && this.inertValue()) return this.line.length;
    const identifier = this.expand(column, column + length);
    const secretName = classifySecretName(identifier.name);
    if (secretName && !this.isPathSegment(identifier.start) && !this.allCapped(secretName)) this.consider(identifier, secretName);
    return Math.max(identifier.end, column + 1);
  }

  /**
   * `urn:k8s:secret:…`, `h:X-Api-Key`, `scheme://ACCESS_KEY:SECRET_KEY@host`: the word is a
   * segment of a path or a URL's user info (the URL rule judges those), not a name.
   */
  private isPathSegment(start: number): boolean {
    const line = this.line;
    if (start >= 2 && line[start - 1] === ':' && isWordChar(line.charCodeAt(start - 2))) {
      // PowerShell scopes are not paths: `$env:API_TOKEN`, `$script:password`.
      return !/\$(?:env|global|script|local|private|using)$/i.test(line.slice(Math.max(0, start - 10), start - 1));
    }
    return start >= 3 && line[start - 1] === '/' && line[start - 2] === '/' && line[start - 3] === ':';
  }

  private expand(from: number, to: number): Identifier {
    const line = this.line;
    let start = from;
    while (start > 0 && from - start < MAX_IDENT && isIdentifierChar(line.charCodeAt(start - 1))) start--;
    let end = to;
    while (end < line.length && end - to < MAX_IDENT && isIdentifierChar(line.charCodeAt(end))) end++;
    while (end > to && isTrailingPunctuation(line.charCodeAt(end - 1))) end--;
    let nameStart = start;
    while (nameStart < end && isLeadingSigil(line.charCodeAt(nameStart))) nameStart++;
    let name = line.slice(nameStart, end);
    if (name.includes('.')) {
      name = name.replace(RECEIVER, '');
      // In code `self.password` / `builder.password(…)` name the member; in config files `db.password` is the key.
      const quoted = start > 0 && /["'`]/.test(line[start - 1]);
      if (this.context.family === 'code' && !quoted) name = name.slice(name.lastIndexOf('.') + 1);
    }
    return { start, end, name, flag: line.charCodeAt(start) === 45 && line.charCodeAt(start + 1) === 45 };
  }

  private literalAt(offset: number): ValueToken | undefined {
    if (this.bareSyntax) return undefined;
    this.literals ??= lexLiterals(this.line, this.context.lex);
    for (const literal of this.literals) {
      if (literal.contentStart <= offset && offset < literal.contentEnd) return literal;
      if (literal.start > offset) break;
    }
    return undefined;
  }

  private consider(identifier: Identifier, secretName: SecretName): void {
    const line = this.line;
    const literal = this.literalAt(identifier.start);
    const quotedKey = literal !== undefined && literal.contentStart === identifier.start && literal.contentEnd === identifier.end;
    const tokenStart = quotedKey ? literal.start : identifier.start;
    const tokenEnd = quotedKey ? literal.end : identifier.end;
    if ((literal && !quotedKey) || (!literal && this.insideBareValue(identifier.start))) {
      // The word is part of a value: `name: DB_PASSWORD`, `"Server=…;Password=…"`, `"--token=…"`.
      if (this.isIndirect(identifier.start)) this.considerSibling(identifier.name, secretName, this.lineNo, identifier.end);
      else this.considerInsideString(identifier, secretName, literal);
      return;
    }
    if (this.context.capped(secretName.kind === 'password' ? 'password-assignment' : 'secret-assignment') && !secretName.aws) return;
    let pos = tokenEnd;
    if (quotedKey && line[pos] === ']') pos++;
    // `"password" => "…"` in a syntax whose lines are not lexed (.conf, INI): a quoted key all the same.
    if (!literal && this.bareSyntax && identifier.start > 0 && (line[identifier.start - 1] === '"' || line[identifier.start - 1] === "'")) {
      if (line[pos] === line[identifier.start - 1]) pos++;
    }
    pos = skipSpaces(line, pos);
    const compared = this.literalComparedBefore(tokenStart);
    if (compared !== undefined) {
      // `"…" == password`
      this.considerValue(identifier.name, secretName, compared, this.defaultParse);
      return;
    }
    const operator = this.readOperator(identifier, pos, quotedKey ? literal : undefined, secretName);
    if (operator) {
      const valueAt = skipSpaces(line, operator.valueAt);
      if (valueAt >= line.length || startsComment(line, valueAt)) {
        // `DBPassword:` with nothing after it: a YAML parameter block (CloudFormation `Default:`).
        if (this.context.family === 'yaml' && line[pos] === ':') this.considerSibling(identifier.name, secretName, this.lineNo + 1);
        // `<password>` with its text on the next line.
        if (operator.element) this.considerElementBelow(identifier.name, secretName);
        return;
      }
      // `- "JWT_SECRET=…"` (a quoted list item in YAML): the closing quote is not part of the value.
      const quoteBefore = identifier.start > 0 && !quotedKey ? line[identifier.start - 1] : '';
      // `addr=:6379,password=…,db=0`: one pair of a list, whose value ends at the next separator.
      const before = identifier.start > 0 ? line[identifier.start - 1] : '';
      this.inlinePair = !literal && !quotedKey && line[pos] === '=' && (before === ',' || before === '&' || before === ';');
      this.considerValue(
        identifier.name,
        secretName,
        valueAt,
        this.inlinePair ? this.valueParse('separator') : operator.parse,
        operator.requireCallEnd,
        quoteBefore === '"' || quoteBefore === "'" ? quoteBefore : '',
      );
      this.inlinePair = false;
      return;
    }
    if (!this.isIndirect(tokenStart)) return;
    if (this.context.family === 'xml' && line[tokenEnd] === '>') {
      // `<entry key="password">…</entry>`: the element's text is the value.
      this.considerValue(identifier.name, secretName, tokenEnd + 1, this.valueParse('element'));
      return;
    }
    this.considerSibling(identifier.name, secretName, this.lineNo, tokenEnd);
  }

  private inertValueCache: boolean | undefined;

  private inertValue(): boolean {
    if (this.inertValueCache === undefined) {
      const value = this.line.slice(this.valueStart);
      const key = keyValueLine(this.line)?.key.toLowerCase() ?? '';
      this.inertValueCache = !value.includes('=') && !value.includes('--') && !INDIRECT_KEYS.has(key.slice(key.lastIndexOf('.') + 1));
    }
    return this.inertValueCache;
  }

  /** `KEY=…` lines in bare syntaxes: is this offset inside the value part? */
  private insideBareValue(offset: number): boolean {
    if (!this.bareSyntax) return false;
    this.valueStart ??= keyValueLine(this.line)?.valueStart ?? -1;
    return this.valueStart !== -1 && offset >= this.valueStart;
  }

  /**
   * `Password=…;` in a connection string, `Authorization: Bearer …` in a header
   * string, `--token=…` / `--token …` / `"--token", "…"` on a command line.
   */
  private considerInsideString(identifier: Identifier, secretName: SecretName, literal: ValueToken | undefined): void {
    const line = this.line;
    const before = identifier.start > 0 ? line[identifier.start - 1] : '';
    if (!/^[;?&\s"'`({,]?$/.test(before) && !identifier.flag) return;
    let pos = skipSpaces(line, identifier.end, 2);
    let token: ValueToken | undefined;
    if (line[pos] === '=' && line[pos + 1] !== '=') {
      token = this.readInlineValue(skipSpaces(line, pos + 1, 2));
    } else if (line[pos] === ':' && line[pos + 1] === ' ' && literal && secretName.kind !== 'password') {
      // A header inside a string: the value runs to the end of the literal.
      const start = skipSpaces(line, pos + 1, 4);
      if (start < literal.contentEnd)
        token = { start: literal.start, end: literal.end, contentStart: start, contentEnd: literal.contentEnd, quote: literal.quote };
    } else if (identifier.flag) {
      if (line[pos] === '"' || line[pos] === "'") pos = skipSpaces(line, pos + 1, 2); // `"--token", "…"`
      if (line[pos] === ',') pos = skipSpaces(line, pos + 1, 4);
      if (pos > identifier.end) token = this.readInlineValue(pos);
    }
    if (!token) return;
    const ruleId =
      secretName.kind === 'password' && !identifier.flag
        ? 'connection-string-password'
        : secretName.kind === 'password'
          ? 'password-assignment'
          : 'secret-assignment';
    this.report(ruleId, identifier.name, secretName, token, true);
  }

  /** A value inside a string or command line: quoted, or up to the next separator. */
  private readInlineValue(pos: number): ValueToken | undefined {
    const quote = this.line[pos];
    if (quote === "'" || quote === '"') return readQuoted(this.line, pos);
    return parseValue(this.line, pos, { family: this.context.family, commentStarts: [], bareStop: 'separator' });
  }

  private readOperator(
    identifier: Identifier,
    pos: number,
    quotedKey: ValueToken | undefined,
    secretName: SecretName,
  ): { valueAt: number; parse: ValueParse; requireCallEnd?: boolean; element?: boolean } | undefined {
    const line = this.line;
    const family = this.context.family;
    const c = line[pos];
    const next = line[pos + 1];
    const parse = this.defaultParse;
    if (c === ':' && next === '=') return { valueAt: pos + 2, parse };
    if (c === '=' && next === '>') return { valueAt: pos + 2, parse };
    if ((c === '|' || c === '?') && next === c && line[pos + 2] === '=') return { valueAt: pos + 3, parse };
    // Makefile `?=`, `::=`, `:::=`
    if (family === 'shell' && c === '?' && next === '=') return { valueAt: pos + 2, parse };
    if (family === 'shell' && c === ':' && next === ':') {
      const colons = line[pos + 2] === ':' ? 3 : 2;
      if (line[pos + colons] === '=') return { valueAt: pos + colons + 1, parse };
    }
    // `if api_key == "…"`: a comparison shows the value as well as an assignment does.
    if (family === 'code' && (c === '=' || c === '!') && next === '=') {
      const width = line[pos + 2] === '=' ? 3 : 2;
      const at = skipSpaces(line, pos + width);
      return isQuote(line[at]) ? { valueAt: at, parse } : undefined;
    }
    if (c === '=') {
      if (next === '=' || next === '~') return undefined;
      const spaced = this.context.family === 'dockerfile' ? this.valueParse('space') : parse;
      return { valueAt: pos + 1, parse: spaced };
    }
    if (c === ':') {
      if (next === ':') return undefined;
      if (family === 'code') {
        // `password: string = "…"` (TypeScript, Python, Kotlin): a type annotation, not the value.
        const annotation = /^:\s{0,4}[&*]{0,2}(?:'\w{1,10}\s{1,2})?[A-Za-z_][\w.<>[\]|?]{0,40}\s{0,4}=(?![=>])/.exec(line.slice(pos, pos + 64));
        if (annotation) return { valueAt: pos + annotation[0].length, parse };
      }
      return { valueAt: pos + 1, parse };
    }
    if (family === 'code' && c === '(' && !quotedKey && !identifier.flag && isCredentialSetter(identifier.name, secretName)) {
      // setPassword("…"), .password("…"), withToken("…"); not containsKey("…"), PrimaryKey("…"), _kerb_auth("…")
      return { valueAt: pos + 1, parse, requireCallEnd: true };
    }
    if (c === ',' && quotedKey && (identifier.flag || this.isSetterCall(quotedKey.start, secretName))) {
      return { valueAt: pos + 1, parse };
    }
    if (c === '>' && line[identifier.start - 1] === '<') {
      return { valueAt: pos + 1, parse: this.valueParse('element'), element: true };
    }
    if (family === 'code' && c === '{') {
      // C#: `public string Password { get; set; } = "…"`
      const accessors = /^\{\s{0,4}(?:(?:get|set|init|private|protected|internal)\s{0,4};?\s{0,4}){1,4}\}\s{0,4}=(?![=>])/.exec(line.slice(pos, pos + 80));
      if (accessors) return { valueAt: pos + accessors[0].length, parse };
    }
    if (family === 'code' && pos > identifier.end && line.includes('=', pos)) {
      // Go: `var token string = "…"`
      const goType = /^([\w[\]*]{1,12})\s{0,4}=(?!=)/.exec(line.slice(pos, pos + 24));
      if (goType && GO_TYPES.test(goType[1])) return { valueAt: pos + goType[0].length, parse };
    }
    if (pos > identifier.end && pos < line.length) {
      // `ENV PASSWORD value` (Dockerfile), `--password value` (command lines).
      if (family === 'dockerfile' && /^\s*(?:ENV|ARG)\s+$/i.test(line.slice(0, identifier.start))) return { valueAt: pos, parse: this.valueParse('comment') };
      if (identifier.flag && family !== 'code') return { valueAt: pos, parse: this.valueParse('space') };
      // `aws configure set aws_secret_access_key …`, `npm config set //host/:_authToken …`
      if (family === 'shell' && /(?:^|\s)(?:set|config)\s+$/.test(line.slice(Math.max(0, identifier.start - 12), identifier.start))) {
        return { valueAt: pos, parse: this.valueParse('space') };
      }
    }
    return undefined;
  }

  private get defaultParse(): ValueParse {
    this.parseCache ??= this.valueParse('comment');
    return this.parseCache;
  }

  private valueParse(bareStop: ValueParse['bareStop']): ValueParse {
    const family = this.context.family;
    if (bareStop === 'comment' && (family === 'shell' || family === 'plain')) bareStop = 'space';
    return { family, commentStarts: family === 'properties' ? [] : this.context.lex.commentStarts, bareStop };
  }

  /**
   * `put("password", "…")`, `define('DB_PASSWORD', '…')`, `headers.set("Authorization", "…")`;
   * not `getenv("TOKEN", "…")`, `assertArrayHasKey('token', …)` nor a form builder's `add('password', Type::class)`.
   */
  private isSetterCall(quoteStart: number, secretName: SecretName): boolean {
    const before = this.line.slice(Math.max(0, quoteStart - 80), quoteStart).trimEnd();
    if (!before.endsWith('(')) return false;
    const callee = /[\w$.:>-]{0,60}$/.exec(before.slice(0, -1))?.[0] ?? '';
    if (callee === '' || LOOKUP_CALL.test(callee)) return false;
    const method = (/[\w$]{1,40}$/.exec(callee)?.[0] ?? '').toLowerCase();
    if (SETTER_CALLS.has(method)) return true;
    // Headers: `header("Authorization", …)`, `req.Header.Set(…)`, `addHeader(…)`; a bare `add(…)` only with a header's name.
    if (method === 'add' || method === 'append') return secretName.kind === 'auth' || this.line.slice(quoteStart, quoteStart + 60).includes('-');
    return secretName.strength === 'strong' && HEADER_CALLS.has(method);
  }

  /** `"…" == password`, `'…' !== $token`: the offset of the literal before a comparison, if there is one. */
  private literalComparedBefore(tokenStart: number): number | undefined {
    if (this.context.family !== 'code') return undefined;
    // Cheap test first: the word must follow `==`, `===`, `!=` or `!==` (and a `$` / `@` sigil).
    let j = tokenStart - 1;
    while (j >= 0 && (this.line[j] === ' ' || this.line[j] === '$' || this.line[j] === '@')) j--;
    if (this.line[j] !== '=' || (this.line[j - 1] !== '=' && this.line[j - 1] !== '!')) return undefined;
    const before = this.line.slice(Math.max(0, tokenStart - 300), tokenStart);
    const match = /(["'])((?:(?!\1)[^\\]|\\.){6,200})\1\s{0,4}[!=]==?\s{0,4}[$@]?$/.exec(before);
    return match ? tokenStart - before.length + match.index : undefined;
  }

  /** `<password>` alone on its line, the text on the next and `</password>` after it. */
  private considerElementBelow(name: string, secretName: SecretName): void {
    this.touched = true;
    const { index } = this.context;
    if (this.lineNo + 1 >= index.lineCount) return;
    const below = new LineAnalysis(this.context, this.lineNo + 1, this.enabled);
    if (below.tooLong) return;
    const text = below.line;
    const start = skipSpaces(text, 0, 64);
    const end = text.trimEnd().length;
    if (start >= end || text[start] === '<') return;
    const close = text.indexOf('</', start);
    const valueEnd = close === -1 ? end : close;
    if (valueEnd <= start) return;
    if (close === -1) {
      const after = this.lineNo + 2 < index.lineCount ? index.lineText(this.lineNo + 2).trimStart() : '';
      if (!after.startsWith('</')) return;
    }
    below.report(
      secretName.kind === 'password' ? 'password-assignment' : 'secret-assignment',
      name,
      secretName,
      {
        start,
        end: valueEnd,
        contentStart: start,
        contentEnd: valueEnd,
        quote: '',
      },
      false,
    );
  }

  /**
   * The secret-ish word is the value of `name:` / `key=` / `"Name": "…"`, or the label of
   * a Terraform `variable "…"`: its value sits in a sibling `value` / `default`.
   */
  private isIndirect(tokenStart: number): boolean {
    const line = this.line;
    let j = tokenStart - 1;
    if (j >= 0 && (line[j] === '"' || line[j] === "'")) j--;
    while (j >= 0 && tokenStart - j < 8 && line.charCodeAt(j) === 32) j--;
    const operator = line[j];
    if (operator === ':' || operator === '=' || operator === '>') {
      j -= operator === '>' && line[j - 1] === '=' ? 2 : 1;
      if (j >= 0 && (line[j] === '"' || line[j] === "'")) j--;
      while (j >= 0 && line.charCodeAt(j) === 32) j--;
    } else if (!line.startsWith('variable', j - 7)) {
      return false;
    }
    const end = j + 1;
    while (j >= 0 && end - j <= 20 && isWordChar(line.charCodeAt(j))) j--;
    if (j >= 0 && isWordChar(line.charCodeAt(j))) return false;
    return end > j + 1 && INDIRECT_KEYS.has(line.slice(j + 1, end).toLowerCase());
  }

  private considerSibling(name: string, secretName: SecretName, fromLine: number, fromColumn = 0): void {
    this.touched = true;
    const { index } = this.context;
    const last = Math.min(index.lineCount - 1, this.lineNo + 4);
    for (let lineNo = fromLine; lineNo <= last; lineNo++) {
      const sibling = lineNo === this.lineNo ? this : new LineAnalysis(this.context, lineNo, this.enabled);
      const column = lineNo === this.lineNo ? fromColumn : 0;
      if (sibling.line.length > MAX_ANALYSED_LINE) return;
      const match = SIBLING_VALUE.exec(sibling.line.slice(column));
      if (match) {
        const valueAt = column + match.index + match[0].length;
        sibling.considerValue(name, secretName, valueAt, sibling.valueParse('comment'), false);
        return;
      }
      if (lineNo > this.lineNo && /(?:^|\s)(?:-\s|name\s{0,4}[:=])|\}/.test(sibling.line)) return; // next item or end of block
    }
  }

  private considerValue(name: string, secretName: SecretName, valueAt: number, parse: ValueParse, requireCallEnd?: boolean, enclosingQuote = ''): void {
    const line = this.line;
    if (parse.family === 'yaml' && YAML_NOT_A_SCALAR.test(line.slice(valueAt, valueAt + 64))) return;
    let token = parseValue(line, valueAt, parse);
    if (!token && parse.family === 'code') {
      // A literal that does not close on its line (a template literal, a text block, a docstring).
      if (isQuote(line[valueAt])) {
        this.considerMultiLineLiteral(name, secretName, valueAt);
        return;
      }
      // `env.DB_PW || 'Password12!'`, `os.getenv("X") or "…"`: the fallback is hard-coded.
      token = this.fallbackLiteral(valueAt);
    }
    if (!token) return;
    if (token.quote === '' && line[token.contentStart] === '-') return; // `--ask-pass -v`: the next flag, not a value
    if (parse.family === 'plain' && token.quote === '') {
      // Prose: `credentials: Cookies, Authorization headers…` has words after the "value".
      const rest = line.slice(token.end).trim();
      if (rest !== '' && !startsComment(rest, 0)) return;
    }
    if (enclosingQuote && token.quote === '' && line[token.contentEnd - 1] === enclosingQuote) {
      token.contentEnd--;
      token.end--;
    }
    // f"…{x}…", $"…{x}…": an interpolated string is built at run time.
    if (/[fF$]/.test(line.slice(token.start, token.contentStart)) && line.includes('{', token.contentStart)) return;
    if (requireCallEnd) {
      const after = skipSpaces(line, token.end);
      if (line[after] !== ')' && line[after] !== ',') return;
    }
    const ruleId = secretName.kind === 'password' ? 'password-assignment' : 'secret-assignment';
    this.report(ruleId, name, secretName, token, false);
  }

  /** The literal after `||`, `??` or `or` in the expression starting at `pos`, if any. */
  private fallbackLiteral(pos: number): ValueToken | undefined {
    const line = this.line;
    const rest = line.slice(pos, pos + 200);
    if (!rest.includes('||') && !rest.includes('??') && !rest.includes(' or ')) return undefined;
    const expression = /^[^;,]{0,200}?(?:\|\||\?\?|\s+or\s+)\s{0,4}(?=["'`])/.exec(rest);
    if (!expression) return undefined;
    const literal = readQuoted(line, pos + expression[0].length);
    if (!literal) return undefined;
    const after = skipSpaces(line, literal.end);
    return after >= line.length || /[,;)}\]]/.test(line[after]) ? literal : undefined;
  }

  /**
   * A template literal, text block or triple-quoted string that opens on this line and closes
   * within a few lines: its content, once trimmed, is judged as one value.
   */
  private considerMultiLineLiteral(name: string, secretName: SecretName, quoteAt: number): void {
    this.touched = true;
    const { text } = this.context;
    const start = this.lineStart + quoteAt;
    const delimiter = text.startsWith('"""', start) ? '"""' : text.startsWith("'''", start) ? "'''" : text[start] === '`' ? '`' : '';
    if (!delimiter) return;
    const contentStart = start + delimiter.length;
    // Searched in a bounded window, so that many unclosed quotes cost linear time.
    const window = text.slice(contentStart, contentStart + MAX_MULTI_LINE_LITERAL);
    const found = window.indexOf(delimiter);
    if (found === -1) return;
    const close = contentStart + found;
    const content = text.slice(contentStart, close);
    if (delimiter === '`' && content.includes('${')) return; // built at run time
    const leading = content.length - content.trimStart().length;
    const value = content.trim();
    if (value === '' || /\s/.test(value)) return;
    const verdict = judgeSecretValue(value, {
      kind: secretName.kind,
      strength: secretName.strength,
      minEntropy: this.context.minEntropy,
      name,
      fileName: this.context.fileName,
    });
    const ruleId = secretName.kind === 'password' ? 'password-assignment' : 'secret-assignment';
    if (!verdict || !this.enabled(ruleId) || (!secretName.strong && verdict.confidence === 'low')) return;
    this.context.report({
      ruleId,
      kind: secretName.noun,
      severity: verdict.confidence === 'low' ? 'info' : 'warning',
      confidence: verdict.confidence,
      secretStart: contentStart + leading,
      secretEnd: contentStart + leading + value.length,
      replaceStart: start,
      replaceEnd: close + delimiter.length,
      quote: delimiter as QuoteStyle,
      name,
      priority: 50,
    });
  }

  private report(ruleId: string, name: string, secretName: SecretName, token: ValueToken, insideString: boolean): void {
    if (this.context.capped(ruleId)) return;
    const line = this.line;
    let contentStart = token.contentStart;
    const scheme = AUTH_SCHEME.exec(line.slice(contentStart, token.contentEnd));
    if (scheme) contentStart += scheme[0].length;
    const value = line.slice(contentStart, token.contentEnd);
    const family = this.context.family;
    const verdict = judgeSecretValue(value, {
      kind: secretName.kind,
      strength: secretName.strength,
      position: insideString || this.inlinePair ? 'inline' : 'assignment',
      bare: token.quote === '' && (family === 'code' || family === 'plain' || family === 'yaml'),
      escapes: token.quote !== '',
      minEntropy: this.context.minEntropy,
      documentation: family === 'plain' || this.isCommentLine,
      config: family !== 'code' && family !== 'plain',
      name,
      fileName: this.context.fileName,
    });
    if (!verdict) return;
    this.touched = true;
    // `token: "…"` beside `signature: "…"`: the signed nonce of a webhook (Mailgun), public by design.
    if (secretName.kind === 'token' && secretName.strength === 'weak' && this.besideSignature()) return;
    if (!secretName.strong && verdict.confidence === 'low') return;
    const awsShaped = AWS_SECRET_SHAPE.test(value) && hasMixedAlphanumerics(value);
    const aws = awsShaped && secretName.aws;
    if (aws) ruleId = 'aws-secret-access-key';
    if (!this.enabled(ruleId)) return;
    const secretStart = this.lineStart + contentStart;
    const secretEnd = this.lineStart + token.contentEnd;
    const placement = insideString
      ? placeSecret(this.context, secretStart, secretEnd)
      : { replaceStart: this.lineStart + token.start, replaceEnd: this.lineStart + token.end, quote: token.quote, name };
    const confidence: Confidence = aws ? 'high' : verdict.confidence;
    this.context.report({
      ruleId,
      kind: aws ? 'AWS secret access key' : secretName.noun,
      severity: aws ? 'error' : confidence === 'low' ? 'info' : 'warning',
      confidence,
      secretStart,
      secretEnd,
      ...placement,
      name: placement.name ?? name,
      priority: aws ? 90 : insideString ? 70 : 50,
      groupKey: aws ? 'aws' : undefined,
    });
  }
}

function isQuote(c: string | undefined): boolean {
  return c === '"' || c === "'" || c === '`';
}

/**
 * A call passes a credential when the callee names one and sets it: `setPassword(…)`,
 * `.password(…)`, `withApiKey(…)`, `setToken(…)`. A call of any other function whose name
 * merely ends in a secret word (`containsKey`, `PrimaryKey`, `Token`, `_kerb_auth`) does not.
 */
function isCredentialSetter(name: string, secretName: SecretName): boolean {
  const words = splitWords(name);
  const setter = words.length > 1 && (words[0] === 'set' || words[0] === 'with' || words[0] === 'use');
  return setter || (secretName.strength === 'strong' && !/^[A-Z]/.test(name));
}

/** Line ranges strictly inside Python's multi-line `"""…"""` / `'''…'''` strings (docstrings, EXAMPLES blocks). */
export function tripleQuotedBlocks(text: string, index: RuleContext['index']): [number, number][] {
  const blocks: [number, number][] = [];
  const quotes = /"""|'''/g;
  for (let open = quotes.exec(text); open; open = quotes.exec(text)) {
    const close = text.indexOf(open[0], open.index + 3);
    if (close === -1) break;
    const first = index.lineAt(open.index);
    const last = index.lineAt(close);
    if (last > first) blocks.push([first + 1, last]);
    quotes.lastIndex = close + 3;
  }
  return blocks;
}

export function insideBlock(blocks: readonly [number, number][], line: number): boolean {
  let low = 0;
  let high = blocks.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (blocks[mid][1] < line) low = mid + 1;
    else if (blocks[mid][0] > line) high = mid - 1;
    else return true;
  }
  return false;
}

function hasMixedAlphanumerics(value: string): boolean {
  const classes = charClasses(value);
  return classes.lower > 0 && classes.upper > 0 && classes.digit > 0;
}

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/** `.` and `-` that end a sentence or a flag, not a name. */
function isTrailingPunctuation(c: number): boolean {
  return c === 46 || c === 45;
}

/** `$token`, `@password`, `--password`, `.password`. */
function isLeadingSigil(c: number): boolean {
  return c === 36 || c === 64 || c === 45 || c === 46 || c === 58;
}

/** Letters, digits and `_ $ @ . -`: the characters of names like `db.password`, `$token`, `x-api-key`. */
function isIdentifierChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 36 || c === 64 || c === 46 || c === 45;
}

function skipSpaces(line: string, pos: number, max = 16): number {
  let j = pos;
  while (j < line.length && j - pos < max && (line.charCodeAt(j) === 32 || line.charCodeAt(j) === 9)) j++;
  return j;
}

function startsComment(line: string, pos: number): boolean {
  const c = line[pos];
  return c === '#' || (c === '/' && line[pos + 1] === '/') || c === ';';
}
