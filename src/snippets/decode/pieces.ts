/**
 * A decoded literal as a list of pieces, each remembering the source it came from, so the value of
 * any part of the literal (the password inside a connection string) can be read without guessing:
 *
 * - `raw`: source characters that stand for themselves (the text is exactly the source slice, so a
 *   part may start or end anywhere inside it);
 * - `atom`: an escape sequence, a normalised line break, removed indentation… (indivisible: a part
 *   that starts or ends inside one is refused);
 * - `field`: an interpolation (`${x}`, `{x}`, `#{x}`, `$x`): the program computes it, so no part that
 *   touches it has a value we can know.
 */
export interface Piece {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly kind: 'raw' | 'atom' | 'field';
  /** An atom that stands for bytes (Go `\xff`, Ruby `\303`): `text` holds one char per byte, U+0000–U+00FF. */
  readonly bytes?: true;
}

/** Decoding either gives pieces or a reason the literal has no value we can know. */
export type Decoded = { pieces: Piece[] } | { refused: string };

export type Value = { value: string } | { refused: string };

/** Collects pieces, merging neighbouring raw runs. */
export class PieceList {
  readonly pieces: Piece[] = [];

  raw(start: number, end: number, text: string): void {
    if (start === end) return;
    const last = this.pieces[this.pieces.length - 1];
    if (last?.kind === 'raw' && last.end === start) this.pieces[this.pieces.length - 1] = { start: last.start, end, text: last.text + text, kind: 'raw' };
    else this.pieces.push({ start, end, text, kind: 'raw' });
  }

  atom(start: number, end: number, text: string): void {
    this.pieces.push({ start, end, text, kind: 'atom' });
  }

  bytes(start: number, end: number, bytes: string): void {
    this.pieces.push({ start, end, text: bytes, kind: 'atom', bytes: true });
  }

  field(start: number, end: number): void {
    this.pieces.push({ start, end, text: '', kind: 'field' });
  }
}

/** Appends raw source `text[from, to)`, turning CRLF and lone CR into LF atoms when `normalise` is set. */
export function rawSource(list: PieceList, text: string, from: number, to: number, normalise: boolean): void {
  if (!normalise) {
    list.raw(from, to, text.slice(from, to));
    return;
  }
  let run = from;
  for (let i = from; i < to; i++) {
    if (text[i] !== '\r') continue;
    list.raw(run, i, text.slice(run, i));
    const end = text[i + 1] === '\n' && i + 1 < to ? i + 2 : i + 1;
    list.atom(i, end, '\n');
    run = end;
    i = end - 1;
  }
  list.raw(run, to, text.slice(run, to));
}

/** The text pieces stand for; byte escapes and the UTF-8 of the text around them must form UTF-8 text. */
export function joined(pieces: readonly Piece[]): Value {
  if (!pieces.some((p) => p.bytes)) return { value: pieces.map((p) => p.text).join('') };
  const bytes = Buffer.concat(pieces.map((p) => Buffer.from(p.text, p.bytes ? 'latin1' : 'utf8')));
  try {
    return { value: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { refused: NOT_TEXT };
  }
}

export function hasField(pieces: readonly Piece[]): boolean {
  return pieces.some((p) => p.kind === 'field');
}

/**
 * The value of source range `[from, to)` of a decoded literal. Refused when the range touches an
 * interpolation or cuts an escape sequence in two (then the source and the value do not line up).
 */
export function valueOfRange(pieces: readonly Piece[], from: number, to: number): Value {
  const selected: Piece[] = [];
  for (const piece of pieces) {
    // Pieces outside the range do not matter, fields included: in `f"{user}:S3cret"` the part is still fixed text.
    if (piece.end <= from || piece.start >= to) continue;
    if (piece.kind === 'field') return { refused: INTERPOLATED };
    if (piece.kind === 'atom') {
      if (piece.start < from || piece.end > to) return { refused: SPLIT_ESCAPE };
      selected.push(piece);
      continue;
    }
    const a = Math.max(from, piece.start);
    const b = Math.min(to, piece.end);
    selected.push({ start: a, end: b, text: piece.text.slice(a - piece.start, b - piece.start), kind: 'raw' });
  }
  return joined(selected);
}

export const INTERPOLATED =
  'The value is computed by the program (it includes an interpolated expression), so there is no fixed value to move: move only the hard-coded part, or edit it by hand.';
export const NOT_TEXT = 'The literal\u2019s escapes make bytes that are not UTF-8 text, and a secret or parameter holds text: move the value by hand.';
export const SPLIT_ESCAPE =
  'The value found starts or ends inside an escape sequence, so its exact characters are unclear: edit the literal so the secret stands on its own, then try again.';
