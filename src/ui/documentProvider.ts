import * as vscode from 'vscode';

/**
 * What every one of the extension's file systems of AWS documents shares (value documents,
 * resource-policy documents): flat, one document per URI, never deleted, renamed or listed
 * through the file system — only read and, where the subclass allows it, written.
 */
export abstract class DocumentProvider {
  protected readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;
  /** Content read for a document about to open, handed over on its first read (later reads fetch again). */
  protected readonly primed = new Map<string, Uint8Array>();

  /** The content primed for this document, once; undefined when it must be fetched. */
  protected takePrimed(uri: vscode.Uri): Uint8Array | undefined {
    const key = uri.toString();
    const primed = this.primed.get(key);
    this.primed.delete(key);
    return primed;
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }
  readDirectory(): [string, vscode.FileType][] {
    return [];
  }
  createDirectory(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }
  delete(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }
  rename(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }
}
