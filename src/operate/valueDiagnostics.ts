import * as vscode from 'vscode';
import { jsonProblem } from './jsonValue';
import { JSON_VALUE_LANGUAGE } from './valueLanguages';

/**
 * Where an edited JSON value stops being JSON, in the Problems panel as it is typed. Value
 * documents have their own language (so VS Code's JSON service does not check them); the save
 * is refused with the same message. Offsets only: a diagnostic never quotes the value.
 */
export class ValueDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('aws-secrets-lens-values');
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    this.subscriptions = [
      vscode.workspace.onDidOpenTextDocument((document) => this.check(document)),
      vscode.workspace.onDidChangeTextDocument((event) => this.check(event.document)),
      vscode.workspace.onDidCloseTextDocument((document) => this.collection.delete(document.uri)),
    ];
    for (const document of vscode.workspace.textDocuments) this.check(document);
  }

  private check(document: vscode.TextDocument): void {
    if (document.languageId !== JSON_VALUE_LANGUAGE) return;
    const problem = jsonProblem(document.getText());
    if (!problem) {
      this.collection.delete(document.uri);
      return;
    }
    const at = document.positionAt(problem.offset);
    const diagnostic = new vscode.Diagnostic(
      new vscode.Range(at, at.translate(0, 1)),
      `Not valid JSON: ${problem.description}. Saving is refused until it is.`,
      vscode.DiagnosticSeverity.Error,
    );
    diagnostic.source = 'AWS Secrets Lens';
    this.collection.set(document.uri, [diagnostic]);
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.collection.dispose();
  }
}
