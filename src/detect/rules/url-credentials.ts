// Passwords embedded in URLs: `scheme://user:password@host` (and Go's `user:password@tcp(…)`). Found from each
// `://` with a bounded, hand-written parse rather than one big expression.

import { charClasses, classCount } from '../entropy';
import { isPlaceholder, isReference } from '../values';
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
    if (!isCredential(user, password, host)) continue;
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

function isCredential(user: string, password: string, host: string): boolean {
  if (password.length < 4 || password === user || !/^[A-Za-z0-9_.\-[\]]/.test(host)) return false;
  if (/^\d{1,5}$/.test(password)) return false; // `host:8080@…` is a port, not a password
  if (isPlaceholder(password) || isReference(password) || /^\$|%[A-Za-z_]{1,40}%|[{}]/.test(password)) return false;
  // `x-oauth-basic`, `x-access-token` are GitHub's user names for token auth; the token is the "user".
  return !/^(?:pass(?:word)?|pwd|secret|token|\*+|x+)$/i.test(password);
}
