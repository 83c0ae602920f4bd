import * as vscode from 'vscode';
import { snippetsBundle } from '../loading/bundles';
import type { ModuleSystem } from '../snippets';

/**
 * How the project compiles a TypeScript / JavaScript document (its tsconfig.json and package.json),
 * so generated code awaits at the top level only where that compiles and runs. Undefined for other
 * documents, unsaved ones and other file systems: the generators then judge by the file's own text.
 */
export async function moduleSystemOf(document: vscode.TextDocument): Promise<ModuleSystem | undefined> {
  if (document.uri.scheme !== 'file' || !/\.[cm]?[jt]sx?$/i.test(document.uri.path)) return undefined;
  return snippetsBundle().moduleSystemFor(document.uri.path, async (path) => {
    try {
      return Buffer.from(await vscode.workspace.fs.readFile(vscode.Uri.file(path))).toString('utf8');
    } catch {
      return undefined; // missing, unreadable or a folder: as if it were not there
    }
  });
}
