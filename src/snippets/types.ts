/**
 * Shared shapes of the snippets module. Everything here is plain data: the editor layer turns
 * offsets into positions and snippet text into a SnippetString, nothing more.
 */

import type { ItemService } from '../aws/items';
import type { ModuleSystem } from './moduleSystem';

/** What to look up. The secret VALUE is never part of it: generated code only names where the value lives. */
export interface LookupTarget {
  service: ItemService;
  /** Secret name or ARN (Secrets Manager) or parameter name / ARN (Parameter Store). */
  name: string;
  /** Region the item lives in; omitted means "whatever the SDK's default chain resolves". */
  region?: string;
  /** Pick one field of a JSON value. An empty string counts as "no key". */
  jsonKey?: string;
  /** SSM SecureString: snippets pass `WithDecryption`. Ignored for Secrets Manager. */
  secure?: boolean;
}

/** A replacement of `[start, end)` in the original document text (UTF-16 offsets); start === end inserts. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/** Ids of the code flavours a snippet can be written in (see `snippetLanguages()`). */
export type SnippetLanguageId =
  | 'typescript'
  | 'javascript-esm'
  | 'javascript-cjs'
  | 'python'
  | 'go'
  | 'java'
  | 'csharp'
  | 'ruby'
  | 'php'
  | 'rust'
  | 'shell'
  | 'powershell'
  | 'cloudformation'
  | 'terraform';

export interface SnippetRequest {
  /** VS Code language id of the document (`typescriptreact`, `shellscript`, …). */
  languageId: string;
  target: LookupTarget;
  /** Document file name or path: tells `.mjs` / `.cjs` / `.tf` / templates apart. */
  fileName?: string;
  /** Full document text: used to skip imports that are already there and to read the cursor's context. */
  documentText?: string;
  /** Cursor offset in `documentText`: decides between `await` and a promise callback (JS/TS/C#). */
  offset?: number;
  /**
   * Language the user picked when the document's own language has no snippet. When it differs from the
   * document's language, the imports are written at the top of the snippet instead of into the file.
   */
  language?: SnippetLanguageId;
  /** TypeScript / JavaScript: how the project compiles the file (decides whether the top level may `await`). */
  moduleSystem?: ModuleSystem;
}

export interface RetrievalSnippet {
  /** The language actually written. */
  language: SnippetLanguageId;
  /** VS Code snippet syntax: `${1:name}` tab stops, with `$`, `}` and `\` escaped in the code. */
  snippet: string;
  /** The same code as plain text, every tab stop at its default (for previews and the clipboard). */
  code: string;
  /** Plain-text edits that add the missing imports to the document (empty when nothing is missing). */
  importEdits: TextEdit[];
}

export interface LiteralReplacementRequest {
  languageId: string;
  fileName: string;
  documentText: string;
  /**
   * The hard-coded literal. Either the whole token (quotes included), just its content between the
   * quotes, or a part of it (a password inside a connection string): a part is spliced out by
   * concatenation (code) or in place (templates, config files).
   */
  replaceStart: number;
  replaceEnd: number;
  target: LookupTarget;
  /**
   * TypeScript / JavaScript: how the project compiles the file (`moduleSystemFor`). Without it the
   * file's own `import` / `require` statements decide, and a `.ts` file counts as an ES module.
   */
  moduleSystem?: ModuleSystem;
}

export type LiteralReplacement =
  | {
      ok: true;
      /** Non-overlapping, sorted by offset; apply them together as one workspace edit. */
      edits: TextEdit[];
      /** One line for the code action title / confirmation. */
      description: string;
      /** Things the user should know (a value that became a Promise, a dependency to add, …). */
      notes: string[];
    }
  | { ok: false; reason: string };
