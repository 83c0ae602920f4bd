// The baseline file: `{ "version": 1, "fingerprints": [...] }`. Pure functions over
// strings; reading and writing the file is the caller's business.

export const BASELINE_VERSION = 1;

/** Why a text is not a baseline. The message never quotes the file: a mistaken file may hold anything, a secret included. */
export class BaselineError extends Error {}

/** The accepted fingerprints; throws BaselineError with a readable reason when the text is not a baseline. */
export function parseBaseline(text: string): Set<string> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    // V8's message may quote the text around the mistake; only the position is kept, when it gives one.
    const position = /\bposition (\d+)/.exec((error as Error).message)?.[1];
    throw new BaselineError(`not valid JSON${position === undefined ? '' : ` (at ${lineColumn(text, Number(position))})`}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new BaselineError('expected a JSON object with "version" and "fingerprints"');
  const { version, fingerprints } = data as { version?: unknown; fingerprints?: unknown };
  if (version !== BASELINE_VERSION) throw new BaselineError(`unsupported "version" (expected ${BASELINE_VERSION})`);
  if (!Array.isArray(fingerprints)) throw new BaselineError('"fingerprints" must be an array');
  const result = new Set<string>();
  fingerprints.forEach((entry: unknown, index) => {
    if (typeof entry !== 'string' || !/^[0-9a-f]{64}$/.test(entry))
      throw new BaselineError(`"fingerprints" entry ${index + 1} is not a fingerprint (64 hex digits)`);
    result.add(entry);
  });
  return result;
}

function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  return `line ${before.split('\n').length}, column ${offset - before.lastIndexOf('\n')}`;
}

/** Sorted, de-duplicated, pretty-printed with a final newline (diff-friendly in a repository). */
export function serializeBaseline(fingerprints: Iterable<string>): string {
  const sorted = [...new Set(fingerprints)].sort();
  return `${JSON.stringify({ version: BASELINE_VERSION, fingerprints: sorted }, null, 2)}\n`;
}
