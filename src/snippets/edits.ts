/**
 * Building one consistent edit: several insertions (imports, a client, a helper) plus the literal's
 * replacement, expressed against the ORIGINAL text, merged and checked so the editor can apply them
 * as one workspace edit without recomputing anything.
 */
import type { TextEdit } from './types';

export class EditCollector {
  private readonly edits: TextEdit[] = [];

  /** Insertions at the same offset keep the order in which they were added. */
  insert(offset: number, text: string): void {
    if (text) this.edits.push({ start: offset, end: offset, newText: text });
  }

  replace(start: number, end: number, text: string): void {
    this.edits.push({ start, end, newText: text });
  }

  /** Sorted, same-offset insertions merged; throws if two edits overlap (a bug in a generator). */
  result(): TextEdit[] {
    const sorted = this.edits
      .map((edit, order) => ({ edit, order }))
      .sort((a, b) => a.edit.start - b.edit.start || a.edit.end - a.edit.start - (b.edit.end - b.edit.start) || a.order - b.order)
      .map(({ edit }) => edit);
    const merged: TextEdit[] = [];
    for (const edit of sorted) {
      const last = merged[merged.length - 1];
      if (last && last.start === last.end && edit.start === last.start) {
        merged[merged.length - 1] = { start: last.start, end: edit.end, newText: last.newText + edit.newText };
        continue;
      }
      if (last && edit.start < last.end) throw new Error(`Overlapping edits at ${edit.start}`);
      merged.push(edit);
    }
    return merged;
  }
}

/** Applies offset edits to a text (tests, previews); edits must not overlap. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) {
    out = out.slice(0, edit.start) + edit.newText + out.slice(edit.end);
  }
  return out;
}

/** The document's line ending, so inserted lines match it. */
export function detectEol(text: string): '\n' | '\r\n' {
  return /\r\n/.test(text) ? '\r\n' : '\n';
}

/** One level of the document's indentation: a tab, or the smallest space indent in use. */
export function detectIndentUnit(text: string, fallback: string): string {
  let smallest = Infinity;
  for (const line of text.split(/\r?\n/).slice(0, 500)) {
    const m = /^([ \t]+)\S/.exec(line);
    if (!m) continue;
    const lead = m[1] ?? '';
    if (lead.startsWith('\t')) return '\t';
    if (lead.length >= 2) smallest = Math.min(smallest, lead.length);
  }
  return Number.isFinite(smallest) ? ' '.repeat(smallest) : fallback;
}

/**
 * Turns a template written with `\t` for each indentation level and `\n` for line ends into the
 * document's style, prefixing every non-empty line with `base`.
 */
export function formatBlock(template: string, indentUnit: string, eol: string, base = ''): string {
  return template
    .split('\n')
    .map((line) => {
      if (line.trim() === '') return '';
      const tabs = /^\t*/.exec(line)?.[0].length ?? 0;
      return base + indentUnit.repeat(tabs) + line.slice(tabs);
    })
    .join(eol);
}

export function lineStartAt(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

export function lineEndAt(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  const end = nl === -1 ? text.length : nl;
  return end > 0 && text[end - 1] === '\r' ? end - 1 : end;
}

export function indentationAt(text: string, offset: number): string {
  const start = lineStartAt(text, offset);
  return /^[ \t]*/.exec(text.slice(start))?.[0] ?? '';
}
