import * as vscode from 'vscode';
import { detectBundle } from '../loading/bundles';
import { Commands } from '../constants';
import { findingRef, groupOf } from './findingRef';
import { WHY_IT_MATTERS } from './findingText';
import type { FindingsStore } from './findingsStore';

const FIX_COMMANDS = [Commands.moveToSecretsManager, Commands.moveToParameterStore, Commands.ignoreFinding];

/** Explains a finding where the pointer is: what was found (masked), why it matters, how to fix it. */
export class FindingHoverProvider implements vscode.HoverProvider {
  constructor(private readonly findings: FindingsStore) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    if (!this.findings.applies(document)) return undefined;
    const offset = document.offsetAt(position);
    const version = document.version;
    // Read with the version, before the scan yields: the ref must describe one version.
    const text = document.getText();
    const found = await this.findings.findings(document);
    const finding = found.find((f) => f.secretRange.start <= offset && offset <= f.secretRange.end);
    if (!finding) return undefined;
    const r = finding.secretRange;
    const masked = detectBundle().mask(text.slice(r.start, r.end));
    const ref = findingRef(document.uri.toString(), version, groupOf(found, finding), text);
    const link = (title: string, command: string) => `[${title}](command:${command}?${encodeURIComponent(JSON.stringify([ref]))})`;

    const md = new vscode.MarkdownString(undefined, true);
    md.isTrusted = { enabledCommands: FIX_COMMANDS };
    md.appendMarkdown('$(shield) **Hard-coded ');
    md.appendText(finding.kind);
    md.appendMarkdown('**\n\n');
    md.appendText(`Value ${masked}${finding.name ? ` assigned to ${finding.name}` : ''} — ${finding.description}`);
    md.appendMarkdown('\n\n');
    md.appendText(WHY_IT_MATTERS);
    md.appendMarkdown(
      `\n\n${link('Move to Secrets Manager', Commands.moveToSecretsManager)} · ${link('Move to Parameter Store', Commands.moveToParameterStore)} · ${link('Ignore', Commands.ignoreFinding)}`,
    );
    return new vscode.Hover(md, new vscode.Range(r.startLine, r.startCharacter, r.endLine, r.endCharacter));
  }
}
