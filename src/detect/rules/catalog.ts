// Every built-in rule with its human description: used in findings, in the
// SARIF rule list and in docs/detection.md.

import { KNOWN_FORMATS } from './known-formats';
import type { Severity } from '../types';

export interface RuleInfo {
  id: string;
  /** Short noun for the UI. */
  kind: string;
  description: string;
  severity: Severity;
}

const CONTEXT_RULES: readonly RuleInfo[] = [
  {
    id: 'aws-secret-access-key',
    kind: 'AWS secret access key',
    severity: 'error',
    description: 'A 40-character AWS secret access key, found by its name or next to an access key id.',
  },
  { id: 'private-key', kind: 'private key', severity: 'error', description: 'A PEM private key block (RSA, EC, DSA, OpenSSH, PGP, PKCS#8).' },
  { id: 'url-credentials', kind: 'password in URL', severity: 'error', description: 'A password embedded in a URL (scheme://user:password@host).' },
  {
    id: 'command-line-password',
    kind: 'password',
    severity: 'warning',
    description: 'A password passed to a command-line tool (curl -u user:password, sshpass -p).',
  },
  {
    id: 'credential-argument',
    kind: 'password',
    severity: 'warning',
    description: 'A password or signing secret passed positionally to a credential API (NetworkCredential, getConnection, HTTPBasicAuth, jwt.sign…).',
  },
  {
    id: 'connection-string-password',
    kind: 'password',
    severity: 'warning',
    description: 'A password inside a connection string (Password=…;, JDBC password=, DSN password=).',
  },
  { id: 'password-assignment', kind: 'password', severity: 'warning', description: 'A literal password assigned to a password-like name.' },
  { id: 'secret-assignment', kind: 'secret', severity: 'warning', description: 'A literal secret, token or API key assigned to a secret-like name.' },
];

const KNOWN_RULES: readonly RuleInfo[] = KNOWN_FORMATS.map((format) => ({
  id: format.id,
  kind: format.kind,
  severity: format.severity,
  description: `A ${format.kind} (recognised by its documented format).`,
}));

export const RULES: readonly RuleInfo[] = [...KNOWN_RULES, ...CONTEXT_RULES];

const BY_ID = new Map(RULES.map((rule) => [rule.id, rule]));

export function ruleInfo(ruleId: string): RuleInfo | undefined {
  return BY_ID.get(ruleId);
}
