// Decides whether a value found next to a secret-ish name is plausibly a real
// secret. The name says how much to ask of the value: under a strong name
// (`password`, `client_secret`, `api_key`) a hex key or a human-chosen password
// counts, under a weak one (`token`, `primary_key`, `auth`) only a random-looking
// value does. Shapes that are never secrets (./value-shapes) are rejected first.

import { decodeBase64Text } from './base64';
import { isDictionaryWord } from './dictionary';
import { charClasses, classCount, shannonEntropy } from './entropy';
import { splitWords, type SecretNameKind } from './names';
import type { Confidence } from './types';
import {
  isCamelCase,
  isConstantName,
  isExpression,
  isFiller,
  isFormatString,
  isIdentifierLike,
  isNaturalLanguage,
  isPlaceholder,
  isReference,
  runFraction,
} from './value-shapes';

export { isPlaceholder, isReference } from './value-shapes';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HEX = /^[0-9a-f]+$/i;
const PREFIXED_DIGEST = /^(?:sha1|sha224|sha256|sha384|sha512|md5)[-:]/i;
const PASSWORD_HASH =
  /^(?:\$2[abxy]?\$\d\d\$|\$argon2|\$[1356]\$|\$(?:[PH]|y|gy|7)\$|\$(?:pbkdf2|scrypt)(?:-sha\d+)?\$|\{(?:ssha|sha|bcrypt|md5|crypt|pbkdf2)[^}]{0,10}\}|pbkdf2_sha\d{3}\$)/i;
/** DER SubjectPublicKeyInfo in base64 (`MIIBIjANBgkqhkiG9w0BAQEFAAOC…`, `MFkwEwYHKoZIzj0CAQYI…`): a public key. */
const PUBLIC_KEY_DER = /^MI[GIJ][A-Za-z0-9+/]{1,3}MA0GCSqGSIb3DQEBAQUAA|^MFkwEwYHKoZIzj0CAQYI|^MHYwEAYHKoZIzj0CAQYF|^MCowBQYDK2Vw/;
const VERSION_DATE_OR_NUMBER = /^[vV]?[\d.:\-_/+ ]{1,40}$/;
/** `5.0.0-beta.30`, `^1.2.3`, `~2.0.0-rc.1+build.5`: a version (semver.org), e.g. a dependency under `next-auth@5`. */
const SEMVER = /^[~^=<>]{0,2}[vV]?\d{1,9}\.\d{1,9}\.\d{1,9}(?:-[0-9A-Za-z.-]{1,40})?(?:\+[0-9A-Za-z.-]{1,40})?$/;
/** IPv6 and MAC addresses. */
const ADDRESS = /^[0-9a-f]{1,4}(?::[0-9a-f]{0,4}){2,7}$|^(?:[0-9a-f]{2}[:-]){5}[0-9a-f]{2}$/i;
/** `src/test/**` followed by `/*`, `*.min.js`: a glob. */
const GLOB = /^[\w.-]{0,100}(?:\/[\w.*-]{0,100}){1,20}$(?<=\*.{0,200})|^\*\.[\w.]{1,20}$/;
const URL = /^[a-zA-Z][a-zA-Z0-9+.-]{1,20}:\/\//;
const EMAIL = /^[^@\s]{1,64}@[^@\s]{1,255}\.[a-zA-Z]{2,}$/;
const FILE_PATH =
  /^(?:\/|\.{1,2}\/|~\/|[a-zA-Z]:\\)|\.(?:pem|key|json|txt|ya?ml|p12|pfx|crt|cer|der|jks|keystore|env|ini|conf|cfg|xml|properties|pub|gpg|asc|html?|pdf|jpe?g|png)$/i;

export type NameStrength = 'strong' | 'weak';

export interface JudgeOptions {
  /** What the name announces (default `secret`). */
  kind?: SecretNameKind;
  /** Strong names accept hex keys and human passwords; weak ones only random values (default strong). */
  strength?: NameStrength;
  /** `inline`: a `name=value` pair inside a longer string or list, weaker evidence than an assignment. */
  position?: 'assignment' | 'inline';
  /** The value stood unquoted in code or prose, where it may be an expression. */
  bare?: boolean;
  /** The value is the content of a quoted literal, where a backslash escape (`\"`, `\\`, `\x41`) writes one character. */
  escapes?: boolean;
  /** Minimum Shannon entropy (bits per character) for random-looking values. */
  minEntropy?: number;
  /** The value sits in a comment or prose: a human-chosen password there is an illustration. */
  documentation?: boolean;
  /** The value sits in a configuration file: only there does a letters-only password count. */
  config?: boolean;
  /** The name and the file: a password equal to one of their words (`POSTGRES_PASSWORD: postgres`) is the vendor's default. */
  name?: string;
  fileName?: string;
}

export interface ValueVerdict {
  confidence: Confidence;
}

