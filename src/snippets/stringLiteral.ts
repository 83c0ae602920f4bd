/**
 * String literals for every language we write. Names and JSON keys come from users (a key may be any
 * Unicode string), so each function must produce a literal that parses back to exactly the same text
 * (or, where a language cannot hold a lone UTF-16 surrogate, to U+FFFD) and never opens an
 * interpolation (`${`, `#{`, `$var`) or ends a line.
 */

/**
 * Characters written as escapes rather than raw: controls, line/paragraph separators, invisible format
 * characters (bidi overrides, BOM, zero-width joiners), private-use and unassigned code points, lone
 * surrogates, and every space except U+0020. Raw, they would break a line or hide what the code says.
 */
const ESCAPE_RAW = /[\p{C}\p{Z}]/u;

function needsEscape(ch: string): boolean {
  return ch !== ' ' && ESCAPE_RAW.test(ch);
}

function isLoneSurrogate(ch: string): boolean {
  return ch.length === 1 && ch.charCodeAt(0) >= 0xd800 && ch.charCodeAt(0) <= 0xdfff;
}

function hex(n: number, width: number): string {
  return n.toString(16).toUpperCase().padStart(width, '0');
}

/** Iterates code points, keeping lone surrogates as one-unit strings (Array.from does exactly that). */
function codePoints(text: string): string[] {
  return Array.from(text);
}

/** The escapes every C-family double-quoted string shares. */
const C_ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** A shared escape, or a language's own (`extra` wins), or undefined when `ch` has none. */
function commonEscape(ch: string, extra?: Readonly<Record<string, string>>): string | undefined {
  return extra?.[ch] ?? C_ESCAPES[ch];
}

function mapChars(text: string, map: (ch: string) => string): string {
  return codePoints(text).map(map).join('');
}

/** JavaScript / TypeScript / JSON: double quotes, `\uXXXX` (pairs for astral characters). */
export function jsString(text: string): string {
  const body = mapChars(text, (ch) => {
    const escaped = commonEscape(ch, { '\b': '\\b', '\f': '\\f' });
    if (escaped) return escaped;
    if (!needsEscape(ch)) return ch;
    // Astral characters: two \u escapes (valid JSON too, unlike \u{...}).
    return Array.from({ length: ch.length }, (_, i) => `\\u${hex(ch.charCodeAt(i), 4)}`).join('');
  });
  return `"${body}"`;
}

/** Python 3 str: double quotes; `\x`, `\u`, `\U` escapes (Python keeps lone surrogates in str). */
export function pythonString(text: string): string {
  const body = mapChars(text, (ch) => {
    const escaped = commonEscape(ch);
    if (escaped) return escaped;
    if (!needsEscape(ch)) return ch;
    const cp = ch.codePointAt(0) ?? 0;
    if (cp <= 0xff) return `\\x${hex(cp, 2)}`;
    if (cp <= 0xffff) return `\\u${hex(cp, 4)}`;
    return `\\U${hex(cp, 8)}`;
  });
  return `"${body}"`;
}

/**
 * Escapes shared by Go, Rust, Ruby, PHP and HCL double-quoted strings, which all store UTF-8 and so
 * cannot hold a lone surrogate: it becomes U+FFFD, the same thing their JSON decoders produce for one.
 */
function utf8Escape(ch: string, style: 'go' | 'braces'): string {
  const cp = isLoneSurrogate(ch) ? 0xfffd : (ch.codePointAt(0) ?? 0);
  if (style === 'braces') return `\\u{${hex(cp, 4)}}`;
  return cp <= 0xffff ? `\\u${hex(cp, 4)}` : `\\U${hex(cp, 8)}`;
}

/** Go interpreted string literal. */
export function goString(text: string): string {
  const body = mapChars(text, (ch) => {
    const escaped = commonEscape(ch);
    if (escaped) return escaped;
    if (isLoneSurrogate(ch)) return '\\uFFFD';
    if (!needsEscape(ch)) return ch;
    const cp = ch.codePointAt(0) ?? 0;
    return cp < 0x80 ? `\\x${hex(cp, 2)}` : utf8Escape(ch, 'go');
  });
  return `"${body}"`;
}

