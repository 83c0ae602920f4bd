import * as vscode from 'vscode';
import { SERVICE_NAMES } from '../aws/items';
import { Commands } from '../constants';
import { parseReferencesFile } from '../references/file';
import { describeReference } from '../references/grammar';
import { parameterDescription, secretDescription, summaryLines } from '../tree/presentation';
import { readRunSettings } from '../settings/settings';
import type { ReferenceChecker } from './referenceChecker';
import { isReferencesDocument } from './referencesDocuments';
import { toRange } from './referencesDiagnostics';

/** Hover on a reference: what it points at and where, with the item's metadata from AWS — never its value. */
export class ReferencesHover implements vscode.HoverProvider {
  constructor(private readonly checker: ReferenceChecker) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    if (!isReferencesDocument(document)) return undefined;
    const file = parseReferencesFile(document.getText());
    const found = file.references.find((r) => toRange(r.range).contains(position));
    if (!found) return undefined;
    const reference = found.reference;
    const scope = this.checker.scopeFor(file.header, document.uri);
    const md = new vscode.MarkdownString(undefined, true);
    md.appendMarkdown(`$(key) **`);
    md.appendText(describeReference(reference));
    md.appendMarkdown(`** — ${SERVICE_NAMES[reference.service]}${reference.service === 'ssm' && reference.secure ? ' (SecureString)' : ''}\n\n`);
    if (reference.region) md.appendText(`Region ${reference.region} (from the ARN)\n\n`);
    if (!scope) {
      md.appendText('Choose a profile and region (header comment, awsSecrets.run settings, or "Check References in AWS…") to see it in AWS.');
    } else if (!readRunSettings(vscode.workspace.getWorkspaceFolder(document.uri)?.uri ?? document.uri).checkReferences) {
      md.appendText(`Read in ${this.checker.where({ profile: scope.profile, region: reference.region ?? scope.region })} when you run.`);
    } else {
      const checked = await this.checker.check(reference, scope);
      const where = this.checker.where({ profile: scope.profile, region: reference.region ?? scope.region });
      if (checked.state === 'exists') {
        md.appendText(`In ${where}`);
        md.appendMarkdown('  \n');
        for (const line of summaryLines(checked.summary)) {
          md.appendText(line);
          md.appendMarkdown('  \n');
        }
      } else md.appendText(checked.state === 'missing' ? `Does not exist in ${where}.` : checked.message);
    }
    md.appendMarkdown('\n\n');
    md.appendText('The value is read only when you run, and never shown here.');
    return new vscode.Hover(md, toRange(found.range));
  }
}

/**
 * Completion inside a reference: the services after `{{resolve:`, secret and parameter names
 * (searched in AWS as you type), and a JSON secret's keys after `:SecretString:`. Names and keys
 * only; needs a trusted workspace and a profile and region.
 */
export class ReferencesCompletion implements vscode.CompletionItemProvider {
  static readonly triggers = [':', '/'];

  constructor(private readonly checker: ReferenceChecker) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[] | undefined> {
    if (vscode.languages.match({ language: 'dotenv' }, document) === 0 && !document.fileName.endsWith('.env.aws')) return undefined;
    const before = document.lineAt(position.line).text.slice(0, position.character);
    const open = before.lastIndexOf('{{resolve:');
    if (open < 0 || before.indexOf('}}', open) >= 0) return undefined;
    const inner = before.slice(open + '{{resolve:'.length);
    const typed = (text: string) => new vscode.Range(position.translate(0, -text.length), position);
    if (!inner.includes(':')) {
      return ['secretsmanager', 'ssm', 'ssm-secure'].map((service) => {
        const item = new vscode.CompletionItem(service, vscode.CompletionItemKind.Module);
        item.range = typed(inner);
        item.detail =
          service === 'secretsmanager' ? 'Secrets Manager secret' : service === 'ssm' ? 'Parameter Store String or StringList' : 'Parameter Store SecureString';
        return item;
      });
    }
    if (!vscode.workspace.isTrusted) return undefined;
    const scope = this.checker.scopeFor(parseReferencesFile(document.getText()).header, document.uri);
    if (!scope || !readRunSettings(vscode.workspace.getWorkspaceFolder(document.uri)?.uri ?? document.uri).checkReferences) return undefined;
    const [service, ...parts] = inner.split(':');
    if (parts.length === 1 && (service === 'secretsmanager' || service === 'ssm' || service === 'ssm-secure')) {
      const prefix = parts[0]!;
      const items = await this.checker.names(service === 'secretsmanager' ? 'secretsmanager' : 'ssm', prefix, scope);
      return items
        .filter((s) => service !== 'ssm-secure' || !('type' in s) || s.type === 'SecureString')
        .map((s) => {
          const item = new vscode.CompletionItem(s.name, vscode.CompletionItemKind.Value);
          item.range = typed(prefix);
          item.detail = 'rotationEnabled' in s ? secretDescription(s) : parameterDescription(s);
          return item;
        });
    }
    if (service === 'secretsmanager' && parts.length === 3 && (parts[1] === 'SecretString' || parts[1] === '')) {
      const keys = await this.checker.keys({ service: 'secretsmanager', secretId: parts[0]!, name: parts[0]! }, scope);
      if (!('keys' in keys)) return [];
      return keys.keys.map((key) => {
        const item = new vscode.CompletionItem(key, vscode.CompletionItemKind.Field);
        item.range = typed(parts[2]!);
        item.detail = `a key of ${parts[0]}`;
        return item;
      });
    }
    return undefined;
  }
}

/** Above a references file: open a terminal with its values, and where its references are read. */
export class ReferencesCodeLens implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly checker: ReferenceChecker) {
    checker.onDidForget(() => this.changed.fire());
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!isReferencesDocument(document) || document.uri.scheme !== 'file') return [];
    const file = parseReferencesFile(document.getText());
    if (file.references.length === 0) return [];
    const top = new vscode.Range(0, 0, 0, 0);
    const scope = this.checker.scopeFor(file.header, document.uri);
    return [
      new vscode.CodeLens(top, { title: '$(terminal) Open Terminal with Secrets', command: Commands.openTerminalWithSecrets, arguments: [document.uri] }),
      new vscode.CodeLens(top, { title: '$(export) Export as .env…', command: Commands.exportEnv, arguments: [document.uri] }),
      new vscode.CodeLens(top, {
        title: scope ? `$(cloud) ${this.checker.where(scope)}` : '$(cloud) Choose the profile and region to check these references',
        command: Commands.checkReferences,
      }),
    ];
  }

  dispose(): void {
    this.changed.dispose();
  }
}
