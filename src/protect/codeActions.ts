import * as vscode from 'vscode';
import { Commands } from '../constants';
import { detectBundle } from '../loading/bundles';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import { findingRef, groupOf } from './findingRef';
import { findingMessage } from './findingText';
import type { FindingsStore } from './findingsStore';

/** Quick fixes on each hard-coded-secret diagnostic; "Move to Secrets Manager" is preferred. */
export class FindingCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly findings: FindingsStore) {}

  async provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    const ours = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
    if (ours.length === 0) return [];
    const version = document.version;
    // Read with the version, before the scan yields: the ref must describe one version.
    const text = document.getText();
    const found = await this.findings.findings(document);
    const { mask } = detectBundle();
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of ours) {
      // Diagnostics reach here as copies, possibly from an older version of the text: the finding
      // now at that position must also be the same value (the message carries its mask).
      const finding = found.find(
        (f) =>
          f.ruleId === diagnostic.code &&
          f.secretRange.startLine === diagnostic.range.start.line &&
          f.secretRange.startCharacter === diagnostic.range.start.character &&
          findingMessage(f, mask(text.slice(f.secretRange.start, f.secretRange.end))) === diagnostic.message,
      );
      if (!finding) continue;
      const ref = findingRef(document.uri.toString(), version, groupOf(found, finding), text);
      const action = (title: string, command: string, preferred = false) => {
        const fix = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
        fix.diagnostics = [diagnostic];
        fix.isPreferred = preferred;
        fix.command = { title, command, arguments: [ref] };
        actions.push(fix);
      };
      action('Move to AWS Secrets Manager', Commands.moveToSecretsManager, true);
      action('Move to AWS Parameter Store (SecureString)', Commands.moveToParameterStore);
      action('Use an existing secret or parameter…', Commands.useExisting);
      action('Ignore this finding…', Commands.ignoreFinding);
    }
    return actions;
  }
}
