import * as vscode from 'vscode';
import { parseReferencesFile, type FoundReference } from '../references/file';
import type { Range } from '../references/dotenv';
import type { Scope } from '../references/resolve';
import { readRunSettings } from '../settings/settings';
import type { Log } from '../ui/logging';
import type { ReferenceChecker } from './referenceChecker';
import { isReferencesDocument } from './referencesDocuments';
import { Debouncer } from '../ui/debounce';

export const SOURCE = 'AWS Secrets Lens';
const DEBOUNCE_MS = 300;

export function toRange(range: Range): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

/**
 * The Problems panel for references files: malformed references, a bad header and keys set
 * twice (from the text alone), and — in a trusted workspace with `awsSecrets.run.checkReferences`
 * on — secrets, parameters and JSON keys that do not exist in the file's profile and region.
 */
export class ReferencesDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('aws-secrets-lens-references');
  private readonly debouncer = new Debouncer(DEBOUNCE_MS);
  private readonly subscriptions: vscode.Disposable[];
  /** Per document, the run that is current: a later edit makes earlier checks moot. */
  private readonly generation = new Map<string, number>();

  constructor(
    private readonly checker: ReferenceChecker,
    private readonly log: Log,
  ) {
    this.subscriptions = [
      vscode.workspace.onDidOpenTextDocument((d) => void this.refresh(d)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document)),
      vscode.workspace.onDidCloseTextDocument((d) => this.collection.delete(d.uri)),
      checker.onDidForget(() => this.refreshAll()),
    ];
  }

  refreshAll(): void {
    for (const document of vscode.workspace.textDocuments) void this.refresh(document);
  }

  async refresh(document: vscode.TextDocument): Promise<void> {
    const key = document.uri.toString();
    if (!isReferencesDocument(document)) {
      this.collection.delete(document.uri);
      return;
    }
    const run = (this.generation.get(key) ?? 0) + 1;
    this.generation.set(key, run);
    const file = parseReferencesFile(document.getText());
    const local = file.problems.map((p) =>
      diagnostic(p.range, p.message, p.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning, 'reference-syntax'),
    );
    this.collection.set(document.uri, local);
    const scope = this.checker.scopeFor(file.header, document.uri);
    if (!scope || !readRunSettings(vscode.workspace.getWorkspaceFolder(document.uri)?.uri ?? document.uri).checkReferences) return;
    try {
      const checked = (await Promise.all(file.references.map((r) => this.problemsOf(r, scope)))).flat();
      if (this.generation.get(key) === run) this.collection.set(document.uri, [...local, ...checked]);
    } catch (error) {
      this.log.warn(
        `could not check the references of ${vscode.workspace.asRelativePath(document.uri)}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  private async problemsOf(found: FoundReference, scope: Scope): Promise<vscode.Diagnostic[]> {
    const reference = found.reference;
    const where = this.checker.where({ profile: scope.profile, region: reference.region ?? scope.region });
    const checked = await this.checker.check(reference, scope);
    if (checked.state === 'missing')
      return [diagnostic(found.range, `${reference.name} does not exist in ${where}.`, vscode.DiagnosticSeverity.Warning, 'missing-reference')];
    if (checked.state === 'error')
      return [diagnostic(found.range, `Could not check ${reference.name}: ${checked.message}`, vscode.DiagnosticSeverity.Information, 'unchecked-reference')];
    if (reference.service === 'ssm') {
      const secure = 'type' in checked.summary && checked.summary.type === 'SecureString';
      return reference.secure === false && secure
        ? [
            diagnostic(
              found.range,
              `${reference.name} is a SecureString parameter: use {{resolve:ssm-secure:${reference.parameterName}}}.`,
              vscode.DiagnosticSeverity.Error,
              'secure-parameter',
            ),
          ]
        : [];
    }
    if (!reference.jsonKey) return [];
    const keys = await this.checker.keys(reference, scope);
    if ('notJson' in keys)
      return [
        diagnostic(
          found.range,
          `${reference.name} is not a JSON key/value secret, so it has no key “${reference.jsonKey}”.`,
          vscode.DiagnosticSeverity.Warning,
          'missing-key',
        ),
      ];
    if ('error' in keys)
      return [
        diagnostic(found.range, `Could not read the keys of ${reference.name}: ${keys.error}`, vscode.DiagnosticSeverity.Information, 'unchecked-reference'),
      ];
    return keys.keys.includes(reference.jsonKey)
      ? []
      : [
          diagnostic(
            found.range,
            `${reference.name} has no key “${reference.jsonKey}” in ${where}. Its keys: ${keys.keys.join(', ') || 'none'}.`,
            vscode.DiagnosticSeverity.Warning,
            'missing-key',
          ),
        ];
  }

  private schedule(document: vscode.TextDocument): void {
    this.debouncer.schedule(document.uri.toString(), () => void this.refresh(document));
  }

  dispose(): void {
    this.debouncer.dispose();
    for (const s of this.subscriptions) s.dispose();
    this.collection.dispose();
  }
}

function diagnostic(range: Range, message: string, severity: vscode.DiagnosticSeverity, code: string): vscode.Diagnostic {
  const d = new vscode.Diagnostic(toRange(range), message, severity);
  d.source = SOURCE;
  d.code = code;
  return d;
}
