// Fingerprints identify an accepted finding in a baseline or a SARIF log without
// giving the secret away. Version 2 is derived from where the finding is and what it
// is called — the file, the rule, the name it is assigned to (or its kind) and which
// occurrence of that name in the file it is — never from the value: a short password
// cannot be recovered from it by guessing, however many guesses one makes. Line numbers
// are left out, so a finding stays accepted when code moves around it.
//
// Version 1 hashed the path, the rule and the secret itself (unsalted SHA-256), so
// anyone holding a baseline or SARIF file could test guesses of a short password
// against it. It is computed only to recognise the entries of old baselines.

import { createHash } from 'node:crypto';
import type { Finding } from './types';

/** Forward slashes, no leading `./`: the same file gives the same fingerprint on every OS. */
export function normalizeRelativePath(relativePath: string): string {
  return relativePath.replace(/\\/g, '/').replace(/^(?:\.\/)+/, '');
}

/**
 * Version 2 fingerprints of one file's findings, in the order `scan()` returns them: the
 * n-th finding of a rule under a name gets the same fingerprint wherever it moves in the file.
 */
export function fingerprintFindings(relativePath: string, findings: readonly Pick<Finding, 'ruleId' | 'name' | 'kind'>[]): string[] {
  const path = normalizeRelativePath(relativePath);
  const occurrences = new Map<string, number>();
  return findings.map((finding) => {
    const what = `${finding.ruleId}\u0000${finding.name ?? `(${finding.kind})`}`;
    const occurrence = occurrences.get(what) ?? 0;
    occurrences.set(what, occurrence + 1);
    return createHash('sha256').update(`aws-secrets-lens/2\u0000${path}\u0000${what}\u0000${occurrence}`).digest('hex');
  });
}

/** Version 1: SHA-256 of path, rule id and secret. Only to match entries of baselines written before version 2. */
export function legacyFingerprint(relativePath: string, ruleId: string, secretText: string): string {
  return createHash('sha256')
    .update(`aws-secrets-lens/1\u0000${normalizeRelativePath(relativePath)}\u0000${ruleId}\u0000${secretText}`)
    .digest('hex');
}
