/**
 * Retrieval code for secrets and parameters, per language. No `vscode` here: the editor layer turns
 * offsets into positions and `snippet` into a SnippetString, nothing else.
 *
 * - `retrievalSnippet()` — "Insert retrieval snippet" (snippet text with tab stops + import edits).
 * - `snippetLanguages()` — the list to pick from when the document's language has no snippet.
 * - `literalReplacement()` — the quick fix that swaps a hard-coded literal for a lookup, as one edit.
 */
export { retrievalSnippet, snippetLanguages } from './snippet';
export { literalReplacement } from './replacement';
export { applyEdits } from './edits';
export type { LiteralReplacement, LiteralReplacementRequest, LookupTarget, RetrievalSnippet, SnippetLanguageId, SnippetRequest, TextEdit } from './types';
