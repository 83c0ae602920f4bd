import * as vscode from 'vscode';
import { FINDINGS } from '../constants';
import { detectBundle } from '../loading/bundles';
import type { SeveritySetting } from '../settings/settings';
import type { Finding } from '../detect';
import type { Log } from '../ui/logging';
import { findingMessage } from './findingText';
import type { FindingsStore } from './findingsStore';
import { Debouncer } from '../ui/debounce';

/** The Access feature's "Who Owns This Key?" recognises these diagnostics by the same constant. */
export const DIAGNOSTIC_SOURCE = FINDINGS.source;

/** How long typing must pause before a document is scanned again. */
const DEBOUNCE_MS = 250;

const SEVERITIES: Record<Exclude<SeveritySetting, 'auto'>, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/**
 * Keeps the Problems panel in step with the detector: scans a document when it opens and,
 * debounced, as it changes; clears it when it closes. Also takes results of a workspace scan.
 */
export class DiagnosticsController implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('aws-secrets-lens');
  private readonly debouncer = new Debouncer(DEBOUNCE_MS);
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** Fired after a document's findings were updated (CodeLens listens). */
  readonly onDidUpdate = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly findings: FindingsStore,
    private readonly log: Log,
  ) {
    this.subscriptions = [
      vscode.workspace.onDidOpenTextDocument((doc) => void this.refresh(doc)),
      vscode.workspace.onDidChangeTextDocument((event) => this.schedule(event.document)),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        // Results of a workspace scan stay for files on disk; an edited untitled document's go.
        if (doc.uri.scheme === 'untitled') this.collection.delete(doc.uri);
        this.findings.forget(doc.uri);
      }),
    ];
  }

  /** Scans every open document (at start, and after settings or the baseline change). */
  refreshAll(): void {
    for (const document of vscode.workspace.textDocuments) void this.refresh(document);
  }

  async refresh(document: vscode.TextDocument): Promise<void> {
    if (!this.findings.applies(document)) {
      this.collection.delete(document.uri);
      this.changed.fire(document.uri);
      return;
    }
    try {
      const found = await this.findings.findings(document);
      this.collection.set(document.uri, toDiagnostics(found, document.getText(), this.findings.current.severity));
    } catch (error) {
      this.log.error(`could not scan ${document.uri.toString(true)}: ${error instanceof Error ? error.message : String(error)}`);
    }
    this.changed.fire(document.uri);
  }

  /** Shows findings computed elsewhere (the workspace scan) for a file that is not open. */
  show(uri: vscode.Uri, found: readonly Finding[], text: string): void {
    this.collection.set(uri, toDiagnostics(found, text, this.findings.current.severity));
  }

  private schedule(document: vscode.TextDocument): void {
    this.debouncer.schedule(document.uri.toString(), () => void this.refresh(document));
  }

  dispose(): void {
    this.debouncer.dispose();
    for (const s of this.subscriptions) s.dispose();
    this.collection.dispose();
    this.changed.dispose();
  }
}

export function toDiagnostics(found: readonly Finding[], text: string, severity: SeveritySetting): vscode.Diagnostic[] {
  const { mask } = detectBundle();
  return found.map((finding) => {
    const r = finding.secretRange;
    const diagnostic = new vscode.Diagnostic(
      new vscode.Range(r.startLine, r.startCharacter, r.endLine, r.endCharacter),
      findingMessage(finding, mask(text.slice(r.start, r.end))),
      severity === 'auto' ? SEVERITIES[finding.severity === 'info' ? 'information' : finding.severity] : SEVERITIES[severity],
    );
    diagnostic.source = DIAGNOSTIC_SOURCE;
    diagnostic.code = finding.ruleId;
    return diagnostic;
  });
}
