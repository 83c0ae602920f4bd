/**
 * Imports per language: which of the needed ones a document already has, and where new top-of-file
 * text goes (after the last import, else before the first line of code). Each function takes the
 * blanked code from `lexer.ts` alongside the raw text, so a commented-out import does not count.
 */
import { matchBracket, type StringToken } from './lexer';
import { lineEndAt, lineStartAt, type EditCollector } from './edits';

/**
 * Where top-of-file text goes. `after-line`: `offset` is the end of the last import's line, so text is
 * written as "newline + lines". `before-line`: `offset` is the start of the first line of code, so
 * text is written as "lines + newline".
 */
export interface Anchor {
  offset: number;
  mode: 'after-line' | 'before-line';
}

/** Text for new import lines and/or top-level declarations at an anchor, with blank lines around. */
export function renderAtAnchor(anchor: Anchor, text: string, importLines: readonly string[], declarations: readonly string[], eol: string): string {
  const imports = importLines.join(eol);
  const decls = declarations.join(eol + eol);
  if (!imports && !decls) return '';
  if (anchor.mode === 'after-line') return (imports ? eol + imports : '') + (decls ? eol + eol + decls : '');
  const body = [imports, decls].filter(Boolean).join(eol + eol) + eol + eol;
  const atEndWithoutNewline = anchor.offset === text.length && text.length > 0 && !text.endsWith('\n');
  return (atEndWithoutNewline ? eol + eol : '') + body;
}

/**
 * Where new declarations go when the file already has some of ours: after the last of them (so a
 * second service's client and helper follow the first), else at the import anchor.
 * `blockStarts` finds where each existing declaration starts; a `{` on that line opens its body.
 */
export function declarationAnchor(code: string, anchor: Anchor, blockStarts: RegExp): Anchor {
  let end: number | undefined;
  for (const m of code.matchAll(blockStarts)) {
    const start = m.index ?? 0;
    const lineEnd = lineEndAt(code, start);
    const brace = code.indexOf('{', start);
    const close = brace !== -1 && brace < lineEnd ? matchBracket(code, brace) : -1;
    const declarationEnd = close === -1 ? lineEnd : lineEndAt(code, close);
    if (end === undefined || declarationEnd > end) end = declarationEnd;
  }
  if (end === undefined || end <= anchor.offset) return anchor;
  return { offset: end, mode: 'after-line' };
}

/** Start of the first line that has code (in blanked code), or the end of the text. */
export function firstCodeLine(code: string, from = 0): number {
  const m = /\S/.exec(code.slice(from));
  return m ? lineStartAt(code, from + m.index) : code.length;
}

function afterLastOr(code: string, lastEnd: number | undefined, fallback: () => Anchor): Anchor {
  if (lastEnd === undefined) return fallback();
  return { offset: lineEndAt(code, lastEnd), mode: 'after-line' };
}

// ---- JavaScript / TypeScript --------------------------------------------------------------------

export interface JsImport {
  module: string;
  names: string[];
}

/**
 * Adds named imports. Names missing from an existing `import { … } from "m"` (or
 * `const { … } = require("m")`) are added into its braces; otherwise a new statement is written.
 * Returns the new lines to write at the anchor (the caller adds them, with its declarations).
 */
export function jsImports(
  text: string,
  code: string,
  strings: readonly StringToken[],
  needed: readonly JsImport[],
  style: 'esm' | 'cjs',
  edits: EditCollector,
): { lines: string[]; anchor: Anchor } {
  const statements = jsImportStatements(text, code, strings);
  const lines: string[] = [];
  for (const need of needed) {
    const sameModule = statements.filter((s) => s.module === need.module);
    const present = new Set(sameModule.flatMap((s) => s.names));
    const missing = need.names.filter((n) => !present.has(n));
    if (missing.length === 0) continue;
    const withBraces = sameModule.find((s) => s.closeBrace !== undefined && !s.typeOnly);
    if (withBraces?.closeBrace !== undefined) {
      const inner = text.slice(withBraces.openBrace ?? 0, withBraces.closeBrace).trimEnd();
      const separator = inner.endsWith(',') || inner.endsWith('{') ? ' ' : ', ';
      const at = (withBraces.openBrace ?? 0) + inner.length;
      edits.insert(at, separator + missing.join(', ') + (inner.endsWith('{') ? ' ' : ''));
      continue;
    }
    const moduleLiteral = JSON.stringify(need.module);
    lines.push(style === 'esm' ? `import { ${missing.join(', ')} } from ${moduleLiteral};` : `const { ${missing.join(', ')} } = require(${moduleLiteral});`);
  }
  const last = statements[statements.length - 1];
  const anchor = afterLastOr(code, last?.end, () => ({ offset: jsFirstStatement(text, code), mode: 'before-line' }));
  return { lines, anchor };
}

