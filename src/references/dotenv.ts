/**
 * The dotenv file syntax, as the `dotenv` npm package parses it (its README's "What rules does
 * the parsing engine follow?"), with where each entry is written, which dotenv's own `parse`
 * does not tell:
 *
 * - `KEY=value` and `KEY: value`, optionally after `export `; keys are letters, digits, `_ . -`;
 * - `#` starts a comment, on its own line or after a value — unless the value is quoted;
 * - unquoted values are trimmed; `'…'`, `"…"` and `` `…` `` keep their inner text as written,
 *   may span lines, and only double quotes expand `\n` and `\r`;
 * - a later entry with the same key wins (that is for the caller to decide: all are returned).
 *
 * The unit tests hold this to the documented examples and to `dotenv.parse` itself.
 */

/** A place in the text: 0-based line and character, as editors count them. */
export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

export type Quote = '"' | "'" | '`';

export interface DotenvEntry {
  readonly key: string;
  /** The value as dotenv gives it to a program: unquoted, trimmed or not, escapes expanded. */
  readonly value: string;
  /** The quote the value was written in, if any. */
  readonly quote?: Quote;
  readonly exported: boolean;
  readonly keyRange: Range;
  /** The value as written (its quotes included); empty, at the end of `KEY=`, when there is none. */
  readonly valueRange: Range;
  /** The value as written, quotes included. */
  readonly written: string;
}

/**
 * One entry per match of dotenv's line rule. The parts, in order: indentation (which may run
 * over blank lines), `export `, the key, `=` or `: `, then a single-, double- or back-quoted
 * value (each may contain escaped quotes and line breaks) or an unquoted run up to `#` or the
 * end of the line, then an optional comment. `d` gives the indices of the key and the value.
 */
const ENTRY = /^\s*(export\s+)?([\w.-]+)(?:\s*=\s*?|:\s+?)(\s*'(?:\\'|[^'])*'|\s*"(?:\\"|[^"])*"|\s*`(?:\\`|[^`])*`|[^#\r\n]+)?\s*(?:#.*)?$/dgm;

/** Surrounding quotes are removed when the value starts and ends with the same one. */
const SURROUNDING_QUOTES = /^(['"`])([\s\S]*)\1$/;

/** Parses dotenv text; lines that are not entries (comments, blank lines, anything else) are skipped, as dotenv does. */
export function parseDotenv(text: string): DotenvEntry[] {
  // dotenv reads `\r\n` and a lone `\r` as line breaks; so do editors, so lines and characters still match the document.
  const source = text.replace(/\r\n?/g, '\n');
  const lines = lineStarts(source);
  const at = (offset: number) => positionAt(lines, offset);
  const entries: DotenvEntry[] = [];
  for (const match of source.matchAll(ENTRY)) {
    const indices = match.indices!;
    const [keyStart, keyEnd] = indices[2]!;
    const rawValue = match[3] ?? '';
    const written = rawValue.trim();
    // Without a value, its (empty) place is right after `=` or `: `.
    const valueStart = indices[3]
      ? indices[3][0] + (rawValue.length - rawValue.trimStart().length)
      : keyEnd + (/^(?:\s*=|:\s)/.exec(source.slice(keyEnd))?.[0].length ?? 0);
    const first = written[0];
    const unquoted = written.replace(SURROUNDING_QUOTES, '$2');
    const value = first === '"' ? unquoted.replace(/\\n/g, '\n').replace(/\\r/g, '\r') : unquoted;
    const quoted = unquoted !== written ? (first as Quote) : undefined;
    entries.push({
      key: match[2]!,
      value,
      quote: quoted,
      exported: match[1] !== undefined,
      keyRange: { start: at(keyStart), end: at(keyEnd) },
      valueRange: { start: at(valueStart), end: at(valueStart + written.length) },
      written,
    });
  }
  return entries;
}

/** Offsets where each line of `text` starts. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

export function positionAt(starts: readonly number[], offset: number): Position {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low, character: offset - starts[low]! };
}
