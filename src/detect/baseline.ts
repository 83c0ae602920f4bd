// The baseline file: `{ "version": 1, "fingerprints": [...] }`. Pure functions over
// strings; reading and writing the file is the caller's business.

export const BASELINE_VERSION = 1;

export class BaselineError extends Error {}

/** The accepted fingerprints; throws BaselineError with a readable reason when the text is not a baseline. */
export function parseBaseline(text: string): Set<string> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new BaselineError(`not valid JSON (${(error as Error).message})`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new BaselineError('expected a JSON object with "version" and "fingerprints"');
  const { version, fingerprints } = data as { version?: unknown; fingerprints?: unknown };
  if (version !== BASELINE_VERSION) throw new BaselineError(`unsupported version ${JSON.stringify(version)} (expected ${BASELINE_VERSION})`);
  if (!Array.isArray(fingerprints)) throw new BaselineError('"fingerprints" must be an array');
  const result = new Set<string>();
  for (const entry of fingerprints) {
    if (typeof entry !== 'string' || !/^[0-9a-f]{64}$/.test(entry)) throw new BaselineError(`not a fingerprint: ${JSON.stringify(entry).slice(0, 80)}`);
    result.add(entry);
  }
  return result;
}

/** Sorted, de-duplicated, pretty-printed with a final newline (diff-friendly in a repository). */
export function serializeBaseline(fingerprints: Iterable<string>): string {
  const sorted = [...new Set(fingerprints)].sort();
  return `${JSON.stringify({ version: BASELINE_VERSION, fingerprints: sorted }, null, 2)}\n`;
}
