// Decides whether an assigned name says "this value is a secret".
//
// The rule is the English head-noun rule: in a compound name the last word says
// what the thing is. `password` and `db_password` are passwords, but
// `password_hint`, `passwordField`, `token_url`, `secret_name` and `key_id` are a
// hint, a field, a URL, a name and an id. A few trailing words that only qualify
// the value (`_base`, `_prod`, `2`, `_b64`) are skipped first.

export type SecretNameKind = 'password' | 'secret' | 'token' | 'key' | 'credential' | 'auth';

export interface SecretName {
  kind: SecretNameKind;
  /** Short noun for the UI. */
  noun: string;
  /** The name points at an AWS secret access key (`aws_secret_access_key`, `AWS_SECRET`). */
  aws: boolean;
  /** Whether the name alone says "credential" (`password`, `api_key`) or only might (`token`, `primary_key`). */
  strong: boolean;
  strength: 'strong' | 'weak';
}

/** Words before `key` that make it a credential's key (`api_key`, `signing_key`); other qualifiers make a weak name. */
const STRONG_KEY_QUALIFIERS = new Set([
  'api',
  'secret',
  'private',
  'signing',
  'sign',
  'encryption',
  'encrypt',
  'decryption',
  'master',
  'client',
  'app',
  'application',
  'auth',
  'authentication',
  'hmac',
  'jwt',
  'license',
  'licence',
  'access',
  'crypto',
  'cipher',
  'aes',
  'shared',
  'deploy',
  'ssh',
  'service',
  'webhook',
  'account',
  'subscription',
  'admin',
  'write',
  'ingest',
  'server',
  'session',
  'mac',
]);

/** Words before `token` that make it a credential (`access_token`, `bot_token`); a bare `token` is weak. */
const STRONG_TOKEN_QUALIFIERS = new Set([
  'access',
  'auth',
  'api',
  'bearer',
  'refresh',
  'session',
  'oauth',
  'personal',
  'service',
  'bot',
  'app',
  'deploy',
  'registry',
  'github',
  'gitlab',
  'slack',
  'npm',
  'webhook',
  'security',
  'secret',
  'private',
  'admin',
  'account',
  'jwt',
  'sas',
  'sso',
  'vault',
  'discord',
  'telegram',
  'hub',
  'ci',
  'runner',
  'integration',
]);

/** `PWD`, `OLDPWD`, `TEST_PWD`: a working directory, not a password. */
const WORKING_DIRECTORY_QUALIFIERS = new Set([
  'old',
  'test',
  'current',
  'cur',
  'working',
  'work',
  'dir',
  'initial',
  'init',
  'start',
  'base',
  'root',
  'orig',
  'original',
]);

/** Head nouns that name a secret, with what they are. */
const HEADS = new Map<string, SecretNameKind>([
  ['password', 'password'],
  ['passwd', 'password'],
  ['pwd', 'password'],
  ['pw', 'password'],
  ['pass', 'password'],
  ['passphrase', 'password'],
  ['passcode', 'password'],
  ['passwort', 'password'],
  ['secret', 'secret'],
  ['secrets', 'secret'],
  ['clientsecret', 'secret'],
  ['token', 'token'],
  ['apitoken', 'token'],
  ['accesstoken', 'token'],
  ['authtoken', 'token'],
  ['bearertoken', 'token'],
  ['refreshtoken', 'token'],
  ['sessiontoken', 'token'],
  ['pat', 'token'],
  ['apikey', 'key'],
  ['accesskey', 'key'],
  ['secretkey', 'key'],
  ['privatekey', 'key'],
  ['secretaccesskey', 'key'],
  ['masterkey', 'key'],
  ['signingkey', 'key'],
  ['encryptionkey', 'key'],
  ['key', 'key'],
  ['credential', 'credential'],
  ['credentials', 'credential'],
  ['creds', 'credential'],
  ['cred', 'credential'],
  ['auth', 'auth'],
  ['oauth', 'auth'],
  ['authorization', 'auth'],
  ['bearer', 'auth'],
]);

/** Suffixes that make a run-together word (`dbpassword`, `GITHUBTOKEN`) a secret name. */
const COMPOUND_SUFFIXES: readonly [string, SecretNameKind][] = [
  ['password', 'password'],
  ['passwd', 'password'],
  ['pwd', 'password'],
  ['passphrase', 'password'],
  ['secret', 'secret'],
  ['token', 'token'],
  ['apikey', 'key'],
  ['accesskey', 'key'],
  ['secretkey', 'key'],
  ['privatekey', 'key'],
  ['credentials', 'credential'],
];

