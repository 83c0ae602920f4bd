// Passwords embedded in URLs: `scheme://user:password@host` (and Go's `user:password@tcp(…)`). Found from each
// `://` with a bounded, hand-written parse rather than one big expression.

import { charClasses, classCount } from '../entropy';
import { decodePercent, judgeSecretValue } from '../values';
import { isCamelCase, isConstantName, isIdentifierLike, isPlaceholder, isReference } from '../value-shapes';
import { placeSecret, type RuleContext } from './context';

const MAX_AUTHORITY = 512;

export function runUrlCredentials(context: RuleContext): void {
  runGoMysqlDsn(context);
  const text = context.text;
  for (let at = text.indexOf('://'); at !== -1 && !context.full; at = text.indexOf('://', at + 3)) {
    if (!hasScheme(text, at)) continue;
    const authorityStart = at + 3;
    let end = authorityStart;
    const limit = Math.min(text.length, authorityStart + MAX_AUTHORITY);
    let lastAt = -1;
    let firstColon = -1;
    for (; end < limit; end++) {
      const c = text[end];
      if (c === '/' || c === '?' || c === '"' || c === "'" || c === '`' || c === '<' || c === '>' || c === '\\' || c <= ' ') break;
      if (c === '@') lastAt = end;
      else if (c === ':' && firstColon === -1) firstColon = end;
    }
    if (lastAt === -1 || firstColon === -1 || firstColon > lastAt) continue;
    const user = text.slice(authorityStart, firstColon);
    const secretStart = firstColon + 1;
    const password = text.slice(secretStart, lastAt);
    const host = text.slice(lastAt + 1, end);
    if (!isCredential(user, password, host, true)) continue;
    const classes = classCount(charClasses(password));
    context.report({
      ruleId: 'url-credentials',
      kind: 'password in URL',
      severity: 'error',
      confidence: classes >= 2 && password.length >= 8 ? 'high' : 'medium',
      secretStart,
      secretEnd: lastAt,
      ...placeSecret(context, secretStart, lastAt),
      priority: 80,
    });
  }
}

/** Go's MySQL driver DSN: `user:password@tcp(host:3306)/db` (also `@unix(`). */
function runGoMysqlDsn(context: RuleContext): void {
  const text = context.text;
  const protocol = /@(?:tcp|tcp6|unix)\(/g;
  for (let match = protocol.exec(text); match && !context.full; match = protocol.exec(text)) {
    const atSign = match.index;
    let start = atSign;
    while (start > 0 && atSign - start < 256 && !/[\s"'`=]/.test(text[start - 1])) start--;
    const userInfo = text.slice(start, atSign);
    const colon = userInfo.indexOf(':');
    if (colon <= 0) continue;
    const secretStart = start + colon + 1;
    const password = text.slice(secretStart, atSign);
    if (!isCredential(userInfo.slice(0, colon), password, 'db')) continue;
    context.report({
      ruleId: 'url-credentials',
      kind: 'password in URL',
      severity: 'error',
      confidence: 'high',
      secretStart,
      secretEnd: atSign,
      ...placeSecret(context, secretStart, atSign),
      priority: 80,
    });
  }
}

function hasScheme(text: string, colonAt: number): boolean {
  let j = colonAt - 1;
  while (j >= 0 && colonAt - j <= 32 && /[A-Za-z0-9+.-]/.test(text[j])) j--;
  const scheme = text.slice(j + 1, colonAt);
  return scheme.length >= 2 && /^[A-Za-z]/.test(scheme);
}

/**
 * Whether `user:password@host` holds a real password. A URL's password slot is strong
 * evidence, so a human-chosen password counts; but test and documentation URLs
 * mostly name the slots instead of filling them (`accountSid:authToken`,
 * `PROJECT_ID:API_TOKEN`, `myuser:mypass`, `cacheuser:cachepass`).
 */
function isCredential(rawUser: string, rawPassword: string, host: string, escaped = false): boolean {
  if (!/^[A-Za-z0-9_.\-[\]]/.test(host) || /[{}]|^\$|%[A-Za-z_]{1,40}%/.test(rawPassword) || /[{}&()]/.test(rawUser)) return false;
  // A URL's user info is percent-encoded (a `%` that starts no escape makes it no URL); a Go DSN's is not.
  const user = (escaped ? decodePercent(rawUser) : rawUser) ?? rawUser;
  const decoded = escaped ? decodePercent(rawPassword) : rawPassword;
  // A `%` that starts no escape: a raw password pasted in, believable only if it looks random.
  const password = decoded ?? rawPassword;
  if (password.length < 6 || password === user) return false;
  if (user.includes('/')) return false; // `openid.aol.com%2Fname:…@`: a path, not a user
  if (/^\d{1,5}$/.test(password)) return false; // `host:8080@…` is a port, not a password
  if (/[&=:()[\]]/.test(password)) return false; // query syntax or a second colon: not user info
  if (isPlaceholder(password) || isReference(password) || isSlotName(password)) return false;
  if (isSlotName(user) && isIdentifierLike(password)) return false;
  if (sameStem(user, password)) return false;
  return judgeSecretValue(password, decoded === undefined ? { kind: 'secret' } : { kind: 'password', strength: 'strong', config: true }) !== undefined;
}

/** `authToken`, `API_TOKEN`, `DOMAIN`, `apiKet`, `x-access-token`: an identifier that names what belongs there. */
function isSlotName(value: string): boolean {
  if (isCamelCase(value) || isConstantName(value)) return true;
  return isIdentifierLike(value) && /pass|pwd|secret|token|key|auth|user|login|sid|dsn|id$/i.test(value);
}

/** `myuser` / `mypass`, `cacheuser` / `cachepass`, `user1` / `pass2`: both halves share a stem. */
function sameStem(user: string, password: string): boolean {
  const stem = (value: string) =>
    value
      .toLowerCase()
      .replace(/user(?:name)?|login|pass(?:word)?|pwd|secret|[^a-z]/g, '')
      .trim();
  const a = stem(user);
  return a !== '' && a === stem(password);
}
