// Shapes of values that are not secrets, whatever name they are assigned to:
// placeholders, references to other sources, expressions, format strings,
// validation rules, natural-language text, identifiers and fillers. Each test is
// a bounded scan of one value; the judge in ./values decides how they combine.

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
  // Defaults that software ships with and documents: not chosen, so not secret.
  'postgres',
  'mysql',
  'oracle',
  'redis',
  'rabbitmq',
  'elastic',
  'mongo',
  'mongodb',
  'mariadb',
  'minioadmin',
  'keycloak',
  'jenkins',
  'grafana',
  'docker',
  'vagrant',
  'raspberry',
  'kibana',
  'couchdb',
  'sonar',
  'nexus',
  'openstack',
]);

/**
 * Substrings that mark a value as illustrative wherever they occur: lower-case, UPPER-CASE or
 * Capitalised, so that random text (`…xTOdo…`) does not match by chance.
 */
const MARKER_WORDS = [
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
  'lorem',
  'notreal',
  'not_real',
  'not-real',
  'foobar',
];
const MARKER_PART = new RegExp(
  [
    ...MARKER_WORDS.flatMap((p) => [p, p.toUpperCase(), p[0].toUpperCase() + p.slice(1)]),
    'ChangeMe',
    'changeMe',
    'ChangeIt',
    'NotReal',
    'FooBar',
    'PlaceHolder',
    'xxxx',
    'XXXX',
    '\\*\\*\\*',
    '\\.\\.\\.',
    '\u2026',
  ].join('|'),
);

/**
 * Words that fill a value only when nothing else is there: `test`, `password`, `my_secret`,
 * `test-password-123`. A real password that merely contains one (`Te5t!Qx9`, `rootpasswd`)
 * keeps what is left and is judged on that.
 */
const SLOT_WORDS = [
  'password',
  'passwd',
  'passphrase',
  'secret',
  'token',
  'apikey',
  'testing',
  'test',
  'mock',
  'pass',
  'pwd',
  'api',
  'app',
  'application',
  'client',
  'dsn',
  'key',
  'auth',
  'access',
  'user',
  'login',
  'my',
  'your',
  'the',
  'some',
  'new',
  'old',
  'other',
  'another',
  'default',
  'secure',
  'strong',
  'super',
  'demo',
  'bad',
  'wrong',
  'invalid',
  'incorrect',
  'good',
  'correct',
  'valid',
  'value',
  'here',
  'foo',
  'bar',
  'baz',
];
const SLOT_WORD = new RegExp(SLOT_WORDS.join('|'), 'g');

