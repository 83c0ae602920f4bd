/**
 * Text that was transformed before its escapes are read (Java's \u translation and text-block
 * indentation, C# raw strings, PHP heredocs), with the source span of every character, so pieces
 * decoded from it can be mapped back to the document.
 */
import type { Piece } from './pieces';

export interface Mapped {
  text: string;
  /** Per character: where it came from in the source. */
  starts: number[];
  ends: number[];
  /** The character is the source character itself (not made from an escape or a line break). */
  exact: boolean[];
  add(ch: string, start: number, end: number, exact: boolean): void;
}

export function mapped(): Mapped {
  const m: Mapped = {
    text: '',
    starts: [],
    ends: [],
    exact: [],
    add(ch, start, end, exact) {
      m.text += ch;
      m.starts.push(start);
      m.ends.push(end);
      m.exact.push(exact);
    },
  };
  return m;
}

/** Pieces over `m.text` → pieces over the source: raw runs stay raw only where every character is exact and contiguous. */
export function unmap(pieces: readonly Piece[], m: Mapped): Piece[] {
  const out: Piece[] = [];
  const push = (piece: Piece) => {
    const last = out[out.length - 1];
    if (piece.kind === 'raw' && last?.kind === 'raw' && last.end === piece.start)
      out[out.length - 1] = { ...last, end: piece.end, text: last.text + piece.text };
    else out.push(piece);
  };
  for (const p of pieces) {
    if (p.start === p.end) continue;
    if (p.kind !== 'raw') {
      push({ ...p, start: m.starts[p.start], end: m.ends[p.end - 1] });
      continue;
    }
    for (let k = p.start; k < p.end; k++) {
      const contiguous = m.exact[k] && m.ends[k] - m.starts[k] === 1;
      push({ start: m.starts[k], end: m.ends[k], text: m.text[k], kind: contiguous ? 'raw' : 'atom' });
    }
  }
  return out;
}
