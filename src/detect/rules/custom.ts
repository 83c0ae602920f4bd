// User-supplied patterns from settings. A pattern is compiled once, refused when
// it is long or has the nested quantifiers that make JavaScript regexes
// backtrack catastrophically, and only ever run on one bounded line at a time.

import { MAX_ANALYSED_LINE, placeSecret, type RuleContext } from './context';
import type { CustomPattern } from '../types';

export const MAX_CUSTOM_PATTERN_LENGTH = 500;

export type CompiledPattern = { ok: true; id: string; description: string; regex: RegExp } | { ok: false; id: string; error: string };

/** A quantified group that itself contains a quantifier: `(a+)+`, `(\w*)*`, `(.+){2,}`. */
const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)\s*[+*{]/;

export function compileCustomPattern(pattern: CustomPattern): CompiledPattern {
  const id = `custom:${pattern.id}`;
  if (typeof pattern.pattern !== 'string' || pattern.pattern.length === 0) return { ok: false, id, error: 'empty pattern' };
  if (pattern.pattern.length > MAX_CUSTOM_PATTERN_LENGTH) return { ok: false, id, error: `longer than ${MAX_CUSTOM_PATTERN_LENGTH} characters` };
  if (NESTED_QUANTIFIER.test(pattern.pattern)) return { ok: false, id, error: 'nested quantifiers can make matching take forever' };
  if (/\\[1-9]|\\k</.test(pattern.pattern)) return { ok: false, id, error: 'back-references are not supported' };
  try {
    return { ok: true, id, description: pattern.description, regex: new RegExp(pattern.pattern, 'g') };
  } catch (error) {
    return { ok: false, id, error: (error as Error).message };
  }
}

const compiledCache = new Map<string, CompiledPattern>();

function compiled(pattern: CustomPattern): CompiledPattern {
  const key = `${pattern.id}\u0000${pattern.pattern}`;
  let entry = compiledCache.get(key);
  if (!entry) {
    if (compiledCache.size > 200) compiledCache.clear();
    entry = compileCustomPattern(pattern);
    compiledCache.set(key, entry);
  }
  return entry;
}

export function runCustomPatterns(context: RuleContext, patterns: readonly CustomPattern[], enabled: (ruleId: string) => boolean): void {
  const { index, text } = context;
  for (const pattern of patterns) {
    const entry = compiled(pattern);
    if (!entry.ok || !enabled(entry.id)) continue;
    const regex = entry.regex;
    for (let line = 0; line < index.lineCount && !context.full; line++) {
      const start = index.lineStart(line);
      const end = index.lineEnd(line);
      if (end - start > MAX_ANALYSED_LINE || end === start) continue;
      const lineText = text.slice(start, end);
      regex.lastIndex = 0;
      for (let match = regex.exec(lineText); match; match = regex.exec(lineText)) {
        if (match[0] === '') {
          regex.lastIndex++;
          continue;
        }
        const secret = match[1] ?? match[0];
        const offset = match.index + (match[1] === undefined ? 0 : match[0].indexOf(secret));
        const secretStart = start + offset;
        context.report({
          ruleId: entry.id,
          kind: 'custom secret',
          severity: 'warning',
          confidence: 'medium',
          secretStart,
          secretEnd: secretStart + secret.length,
          ...placeSecret(context, secretStart, secretStart + secret.length),
          priority: 40,
          description: entry.description,
        });
      }
    }
  }
}
