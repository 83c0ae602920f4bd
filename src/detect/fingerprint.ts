// Fingerprints identify an accepted finding in a baseline without storing the
// secret: a SHA-256 over the file path, the rule and the secret. Line numbers
// are left out so a finding stays accepted when code moves around it.

import { createHash } from 'node:crypto';
import type { Finding } from './types';

/** Forward slashes, no leading `./`: the same file gives the same fingerprint on every OS. */
export function normalizeRelativePath(relativePath: string): string {
  return relativePath.replace(/\\/g, '/').replace(/^(?:\.\/)+/, '');
}

/** sha256 hex of path, rule id and secret text. */
export function fingerprint(relativePath: string, finding: Pick<Finding, 'ruleId'>, secretText: string): string {
  return createHash('sha256')
    .update(`aws-secrets-lens/1\u0000${normalizeRelativePath(relativePath)}\u0000${finding.ruleId}\u0000${secretText}`)
    .digest('hex');
}
