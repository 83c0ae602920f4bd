// What every rule gets: the text, its line index, the language's syntax facts,
// and helpers that turn a secret's offsets into the literal a fix replaces.

import { assignedNameBefore, keyValueLine, tokenAround, type LexOptions } from '../literals';
import type { SyntaxFamily } from '../languages';
import type { TextIndex } from '../text-index';
import type { Confidence, QuoteStyle, Severity } from '../types';

/** Lines longer than this are only checked by the cheap prefix rules (think minified files). */
export const MAX_ANALYSED_LINE = 4000;

/** A finding before positions and group ids are filled in; offsets are absolute. */
export interface RawFinding {
  ruleId: string;
  kind: string;
  severity: Severity;
  confidence: Confidence;
  secretStart: number;
  secretEnd: number;
  replaceStart: number;
  replaceEnd: number;
  quote: QuoteStyle;
  name?: string;
  /** When two findings overlap, the higher priority one is kept. */
  priority: number;
  /** Findings with equal keys get one group id. */
  groupKey?: string;
  /** Overrides the catalogue's description (custom patterns). */
  description?: string;
}

export interface RuleContext {
  readonly text: string;
  readonly index: TextIndex;
  readonly languageId: string;
  /** The file's path, when known (translation catalogues and defaults named after the file are judged by it). */
  readonly fileName?: string;
  readonly family: SyntaxFamily;
  readonly lex: LexOptions;
  readonly minEntropy: number;
  /** True once the file has produced so many findings that it is surely generated or hostile: rules stop early. */
  readonly full: boolean;
  /** True once `ruleId` has reported as many findings as one file may have: its rule can stop (and the scan says it did). */
  capped(ruleId: string): boolean;
  /** The same question without recording anything (for a rule deciding whether to go on at all). */
  atCap(ruleId: string): boolean;
  report(finding: RawFinding): void;
}

export interface Placement {
  replaceStart: number;
  replaceEnd: number;
  quote: QuoteStyle;
  name?: string;
}

/** The literal around an absolute secret range and the name it is assigned to. */
export function placeSecret(context: RuleContext, secretStart: number, secretEnd: number): Placement {
  const line = context.index.lineAt(secretStart);
  const lineStart = context.index.lineStart(line);
  const lineEnd = context.index.lineEnd(line);
  if (lineEnd - lineStart > MAX_ANALYSED_LINE || secretEnd > lineEnd) {
    return { replaceStart: secretStart, replaceEnd: secretEnd, quote: '' };
  }
  const text = context.text.slice(lineStart, lineEnd);
  const token = tokenAround(text, secretStart - lineStart, secretEnd - lineStart, context.lex, context.family);
  return {
    replaceStart: lineStart + token.start,
    replaceEnd: lineStart + token.end,
    quote: token.quote,
    name: assignedNameBefore(text, token.start) ?? keyOfBareLine(text, token.start),
  };
}

/** `KEY=value` / `key: value` lines: the key, when the value starts right after it. */
function keyOfBareLine(line: string, valueStart: number): string | undefined {
  const keyValue = keyValueLine(line);
  return keyValue?.valueStart === valueStart ? keyValue.key : undefined;
}
