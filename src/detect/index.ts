// The detector's public surface. Pure (no vscode, no AWS SDK); the file-system
// helpers for the CLI live in ./scan-files and ./walk and are not re-exported.

export type { Confidence, CustomPattern, Finding, QuoteStyle, ScanInput, ScanOptions, Severity, SourceRange } from './types';
export { scan, scanWithLimits, type ScanResult } from './scan';
export { scanIncrementally, type IncrementalResult, type ScanState } from './incremental';
export { mask } from './mask';
export { fingerprintFindings } from './fingerprint';
export { BaselineError, legacyBaselineWarning, matchBaseline, parseBaseline, serializeBaseline, type Baseline, type BaselineMatch } from './baseline';
export { commentFor, languageFromFileName, type CommentSyntax } from './languages';
export { IGNORE_MARKER, IGNORE_NEXT_LINE_MARKER } from './markers';
export { isExcludedPath, type PathExcludes } from './paths';
export { compileCustomPattern } from './rules/custom';
export { RULES, type RuleInfo } from './rules/catalog';
export { findLookups, type Lookup } from './lookups';
export { collectFiles, readScannableFile, toDisplayPath, MAX_FILE_BYTES, type FileEntry } from './walk';
