/**
 * "Insert retrieval snippet": picks the generator for the document (or the language the user chose),
 * and returns snippet text plus the import edits the editor applies beside it.
 */
import { detectEol } from './edits';
import { documentKind, isSnippetLanguage, SNIPPET_LANGUAGE_IDS } from './languages';
import { SnippetTemplate } from './snippetSyntax';
import type { RetrievalSnippet, SnippetLanguageId, SnippetRequest } from './types';
import type { SnippetGenerator } from './generators/common';
import { cloudFormationSnippetGenerator } from './generators/cloudformation';
import { csharpSnippetGenerator } from './generators/csharp';
import { goSnippetGenerator } from './generators/go';
import { javaSnippetGenerator } from './generators/java';
import { javascriptSnippetGenerator } from './generators/javascript';
import { phpSnippetGenerator } from './generators/php';
import { powershellSnippetGenerator } from './generators/powershell';
import { pythonSnippetGenerator } from './generators/python';
import { rubySnippetGenerator } from './generators/ruby';
import { rustSnippetGenerator } from './generators/rust';
import { shellSnippetGenerator } from './generators/shell';
import { terraformSnippetGenerator } from './generators/terraform';

const GENERATORS: Record<SnippetLanguageId, SnippetGenerator> = {
  typescript: javascriptSnippetGenerator('typescript', 'TypeScript (AWS SDK for JavaScript v3)'),
  'javascript-esm': javascriptSnippetGenerator('javascript-esm', 'JavaScript, ES modules (AWS SDK v3)'),
  'javascript-cjs': javascriptSnippetGenerator('javascript-cjs', 'JavaScript, CommonJS (AWS SDK v3)'),
  python: pythonSnippetGenerator,
  go: goSnippetGenerator,
  java: javaSnippetGenerator,
  csharp: csharpSnippetGenerator,
  ruby: rubySnippetGenerator,
  php: phpSnippetGenerator,
  rust: rustSnippetGenerator,
  shell: shellSnippetGenerator,
  powershell: powershellSnippetGenerator,
  cloudformation: cloudFormationSnippetGenerator,
  terraform: terraformSnippetGenerator,
};

/** Every language a snippet can be written in, for the "pick a language" list. */
export function snippetLanguages(): { id: SnippetLanguageId; label: string }[] {
  return SNIPPET_LANGUAGE_IDS.map((id) => ({ id, label: GENERATORS[id].label }));
}

/**
 * Code that fetches `request.target`, in the document's language or `request.language`.
 * Undefined when the document's language has no snippet and none was chosen: offer
 * `snippetLanguages()` and call again with `language` set.
 */
export function retrievalSnippet(request: SnippetRequest): RetrievalSnippet | undefined {
  const text = request.documentText ?? '';
  const ownKind = documentKind(request.languageId, request.fileName, text);
  const own = isSnippetLanguage(ownKind) ? ownKind : undefined;
  const language = request.language ?? own;
  if (!language) return undefined;
  // Written into a document of another language: the snippet carries its own imports.
  const standalone = language !== own;
  const generated = GENERATORS[language].generate({
    target: request.target,
    languageId: standalone ? '' : request.languageId,
    documentText: standalone ? '' : text,
    ...(request.fileName !== undefined && !standalone ? { fileName: request.fileName } : {}),
    ...(request.offset !== undefined && !standalone ? { offset: request.offset } : {}),
    ...(request.moduleSystem && !standalone ? { moduleSystem: request.moduleSystem } : {}),
    eol: detectEol(text),
  });
  let importEdits = standalone ? [] : generated.importEdits();
  // Imports must come before the code that uses them. When the file's import spot lies after the
  // cursor (the cursor is above the first statement), the snippet carries the imports itself.
  const carryImports = standalone || (request.offset !== undefined && importEdits.some((edit) => edit.start > (request.offset ?? 0)));
  if (carryImports) importEdits = [];
  let body = generated.body;
  if (carryImports && generated.importLines.length > 0) body = SnippetTemplate.of(generated.importLines.join('\n') + '\n\n').concat(body);
  return { language, snippet: body.toSnippet(), code: body.toPlainText(), importEdits };
}
