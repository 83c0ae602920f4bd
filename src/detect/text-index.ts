// Maps offsets to line / character positions. Built once per scan; lookups are
// a binary search, so only findings (not every line) pay for positions.

import type { SourceRange } from './types';

export class TextIndex {
  /** Offset of the first character of each line. */
  readonly lineStarts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    let at = text.indexOf('\n');
    while (at !== -1) {
      starts.push(at + 1);
      at = text.indexOf('\n', at + 1);
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** Line number (0-based) that contains `offset`. */
  lineAt(offset: number): number {
    const starts = this.lineStarts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  lineStart(line: number): number {
    return this.lineStarts[line];
  }

  /** Offset just past the line's last character, without its `\r\n` / `\n`. */
  lineEnd(line: number): number {
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] - 1 : this.text.length;
    return next > this.lineStarts[line] && this.text.charCodeAt(next - 1) === 13 ? next - 1 : next;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStarts[line], this.lineEnd(line));
  }

  range(start: number, end: number): SourceRange {
    const startLine = this.lineAt(start);
    const endLine = end === start ? startLine : this.lineAt(end);
    return {
      start,
      end,
      startLine,
      startCharacter: start - this.lineStarts[startLine],
      endLine,
      endCharacter: end - this.lineStarts[endLine],
    };
  }
}
