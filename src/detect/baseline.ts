// The baseline file: `{ "version": 2, "fingerprints": [...] }`, plus `"legacy": [...]`
// while it still holds version 1 entries (value-derived hashes from an older release,
// kept working until converted). Pure functions over strings and findings; reading
// and writing the file is the caller's business.

import { fingerprintFindings, legacyFingerprint } from './fingerprint';
import type { Finding } from './types';

export const BASELINE_VERSION = 2;

/** Why a text is not a baseline. The message never quotes the file: a mistaken file may hold anything, a secret included. */
export class BaselineError extends Error {}

export interface Baseline {
  /** Version 2 fingerprints (location and name, never the value). */
  fingerprints: ReadonlySet<string>;
  /** Version 1 fingerprints (hashes of the secrets), from a baseline written by an older release. */
  legacy: ReadonlySet<string>;
}

/** The accepted fingerprints; throws BaselineError with a readable reason when the text is not a baseline. */
export function parseBaseline(text: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    // V8's message may quote the text around the mistake; only the position is kept, when it gives one.
    const position = /\bposition (\d+)/.exec((error as Error).message)?.[1];
    throw new BaselineError(`not valid JSON${position === undefined ? '' : ` (at ${lineColumn(text, Number(position))})`}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new BaselineError('expected a JSON object with "version" and "fingerprints"');
  const { version, fingerprints, legacy } = data as { version?: unknown; fingerprints?: unknown; legacy?: unknown };
  if (version !== 1 && version !== 2) throw new BaselineError('unsupported "version" (expected 1 or 2)');
  const entries = readFingerprints(fingerprints, 'fingerprints');
  if (version === 1) return { fingerprints: new Set(), legacy: entries };
  return { fingerprints: entries, legacy: legacy === undefined ? new Set() : readFingerprints(legacy, 'legacy') };
}

/** The entries of one fingerprint list. A bad entry is named by its position: the file's content is never quoted. */
function readFingerprints(value: unknown, field: string): Set<string> {
  if (!Array.isArray(value)) throw new BaselineError(`"${field}" must be an array`);
  const result = new Set<string>();
  value.forEach((entry: unknown, index) => {
    if (typeof entry !== 'string' || !/^[0-9a-f]{64}$/.test(entry))
      throw new BaselineError(`"${field}" entry ${index + 1} is not a fingerprint (64 hex digits)`);
    result.add(entry);
  });
  return result;
}

function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  return `line ${before.split('\n').length}, column ${offset - before.lastIndexOf('\n')}`;
}

/** Sorted, de-duplicated, pretty-printed with a final newline (diff-friendly in a repository). */
export function serializeBaseline(fingerprints: Iterable<string>, legacy: Iterable<string> = []): string {
  const sorted = [...new Set(fingerprints)].sort();
  const old = [...new Set(legacy)].sort();
  return `${JSON.stringify({ version: BASELINE_VERSION, fingerprints: sorted, ...(old.length ? { legacy: old } : {}) }, null, 2)}\n`;
}

export interface BaselineMatch {
  /** The version 2 fingerprint of each finding (what a baseline written now would hold). */
  fingerprints: string[];
  /** Whether the baseline accepts each finding. */
  accepted: boolean[];
  /** The legacy entries that matched (a conversion replaces them with the version 2 fingerprints). */
  legacyMatched: Set<string>;
}

/**
 * Which of one file's findings (all of them, in scan order) the baseline accepts. `secretOf`
 * is called only when the baseline still holds version 1 entries, which hash the value.
 */
export function matchBaseline(
  baseline: Baseline | undefined,
  relativePath: string,
  findings: readonly Finding[],
  secretOf: (finding: Finding) => string,
): BaselineMatch {
  const fingerprints = fingerprintFindings(relativePath, findings);
  const legacyMatched = new Set<string>();
  const accepted = findings.map((finding, i) => {
    if (!baseline) return false;
    if (baseline.fingerprints.has(fingerprints[i])) return true;
    if (baseline.legacy.size === 0) return false;
    const old = legacyFingerprint(relativePath, finding.ruleId, secretOf(finding));
    if (!baseline.legacy.has(old)) return false;
    legacyMatched.add(old);
    return true;
  });
  return { fingerprints, accepted, legacyMatched };
}

/** What to tell a user whose baseline still holds version 1 entries. */
export function legacyBaselineWarning(file: string, count: number): string {
  return (
    `${file} holds ${count} version 1 fingerprint${count === 1 ? '' : 's'}: hashes of the secrets themselves, so anyone with the file can test ` +
    `guesses of a short password against it. They still work. Convert them with: aws-secrets-lens scan --migrate-baseline ${file}`
  );
}
