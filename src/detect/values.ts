// Decides whether a value found next to a secret-ish name is plausibly a real
// secret: rejects placeholders, lookups, references, hashes, ids, words and
// other shapes that reviewers never flag, then asks for enough randomness.

import { charClasses, classCount, shannonEntropy } from './entropy';
import type { Confidence } from './types';

/** Whole values that stand for "fill this in" (compared lower-case, after leet folding). */
const PLACEHOLDER_WORDS = new Set([
  'password',
  'passwd',
  'pass',
  'pwd',
  'secret',
  'token',
  'apikey',
  'api_key',
  'key',
  'changeme',
  'changeit',
  'default',
  'none',
  'null',
  'nil',
  'undefined',
  'true',
  'false',
  'yes',
  'no',
  'empty',
  'admin',
  'root',
  'user',
  'username',
  'guest',
  'test',
  'testing',
  'example',
  'sample',
  'dummy',
  'fake',
  'mock',
  'foo',
  'bar',
  'baz',
  'foobar',
  'qux',
  'abc',
  'abcdef',
  'abc123',
  'xyz',
  'qwerty',
  'letmein',
  'welcome',
  'todo',
  'fixme',
  'tbd',
  'redacted',
  'hidden',
  'masked',
  'removed',
  'omitted',
  'required',
  'optional',
  'string',
  'text',
  'value',
  'secretkey',
  'accesskey',
  'credentials',
  'unknown',
  'notset',
  'unset',
  'blank',
  'sensitive',
  'private',
  'public',
  'anonymous',
  'demo',
  'local',
  'localhost',
]);

/** Substrings that mark a value as illustrative wherever they occur (lower, UPPER or Capitalised). */
const PLACEHOLDER_PARTS = [
  'changeme',
  'change_me',
  'change-me',
  'changeit',
  'example',
  'dummy',
  'placeholder',
  'sample',
  'fake',
  'your',
  'redacted',
  'replace',
  'insert',
  'todo',
  'fixme',
  'test',
  'mock',
  'lorem',
  'notreal',
  'not_real',
  'not-real',
  'foobar',
  'password',
  'passwd',
  'secret',
];
const PLACEHOLDER_PART = new RegExp(
  [...PLACEHOLDER_PARTS.flatMap((p) => [p, p.toUpperCase(), p[0].toUpperCase() + p.slice(1)]), 'xxxx', 'XXXX', '\\*\\*\\*', '\\.\\.\\.', '\u2026'].join('|'),
);

/** Prefixes of values that point at a secret store or another variable instead of holding a secret. */
const REFERENCE_PREFIXES = [
  '!ref',
  '!sub',
  '!getatt',
  '!importvalue',
  '!findinmap',
  '!join',
  '!select',
  'enc[',
  'vault:',
  'op://',
  'arn:',
  'ssm:',
  'secretsmanager:',
  'env:',
  'env(',
  'file:',
  '@microsoft.keyvault(',
  'kms:',
  'akv:',
  'sops:',
  'awskms:',
  'process.env',
  'os.environ',
  'os.getenv',
  'system.getenv',
  'environment.getenvironmentvariable',
  'env[',
  'env.',
  'var.',
  'local.',
  'data.',
  'module.',
  'getenv(',
  'secrets.',
  'config.',
  'settings.',
  'params.',
  'parameters.',
  'request.',
  'req.',
  'this.',
  'self.',
];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HEX_DIGEST = /^(?:[0-9a-f]{40}|[0-9a-f]{64}|[0-9a-f]{96}|[0-9a-f]{128})$/i;
const PREFIXED_DIGEST = /^(?:sha1|sha224|sha256|sha384|sha512|md5)[-:]/i;
const PASSWORD_HASH = /^(?:\$2[abxy]?\$\d\d\$|\$argon2|\$[1356]\$|\{(?:ssha|sha|bcrypt|md5|crypt|pbkdf2)[^}]{0,10}\}|pbkdf2_sha\d{3}\$)/i;
const TEMPLATE = /\$\{|\{\{|#\{|\$\(|%\(|\{\d*\}|%[sd]\b|<%|^\$(?:[A-Z_][A-Z0-9_]*|[a-z_][a-z0-9_]*)$/;
const ANGLE_OR_BRACKET_PLACEHOLDER = /^(?:<[^>]{0,200}>|\[[^\]]{0,200}\]|\{[^}]{0,200}\}|%[A-Za-z_][A-Za-z0-9_]{0,80}%|\(.{0,200}\))$/;
const VERSION_DATE_OR_NUMBER = /^[vV]?[\d.:\-_/+ ]{1,40}$/;
const URL = /^[a-zA-Z][a-zA-Z0-9+.-]{1,20}:\/\//;
const EMAIL = /^[^@\s]{1,64}@[^@\s]{1,255}\.[a-zA-Z]{2,}$/;
const FILE_PATH =
  /^(?:\/|\.{1,2}\/|~\/|[a-zA-Z]:\\)|\.(?:pem|key|json|txt|ya?ml|p12|pfx|crt|cer|der|jks|keystore|env|ini|conf|cfg|xml|properties|pub|gpg|asc)$/i;
const FUNCTION_CALL = /^[A-Za-z_$][\w$.]{0,80}\(.{0,200}\)$/;
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's' };

