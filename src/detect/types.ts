// The detector's data model. Nothing here holds a secret value: a Finding only
// points into the scanned text, so callers must slice the text to see the secret.

export type Severity = 'error' | 'warning' | 'info';
export type Confidence = 'high' | 'medium' | 'low';

/** How the secret is quoted in the source: the delimiter of its literal, or '' when bare. */
export type QuoteStyle = '"' | "'" | '`' | '"""' | "'''" | '';

/** A span of the scanned text: 0-based UTF-16 offsets plus 0-based line / character positions. */
export interface SourceRange {
  start: number;
  end: number;
  startLine: number;
  startCharacter: number;
  endLine: number;
  endCharacter: number;
}

export interface Finding {
  ruleId: string;
  /** Short noun for the UI, e.g. "AWS secret access key", "password". */
  kind: string;
  /** One sentence; never contains the secret. */
  description: string;
  severity: Severity;
  confidence: Confidence;
  /** Exactly the secret value. */
  secretRange: SourceRange;
  /** What a fix replaces: the whole literal including quotes, or the bare value token. */
  replaceRange: SourceRange;
  quote: QuoteStyle;
  /** The variable / key the value is assigned to, when there is one. */
  name?: string;
  /** Findings that belong together share it (AWS key id + secret key, parts of one connection string). */
  groupId: string;
}

export interface CustomPattern {
  id: string;
  /** A JavaScript regular expression source; capture group 1, when present, is the secret. */
  pattern: string;
  description: string;
}

export interface ScanOptions {
  /** Rule ids to skip. */
  disabledRules?: readonly string[];
  /** Extra user patterns, run line by line with a length cap. */
  customPatterns?: readonly CustomPattern[];
  /** Minimum Shannon entropy (bits per character) for values found only by their name. Default 3.0. */
  minEntropy?: number;
  /** Honour inline ignore markers (default true). */
  honourIgnoreMarkers?: boolean;
}

export interface ScanInput {
  /** A VS Code language id; wins over fileName. */
  languageId?: string;
  /** Used to guess the language when languageId is missing. */
  fileName?: string;
  options?: ScanOptions;
}
