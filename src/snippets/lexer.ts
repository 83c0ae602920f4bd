/**
 * Just enough lexing to work on source text safely: where the string literals are, and a copy of the
 * text with comments and strings blanked out (same length, newlines kept) so brace matching and
 * keyword searches never trip over a `{` inside a string or a commented-out `async`.
 * Heuristic by design: it is not a parser, and odd corners (regex literals after `)`, Ruby `%q()`,
 * shell heredocs) degrade to "treated as code".
 */

export type Syntax = 'js' | 'python' | 'go' | 'java' | 'csharp' | 'ruby' | 'php' | 'shell' | 'powershell' | 'hcl' | 'rust';

export interface StringToken {
  /** The whole token, prefix letters and quotes included. */
  start: number;
  end: number;
  /** The characters between the quotes. */
  contentStart: number;
  contentEnd: number;
}

export interface ScanResult {
  /** The text with comments and string literals replaced by spaces (newlines kept). */
  code: string;
  strings: StringToken[];
}

interface StringMatch {
  end: number;
  contentStart: number;
  contentEnd: number;
  /** False for regions that are blanked like strings but are not string literals (JS regexes). */
  literal?: boolean;
}

export function scanSource(text: string, syntax: Syntax): ScanResult {
  return new Scanner(text, syntax).run();
}

class Scanner {
  private readonly masked: string[];
  private readonly strings: StringToken[] = [];

  constructor(
    private readonly text: string,
    private readonly syntax: Syntax,
  ) {
    this.masked = text.split('');
  }

  run(): ScanResult {
    let i = this.syntax === 'php' ? this.phpCodeStart() : 0;
    this.blank(0, i);
    while (i < this.text.length) i = this.step(i);
    return { code: this.masked.join(''), strings: this.strings };
  }

  /** Advances over one code character, comment or string. */
  private step(i: number): number {
    const comment = this.commentEnd(i);
    if (comment !== undefined) {
      this.blank(i, comment);
      return comment;
    }
    const str = this.stringAt(i);
    if (str) {
      if (str.literal !== false) this.strings.push({ start: i, end: str.end, contentStart: str.contentStart, contentEnd: str.contentEnd });
      this.blank(i, str.end);
      return str.end;
    }
    return i + 1;
  }

  private blank(from: number, to: number): void {
    for (let k = from; k < to; k++) {
      const ch = this.masked[k];
      if (ch !== '\n' && ch !== '\r') this.masked[k] = ' ';
    }
  }

  private at(i: number, s: string): boolean {
    return this.text.startsWith(s, i);
  }

  private lineEnd(i: number): number {
    const nl = this.text.indexOf('\n', i);
    return nl === -1 ? this.text.length : nl;
  }

  private phpCodeStart(): number {
    const open = this.text.indexOf('<?php');
    return open === -1 ? 0 : open + 5;
  }

  // ---- comments -------------------------------------------------------------------------------

  private commentEnd(i: number): number | undefined {
    const t = this.text;
    const cStyle = ['js', 'go', 'java', 'csharp', 'php', 'hcl', 'rust'].includes(this.syntax);
    if (cStyle && this.at(i, '//')) return this.lineEnd(i);
    if (cStyle && this.at(i, '/*')) {
      const close = t.indexOf('*/', i + 2);
      return close === -1 ? t.length : close + 2;
    }
    if (this.syntax === 'powershell' && this.at(i, '<#')) {
      const close = t.indexOf('#>', i + 2);
      return close === -1 ? t.length : close + 2;
    }
    if (this.syntax === 'ruby' && (i === 0 || t[i - 1] === '\n') && this.at(i, '=begin')) {
      const close = t.indexOf('\n=end', i);
      return close === -1 ? t.length : this.lineEnd(close + 1);
    }
    if (t[i] !== '#') return undefined;
    switch (this.syntax) {
      case 'python':
      case 'ruby':
      case 'hcl':
      case 'powershell':
        return this.lineEnd(i);
      case 'php':
        return this.at(i, '#[') ? undefined : this.lineEnd(i); // `#[` starts a PHP 8 attribute
      case 'shell':
        return i === 0 || /[\s;|&()]/.test(t[i - 1] ?? '') ? this.lineEnd(i) : undefined;
      default:
        return undefined;
    }
  }

  // ---- strings --------------------------------------------------------------------------------

