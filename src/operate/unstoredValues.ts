import * as vscode from 'vscode';
import { EDIT_SCHEME, refFromUri, type ValueFileSystem } from './valueFileSystem';

/**
 * A status bar item that says which edited values are not stored in AWS yet: a value document
 * stays dirty until the user saves it themselves (auto-save never sends), so with auto-save on
 * the usual "saved" feeling would be wrong. Names only, never values.
 */
export class UnstoredValues implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('awsSecrets.unstoredValues', vscode.StatusBarAlignment.Left, 50);
  private readonly subscriptions: vscode.Disposable[];
  private readonly refused: string[] = [];

  constructor(documents: ValueFileSystem) {
    this.item.name = 'AWS Secrets: values not stored yet';
    this.subscriptions = [
      vscode.workspace.onDidChangeTextDocument((event) => this.onDocument(event.document)),
      vscode.workspace.onDidSaveTextDocument((document) => this.onDocument(document)),
      vscode.workspace.onDidCloseTextDocument((document) => this.onDocument(document)),
      documents.onDidRefuseAutoSave((ref) => {
        this.refused.push(ref.name);
        vscode.window.setStatusBarMessage(`$(warning) Auto-save did not store ${ref.name} in AWS: save it yourself (Ctrl+S) to store a new version.`, 10_000);
      }),
    ];
    this.update();
  }

  /** What the status bar says (the in-host tests read it): the values not stored yet, and every auto-save refused so far. */
  state(): { notStored: string[]; autoSaveRefused: string[] } {
    return { notStored: this.unstored().map((document) => refFromUri(document.uri).name), autoSaveRefused: [...this.refused] };
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.item.dispose();
  }

  private onDocument(document: vscode.TextDocument): void {
    if (document.uri.scheme === EDIT_SCHEME) this.update();
  }

  private unstored(): vscode.TextDocument[] {
    return vscode.workspace.textDocuments.filter((document) => document.uri.scheme === EDIT_SCHEME && document.isDirty && !document.isClosed);
  }

  private update(): void {
    const documents = this.unstored();
    if (documents.length === 0) {
      this.item.hide();
      return;
    }
    const names = documents.map((document) => refFromUri(document.uri).name);
    this.item.text = `$(cloud-upload) Not stored yet: ${names.length === 1 ? names[0] : `${names.length} values`}`;
    this.item.tooltip = `${names.join(', ')} ${names.length === 1 ? 'has' : 'have'} changes that are not in AWS. Save (Ctrl+S or File > Save) to store a new version; auto-save never does.`;
    this.item.command = { title: 'Show', command: 'vscode.open', arguments: [documents[0].uri] };
    this.item.show();
  }
}
