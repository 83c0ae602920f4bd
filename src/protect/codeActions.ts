import * as vscode from 'vscode';
import { Commands } from '../constants';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import type { FindingRef } from './findingRef';
import type { FindingsStore } from './findingsStore';

/** Quick fixes on each hard-coded-secret diagnostic; "Move to Secrets Manager" is preferred. */
export class FindingCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly findings: FindingsStore) {}

  async provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    const ours = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
    if (ours.length === 0) return [];
    const found = await this.findings.findings(document);
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of ours) {
      // Diagnostics reach here as copies: find the finding again by position and rule.
      const finding = found.find(
        (f) =>
          f.ruleId === diagnostic.code &&
          f.secretRange.startLine === diagnostic.range.start.line &&
          f.secretRange.startCharacter === diagnostic.range.start.character,
      );
      if (!finding) continue;
      const ref: FindingRef = { uri: document.uri.toString(), groupId: finding.groupId };
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
