import * as vscode from 'vscode';
import { Commands } from '../constants';
import type { DiagnosticsController } from './diagnostics';
import { findingRef, groupsOf } from './findingRef';
import { findingLensTitle } from './findingText';
import type { FindingsStore } from './findingsStore';

/** Above each hard-coded secret: what it is, then one-click fixes. */
export class FindingCodeLensProvider implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly findings: FindingsStore,
    diagnostics: DiagnosticsController,
  ) {
    this.subscription = diagnostics.onDidUpdate(() => this.changed.fire());
  }

  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    if (!this.findings.current.codeLens || !this.findings.applies(document)) return [];
    const lenses: vscode.CodeLens[] = [];
    const version = document.version;
    // Read with the version, before the scan yields: the ref must describe one version.
    const text = document.getText();
    const found = await this.findings.findings(document);
    for (const group of groupsOf(found)) {
      const [finding] = group;
      const range = new vscode.Range(finding.replaceRange.startLine, 0, finding.replaceRange.startLine, 0);
      // The version and the values, not a group id: the command re-checks it against the text it finds then.
      const ref = findingRef(document.uri.toString(), version, group, text);
      lenses.push(
        // A lens with an empty command is plain text: the label for the actions after it.
        new vscode.CodeLens(range, { title: findingLensTitle(finding), command: '' }),
        new vscode.CodeLens(range, { title: 'Move to Secrets Manager', command: Commands.moveToSecretsManager, arguments: [ref] }),
        new vscode.CodeLens(range, { title: 'Move to Parameter Store', command: Commands.moveToParameterStore, arguments: [ref] }),
        new vscode.CodeLens(range, { title: 'Ignore', command: Commands.ignoreFinding, arguments: [ref] }),
      );
    }
    return lenses;
  }

  /** Settings changed: ask VS Code to ask again. */
  refresh(): void {
    this.changed.fire();
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
