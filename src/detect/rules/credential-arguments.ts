// Passwords passed positionally to well-known credential APIs, where no name
// says "password": `new NetworkCredential("user", "…")`,
// `DriverManager.getConnection(url, "user", "…")`, `HTTPBasicAuth("user", "…")`,
// `auth=("user", "…")`, `jwt.sign(payload, "…")`, `server.login("user", "…")`.

import { readQuoted } from '../literals';
import { judgeSecretValue } from '../values';
import { MAX_ANALYSED_LINE, type RuleContext } from './context';

/** Callee → index of the password / signing-secret argument. */
const CALLS =
  /(?:\b(NetworkCredential|PasswordAuthentication|UsernamePasswordCredentials|HTTPBasicAuth|HTTPDigestAuth|BasicAuth|getConnection|mysqli_connect|mysql_connect|mysqli|PDO|login)|\b(jwt\.(?:sign|verify|encode|decode))|\b(auth)\s{0,2}=\s{0,2})\s{0,2}\(/g;
const INDEX: Record<string, number> = { getConnection: 2, mysqli_connect: 2, mysql_connect: 2, mysqli: 2, PDO: 2 };
const MAX_ARGUMENTS_SPAN = 400;

export function runCredentialArguments(context: RuleContext): void {
  const { text, index } = context;
  CALLS.lastIndex = 0;
  for (let match = CALLS.exec(text); match && !context.full; match = CALLS.exec(text)) {
    const line = index.lineAt(match.index);
    const lineStart = index.lineStart(line);
    const lineEnd = index.lineEnd(line);
    if (lineEnd - lineStart > MAX_ANALYSED_LINE) continue;
    const lineText = text.slice(lineStart, lineEnd);
    const argument = nthLiteralArgument(lineText, match.index + match[0].length - lineStart, INDEX[match[1] ?? ''] ?? 1);
    if (!argument) continue;
    const value = lineText.slice(argument.contentStart, argument.contentEnd);
    const verdict = judgeSecretValue(value, { kind: 'password', minEntropy: context.minEntropy });
    if (!verdict || verdict.confidence === 'low') continue;
    const signing = match[2] !== undefined;
    context.report({
      ruleId: 'credential-argument',
      kind: signing ? 'signing secret' : 'password',
      severity: 'warning',
      confidence: verdict.confidence,
      secretStart: lineStart + argument.contentStart,
      secretEnd: lineStart + argument.contentEnd,
      replaceStart: lineStart + argument.start,
      replaceEnd: lineStart + argument.end,
      quote: argument.quote,
      priority: 55,
    });
  }
}

/** The `n`-th argument (0-based) after `(` when it is a string literal. */
function nthLiteralArgument(line: string, from: number, n: number): ReturnType<typeof readQuoted> {
  let pos = from;
  const limit = Math.min(line.length, from + MAX_ARGUMENTS_SPAN);
  for (let argument = 0; pos < limit; argument++) {
    while (pos < limit && line.charCodeAt(pos) === 32) pos++;
    const c = line[pos];
    const literal = c === '"' || c === "'" || c === '`' ? readQuoted(line, pos) : undefined;
    if (argument === n) return literal;
    if (literal) pos = literal.end;
    // Skip to the comma that ends this argument, at nesting depth 0.
    let depth = 0;
    for (; pos < limit; pos++) {
      const ch = line[pos];
      if (ch === '(' || ch === '[' || ch === '{') depth++;
      else if (ch === ')' || ch === ']' || ch === '}') {
        if (depth-- === 0) return undefined;
      } else if (ch === ',' && depth === 0) break;
      else if (ch === '"' || ch === "'") {
        const skipped = readQuoted(line, pos);
        if (!skipped) return undefined;
        pos = skipped.end - 1;
      }
    }
    pos++;
  }
  return undefined;
}