/** Trailing words that qualify a value without changing what it is. */
const QUALIFIERS = new Set([
  'value',
  'val',
  'str',
  'string',
  'b64',
  'base64',
  'hex',
  'raw',
  'plain',
  'plaintext',
  'base',
  'bytes',
  'literal',
  'prod',
  'production',
  'dev',
  'development',
  'staging',
  'stage',
  'qa',
  'uat',
  'live',
  'local',
  'default',
  'new',
  'old',
  'current',
  'primary',
  'secondary',
  'main',
  'backup',
  'v1',
  'v2',
  'v3',
]);

/** Words before `key` that mean a lookup key or a public key, not a secret one. */
const NON_SECRET_KEY_QUALIFIERS = new Set([
  'public',
  'publishable',
  'pub',
  'site',
  'foreign',
  'sort',
  'partition',
  'cache',
  'map',
  'lookup',
  'route',
  'i18n',
  'translation',
  'locale',
  'message',
  'label',
  'object',
  's3',
  'bucket',
  'dict',
  'registry',
  'unique',
  'idempotency',
  'kms',
  'row',
  'column',
  'composite',
  'index',
  'search',
  'option',
  'field',
  'header',
  'query',
  'param',
  'json',
  'hot',
  'hotkey',
  'shortcut',
  'keyboard',
  'event',
  'state',
  'context',
  'provider',
  'metadata',
  'attribute',
  'group',
  'list',
  'item',
  'element',
  'react',
  'sequence',
  'name',
  'id',
  'gpg',
  'pgp',
  'host',
  'known',
  'tag',
  'enum',
  'dynamo',
  'local',
  'global',
  'idempotent',
  'dedup',
  'deduplication',
  'mapping',
  'record',
  'entry',
  'storage',
  'format',
  'delimiter',
  'separator',
  'enclosure',
  'escape',
  'headers',
  'success',
  'accept',
  'ctx',
  'var',
  'time',
  'command',
  'file',
  'binding',
  'custom',
  'other',
  'source',
  'target',
  'uid',
  'user',
  'credentials',
  'ppa',
  'some',
  'join',
  'cursor',
  'path',
  'config',
  'setting',
  'settings',
  'env',
  'property',
  'prop',
  'hash',
  'range',
  'has',
  'contains',
  'value',
  'type',
  'error',
  'sse',
  'string',
  'rule',
  'resource',
  'import',
  'export',
  'lock',
  'column',
  'order',
  'group',
  'message',
  'translation',
  'locale',
]);

/** Words before `token` that mean a parser, pagination or other non-secret token. */
const NON_SECRET_TOKEN_QUALIFIERS = new Set([
  'next',
  'page',
  'continuation',
  'pagination',
  'cancellation',
  'cancel',
  'sync',
  'start',
  'end',
  'eos',
  'bos',
  'pad',
  'unk',
  'mask',
  'sep',
  'cls',
  'max',
  'min',
  'num',
  'special',
  'input',
  'output',
  'lexer',
  'parser',
  'last',
  'first',
  'prev',
  'previous',
  'resume',
  'marker',
  'csrf',
  'xsrf',
  'count',
  'design',
  'color',
  'colour',
  'theme',
  'style',
  'injection',
  'di',
  'cancelation',
  'idempotency',
  'client',
  'request',
  'stop',
  'eot',
  'bot',
  'separator',
  'delimiter',
  'authenticity',
  'success',
  'profiler',
  'debug',
  'signed',
  'contextvar',
  'forgery',
  'protection',
  'form',
  'antiforgery',
  'verification',
  'lexer',
  'string',
  'word',
  'text',
]);

/** A first word that makes the whole name a check, a flag or a derived value. */
const NON_SECRET_LEADS = new Set([
  'get',
  'is',
  'has',
  'should',
  'can',
  'use',
  'show',
  'hide',
  'validate',
  'verify',
  'check',
  'generate',
  'gen',
  'mask',
  'masked',
  'compare',
  'hash',
  'hashed',
  'min',
  'max',
  'require',
  'requires',
  'required',
  'enable',
  'enabled',
  'allow',
  'forgot',
  'num',
  'count',
  'total',
  'invalid',
  'wrong',
  'bad',
  'fake',
  'dummy',
  'mock',
  'example',
  'sample',
  'placeholder',
  'encrypted',
  'print',
  'log',
  'no',
  'without',
  'on',
  'handle',
  'toggle',
  'expected',
  'parse',
  'read',
  'load',
  'fetch',
  'find',
  'lookup',
  'encode',
  'decode',
  'sanitize',
  'redact',
  'delete',
  'remove',
  'revoke',
  'update',
  'reset',
  'change',
  'rotate',
  'expire',
  'renew',
  'ask',
  'prompt',
  'enter',
]);

