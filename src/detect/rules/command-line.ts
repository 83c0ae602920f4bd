// Passwords given to command-line tools: `curl -u user:password`,
// `curl --user user:password`, `sshpass -p password`. Found in shell scripts,
// Dockerfiles, CI YAML, Makefiles and docs alike.

import { isPlaceholder, isReference } from '../values';
import { placeSecret, type RuleContext } from './context';

const COMMANDS = /(?:\b(?:curl|wget)\b[^\n]{0,200}?\s(?:-u|--user)\s{1,4}["']?[^\s:"'$]{1,64}:|\bsshpass\s{1,4}-p\s{0,4}["']?)(?=[^\s"'$])/g;

export function runCommandLineCredentials(context: RuleContext): void {
  const text = context.text;
  COMMANDS.lastIndex = 0;
  for (let match = COMMANDS.exec(text); match && !context.full; match = COMMANDS.exec(text)) {
    const secretStart = match.index + match[0].length;
    let secretEnd = secretStart;
    while (secretEnd < text.length && secretEnd - secretStart < 128 && !/[\s"'`]/.test(text[secretEnd])) secretEnd++;
    const password = text.slice(secretStart, secretEnd);
    if (password.length < 4 || isPlaceholder(password) || isReference(password)) continue;
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