  private stringAt(i: number): StringMatch | undefined {
    switch (this.syntax) {
      case 'js':
        return this.jsString(i);
      case 'python':
        return this.pythonString(i);
      case 'go':
        return this.quoted(i, '"', 'backslash') ?? this.quoted(i, "'", 'backslash') ?? this.quoted(i, '`', 'none');
      case 'java':
        return this.tripleQuoted(i, '"""') ?? this.quoted(i, '"', 'backslash') ?? this.quoted(i, "'", 'backslash');
      case 'csharp':
        return this.csharpString(i);
      case 'ruby':
        return this.rubyString(i);
      case 'php':
        return this.phpString(i);
      case 'shell':
        return this.shellString(i);
      case 'powershell':
        return this.powershellString(i);
      case 'hcl':
        return this.hclString(i);
      case 'rust':
        return this.rustString(i);
    }
  }

  /** A string that ends at the same quote; `backslash` escapes, `double` means `""` is a quote. */
  private quoted(i: number, quote: string, escapes: 'backslash' | 'double' | 'none', prefixLength = 0): StringMatch | undefined {
    const multiline = quote === '`' || escapes === 'double' || ['shell', 'ruby', 'php', 'powershell'].includes(this.syntax);
    const t = this.text;
    const open = i + prefixLength;
    if (t[open] !== quote) return undefined;
    let j = open + 1;
    while (j < t.length) {
      const ch = t[j];
      if (escapes === 'backslash' && ch === '\\') {
        j += 2;
        continue;
      }
      if (ch === quote) {
        if (escapes === 'double' && t[j + 1] === quote) {
          j += 2;
          continue;
        }
        return { end: j + 1, contentStart: open + 1, contentEnd: j };
      }
      // Single-line string kinds stop at a newline so one stray quote cannot swallow the file.
      if (ch === '\n' && !multiline) {
        return { end: j, contentStart: open + 1, contentEnd: j };
      }
      j++;
    }
    return { end: t.length, contentStart: open + 1, contentEnd: t.length };
  }

  private tripleQuoted(i: number, delimiter: string, prefixLength = 0): StringMatch | undefined {
    const open = i + prefixLength;
    if (!this.at(open, delimiter)) return undefined;
    let j = open + delimiter.length;
    while (j < this.text.length) {
      if (this.text[j] === '\\') {
        j += 2;
        continue;
      }
      if (this.at(j, delimiter)) return { end: j + delimiter.length, contentStart: open + delimiter.length, contentEnd: j };
      j++;
    }
    return { end: this.text.length, contentStart: open + delimiter.length, contentEnd: this.text.length };
  }

  /** A string with `${ ... }` holes (JS templates, HCL): skips nested code, strings and braces. */
  private templated(i: number, quote: string): StringMatch | undefined {
    const t = this.text;
    if (t[i] !== quote) return undefined;
    let j = i + 1;
    while (j < t.length) {
      const ch = t[j];
      if (ch === '\\') {
        j += 2;
        continue;
      }
      if (ch === quote) return { end: j + 1, contentStart: i + 1, contentEnd: j };
      if ((ch === '$' || (this.syntax === 'hcl' && ch === '%')) && t[j + 1] === '{' && !(this.syntax === 'hcl' && t[j - 1] === ch)) {
        j = this.skipHole(j + 2);
        continue;
      }
      j++;
    }
    return { end: t.length, contentStart: i + 1, contentEnd: t.length };
  }

  /**
   * From just after `${` to just after its `}`. Nested strings are recorded (a literal inside a template
   * hole is a literal of its own) but not blanked separately: the whole template is blanked after.
   */
  private skipHole(from: number): number {
    let depth = 0;
    let j = from;
    while (j < this.text.length) {
      const ch = this.text[j];
      const comment = this.commentEnd(j);
      if (comment !== undefined) {
        j = comment;
        continue;
      }
      const nested = this.stringAt(j);
      if (nested) {
        if (nested.literal !== false) this.strings.push({ start: j, end: nested.end, contentStart: nested.contentStart, contentEnd: nested.contentEnd });
        j = nested.end;
        continue;
      }
      if (ch === '{') depth++;
      if (ch === '}') {
        if (depth === 0) return j + 1;
        depth--;
      }
      j++;
    }
    return j;
  }

  private jsString(i: number): StringMatch | undefined {
    const ch = this.text[i];
    if (ch === '"' || ch === "'") return this.quoted(i, ch, 'backslash');
    if (ch === '`') return this.templated(i, '`');
    if (ch === '/' && this.regexAllowedBefore(i)) return this.regexLiteral(i);
    return undefined;
  }