const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's' };
const TEMPLATE =
  /\$\{|\{\{|#\{|\$\(|%\(|\{\d*\}|\{\$[A-Za-z_]|\{[A-Za-z_][\w.]{0,40}\}|%[sd]\b|<%|%env\(|^%[\w.()-]{1,80}%$|^\$(?:[A-Z_][A-Z0-9_]*|[a-z_][a-z0-9_]*)$/;
/** `!SENDGRID_VALIDATION_SECRET!`, `__API_TOKEN__`: a constant's name wrapped in markers. */
const WRAPPED_CONSTANT = /^[^A-Za-z0-9]{1,3}[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+[^A-Za-z0-9]{1,3}$/;
const BRACKETED = /^(?:<[^>]{0,200}>|\[[^\]]{0,200}\]|\{[^}]{0,200}\}|%[A-Za-z_][A-Za-z0-9_]{0,80}%|\(.{0,200}\))$/;
/** `<key>:<token>`, `[name]:[valueKey]`, `@ACCESS_KEY`: a value that describes its own slots. */
const SLOT_MARKUP = /<[A-Za-z_][\w.\- ]{0,40}>|\[[A-Za-z_][\w.\- ]{0,40}\]|^@[A-Z][A-Z0-9_]{2,60}$/;

/** True when the value is a placeholder such as `changeme`, `<password>`, `${DB_PASS}`, `xxxx`, `my_password`. */
export function isPlaceholder(value: string): boolean {
  if (isPlaceholderText(value)) return true;
  if (/[013457@$]/.test(value)) {
    const folded = value.replace(/[013457@$]/g, (c) => LEET[c] ?? c);
    if (isPlaceholderText(folded)) return true;
  }
  return TEMPLATE.test(value) || BRACKETED.test(value) || SLOT_MARKUP.test(value) || WRAPPED_CONSTANT.test(value);
}

function isPlaceholderText(value: string): boolean {
  if (MARKER_PART.test(value)) return true;
  if (value.length > 64) return false; // placeholder words and slot words are short
  const lower = value.toLowerCase();
  if (PLACEHOLDER_WORDS.has(lower)) return true;
  const letters = lower.replace(/[^a-z0-9]/g, '');
  if (letters !== lower && PLACEHOLDER_WORDS.has(letters)) return true; // `pas:swo:rd`, `pass-word`
  return SLOT_HINT.test(letters) && onlySlotWords(lower);
}

/** A slot word somewhere (cheap test before the full one). */
const SLOT_HINT = /pass|secret|token|key|test|mock|pwd|api|auth|user|login|my|your|the|demo|value|foo|bar/;

/** `my_password`, `test-secret-1234`, `secure-password`: nothing but slot words, separators and a counting suffix. */
function onlySlotWords(lower: string): boolean {
  if (lower.length < 3 || lower.length > 64) return false;
  const alnum = lower.replace(/[^a-z0-9]/g, '');
  // `my…password`, `your_api_key`, `MySekretPa$$word`: a value that introduces itself as mine or yours.
  if (/^(?:my|your|the)[a-z]/.test(alnum) && /pass|secret|token|key|pwd/.test(alnum)) return true;
  const rest = alnum.replace(SLOT_WORD, '');
  if (rest === alnum) return false; // no slot word at all
  return rest === '' || /^\d$/.test(rest) || (/^\d{1,12}$/.test(rest) && runFraction(rest) === 1);
}

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
  'urn:',
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
const FUNCTION_CALL = /^[A-Za-z_$][\w$.]{0,80}\(.{0,200}\)$/;
/**
 * `Symfony\Component\Form\…\RepeatedType`, `App\User::class`: a class name. Namespace segments
 * start with a capital, which also tells them from escapes in a literal (`Zq3\x41…`, `a\tb`).
 */
const CLASS_NAME = /^\\?[A-Z]\w{0,60}(?:\\[A-Z_]\w{0,60}){1,12}(?:::class)?$|::class$/;

/** True when the value points at another source: an environment variable, a secret store, a variable, a class. */
export function isReference(value: string): boolean {
  const lower = value.toLowerCase();
  for (const prefix of REFERENCE_PREFIXES) {
    if (lower.startsWith(prefix)) return true;
  }
  return FUNCTION_CALL.test(value) || CLASS_NAME.test(value);
}

/**
 * True for a bare (unquoted) value that is code, not data: a call or subscript
 * (`user_dict["password"]`, `Dir.pwd`, `x.set(y)`), a member chain (TypeScript's `env.TOKEN!` too), an identifier
 * followed by punctuation, a collection or a Ruby symbol.
 */
export function isExpression(value: string): boolean {
  return (
    /^[A-Za-z_$@][\w$@]{0,80}(?:(?:\.|::|->|\?\.)[A-Za-z_$][\w$]{0,80}){0,12}\s{0,2}[([]/.test(value) ||
    /^[A-Za-z_$@][\w$@]{0,80}(?:(?:\.|::|->|\?\.)[A-Za-z_$][\w$]{0,80}){1,12}!?[,;)\]}]*$/.test(value) ||
    /^[A-Za-z_$][\w$]{0,80}!?[,;)\]}]+$/.test(value) ||
    /^[[{(]/.test(value) ||
    /^:[A-Za-z_]\w{0,80}[,;)\]}]*$/.test(value)
  );
}

/**
 * Format strings and rule lists: `%rP%yY%mM`, `Y.m.d|`, `required|confirmed`,
 * `min:8|max:255`, `{0}:{1}`.
 */
