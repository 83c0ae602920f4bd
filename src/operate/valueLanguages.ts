import * as vscode from 'vscode';
import { EDIT_SCHEME } from './valueFileSystem';

/**
 * The languages of editable value documents. Their defaults in package.json
 * (`configurationDefaults`) switch off what VS Code does to a document as it saves it — trim
 * trailing whitespace, add or trim final newlines, format, code actions — because each would
 * change the value stored: an edited `hunter3` would become `hunter3\n` for everyone with
 * `files.insertFinalNewline` on. Language-specific defaults take precedence over a user's
 * general settings; a user can still override them for these languages on purpose.
 */
export const TEXT_VALUE_LANGUAGE = 'awssecrets-value';
/** JSON values: highlighted with VS Code's JSON grammar (syntaxes/awssecrets-json.tmLanguage.json), checked by valueDiagnostics. */
export const JSON_VALUE_LANGUAGE = 'awssecrets-json';

/** The language an editable value document should have: JSON values' URIs end in `.json` (see valueUri). */
export function valueLanguageOf(uri: vscode.Uri): string {
  return uri.path.endsWith('.json') ? JSON_VALUE_LANGUAGE : TEXT_VALUE_LANGUAGE;
}

/**
 * Gives every editable value document its value language, as it opens (also when VS Code
 * restores one). Changing a document's language closes and reopens it in the extension host,
 * so the close is marked as a switch: the document's edit state must survive it.
 */
export class ValueLanguages implements vscode.Disposable {
  private readonly switching = new Set<string>();
  private readonly pending = new Map<string, Promise<vscode.TextDocument>>();
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    this.subscriptions = [
      vscode.workspace.onDidOpenTextDocument((document) => {
        if (document.languageId === valueLanguageOf(document.uri)) this.switching.delete(document.uri.toString());
        else void this.apply(document);
      }),
    ];
    for (const document of vscode.workspace.textDocuments) void this.apply(document);
  }

  /** Whether this close of `uri` is only its language changing. */
  isSwitching(uri: vscode.Uri): boolean {
    return this.switching.has(uri.toString());
  }

  /** The document in its value language (the same document when it already is, or is not a value document). */
  apply(document: vscode.TextDocument): Promise<vscode.TextDocument> {
    if (document.uri.scheme !== EDIT_SCHEME || document.isClosed) return Promise.resolve(document);
    const wanted = valueLanguageOf(document.uri);
    if (document.languageId === wanted) return Promise.resolve(document);
    const key = document.uri.toString();
    // The open event and the command that opened the document both ask: one switch serves both.
    let switched = this.pending.get(key);
    if (!switched) {
      this.switching.add(key);
      switched = Promise.resolve(vscode.languages.setTextDocumentLanguage(document, wanted)).then(
        (result) => {
          this.pending.delete(key);
          return result;
        },
        (error: unknown) => {
          this.pending.delete(key);
          this.switching.delete(key);
          throw error;
        },
      );
      this.pending.set(key, switched);
    }
    return switched;
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