/** True when the value is a placeholder such as `changeme`, `<password>`, `${DB_PASS}`, `xxxx`, `****`. */
export function isPlaceholder(value: string): boolean {
  const lower = value.toLowerCase();
  if (PLACEHOLDER_WORDS.has(lower) || PLACEHOLDER_PART.test(value)) return true;
  if (/[013457@$]/.test(value)) {
    const folded = value.replace(/[013457@$]/g, (c) => LEET[c] ?? c);
    if (PLACEHOLDER_WORDS.has(folded.toLowerCase()) || PLACEHOLDER_PART.test(folded)) return true;
  }
  if (TEMPLATE.test(value) || ANGLE_OR_BRACKET_PLACEHOLDER.test(value)) return true;
  if (/^(.)\1*$/.test(value)) return true; // "xxxxxxxx", "********", "00000000"
  if (/^(.{1,4})\1{2,}$/.test(value)) return true; // "abcabcabc", "1234123412341234"
  return false;
}

/** True when the value points at another source: an environment variable, a secret store, a variable. */
export function isReference(value: string): boolean {
  const lower = value.toLowerCase();
  for (const prefix of REFERENCE_PREFIXES) {
    if (lower.startsWith(prefix)) return true;
  }
  return FUNCTION_CALL.test(value);
}

/** True for well-known non-secret shapes: UUIDs, digests, password hashes, URLs, paths, emails, versions. */
export function isNonSecretShape(value: string): boolean {
  return (
    UUID.test(value) ||
    HEX_DIGEST.test(value) ||
    PREFIXED_DIGEST.test(value) ||
    PASSWORD_HASH.test(value) ||
    URL.test(value) ||
    EMAIL.test(value) ||
    FILE_PATH.test(value) ||
    VERSION_DATE_OR_NUMBER.test(value)
  );
}

/**
 * True when the value reads like words and small numbers joined the way
 * identifiers are: `user_password`, `X-Api-Key`, `prod/db/password`,
 * `passwordField`, `Authorization`, `v2.3-beta`. Random strings fail: they hold
 * symbols, oddly cased or vowel-less pieces, or many one-letter pieces.
 */
export function isWordLike(value: string): boolean {
  if (/[^A-Za-z0-9_\-./: ]/.test(value)) return false;
  const classes = charClasses(value);
  if (classes.digit >= 3 && classes.upper > 0 && classes.lower > 0) return false;
  const pieces = value.split(/[_\-./: ]+|(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])/);
  let letters = 0;
  let short = 0;
  let upperPieces = 0;
  let lowerPieces = 0;
  for (const piece of pieces) {
    if (piece === '') continue;
    if (/^\d+$/.test(piece)) {
      if (piece.length > 4) return false;
      continue;
    }
    if (!/^(?:[a-z]+|[A-Z][a-z]*|[A-Z]+)$/.test(piece) || !isWordy(piece)) return false;
    if (piece.length <= 2 && ++short > 1) return false;
    if (piece.length >= 2 && piece === piece.toUpperCase()) upperPieces++;
    if (piece === piece.toLowerCase()) lowerPieces++;
    letters += piece.length;
  }
  // Identifiers keep one convention; "QXXG_wegibdr" mixes ALL-CAPS and lower-case pieces.
  if (upperPieces > 0 && lowerPieces > 0) return false;
  return letters > 0;
}

function isWordy(piece: string): boolean {
  const lower = piece.toLowerCase();
  if (lower.length === 1) return true;
  let vowels = 0;
  let run = 0;
  for (let i = 0; i < lower.length; i++) {
    if ('aeiouy'.includes(lower[i])) {
      vowels++;
      run = 0;
    } else if (++run > 4) {
      return false;
    }
  }
  // Upper-case acronyms such as "API", "DB", "URL" are words too.
  if (vowels === 0) return piece === piece.toUpperCase() && piece.length <= 4;
  return vowels / lower.length >= 0.2;
}

export interface ValueVerdict {
  confidence: Confidence;
}

/**
 * Whether a literal assigned to a secret-ish name looks like a real secret.
 * `minEntropy` is the bar (bits per character) for long values; short ones get a
 * proportionally lower bar because a random 8-character password cannot reach 3 bits.
 */
export function judgeSecretValue(value: string, minEntropy = 3.0): ValueVerdict | undefined {
  const length = value.length;
  if (length < 6 || length > 1000) return undefined;
  if (/\s/.test(value)) return undefined;
  if (isPlaceholder(value) || isReference(value) || isNonSecretShape(value)) return undefined;
  const classes = charClasses(value);
  const count = classCount(classes);
  const entropy = shannonEntropy(value);
  // Short values cannot reach the bar; three or more character classes are evidence of randomness too.
  const bar = Math.min(minEntropy, (count >= 3 ? 0.7 : 0.8) * Math.log2(length));
  if (entropy < bar) return undefined;
  if (count === 1) {
    // Letters only (digits or symbols only are never flagged): long and not a word.
    if (classes.lower + classes.upper !== length || length < 12 || isWordLike(value)) return undefined;
    return { confidence: 'low' };
  }
  if (isWordLike(value)) return undefined;
  if (length < 8 && count < 3) return undefined;
  return { confidence: entropy >= 3.5 && length >= 16 ? 'high' : 'medium' };
}
