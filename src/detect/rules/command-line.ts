// Passwords given to command-line tools: `curl -u user:password`,
// `curl --user user:password`, `sshpass -p password`. Found in shell scripts,
// Dockerfiles, CI YAML, Makefiles and docs alike.

import { isPlaceholder, isReference } from '../value-shapes';
import { placeSecret, type RuleContext } from './context';

/**
 * `curl -u user:password` (also on a `\`-continued line), `sshpass -p …`, `sqlcmd -P …`,
 * `mysql -p…` (the password glued to the flag) and `redis-cli -a …`.
 */
const COMMANDS =
  /(?:\b(?:curl|wget)\b(?:[^\n]|\\\r?\n){0,300}?\s(?:-u|--user)\s{1,4}["']?[^\s:"'$]{1,64}:|\bsshpass\s{1,4}-p\s{0,4}["']?|\b(?:sqlcmd|bcp)\b[^\n]{0,200}?\s-P\s{1,4}["']?|\b(?:mysql|mysqldump|mysqladmin)\b[^\n]{0,200}?\s-p["']?(?=[^\s"'$-])|\bredis-cli\b[^\n]{0,200}?\s-a\s{1,4}["']?)(?=[^\s"'$])/g;

/** `-u "username:access-token"`: the user and the password name their slots. */
function isSlotPair(command: string, password: string): boolean {
  const user = /([^\s:"']{1,64}):$/.exec(command)?.[1];
  return user !== undefined && /user|name|login|email|id$/i.test(user) && /pass|pwd|secret|token|key/i.test(password);
}

export function runCommandLineCredentials(context: RuleContext): void {
  const text = context.text;
  COMMANDS.lastIndex = 0;
  for (let match = COMMANDS.exec(text); match && !context.full; match = COMMANDS.exec(text)) {
    const secretStart = match.index + match[0].length;
    let secretEnd = secretStart;
    while (secretEnd < text.length && secretEnd - secretStart < 128 && !/[\s"'`]/.test(text[secretEnd])) secretEnd++;
    const password = text.slice(secretStart, secretEnd);
    if (password.length < 4 || isPlaceholder(password) || isReference(password) || isSlotPair(text.slice(match.index, secretStart), password)) continue;
    context.report({
      ruleId: 'command-line-password',
      kind: 'password',
      severity: 'warning',
      confidence: 'medium',
      secretStart,
      secretEnd,
      ...placeSecret(context, secretStart, secretEnd),
      priority: 60,
    });
  }
}
