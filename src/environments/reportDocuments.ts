import * as vscode from 'vscode';

export const REPORT_SCHEME = 'awssecrets-report';

/**
 * Copy reports as read-only Markdown documents (names, actions and errors; never a value). A
 * virtual document, so closing it asks nothing and nothing is written to disk.
 */
export class ReportDocuments implements vscode.TextDocumentContentProvider {
  private readonly reports = new Map<string, string>();
  private next = 1;

  async open(title: string, markdown: string): Promise<void> {
    const uri = vscode.Uri.from({ scheme: REPORT_SCHEME, path: `/${this.next++}/${title.replace(/[^\w .-]+/g, '-')}.md` });
    this.reports.set(uri.toString(), markdown);
    await vscode.window.showTextDocument(uri, { preview: true });
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.reports.get(uri.toString()) ?? 'This report is no longer available: reports are kept until VS Code is reloaded.';
  }
}