  /** A `/` starts a regex after an operator, an opening bracket, a comma or a keyword like `return`. */
  private regexAllowedBefore(i: number): boolean {
    let j = i - 1;
    while (j >= 0 && /\s/.test(this.masked[j] ?? '')) j--;
    if (j < 0) return true;
    const prev = this.masked[j] ?? '';
    if ('(,=:[!&|?{};+-*%<>~^'.includes(prev)) return true;
    const word = /([A-Za-z_$][\w$]*)$/.exec(this.masked.slice(Math.max(0, j - 10), j + 1).join(''));
    return word !== null && ['return', 'typeof', 'case', 'do', 'else', 'in', 'of', 'void', 'yield', 'await'].includes(word[1] ?? '');
  }

  private regexLiteral(i: number): StringMatch | undefined {
    const t = this.text;
    if (t[i + 1] === '/' || t[i + 1] === '*') return undefined;
    let j = i + 1;
    let inClass = false;
    while (j < t.length && t[j] !== '\n') {
      const ch = t[j];
      if (ch === '\\') {
        j += 2;
        continue;
      }
      if (ch === '[') inClass = true;
      else if (ch === ']') inClass = false;
      else if (ch === '/' && !inClass) {
        let end = j + 1;
        while (end < t.length && /[a-z]/i.test(t[end] ?? '')) end++;
        // Blanked like a string, but not recorded as one: a regex is never the literal being replaced.
        return { end, contentStart: i + 1, contentEnd: j, literal: false };
      }
      j++;
    }
    return undefined; // no closing slash on the line: it was a division after all
  }

