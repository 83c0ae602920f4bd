/**
 * A references file: dotenv syntax (dotenv.ts) whose values may hold references to AWS
 * (grammar.ts) instead of values, plus an optional header comment naming the profile and the
 * region, before the first entry:
 *
 *     # aws-secrets-lens: profile=dev region=eu-west-1
 *     DB_PASSWORD={{resolve:secretsmanager:prod/db:SecretString:password}}
 *     PORT=8080
 *
 * Parsing never talks to AWS: it finds the entries, the references with their place, and what
 * is wrong with the text (malformed references, a bad header, a key set twice).
 */
import { parseDotenv, type DotenvEntry, type Position, type Range } from './dotenv';
import { findReferences, type AwsReference } from './grammar';

export interface FileHeader {
  readonly profile?: string;
  readonly region?: string;
}

/** A piece of an entry's value: text as it is, or a reference to replace with what it points at. */
export type ValuePart = { readonly text: string } | { readonly reference: AwsReference; readonly text: string };

export interface FoundReference {
  /** The entry's key (the environment variable it sets). */
  readonly key: string;
  /** The reference as written. */
  readonly text: string;
  readonly range: Range;
  readonly reference: AwsReference;
}

export interface FileEntry {
  readonly key: string;
  readonly entry: DotenvEntry;
  /** The value in order: text and references; a plain entry is one text part. */
  readonly parts: readonly ValuePart[];
  readonly references: readonly FoundReference[];
  /** False when one of its references is malformed (the entry cannot be resolved). */
  readonly valid: boolean;
}

export interface FileProblem {
  readonly range: Range;
  readonly message: string;
  readonly severity: 'error' | 'warning';
  /** The entry the problem is in, if any. */
  readonly key?: string;
  /** The malformed reference as written, if the problem is one. */
  readonly text?: string;
}

export interface ReferencesFile {
  readonly header: FileHeader;
  /** Every entry, in order; when a key is set twice, the later one is what a program gets. */
  readonly entries: readonly FileEntry[];
  /** Every well-formed reference, in order. */
  readonly references: readonly FoundReference[];
  readonly problems: readonly FileProblem[];
}

const HEADER = /^(\s*#\s*aws-secrets-lens\s*:)(.*)$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;

export function parseReferencesFile(text: string): ReferencesFile {
  const dotenv = parseDotenv(text);
  const problems: FileProblem[] = [];
  const firstEntryLine = dotenv[0]?.keyRange.start.line ?? Number.POSITIVE_INFINITY;
  const header = parseHeader(text.replace(/\r\n?/g, '\n').split('\n'), firstEntryLine, problems);
  const entries = dotenv.map((entry) => toFileEntry(entry, problems));
  const lastLine = new Map<string, number>();
  for (const entry of [...entries].reverse()) {
    const later = lastLine.get(entry.key);
    if (later !== undefined) {
      problems.push({
        range: entry.entry.keyRange,
        message: `${entry.key} is set again on line ${later + 1}; that later value is the one used.`,
        severity: 'warning',
        key: entry.key,
      });
    } else lastLine.set(entry.key, entry.entry.keyRange.start.line);
  }
  problems.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return { header, entries, references: entries.flatMap((e) => e.references), problems };
}

/** The entries a program gets: the last of each key. */
export function effectiveEntries(file: ReferencesFile): FileEntry[] {
  const byKey = new Map<string, FileEntry>();
  for (const entry of file.entries) {
    byKey.delete(entry.key);
    byKey.set(entry.key, entry);
  }
  return [...byKey.values()];
}

function toFileEntry(entry: DotenvEntry, problems: FileProblem[]): FileEntry {
  // Positions come from the text as written (inside its quotes): escapes never occur inside a
  // reference, so the written text and the value hold the same references in the same order.
  const inner = entry.quote ? entry.written.slice(1, -1) : entry.written;
  const innerStart = entry.quote ? advance(entry.valueRange.start, entry.quote) : entry.valueRange.start;
  const placed = findReferences(inner);
  const parsed = findReferences(entry.value);
  const parts: ValuePart[] = [];
  const references: FoundReference[] = [];
  let valid = true;
  let consumed = 0;
  parsed.forEach((found, index) => {
    const place = placed[index];
    const start = place ? advance(innerStart, inner.slice(0, place.offset)) : entry.valueRange.start;
    const range = { start, end: place ? advance(start, place.text) : entry.valueRange.end };
    if (!found.ok) {
      valid = false;
      problems.push({ range, message: found.message, severity: 'error', key: entry.key, text: place?.text ?? found.text });
      return;
    }
    if (found.offset > consumed) parts.push({ text: entry.value.slice(consumed, found.offset) });
    parts.push({ reference: found.reference, text: found.text });
    consumed = found.offset + found.text.length;
    references.push({ key: entry.key, text: found.text, range, reference: found.reference });
  });
  if (consumed < entry.value.length || parts.length === 0) parts.push({ text: entry.value.slice(consumed) });
  return { key: entry.key, entry, parts, references, valid };
}

function parseHeader(lines: readonly string[], before: number, problems: FileProblem[]): FileHeader {
  const header: { profile?: string; region?: string } = {};
  for (let line = 0; line < Math.min(lines.length, before); line++) {
    const match = HEADER.exec(lines[line]!);
    if (!match) continue;
    let column = match[1]!.length;
    for (const token of match[2]!.split(/(\s+)/)) {
      const range = { start: { line, character: column }, end: { line, character: column + token.length } };
      column += token.length;
      if (token.trim() === '') continue;
      const [name, value] = [token.slice(0, token.indexOf('=')), token.slice(token.indexOf('=') + 1)];
      if (!token.includes('=') || (name !== 'profile' && name !== 'region')) {
        problems.push({ range, message: `“${token}” is not a setting of the header: write profile=NAME and region=REGION.`, severity: 'error' });
      } else if (value === '') {
        problems.push({ range, message: `Give ${name} a value: ${name}=…`, severity: 'error' });
      } else if (name === 'region' && !REGION.test(value)) {
        problems.push({ range, message: `“${value}” is not a region code such as eu-west-1.`, severity: 'error' });
      } else {
        header[name] = value;
      }
    }
  }
  return header;
}

/** The position after `text`, starting at `from`. */
export function advance(from: Position, text: string): Position {
  const lastBreak = text.lastIndexOf('\n');
  if (lastBreak < 0) return { line: from.line, character: from.character + text.length };
  return { line: from.line + text.split('\n').length - 1, character: text.length - lastBreak - 1 };
}

/**
 * Whether a document is a references file, which the Run feature checks itself (with the
 * profile and region of its header): a dotenv document (or `*.env.aws`) holding a dynamic
 * reference or the header.
 */
export function isReferencesFile(document: { readonly languageId: string; readonly fileName: string; getText(): string }): boolean {
  if (document.languageId !== 'dotenv' && !document.fileName.endsWith('.env.aws')) return false;
  const text = document.getText();
  return text.includes('{{resolve:') || HEADER_ANYWHERE.test(text);
}

const HEADER_ANYWHERE = /^\s*#\s*aws-secrets-lens\s*:/m;