/** Rust string literal: `\u{...}` escapes. */
export function rustString(text: string): string {
  const body = mapChars(text, (ch) => {
    const escaped = commonEscape(ch);
    if (escaped) return escaped;
    return isLoneSurrogate(ch) || needsEscape(ch) ? utf8Escape(ch, 'braces') : ch;
  });
  return `"${body}"`;
}

/**
 * Java string literal. Every non-ASCII character is written as `\uXXXX`, which keeps the file ASCII
 * (javac's source encoding is platform-dependent before JDK 18). Control characters never use `\u`:
 * javac translates `\u000a` before lexing, so it would end the line; they use octal escapes instead.
 */
export function javaString(text: string): string {
  let body = '';
  for (const unit of text) {
    for (let i = 0; i < unit.length; i++) {
      const ch = unit[i] ?? '';
      const code = ch.charCodeAt(0);
      switch (ch) {
        case '\\':
          body += '\\\\';
          continue;
        case '"':
          body += '\\"';
          continue;
        case '\n':
          body += '\\n';
          continue;
        case '\r':
          body += '\\r';
          continue;
        case '\t':
          body += '\\t';
          continue;
        case '\b':
          body += '\\b';
          continue;
        case '\f':
          body += '\\f';
          continue;
      }
      if (code < 0x20 || code === 0x7f) body += `\\${code.toString(8).padStart(3, '0')}`;
      else if (code > 0x7e) body += `\\u${hex(code, 4)}`;
      else body += ch;
    }
  }
  return `"${body}"`;
}

/** C# regular string literal (`\u`/`\U`; never `\x`, whose length is variable). */
export function csharpString(text: string): string {
  const body = mapChars(text, (ch) => {
    const escaped = commonEscape(ch, { '\0': '\\0' });
    if (escaped) return escaped;
    if (!needsEscape(ch)) return ch;
    if (ch.length === 1) return `\\u${hex(ch.charCodeAt(0), 4)}`; // includes lone surrogates: C# strings are UTF-16
    return `\\U${hex(ch.codePointAt(0) ?? 0, 8)}`;
  });
  return `"${body}"`;
}

/** Ruby double-quoted string; `#` is escaped so `#{`, `#@` and `#$` never interpolate. */
export function rubyString(text: string): string {
  const body = mapChars(text, (ch) => {
    switch (ch) {
      case '\\':
        return '\\\\';
      case '"':
        return '\\"';
      case '#':
        return '\\#';
      case '\n':
        return '\\n';
      case '\r':
        return '\\r';
      case '\t':
        return '\\t';
    }
    return isLoneSurrogate(ch) || needsEscape(ch) ? utf8Escape(ch, 'braces') : ch;
  });
  return `"${body}"`;
}

/**
 * PHP string: single quotes (no interpolation at all) when every character can stand raw; otherwise
 * double quotes with `\$` and `\u{...}` escapes.
 */
export function phpString(text: string): string {
  const chars = codePoints(text);
  if (!chars.some((ch) => isLoneSurrogate(ch) || needsEscape(ch))) {
    return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  }
  const body = chars
    .map((ch) => {
      switch (ch) {
        case '\\':
          return '\\\\';
        case '"':
          return '\\"';
        case '$':
          return '\\$';
        case '\n':
          return '\\n';
        case '\r':
          return '\\r';
        case '\t':
          return '\\t';
      }
      return isLoneSurrogate(ch) || needsEscape(ch) ? utf8Escape(ch, 'braces') : ch;
    })
    .join('');
  return `"${body}"`;
}

