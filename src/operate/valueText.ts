import { jsonProblem, minifyJson, prettyPrint } from './jsonValue';

/**
 * How a secret or parameter value is shown in a document and turned back into a value on
 * save, so that what the user sees and what an untouched save would write are the stored bytes.
 * VS Code-free so it can be unit-tested; never logs or returns values in messages.
 */

/**
 * - `json-compact`: stored exactly as `JSON.stringify` writes it, so it is shown pretty-printed
 *   and stored compactly again (token by token, nothing re-serialised), as the AWS console does.
 * - `json`: other JSON, shown and stored exactly as written (own formatting, or a big number,
 *   duplicate key or escape that pretty-printing would change); it must still parse on save.
 * - `text`, `binary` (shown as base64, not editable).
 */
export type ValueShape = 'json-compact' | 'json' | 'text' | 'binary';

export interface DisplayedValue {
  readonly text: string;
  readonly shape: ValueShape;
  /** Why JSON is shown exactly as stored instead of pretty-printed, when pretty-printing would have changed it. */
  readonly asStored?: string;
}

export function displayValue(value: { text?: string; binary?: Uint8Array }): DisplayedValue {
  if (value.binary !== undefined && value.text === undefined) return { text: Buffer.from(value.binary).toString('base64'), shape: 'binary' };
  const text = value.text ?? '';
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return { text, shape: 'text' };
  // Looks like JSON but isn't: show it exactly as stored.
  if (jsonProblem(text)) return { text, shape: 'text' };
  const printed = prettyPrint(text);
  if ('pretty' in printed) return { text: printed.pretty, shape: 'json-compact' };
  return printed.wouldChange ? { text, shape: 'json', asStored: printed.wouldChange } : { text, shape: 'json' };
}

/**
 * The value to store for edited document text. JSON must still parse (the error names the line
 * and column, never the text); JSON stored compactly is stored compactly again.
 */
export function valueToStore(edited: string, shape: ValueShape): { value: string } | { problem: string } {
  if (shape === 'binary') return { problem: 'Binary secrets cannot be edited as text.' };
  if (shape === 'text') return { value: edited };
  // jsonc-parser reports where the text breaks without quoting it (V8's JSON.parse messages may quote the value).
  const problem = jsonProblem(edited);
  if (problem) {
    return {
      problem: `The text is no longer valid JSON: ${problem.description} at ${lineColumn(edited, problem.offset)}. Fix it and save again; your text is kept.`,
    };
  }
  return { value: shape === 'json-compact' ? minifyJson(edited) : edited };
}

function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  return `line ${before.split('\n').length}, column ${offset - before.lastIndexOf('\n')}`;
}