interface JsImportStatement {
  module: string;
  names: string[];
  typeOnly: boolean;
  openBrace?: number;
  closeBrace?: number;
  end: number;
}

function jsImportStatements(text: string, code: string, strings: readonly StringToken[]): JsImportStatement[] {
  const found: JsImportStatement[] = [];
  const pattern = /(^|[;\n])([ \t]*)(import\b(?!\s*[(.])|(?:const|let|var)\s*\{[^}]*\}\s*=\s*require\s*\(|(?:const|let|var)\s+[\w$]+\s*=\s*require\s*\()/g;
  for (const m of code.matchAll(pattern)) {
    const start = (m.index ?? 0) + (m[1]?.length ?? 0) + (m[2]?.length ?? 0);
    const moduleToken = strings.find((s) => s.start > start);
    if (!moduleToken) continue;
    const between = code.slice(start, moduleToken.start);
    // An import statement reaches its module string without passing another statement.
    if (/;/.test(between)) continue;
    let end = moduleToken.end;
    const tail = /^\s*\)?\s*;?/.exec(code.slice(end));
    end += tail?.[0].length ?? 0;
    const open = code.indexOf('{', start);
    const hasBraces = open !== -1 && open < moduleToken.start;
    const close = hasBraces ? matchBracket(code, open) : -1;
    const names =
      hasBraces && close !== -1
        ? text
            .slice(open + 1, close)
            .split(',')
            .map(
              (n) =>
                n
                  .trim()
                  .replace(/^type\s+/, '')
                  .split(/\s+as\s+|\s*:\s*/)[0] ?? '',
            )
            .filter(Boolean)
        : [];
    found.push({
      module: text.slice(moduleToken.contentStart, moduleToken.contentEnd),
      names,
      typeOnly: /^import\s+type\b/.test(between),
      ...(hasBraces && close !== -1 ? { openBrace: open, closeBrace: close } : {}),
      end,
    });
  }
  return found;
}

/** After a shebang and a `"use strict"` directive; comments are already blank in `code`. */
function jsFirstStatement(text: string, code: string): number {
  let from = text.startsWith('#!') ? lineEndAt(text, 0) : 0;
  const directive = /^\s*(["'])use strict\1;?[ \t]*/.exec(text.slice(from));
  if (directive) from = lineEndAt(text, from + directive[0].length - 1);
  return firstCodeLine(code, from);
}

// ---- Python -------------------------------------------------------------------------------------

/** `import boto3` / `import json` lines that are missing, and where to put them. */
export function pythonImports(code: string, modules: readonly string[]): { lines: string[]; anchor: Anchor } {
  const bound = new Set<string>();
  let lastEnd: number | undefined;
  let pos = 0;
  while (pos < code.length) {
    const lineEnd = code.indexOf('\n', pos) === -1 ? code.length : code.indexOf('\n', pos);
    const line = code.slice(pos, lineEnd);
    if (/^\s*$/.test(line)) {
      pos = lineEnd + 1;
      continue;
    }
    const importLine = /^(import|from)\s/.exec(line);
    if (!importLine) break; // the leading import section ends at the first other top-level statement
    let end = lineEnd;
    const open = code.indexOf('(', pos);
    if (open !== -1 && open < lineEnd) end = Math.max(end, matchBracket(code, open));
    while (code[lineEndAt(code, end) - 1] === '\\')
      end = code.indexOf('\n', lineEndAt(code, end) + 1) === -1 ? code.length : code.indexOf('\n', lineEndAt(code, end) + 1);
    if (importLine[1] === 'import') {
      for (const item of line.slice(7).split(',')) {
        const m = /^\s*([\w.]+)\s*(?:as\s+(\w+))?\s*$/.exec(item);
        if (m) bound.add(m[2] ?? (m[1] ?? '').split('.')[0] ?? '');
      }
    }
    lastEnd = end;
    pos = (code.indexOf('\n', end) === -1 ? code.length : code.indexOf('\n', end)) + 1;
  }
  const lines = modules.filter((m) => !bound.has(m)).map((m) => `import ${m}`);
  return { lines, anchor: afterLastOr(code, lastEnd, () => ({ offset: firstCodeLine(code), mode: 'before-line' })) };
}

// ---- Java ---------------------------------------------------------------------------------------

export function javaImports(code: string, text: string, classes: readonly string[]): { lines: string[]; anchor: Anchor } {
  const present = new Set<string>();
  let lastEnd: number | undefined;
  for (const m of code.matchAll(/^[ \t]*import\s+(static\s+)?([\w.]+(?:\.\*)?)\s*;/gm)) {
    present.add(m[2] ?? '');
    lastEnd = (m.index ?? 0) + m[0].length;
  }
  const missing = classes.filter((c) => !present.has(c) && !present.has(c.replace(/\.\w+$/, '.*')));
  const lines = missing.map((c) => `import ${c};`);
  const pkg = /^[ \t]*package\s+[\w.]+\s*;/m.exec(code);
  if (lastEnd === undefined && pkg && lines.length > 0) {
    // After the package clause, separated by a blank line.
    return { lines: ['', ...lines], anchor: { offset: lineEndAt(text, pkg.index + pkg[0].length), mode: 'after-line' } };
  }
  return { lines, anchor: afterLastOr(code, lastEnd, () => ({ offset: firstCodeLine(code), mode: 'before-line' })) };
}

// ---- C# -----------------------------------------------------------------------------------------

/** `using` directives at file level (before any namespace or type), which apply to the whole file. */
export function csharpUsings(code: string, namespaces: readonly string[]): { lines: string[]; anchor: Anchor } {
  const firstDeclaration = code.search(/(?:^|[\s;}])(?:namespace|class|struct|interface|record|enum)\s/);
  const region = firstDeclaration === -1 ? code : code.slice(0, firstDeclaration);
  const present = new Set<string>();
  let lastEnd: number | undefined;
  for (const m of region.matchAll(/^[ \t]*(?:global\s+)?using\s+(?!static\b)(?!var\b)([\w.]+)\s*;/gm)) {
    present.add(m[1] ?? '');
    lastEnd = (m.index ?? 0) + m[0].length;
  }
  for (const m of code.matchAll(/^[ \t]*(?:global\s+)?using\s+([\w.]+)\s*;/gm)) present.add(m[1] ?? '');
  const lines = namespaces.filter((n) => !present.has(n)).map((n) => `using ${n};`);
  return { lines, anchor: afterLastOr(code, lastEnd, () => ({ offset: firstCodeLine(code), mode: 'before-line' })) };
}

// ---- Go -----------------------------------------------------------------------------------------

/**
 * Go imports need their own shape: new paths go inside an existing `import ( … )` block, else into a
 * new block after the last single import or the package clause. Returns the edit text and offset.
 */
export function goImports(
  code: string,
  text: string,
  strings: readonly StringToken[],
  paths: readonly string[],
  eol: string,
): { offset: number; text: string } | undefined {
  const present = new Set<string>();
  let block: { close: number } | undefined;
  let lastSingleEnd: number | undefined;
  for (const m of code.matchAll(/^[ \t]*import\b\s*(\()?/gm)) {
    const start = m.index ?? 0;
    if (m[1]) {
      const open = start + m[0].length - 1;
      const close = matchBracket(code, open);
      if (close === -1) continue;
      for (const s of strings) if (s.start > open && s.end <= close) present.add(text.slice(s.contentStart, s.contentEnd));
      block ??= { close };
    } else {
      const token = strings.find((s) => s.start > start);
      if (token) {
        present.add(text.slice(token.contentStart, token.contentEnd));
        lastSingleEnd = token.end;
      }
    }
  }
  const missing = paths.filter((p) => !present.has(p));
  if (missing.length === 0) return undefined;
  if (block) {
    const specs = missing.map((p) => `\t${JSON.stringify(p)}`);
    // Before the line holding `)`, as the block's last lines.
    const closeLine = lineStartAt(text, block.close);
    const onOwnLine = /^\s*$/.test(text.slice(closeLine, block.close));
    if (onOwnLine) return { offset: closeLine, text: specs.join(eol) + eol };
    return { offset: block.close, text: eol + specs.join(eol) + eol };
  }
  const after =
    lastSingleEnd ??
    (() => {
      const pkg = /^[ \t]*package\s+\w+/m.exec(code);
      return pkg ? pkg.index + pkg[0].length : 0;
    })();
  // A new block groups the standard library first, then modules, as goimports does.
  const std = missing.filter((p) => !p.split('/')[0]?.includes('.')).map((p) => `\t${JSON.stringify(p)}`);
  const external = missing.filter((p) => p.split('/')[0]?.includes('.')).map((p) => `\t${JSON.stringify(p)}`);
  const groups = [std, external].filter((g) => g.length > 0).map((g) => g.join(eol));
  return { offset: lineEndAt(text, after), text: eol + eol + 'import (' + eol + groups.join(eol + eol) + eol + ')' };
}

// ---- Ruby ---------------------------------------------------------------------------------------

export function rubyRequires(code: string, text: string, strings: readonly StringToken[], libraries: readonly string[]): { lines: string[]; anchor: Anchor } {
  const present = new Set<string>();
  let lastEnd: number | undefined;
  for (const m of code.matchAll(/^require\b/gm)) {
    // The library name is blank in `code`; the next string token on the same line is it.
    const token = strings.find((s) => s.start > (m.index ?? 0));
    if (!token || token.start > lineEndAt(code, m.index ?? 0)) continue;
    present.add(text.slice(token.contentStart, token.contentEnd));
    lastEnd = token.end;
  }
  const lines = libraries.filter((l) => !present.has(l)).map((l) => `require ${JSON.stringify(l)}`);
  return { lines, anchor: afterLastOr(code, lastEnd, () => ({ offset: firstCodeLine(code), mode: 'before-line' })) };
}

// ---- PHP ----------------------------------------------------------------------------------------

export function phpUses(code: string, text: string, classes: readonly string[]): { lines: string[]; anchor: Anchor } {
  const firstDeclaration = code.search(/(?:^|[\s;}])(?:(?:abstract|final|readonly)\s+)*(?:class|trait|interface|enum|function)\s+\w/);
  const region = firstDeclaration === -1 ? code : code.slice(0, firstDeclaration);
  const present = new Set<string>();
  let lastEnd: number | undefined;
  for (const m of region.matchAll(/^[ \t]*use\s+\\?([\w\\]+)(?:\s+as\s+(\w+))?\s*;/gm)) {
    present.add((m[1] ?? '').toLowerCase());
    lastEnd = (m.index ?? 0) + m[0].length;
  }
  const lines = classes.filter((c) => !present.has(c.toLowerCase())).map((c) => `use ${c};`);
  if (lastEnd !== undefined) return { lines, anchor: { offset: lineEndAt(text, lastEnd), mode: 'after-line' } };
  const namespace = /^[ \t]*namespace\s+[\w\\]+\s*;/m.exec(region);
  const declare = /^[ \t]*declare\s*\([^)]*\)\s*;/m.exec(region);
  const open = text.indexOf('<?php');
  const after = namespace ? namespace.index + namespace[0].length : declare ? declare.index + declare[0].length : open !== -1 ? open + 5 : undefined;
  if (after === undefined) return { lines, anchor: { offset: firstCodeLine(code), mode: 'before-line' } };
  // A blank line between the namespace / declare / opening tag and the first `use`.
  return { lines: lines.length ? ['', ...lines] : lines, anchor: { offset: lineEndAt(text, after), mode: 'after-line' } };
}

// ---- Rust ---------------------------------------------------------------------------------------

export function rustUses(code: string, paths: readonly string[]): { lines: string[]; anchor: Anchor } {
  const present = new Set<string>();
  let lastEnd: number | undefined;
  for (const m of code.matchAll(/^[ \t]*(?:pub\s+)?use\s+([^;]+);/gm)) {
    present.add((m[1] ?? '').replace(/\s+/g, ''));
    lastEnd = (m.index ?? 0) + m[0].length;
  }
  const lines = paths.filter((p) => !present.has(p)).map((p) => `use ${p};`);
  const innerAttributes = /^(?:\s*#!\[[^\]]*\])+/.exec(code);
  return { lines, anchor: afterLastOr(code, lastEnd, () => ({ offset: firstCodeLine(code, innerAttributes?.[0].length ?? 0), mode: 'before-line' })) };
}

// ---- PowerShell ---------------------------------------------------------------------------------

/** `Import-Module` lines; they go after a script's `param(...)` block, which must come first. */
export function powershellModules(code: string, modules: readonly string[]): { lines: string[]; anchor: Anchor } {
  const present = new Set<string>();
  let lastEnd: number | undefined;
  for (const m of code.matchAll(/^[ \t]*(?:Import-Module\s+(?:-Name\s+)?|using\s+module\s+)([\w.]+)[^\n]*/gim)) {
    present.add((m[1] ?? '').toLowerCase());
    lastEnd = (m.index ?? 0) + m[0].length;
  }
  const lines = modules.filter((m) => !present.has(m.toLowerCase())).map((m) => `Import-Module ${m}`);
  if (lastEnd !== undefined) return { lines, anchor: { offset: lineEndAt(code, lastEnd), mode: 'after-line' } };
  const start = firstCodeLine(code);
  const param = /^(?:\s*\[CmdletBinding[^\]]*\]\s*)?\s*param\s*\(/i.exec(code.slice(start));
  if (param) {
    const close = matchBracket(code, start + param[0].length - 1);
    if (close !== -1) return { lines: lines.length ? ['', ...lines] : lines, anchor: { offset: lineEndAt(code, close), mode: 'after-line' } };
  }
  return { lines, anchor: { offset: start, mode: 'before-line' } };
}
