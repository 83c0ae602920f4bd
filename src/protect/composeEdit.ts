// Turns the fixes of several findings in one file into a single edit, so the whole change is
// undone with one undo. No vscode import: the generator is passed in and this is tested in Node.
import type { LiteralReplacement, LiteralReplacementRequest, LookupTarget, TextEdit } from '../snippets';

export interface LiteralToReplace {
  readonly start: number;
  readonly end: number;
  /** Which secret (and JSON key) the literal becomes a lookup of. */
  readonly target: LookupTarget;
}

export type ComposedEdit = { ok: true; edit: TextEdit; notes: string[] } | { ok: false; reason: string };

/**
 * Applies the generator's fix for each literal in turn (last in the file first, mapping the
 * others through every edit made so far, so a later fix reuses the imports and client the
 * first one added), then reduces the result to the one span that changed.
 */
export function composeEdit(
  text: string,
  document: Pick<LiteralReplacementRequest, 'languageId' | 'fileName' | 'moduleSystem'>,
  literals: readonly LiteralToReplace[],
  literalReplacement: (request: LiteralReplacementRequest) => LiteralReplacement,
): ComposedEdit {
  let current = text;
  let pending = [...literals].sort((a, b) => b.start - a.start).map((l) => ({ ...l }));
  const notes = new Set<string>();
  while (pending.length > 0) {
    const [next, ...rest] = pending;
    const fix = literalReplacement({ ...document, documentText: current, replaceStart: next.start, replaceEnd: next.end, target: next.target });
    if (!fix.ok) return { ok: false, reason: fix.reason };
    for (const note of fix.notes) notes.add(note);
    current = applyAll(current, fix.edits);
    pending = rest.map((l) => ({ ...l, start: mapOffset(l.start, fix.edits), end: mapOffset(l.end, fix.edits) }));
  }
  return { ok: true, edit: changedSpan(text, current), notes: [...notes] };
}

function applyAll(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.newText + out.slice(edit.end);
  return out;
}

/** Where `offset` moves to after `edits` (which never overlap the literals still to fix). */
function mapOffset(offset: number, edits: readonly TextEdit[]): number {
  let shift = 0;
  for (const edit of edits) if (edit.end <= offset) shift += edit.newText.length - (edit.end - edit.start);
  return offset + shift;
}

/** The smallest single replacement that turns `before` into `after`. */
export function changedSpan(before: string, after: string): TextEdit {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--;
    endAfter--;
  }
  return { start, end: endBefore, newText: after.slice(start, endAfter) };
}