  private pythonString(i: number): StringMatch | undefined {
    const prefix = /^[rRbBuUfF]{0,2}(?=['"])/.exec(this.text.slice(i, i + 3));
    if (!prefix) return undefined;
    if (prefix[0].length > 0 && i > 0 && /[\w]/.test(this.text[i - 1] ?? '')) return undefined;
    const p = prefix[0].length;
    return this.tripleQuoted(i, '"""', p) ?? this.tripleQuoted(i, "'''", p) ?? this.quoted(i, '"', 'backslash', p) ?? this.quoted(i, "'", 'backslash', p);
  }

  private csharpString(i: number): StringMatch | undefined {
    const t = this.text;
    const prefix = /^(?:\$+@?|@\$*)?(?=")/.exec(t.slice(i, i + 8));
    if (prefix && !(i > 0 && /\w/.test(t[i - 1] ?? ''))) {
      const p = prefix[0].length;
      const open = i + p;
      const raw = /^"{3,}/.exec(t.slice(open, open + 64));
      if (raw) {
        const delimiter = raw[0];
        const close = t.indexOf(delimiter, open + delimiter.length);
        const contentEnd = close === -1 ? t.length : close;
        return { end: close === -1 ? t.length : close + delimiter.length, contentStart: open + delimiter.length, contentEnd };
      }
      return prefix[0].includes('@') ? this.quoted(i, '"', 'double', p) : this.quoted(i, '"', 'backslash', p);
    }
    return t[i] === "'" ? this.quoted(i, "'", 'backslash') : undefined;
  }

  private rubyString(i: number): StringMatch | undefined {
    const t = this.text;
    const ch = t[i];
    if (ch === '"' || ch === "'" || ch === '`') {
      if (ch === "'" || ch === '`') return this.quoted(i, ch, 'backslash');
      return this.templatedRuby(i);
    }
    return undefined;
  }

  /** Ruby double quotes with `#{ ... }` holes. */
  private templatedRuby(i: number): StringMatch {
    const t = this.text;
    let j = i + 1;
    while (j < t.length) {
      const ch = t[j];
      if (ch === '\\') {
        j += 2;
        continue;
      }
      if (ch === '"') return { end: j + 1, contentStart: i + 1, contentEnd: j };
      if (ch === '#' && t[j + 1] === '{') {
        j = this.skipHole(j + 2);
        continue;
      }
      j++;
    }
    return { end: t.length, contentStart: i + 1, contentEnd: t.length };
  }

  private phpString(i: number): StringMatch | undefined {
    const t = this.text;
    const heredoc = /^<<<[ \t]*(['"]?)([A-Za-z_]\w*)\1\r?\n/.exec(t.slice(i, i + 80));
    if (heredoc) {
      const label = heredoc[2] ?? '';
      const contentStart = i + heredoc[0].length;
      const closer = new RegExp(`^[ \\t]*${label}\\b`, 'm');
      const rest = t.slice(contentStart);
      const m = closer.exec(rest);
      if (!m) return { end: t.length, contentStart, contentEnd: t.length };
      const contentEnd = contentStart + m.index;
      return { end: contentEnd + m[0].length, contentStart, contentEnd };
    }
    const ch = t[i];
    if (ch === '"' || ch === "'" || ch === '`') return this.quoted(i, ch, 'backslash');
    return undefined;
  }

  private shellString(i: number): StringMatch | undefined {
    const t = this.text;
    if (t[i] === '\\') return undefined;
    if (t[i] === '$' && t[i + 1] === "'") return this.quoted(i, "'", 'backslash', 1);
    if (t[i] === "'" && t[i - 1] !== '\\') return this.quoted(i, "'", 'none');
    if (t[i] === '"' && t[i - 1] !== '\\') return this.quoted(i, '"', 'backslash');
    return undefined;
  }

  private powershellString(i: number): StringMatch | undefined {
    const t = this.text;
    if (this.at(i, "@'\n") || this.at(i, "@'\r\n") || this.at(i, '@"\n') || this.at(i, '@"\r\n')) {
      const quote = t[i + 1] ?? '"';
      const contentStart = this.lineEnd(i) + 1;
      const close = t.indexOf(`\n${quote}@`, contentStart - 1);
      if (close === -1) return { end: t.length, contentStart, contentEnd: t.length };
      return { end: close + 3, contentStart, contentEnd: close };
    }
    if (t[i] === "'") return this.quoted(i, "'", 'double');
    if (t[i] === '"') {
      let j = i + 1;
      while (j < t.length) {
        if (t[j] === '`') {
          j += 2;
          continue;
        }
        if (t[j] === '"') {
          if (t[j + 1] === '"') {
            j += 2;
            continue;
          }
          return { end: j + 1, contentStart: i + 1, contentEnd: j };
        }
        j++;
      }
      return { end: t.length, contentStart: i + 1, contentEnd: t.length };
    }
    return undefined;
  }

  /** Rust: `"..."`, `b"..."` and raw `r#"..."#`. Char literals are left as code (lifetimes look alike). */
  private rustString(i: number): StringMatch | undefined {
    const t = this.text;
    if (i > 0 && /\w/.test(t[i - 1] ?? '')) return undefined;
    const raw = /^b?r(#*)"/.exec(t.slice(i, i + 40));
    if (raw) {
      const closer = '"' + (raw[1] ?? '');
      const contentStart = i + raw[0].length;
      const close = t.indexOf(closer, contentStart);
      return close === -1 ? { end: t.length, contentStart, contentEnd: t.length } : { end: close + closer.length, contentStart, contentEnd: close };
    }
    if (t[i] === 'b' && t[i + 1] === '"') return this.quoted(i, '"', 'backslash', 1);
    return t[i] === '"' ? this.quoted(i, '"', 'backslash') : undefined;
  }

  private hclString(i: number): StringMatch | undefined {
    const t = this.text;
    const heredoc = /^<<-?([A-Za-z_]\w*)\r?\n/.exec(t.slice(i, i + 80));
    if (heredoc) {
      const contentStart = i + heredoc[0].length;
      const m = new RegExp(`^[ \\t]*${heredoc[1] ?? ''}[ \\t]*$`, 'm').exec(t.slice(contentStart));
      if (!m) return { end: t.length, contentStart, contentEnd: t.length };
      const contentEnd = contentStart + m.index;
      return { end: contentEnd + m[0].length, contentStart, contentEnd };
    }
    return this.templated(i, '"');
  }
}

/** The innermost string token that contains `[start, end)`, if any (templates can nest strings). */
export function stringTokenAround(strings: readonly StringToken[], start: number, end: number): StringToken | undefined {
  let best: StringToken | undefined;
  for (const s of strings) {
    if (s.start <= start && end <= s.end && (!best || s.end - s.start < best.end - best.start)) best = s;
  }
  return best;
}

/** Index of the bracket matching the one at `open` in blanked code (or -1). */
export function matchBracket(code: string, open: number): number {
  const opener = code[open];
  const closer = opener === '(' ? ')' : opener === '[' ? ']' : opener === '{' ? '}' : undefined;
  if (!closer || !opener) return -1;
  let depth = 0;
  for (let j = open; j < code.length; j++) {
    if (code[j] === opener) depth++;
    else if (code[j] === closer && --depth === 0) return j;
  }
  return -1;
}

/** Index of the bracket opening the one at `close`, scanning backwards (or -1). */
export function matchBracketBackwards(code: string, close: number): number {
  const closer = code[close];
  const opener = closer === ')' ? '(' : closer === ']' ? '[' : closer === '}' ? '{' : closer === '>' ? '<' : undefined;
  if (!closer || !opener) return -1;
  let depth = 0;
  for (let j = close; j >= 0; j--) {
    if (code[j] === closer) depth++;
    else if (code[j] === opener && --depth === 0) return j;
  }
  return -1;
}