/** HCL (Terraform) quoted template: `${` and `%{` are doubled so they stay literal. */
export function hclString(text: string): string {
  const body = mapChars(text, (ch) => {
    const escaped = commonEscape(ch);
    if (escaped) return escaped;
    return isLoneSurrogate(ch) || needsEscape(ch) ? utf8Escape(ch, 'go') : ch;
  })
    .replace(/\$\{/g, '$${')
    .replace(/%\{/g, '%%{');
  return `"${body}"`;
}

/**
 * One POSIX shell word. Plain when it is made of characters no shell treats specially; single quotes
 * when it has no character that needs an escape; otherwise bash's `$'...'`. A leading `-` is left to
 * the caller (use `--option=value`), since quoting does not stop a CLI from reading it as an option.
 */
export function shellWord(text: string): string {
  if (/^[A-Za-z0-9_/.,:=+@%-]+$/.test(text)) return text;
  const chars = codePoints(text);
  if (!chars.some((ch) => ch === '\0' || isLoneSurrogate(ch) || needsEscape(ch))) {
    return `'${text.replace(/'/g, `'\\''`)}'`;
  }
  const body = chars
    .map((ch) => {
      switch (ch) {
        case '\\':
          return '\\\\';
        case "'":
          return "\\'";
        case '\n':
          return '\\n';
        case '\r':
          return '\\r';
        case '\t':
          return '\\t';
      }
      // NUL cannot exist in a shell string at all; U+FFFD stands in, as for lone surrogates.
      if (ch === '\0' || isLoneSurrogate(ch)) return '\\uFFFD';
      if (!needsEscape(ch)) return ch;
      const cp = ch.codePointAt(0) ?? 0;
      if (cp < 0x80) return `\\x${hex(cp, 2)}`;
      return cp <= 0xffff ? `\\u${hex(cp, 4)}` : `\\U${hex(cp, 8)}`;
    })
    .join('');
  return `$'${body}'`;
}

/**
 * PowerShell string expression. Single quotes double every quote PowerShell accepts as one (it also
 * closes single-quoted strings on the typographic quotes U+2018–U+201B). Characters that must not
 * stand raw are concatenated as `[char]` values, which Windows PowerShell 5.1 understands too
 * (unlike `` `u{...} ``); the result is then parenthesised.
 */
export function powershellString(text: string): string {
  const quote = (part: string) => `'${part.replace(/['\u2018\u2019\u201a\u201b]/g, (q) => q + q)}'`;
  const chars = codePoints(text);
  if (!chars.some((ch) => needsEscape(ch) || isLoneSurrogate(ch))) return quote(text);
  const parts: string[] = [];
  let run = '';
  for (const ch of chars) {
    if (!needsEscape(ch) && !isLoneSurrogate(ch)) {
      run += ch;
      continue;
    }
    if (run) parts.push(quote(run));
    run = '';
    const cp = ch.codePointAt(0) ?? 0;
    parts.push(cp > 0xffff ? `[char]::ConvertFromUtf32(0x${hex(cp, 4)})` : `[string][char]0x${hex(cp, 4)}`);
  }
  if (run) parts.push(quote(run));
  return `(${parts.join(' + ')})`;
}

/** YAML scalar: single quotes when possible (only `'` to double), else double quotes with escapes. */
export function yamlString(text: string): string {
  const chars = codePoints(text);
  if (!chars.some((ch) => needsEscape(ch) || isLoneSurrogate(ch))) return `'${text.replace(/'/g, "''")}'`;
  return jsString(text).replace(/\\u(D[89AB][0-9A-F]{2})\\u(D[C-F][0-9A-F]{2})/g, (_, hi: string, lo: string) => {
    const cp = (parseInt(hi, 16) - 0xd800) * 0x400 + (parseInt(lo, 16) - 0xdc00) + 0x10000;
    return `\\U${hex(cp, 8)}`; // YAML reads escapes as code points, not UTF-16 pairs.
  });
}

/** Text for a one-line comment: a JSON-style quoted string, so no character can end the comment's line. */
export function commentQuote(text: string): string {
  return jsString(text);
}