/** True for well-known non-secret shapes: digests with a prefix, password hashes, public keys, URLs, paths, emails, versions. */
export function isNonSecretShape(value: string): boolean {
  return (
    PREFIXED_DIGEST.test(value) ||
    PASSWORD_HASH.test(value) ||
    PUBLIC_KEY_DER.test(value) ||
    URL.test(value) ||
    EMAIL.test(value) ||
    FILE_PATH.test(value) ||
    VERSION_DATE_OR_NUMBER.test(value) ||
    SEMVER.test(value) ||
    ADDRESS.test(value) ||
    GLOB.test(value)
  );
}

/** Whether a literal assigned to a secret-ish name looks like a real secret. */
export function judgeSecretValue(value: string, options: JudgeOptions = {}): ValueVerdict | undefined {
  return judge(value, options, true);
}

function judge(value: string, options: JudgeOptions, decode: boolean): ValueVerdict | undefined {
  const kind = options.kind ?? 'secret';
  const strength = options.strength ?? 'strong';
  const length = value.length;
  if (length < 6 || length > 1000) return undefined;
  // Whitespace, double quotes and backslashes: prose or code, not a key (`Token token$"lifo"`, `rcHu+\\"/896A`).
  // In a quoted literal an escape is how the code writes one character of the value (`"Zq8\"vLp2"`),
  // so each counts as an ordinary one here: an escape alone never makes a password look like code.
  if (/[\s"\\]/.test(options.escapes ? unescapedShape(value) : value)) return undefined;
  // `=[]:;"~|?#@^/$%*`: a list of the characters a URL must escape, not a credential.
  if (!/[\p{L}\p{N}]/u.test(value)) return undefined;
  if (options.bare && isExpression(value)) return undefined;
  if (decode && options.position === 'inline' && /%[0-9A-Fa-f]{2}/.test(value)) {
    // `_password=%20_password%40123` in a query string: judge what it decodes to.
    const decoded = decodePercent(value);
    return decoded === undefined ? undefined : judge(decoded, options, false);
  }
  if (decode && /%[0-9A-Fa-f]{2}/.test(value) && !/%(?![0-9A-Fa-f]{2})/.test(value)) {
    // `'password': 'p%5Bass'` beside the URL it came from: URL-encoded text is judged by what it encodes.
    // A `%` that starts no escape (`AGYw%O%3TJD#-4`) is part of a password, which is judged as written.
    const decoded = decodePercent(value);
    if (decoded !== undefined) return judge(decoded, options, false);
  }
  if (isPlaceholder(value) || isReference(value) || isFormatString(value) || isNaturalLanguage(value)) return undefined;
  if (decode) {
    const text = decodeBase64Text(value);
    if (text !== undefined) return judgeDecoded(text, options);
  }
  const human = kind === 'password' && strength === 'strong';
  if (isFiller(value, human ? 0.95 : 0.5)) return undefined;
  if (UUID.test(value)) return kind === 'token' ? { confidence: 'medium' } : undefined;
  if (HEX.test(value) && /[0-9]/.test(value)) return judgeHex(value, strength, kind);
  if (isNonSecretShape(value)) return undefined;
  const random = judgeRandom(value, options.minEntropy ?? 3.0);
  // Under a weak name, only a clearly random value counts; in documentation, only a high-entropy one.
  if (random)
    return (strength === 'weak' && random.confidence === 'low') || (strength === 'weak' && options.documentation && random.confidence !== 'high')
      ? undefined
      : random;
  if (!human || options.documentation || isNamedDefault(value, options)) return undefined;
  return judgeHumanPassword(value, options.position ?? 'assignment', options.config === true);
}

/** The value with each backslash escape as one character: white space for `\t` `\n` `\r` `\f` `\v`, a letter for the rest. */
function unescapedShape(value: string): string {
  return value.replace(/\\(?:([tnrfv])|x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|.)/g, (_escape, space: string | undefined) => (space ? ' ' : 'e'));
}

/** `POSTGRES_PASSWORD: postgres`, `keystore_password: cassandra` in cassandra.yaml: the value is a word of its name, file or folder. */
function isNamedDefault(value: string, options: JudgeOptions): boolean {
  // `somewordpress`, `mynextcloud`: the same default with a filler in front.
  const lower = value.toLowerCase().replace(/^(?:some|my|your|the)(?=[a-z]{4})/, '');
  if (options.name && splitWords(options.name).includes(lower)) return true;
  const file = options.fileName;
  if (!file) return false;
  // The file's name and its folder's: `wordpress-mysql/compose.yaml` with `MYSQL_PASSWORD=wordpress`.
  const [base = '', folder = ''] = file.split(/[\\/]/).reverse();
  return splitWords(base.replace(/\.[^.]*$/, '')).includes(lower) || splitWords(folder).includes(lower);
}

/** `%24` → `$`; undefined when the escapes are malformed. */
export function decodePercent(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

/**
 * The decoded text of a base64 value: key material, `user:password` (a `Basic`
 * header or an htpasswd line), or a value judged like any other.
 */
function judgeDecoded(text: string, options: JudgeOptions): ValueVerdict | undefined {
  if (text.includes('-----BEGIN ')) return /PRIVATE KEY-----[\s\S]{64,}?-----END/.test(text) ? { confidence: 'high' } : undefined;
  const pair = /^([^:\s]{1,64}):(\S{1,256})$/.exec(text.trim());
  if (pair) return judge(pair[2], { ...options, kind: 'password', strength: 'strong', position: 'inline' }, false);
  return judge(text.trim(), options, false);
}

/** Digests of empty input (MD5, SHA-1, SHA-256): constants every codebase has, never keys. */
const EMPTY_DIGESTS = new Set([
  'd41d8cd98f00b204e9800998ecf8427e',
  'da39a3ee5e6b4b0d3255bfef95601890afd80709',
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
]);

/** Hex under a strong name is a key (`client_secret` is 40 hex, `secret_key_base` 64); under a weak one, a digest or id. */
function judgeHex(value: string, strength: NameStrength, kind: SecretNameKind): ValueVerdict | undefined {
  if (strength === 'weak' || value.length < 16 || shannonEntropy(value) < 3.0 || EMPTY_DIGESTS.has(value.toLowerCase())) return undefined;
  // A password stored as a digest's worth of hex is the hash of one (`sha1('foo')` in a user fixture).
  if (kind === 'password' && [32, 40, 56, 64, 96, 128].includes(value.length)) return undefined;
  return { confidence: value.length >= 32 ? 'medium' : 'low' };
}

/**
 * Random-looking: enough entropy for its length (short values get a
 * proportionally lower bar, since 8 random characters cannot reach 3 bits), and
 * not identifier-like.
 */
function judgeRandom(value: string, minEntropy: number): ValueVerdict | undefined {
  const length = value.length;
  const classes = charClasses(value);
  const count = classCount(classes);
  const entropy = shannonEntropy(value);
  const bar = Math.min(minEntropy, (count >= 3 ? 0.7 : 0.8) * Math.log2(length));
  if (entropy < bar) return undefined;
  if (count === 1) {
    // Letters only (digits or symbols only are never random keys): long and not a word.
    if (classes.lower + classes.upper !== length || length < 12 || isIdentifierLike(value)) return undefined;
    return { confidence: 'low' };
  }
  // `ThisIsMyCustomSecretKey0123456789`: an identifier with a counting run after it.
  const core = value.replace(/\d{4,}$/, (digits) => (runFraction(digits) === 1 ? '' : digits));
  if (isIdentifierLike(core) || isCamelCase(core)) return undefined;
  // Short values (`en_001`), and those with two kinds of characters (`changed!`, `hunter42`), are words more often than keys.
  if (length < 8 || (length < 12 && count < 3)) return undefined;
  return { confidence: entropy >= 3.5 && length >= 16 ? 'high' : 'medium' };
}

/**
 * A password a person chose (`rootpasswd`, `Admin12345`, `P4§$w0rd`,
 * `iWishIWereCoolEnoughForRoot!`), judged only under a strong password name: not
 * an English word, not an identifier, not entirely runs.
 */
function judgeHumanPassword(value: string, position: 'assignment' | 'inline', config: boolean): ValueVerdict | undefined {
  const length = value.length;
  if (length > 64) return undefined;
  const classes = charClasses(value);
  const letters = classes.lower + classes.upper;
  if (letters === length) {
    // Letters only: in code a test string, a label or a word; in a configuration file a password unless it is a word or a name.
    // (The word list is consulted last: it is loaded on first use.)
    if (!config || position === 'inline' || length < 7 || isCamelCase(value) || isConstantName(value) || isDictionaryWord(value)) return undefined;
    return { confidence: 'low' };
  }
  if (/[_\-.:/]/.test(value) && isIdentifierLike(value)) return undefined; // `pass_word`, `string-2`, `user.name2`
  if (/^[A-Za-z]{1,4}[_\-.][0-9A-Za-z]{1,4}$/.test(value)) return undefined; // `en_001`, `v1.2`: a code
  if (isConstantName(value)) return undefined;
  if (classes.symbol > 0 && classes.digit === 0) {
    // `changed!`: a word with punctuation.
    const core = value.replace(/[^A-Za-z]/g, '');
    if (classes.symbol <= 2 && (core.length < 4 || isDictionaryWord(core))) return undefined;
  }
  if (letters === 0 && runFraction(value.replace(/[^0-9]/g, '')) === 1) return undefined;
  return { confidence: classCount(classes) >= 3 ? 'medium' : 'low' };
}