/** Split `AWSSecretAccessKey`, `db_password2`, `x-api-key` into lower-case words. */
export function splitWords(name: string): string[] {
  const words: string[] = [];
  let current = '';
  let previousKind = 0; // 0 none, 1 lower, 2 upper, 3 digit
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    const kind = c >= 97 && c <= 122 ? 1 : c >= 65 && c <= 90 ? 2 : c >= 48 && c <= 57 ? 3 : 0;
    if (kind === 0) {
      if (current) words.push(current.toLowerCase());
      current = '';
      previousKind = 0;
      continue;
    }
    const boundary =
      current !== '' &&
      ((kind === 2 && previousKind === 1) ||
        (kind === 3) !== (previousKind === 3) ||
        // "APIKey": the K starts a word when a lower-case letter follows it
        (kind === 2 && previousKind === 2 && i + 1 < name.length && isLower(name.charCodeAt(i + 1))));
    if (boundary) {
      words.push(current.toLowerCase());
      current = '';
    }
    current += name[i];
    previousKind = kind;
  }
  if (current) words.push(current.toLowerCase());
  return words;
}

function isLower(c: number): boolean {
  return c >= 97 && c <= 122;
}

const cache = new Map<string, SecretName | null>();

/** What secret the name announces, or undefined when it is not a secret name. */
export function classifySecretName(name: string): SecretName | undefined {
  const cached = cache.get(name);
  if (cached !== undefined) return cached ?? undefined;
  const result = classifyUncached(name) ?? null;
  if (cache.size > 5000) cache.clear();
  cache.set(name, result);
  return result ?? undefined;
}

function classifyUncached(name: string): SecretName | undefined {
  if (name.length > 120) return undefined;
  const words = splitWords(name);
  while (words.length > 1 && (QUALIFIERS.has(words[words.length - 1]) || /^\d+$/.test(words[words.length - 1]))) words.pop();
  if (words.length === 0) return undefined;
  if (words.length > 1 && NON_SECRET_LEADS.has(words[0])) return undefined;
  const head = words[words.length - 1];
  const before = words.length > 1 ? words[words.length - 2] : '';
  let kind = HEADS.get(head);
  if (!kind) {
    for (const [suffix, suffixKind] of COMPOUND_SUFFIXES) {
      if (head.length > suffix.length && head.endsWith(suffix)) {
        kind = suffixKind;
        break;
      }
    }
  }
  if (!kind) return undefined;
  if (head === 'key') {
    // A lone `key` is usually a map key; `public_key`, `cache_key` are not secrets.
    if (!before || NON_SECRET_KEY_QUALIFIERS.has(before)) return undefined;
  }
  if (kind === 'token' && (NON_SECRET_TOKEN_QUALIFIERS.has(before) || /^(next|page|continuation|pagination)token$/.test(head))) {
    return undefined;
  }
  if (head === 'pass' && before === 'by') return undefined;
  // `PWD` alone is the shell's working directory; `DB_PWD` is a password.
  if (head === 'pwd' && (!before || WORKING_DIRECTORY_QUALIFIERS.has(before))) return undefined;
  const aws =
    (words.includes('aws') && (kind === 'key' || kind === 'secret')) ||
    head === 'secretaccesskey' ||
    (head === 'key' && before === 'access' && words.includes('secret'));
  const strong = aws || isStrong(kind, head, before);
  return { kind, noun: nounFor(kind, words, aws), aws, strong, strength: strong ? 'strong' : 'weak' };
}

/**
 * Strong names mean a credential whatever the value looks like; weak ones (`token`,
 * `primary_key`, `auth`, `credentials`) are often something else, so only a
 * random-looking value counts under them.
 */
function isStrong(kind: SecretNameKind, head: string, before: string): boolean {
  switch (kind) {
    case 'password':
      // `PW` alone is as often Palau or a width as a password, and `pass` alone a test's passing value.
      return (head !== 'pw' && head !== 'pass') || before !== '';
    case 'secret':
      return true;
    case 'key':
      return head !== 'key' || STRONG_KEY_QUALIFIERS.has(before);
    case 'token':
      return head !== 'token' || STRONG_TOKEN_QUALIFIERS.has(before);
    case 'auth':
      return head === 'authorization' || head === 'bearer';
    case 'credential':
      return false;
  }
}

function nounFor(kind: SecretNameKind, words: string[], aws: boolean): string {
  if (aws) return 'AWS secret access key';
  switch (kind) {
    case 'password':
      return 'password';
    case 'secret':
      return words.includes('client') ? 'client secret' : 'secret';
    case 'token':
      return words.includes('refresh') ? 'refresh token' : words.includes('session') ? 'session token' : 'token';
    case 'key':
      if (words.includes('private') || words[words.length - 1] === 'privatekey') return 'private key';
      if (words.includes('api') || words[words.length - 1] === 'apikey') return 'API key';
      return 'secret key';
    case 'credential':
      return 'credential';
    case 'auth':
      return 'auth token';
  }
}
