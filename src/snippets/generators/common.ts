/**
 * What every language generator receives and returns, plus small helpers they share.
 */
import { SERVICE_FULL_NAMES } from '../../aws/items';
import type { EditCollector } from '../edits';
import type { ScanResult, StringToken } from '../lexer';
import type { SnippetTemplate } from '../snippetSyntax';
import type { ModuleSystem } from '../moduleSystem';
import type { LookupTarget, SnippetLanguageId, TextEdit } from '../types';
import { applyStyle, valueVariableName, type NamingStyle } from '../identifiers';

// ---- snippet mode ---------------------------------------------------------------------------------

export interface SnippetContext {
  target: LookupTarget;
  /** VS Code language id of the document (tells YAML from JSON templates). */
  languageId: string;
  /** Empty when there is no document (or the snippet lands in a document of another language). */
  documentText: string;
  fileName?: string;
  /** Cursor offset, when known. */
  offset?: number;
  /** TypeScript / JavaScript: the project's module system, when the caller read it. */
  moduleSystem?: ModuleSystem;
  eol: string;
}

export interface GeneratedSnippet {
  body: SnippetTemplate;
  /** Every import the code needs, as lines (used when the snippet must stand alone). */
  importLines: string[];
  /** Only the missing imports, as edits into `documentText`. */
  importEdits: () => TextEdit[];
}

export interface SnippetGenerator {
  id: SnippetLanguageId;
  label: string;
  generate(context: SnippetContext): GeneratedSnippet;
}

// ---- quick-fix mode -------------------------------------------------------------------------------

export interface FixContext {
  text: string;
  fileName: string;
  target: LookupTarget;
  scan: ScanResult;
  /** The range finally replaced: the literal token, or the range given when no token contains it. */
  site: { start: number; end: number };
  /** The string token the range sits in, when the range is only part of it. */
  partialOf?: StringToken;
  eol: string;
  indentUnit: string;
  edits: EditCollector;
  notes: string[];
  /** TypeScript / JavaScript: the project's module system, when the caller read it. */
  moduleSystem?: ModuleSystem;
}

/**
 * `primary`: the expression can take `.x` / `[i]` / `(…)` after it without parentheses.
 * `inPlace`: splice it into the enclosing string as is (shell `$(…)` inside double quotes) instead of
 * splitting the literal around it.
 */
export type FixOutcome = { expression: string; primary: boolean; inPlace?: boolean } | { error: string };

export interface CodeFixer {
  /** Returns the lookup expression and registers imports / clients / helpers on `context.edits`. */
  expression(context: FixContext): FixOutcome;
  /** Joins literal pieces and the expression when only part of a literal is replaced. */
  concat(pieces: string[]): string;
}

// ---- shared helpers -------------------------------------------------------------------------------

export function jsonKeyOf(target: LookupTarget): string | undefined {
  return target.jsonKey ? target.jsonKey : undefined;
}

export function serviceTitle(target: LookupTarget): string {
  return SERVICE_FULL_NAMES[target.service];
}

/** `Secrets Manager secret "prod/db", key "password"` — for descriptions and notes. */
export function describeTarget(target: LookupTarget): string {
  const what = target.service === 'secretsmanager' ? `Secrets Manager secret ${JSON.stringify(target.name)}` : `parameter ${JSON.stringify(target.name)}`;
  const key = jsonKeyOf(target);
  return key === undefined ? what : `${what}, key ${JSON.stringify(key)}`;
}

/** Suggested name for the fetched value; a whole secret without a key gets a `secret` suffix. */
export function valueName(target: LookupTarget, style: NamingStyle): string {
  const base = valueVariableName(target, style);
  if (target.service === 'secretsmanager' && !jsonKeyOf(target) && !/(secret|password|token|key|credentials?)$/i.test(base)) {
    return applyStyle([...splitWords(base), 'secret'], style);
  }
  return base;
}

function splitWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

/** A name not yet used as a word in `code`: `base`, else `base` + suffix, else numbered. */
export function freeName(code: string, base: string, suffix: string): string {
  const used = (name: string) => new RegExp(`(?<![\\w$])${name.replace(/\$/g, '\\$')}(?![\\w$])`).test(code);
  if (!used(base)) return base;
  if (!used(base + suffix)) return base + suffix;
  for (let n = 2; ; n++) if (!used(`${base}${suffix}${n}`)) return `${base}${suffix}${n}`;
}

/** The next non-space character after `offset` (for deciding whether an expression needs parentheses). */
export function nextCodeChar(text: string, offset: number): string {
  return /\S/.exec(text.slice(offset, offset + 200))?.[0] ?? '';
}

/** Whether `.x`, `[i]` or `(…)` follows `offset`, binding tighter than an operator would (nothing at all does not). */
export function accessFollows(text: string, offset: number): boolean {
  const next = nextCodeChar(text, offset);
  return next !== '' && '.[('.includes(next);
}
