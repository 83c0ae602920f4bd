// Passwords given to command-line tools: `curl -u user:password`,
// `curl --user user:password`, `sshpass -p password`. Found in shell scripts,
// Dockerfiles, CI YAML, Makefiles and docs alike.

import { isPlaceholder, isReference } from '../value-shapes';
import { placeSecret, type RuleContext } from './context';

/**
 * `curl -u user:password` (also on a `\`-continued line), `sshpass -p …`, `sqlcmd -P …`,
 * `mysql -p…` (the password glued to the flag) and `redis-cli -a …`.
 */
/** One pass finds the commands; each command's own expression then runs from there (sticky). */
const COMMAND_WORDS = /\b(?:curl|wget|sshpass|sqlcmd|bcp|mysql|mysqldump|mysqladmin|redis-cli)\b/g;
const ARGUMENTS: Record<string, RegExp> = {
  curl: /(?:[^\n]|\\\r?\n){0,300}?\s(?:-u|--user)\s{1,4}["']?[^\s:"'$]{1,64}:(?=[^\s"'$])/y,
  sshpass: /\s{1,4}-p\s{0,4}["']?(?=[^\s"'$])/y,
  sqlcmd: /[^\n]{0,200}?\s-P\s{1,4}["']?(?=[^\s"'$])/y,
  mysql: /[^\n]{0,200}?\s-p["']?(?=[^\s"'$-])/y,
  'redis-cli': /[^\n]{0,200}?\s-a\s{1,4}["']?(?=[^\s"'$])/y,
};
const FAMILY: Record<string, string> = { wget: 'curl', bcp: 'sqlcmd', mysqldump: 'mysql', mysqladmin: 'mysql' };

/** `-u "username:access-token"`: the user and the password name their slots. */
function isSlotPair(command: string, password: string): boolean {
  const user = /([^\s:"']{1,64}):$/.exec(command)?.[1];
  return user !== undefined && /user|name|login|email|id$/i.test(user) && /pass|pwd|secret|token|key/i.test(password);
}

export function runCommandLineCredentials(context: RuleContext): void {
  const text = context.text;
  COMMAND_WORDS.lastIndex = 0;
  for (let command = COMMAND_WORDS.exec(text); command && !context.full; command = COMMAND_WORDS.exec(text)) {
    const pattern = ARGUMENTS[FAMILY[command[0]] ?? command[0]];
    pattern.lastIndex = command.index + command[0].length;
    const match = pattern.exec(text);
    if (!match) continue;
    const secretStart = match.index + match[0].length;
    let secretEnd = secretStart;
    while (secretEnd < text.length && secretEnd - secretStart < 128 && !/[\s"'`]/.test(text[secretEnd])) secretEnd++;
    const password = text.slice(secretStart, secretEnd);
    if (password.length < 4 || isPlaceholder(password) || isReference(password) || isSlotPair(text.slice(command.index, secretStart), password)) continue;
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
