// AWS secret access keys have no prefix. Besides the name-based rule, a
// 40-character base64 run close to an access key id is one too
// (`Credentials("AKIA…", "wJal…")`, two adjacent config lines).

import { charClasses, shannonEntropy } from '../entropy';
import { isPlaceholder } from '../values';
import { MAX_ANALYSED_LINE, placeSecret, type RawFinding, type RuleContext } from './context';

const CANDIDATE = /(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g;
/** Lines either side of a key id that may hold its secret. */
export const PAIR_DISTANCE = 3;

export function runAwsPairs(context: RuleContext, keyIds: readonly RawFinding[]): void {
  const { index, text } = context;
  const visited = new Set<number>();
  for (const keyId of keyIds) {
    if (context.full) return;
    const line = index.lineAt(keyId.secretStart);
    for (let n = Math.max(0, line - PAIR_DISTANCE); n <= Math.min(index.lineCount - 1, line + PAIR_DISTANCE); n++) {
      if (visited.has(n)) continue;
      visited.add(n);
      const start = index.lineStart(n);
      const lineText = text.slice(start, index.lineEnd(n));
      if (lineText.length > MAX_ANALYSED_LINE) continue;
      CANDIDATE.lastIndex = 0;
      for (let match = CANDIDATE.exec(lineText); match; match = CANDIDATE.exec(lineText)) {
        if (!isSecretKeyShaped(match[0])) continue;
        const secretStart = start + match.index;
        context.report({
          ruleId: 'aws-secret-access-key',
          kind: 'AWS secret access key',
          severity: 'error',
          confidence: 'high',
          secretStart,
          secretEnd: secretStart + 40,
          ...placeSecret(context, secretStart, secretStart + 40),
          priority: 90,
          groupKey: 'aws',
        });
      }
    }
  }
}

/** Random-looking: all of upper, lower and digits, high entropy, not an illustration. */
export function isSecretKeyShaped(value: string): boolean {
  const classes = charClasses(value);
  return classes.upper > 0 && classes.lower > 0 && classes.digit > 0 && shannonEntropy(value) >= 4.2 && !/EXAMPLE/i.test(value) && !isPlaceholder(value);
}
