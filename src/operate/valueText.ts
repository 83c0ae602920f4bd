import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';

/**
 * How a secret or parameter value is shown in a document and turned back into a value on
 * save. VS Code-free so it can be unit-tested; never logs or returns values in messages.
 */

export type ValueShape = 'json-compact' | 'json-pretty' | 'text' | 'binary';

export interface DisplayedValue {
  readonly text: string;
  readonly shape: ValueShape;
}

/** JSON objects and arrays are pretty-printed; binary is shown as base64. */
export function displayValue(value: { text?: string; binary?: Uint8Array }): DisplayedValue {
  if (value.binary !== undefined && value.text === undefined) return { text: Buffer.from(value.binary).toString('base64'), shape: 'binary' };
  const text = value.text ?? '';
  const trimmed = text.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      const pretty = JSON.stringify(parsed, null, 2);
      return { text: pretty, shape: text.includes('\n') ? 'json-pretty' : 'json-compact' };
    } catch {
      // Looks like JSON but isn't: show it exactly as stored.
    }
  }
  return { text, shape: 'text' };
}

/**
 * The value to store for edited document text. A JSON secret must still parse (the error
 * names the line and column, never the text); one stored compactly is stored compactly again,
 * as the AWS console does.
 */
export function valueToStore(edited: string, shape: ValueShape): { value: string } | { problem: string } {
  if (shape === 'binary') return { problem: 'Binary secrets cannot be edited as text.' };
  if (shape === 'text') return { value: edited };
  // jsonc-parser in strict mode reports where the text breaks without quoting it (V8's JSON.parse messages may quote the value).
  const errors: ParseError[] = [];
  const parsed: unknown = parse(edited, errors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: false });
  if (errors.length > 0) {
    const { offset, error } = errors[0];
    return {
      problem: `The text is no longer valid JSON: ${describeParseError(printParseErrorCode(error))} at ${lineColumn(edited, offset)}. Fix it and save again; your text is kept.`,
    };
  }
  return { value: shape === 'json-compact' ? JSON.stringify(parsed) : edited };
}

/** "PropertyNameExpected" → "property name expected". */
function describeParseError(code: string): string {
  return code === 'InvalidSymbol' ? 'unexpected character' : code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  return `line ${before.split('\n').length}, column ${offset - before.lastIndexOf('\n')}`;
}
