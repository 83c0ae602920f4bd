/**
 * Retrieval code for secrets and parameters, per language. No `vscode` here: the editor layer turns
 * offsets into positions and `snippet` into a SnippetString, nothing else.
 *
 * - `retrievalSnippet()` — "Insert retrieval snippet" (snippet text with tab stops + import edits).
 * - `snippetLanguages()` — the list to pick from when the document's language has no snippet.
 * - `literalReplacement()` — the quick fix that swaps a hard-coded literal for a lookup, as one edit.
 * - `literalValue()` — the value a hard-coded literal holds at run time (what the quick fix stores).
 * - `moduleSystemFor()` — how a TS/JS file's project compiles it (may the top level `await`?).
 */
export { retrievalSnippet, snippetLanguages } from './snippet';
export { literalReplacement } from './replacement';
export { applyEdits } from './edits';
export { literalValue, type LiteralValue, type LiteralValueRequest } from './literalValue';
export { moduleSystemFor, type ModuleSystem, type ReadFile } from './moduleSystem';
export type { LiteralReplacement, LiteralReplacementRequest, LookupTarget, RetrievalSnippet, SnippetLanguageId, SnippetRequest, TextEdit } from './types';