export function isFormatString(value: string): boolean {
  const directives = value.match(/%[-+ #0]?\d{0,3}[A-Za-z]/g) ?? [];
  if (directives.length >= 2 && directives.join('').length * 2 >= value.length) return true;
  if (/^[A-Za-z](?:[-./: |,T][A-Za-z]){2,}\|?$/.test(value)) return true; // PHP / Go date layouts
  if (value.includes('|') && value.split('|').every((rule) => /^[A-Za-z_][\w-]{0,40}(?::[\w,.-]{0,40})?$/.test(rule))) return true;
  return false;
}

/** Words of a natural language written in letters beyond ASCII: `Contraseña`, `Lösenord`, `パスワード`. */
export function isNaturalLanguage(value: string): boolean {
  if (!/[^\p{ASCII}]/u.test(value)) return false;
  if (/[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/.test(value)) return true; // kana, CJK, Hangul
  return /^[\p{L}\p{M}'’.-]+$/u.test(value);
}

/**
 * True when the value reads like an identifier or words joined the way
 * identifiers are: `csrf_token_manager`, `tlsCertificateKeyFile`,
 * `SSL_CLIENT_S_DN_Email`, `X-Metadata-Client-ID`, `prod/db/password`, `v2.3-beta`.
 * Random strings fail: oddly cased or vowel-less pieces, or many one-letter pieces.
 */
export function isIdentifierLike(value: string): boolean {
  if (!/^[A-Za-z0-9_\-./:$@]+$/.test(value)) return false;
  // Upper and lower case mixed with digits inside one group is random (`R2zufwl8Y2`), not a name (`java:S4502`).
  for (const group of value.split(/[_\-./:$@]+/)) {
    if (/[a-z]/.test(group) && /[A-Z]/.test(group) && (group.match(/\d/g)?.length ?? 0) >= 3) return false;
  }
  const pieces = value.split(/[_\-./:$@]+|(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])/).filter((p) => p !== '');
  let letterPieces = 0;
  let longest = 0;
  let short = 0;
  let digitPieces = 0;
  for (const piece of pieces) {
    if (/^\d+$/.test(piece)) {
      if (piece.length > 4) return false;
      digitPieces++;
      continue;
    }
    if (!/^(?:[a-z]+|[A-Z][a-z]*|[A-Z]+)$/.test(piece)) return false;
    if (piece.length > 4 && !isWordy(piece)) return false;
    if (piece.length <= 2) short++;
    letterPieces++;
    longest = Math.max(longest, piece.length);
  }
  if (letterPieces === 0 || longest < 3 || digitPieces > Math.max(2, letterPieces)) return false;
  // Random text split at every case change leaves many one- and two-letter pieces.
  return short <= 2 || short * 2 < letterPieces;
}

/** Pronounceable: enough vowels and no long consonant runs (`manager`, `PARAMETER`; not `xkqzvbt`). */
function isWordy(piece: string): boolean {
  const lower = piece.toLowerCase();
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
  return vowels > 0 && vowels / lower.length >= 0.15;
}

/** `accessToken`, `ThisIsABearerToken`, `UserId`: letters only, in humps. */
export function isCamelCase(value: string): boolean {
  return /^[A-Za-z][a-z]+(?:[A-Z][a-z]*){1,12}$/.test(value) && /[a-z][A-Z]/.test(value);
}

/** `API_TOKEN`, `ACCESS_KEY`, `DOMAIN`: an upper-case constant's name. */
export function isConstantName(value: string): boolean {
  return /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/.test(value) && /[A-Z]{3}/.test(value);
}

const KEYBOARD_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm', '!@#$%^&*()', 'qazwsxedc'];
/** Pairs of keys next to each other along a row (`q` → `w`), as `from * 128 + to`. */
const KEYBOARD_STEPS = new Set(
  KEYBOARD_ROWS.flatMap((row) => Array.from({ length: row.length - 1 }, (_, i) => row.charCodeAt(i) * 128 + row.charCodeAt(i + 1))),
);
/** Reused between calls (this runs for every candidate value): one flag per character in a run. */
let inRun = new Uint8Array(64);

/**
 * The share of the value made of runs: sequences (`1234`, `abcd`, `dcba`),
 * repeats (`aaaa`, `####`), keyboard rows (`qwerty`) of four or more, or a
 * period that repeats (`abcd1234abcd1234`).
 */
export function runFraction(value: string): number {
  const length = value.length;
  if (length === 0) return 0;
  if (hasPeriod(value)) return 1;
  if (inRun.length < length) inRun = new Uint8Array(length * 2);
  inRun.fill(0, 0, length);
  for (let i = 0; i + 1 < length;) {
    const step = lower(value, i + 1) - lower(value, i);
    if (step !== 0 && (Math.abs(step) !== 1 || !isAlnum(value, i) || !isAlnum(value, i + 1))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j + 1 < length && lower(value, j + 1) - lower(value, j) === step && (step === 0 || isAlnum(value, j + 1))) j++;
    if (j - i + 1 >= 4 || (step === 0 && j - i + 1 >= 3)) inRun.fill(1, i, j + 1);
    i = j;
  }
  for (let start = 0, i = 1; i <= length; i++) {
    if (i < length && KEYBOARD_STEPS.has(lower(value, i - 1) * 128 + lower(value, i))) continue;
    if (i - start >= 4) inRun.fill(1, start, i);
    start = i;
  }
  let covered = 0;
  for (let i = 0; i < length; i++) covered += inRun[i];
  return covered / length;
}

/** The character code, upper-case ASCII letters folded to lower case. */
function lower(value: string, i: number): number {
  const c = value.charCodeAt(i);
  return c >= 65 && c <= 90 ? c + 32 : c;
}

function isAlnum(value: string, i: number): boolean {
  const c = lower(value, i);
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

function hasPeriod(value: string): boolean {
  const length = value.length;
  if (length < 6) return false;
  for (let period = 1; period <= Math.min(8, length >> 1); period++) {
    // More than 10% mismatches and this period cannot be it: stop early (random values fail at once).
    let allowed = Math.floor((length - period) * 0.1);
    let i = period;
    for (; i < length; i++) if (value.charCodeAt(i) !== value.charCodeAt(i - period) && --allowed < 0) break;
    if (i === length) return true;
  }
  return false;
}

/**
 * Filler in place of a real value: mostly runs (`AIzaSyabcdefghijklmnopqrstuvwxyz1234567`,
 * `abcd1234abcd1234`, `xoxp-…-####`), or several dash-separated groups that are runs
 * (`8312341g-5678-abcd-…`). `threshold` is the share of runs that makes it filler.
 */
export function isFiller(value: string, threshold = 0.5): boolean {
  if (runFraction(value) >= threshold) return true;
  if (value.indexOf('-') === -1 && value.indexOf('_') === -1) return false;
  const groups = value.split(/[-_]/);
  return groups.length >= 3 && groups.filter((g) => g.length >= 4 && runFraction(g) === 1).length >= 2;
}
