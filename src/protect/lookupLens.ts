import * as vscode from 'vscode';
import { findItem, SERVICE_NAMES, type ItemRef } from '../aws/items';
import { profileLabel } from '../aws/profileNames';
import type { ParameterSummary, SecretSummary } from '../aws/types';
import { Commands } from '../constants';
import type { Lookup } from '../detect';
import { detectBundle } from '../loading/bundles';
import { isReferencesFile } from '../references/file';
import { formatDate, parameterDescription, secretDescription, summaryLines } from '../tree/presentation';
import { regionsFor } from '../tree/regions';
import { rememberedScope, type PickerDeps, type Scope } from '../ui/pickers';
import type { FindingsStore } from './findingsStore';

/** How long an existence check is trusted before it is asked again. */
const CHECK_TTL_MS = 60_000;

type Checked =
  | { readonly state: 'exists'; readonly summary: SecretSummary | ParameterSummary; readonly at: number }
  | { readonly state: 'missing'; readonly at: number }
  | { readonly state: 'error'; readonly message: string; readonly at: number };

/**
 * The other way round: code that fetches a secret or parameter by a literal name gets a
 * CodeLens and a hover saying whether it exists in the chosen profile and region (with its
 * last change and rotation; never its value), and a warning when it does not.
 */
export class LookupLens implements vscode.CodeLensProvider, vscode.HoverProvider, vscode.Disposable {
  readonly diagnostics = vscode.languages.createDiagnosticCollection('aws-secrets-lens-lookups');
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly checks = new Map<string, Checked | Promise<Checked>>();

  constructor(
    private readonly deps: PickerDeps,
    private readonly findings: FindingsStore,
  ) {}

  private enabled(document: vscode.TextDocument): boolean {
    // References files are checked by Run, in the profile and region their header names.
    if (isReferencesFile(document)) return false;
    return this.findings.current.checkLookups && (document.uri.scheme === 'file' || document.uri.scheme === 'untitled');
  }

  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    if (!this.enabled(document)) return [];
    const lookups = detectBundle().findLookups(document.getText());
    if (lookups.length === 0) return [];
    const scope = await this.scope();
    const lenses: vscode.CodeLens[] = [];
    const missing: vscode.Diagnostic[] = [];
    for (const lookup of lookups) {
      const range = this.range(document, lookup);
      if (!scope) {
        lenses.push(new vscode.CodeLens(range, { title: `$(key) ${lookup.name}: choose a profile and region to check it`, command: Commands.checkLookups }));
        continue;
      }
      const checked = await this.check(scope, lookup);
      lenses.push(new vscode.CodeLens(range, lensCommand(lookup, scope, checked)));
      if (checked.state === 'missing') {
        const diagnostic = new vscode.Diagnostic(
          range,
          `${lookup.name} does not exist in ${scope.region} (profile ${profileLabel(scope.profile)}).`,
          vscode.DiagnosticSeverity.Warning,
        );
        diagnostic.source = 'AWS Secrets Lens';
        diagnostic.code = 'missing-lookup';
        missing.push(diagnostic);
      }
    }
    this.diagnostics.set(document.uri, missing);
    return lenses;
  }

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    if (!this.enabled(document)) return undefined;
    const offset = document.offsetAt(position);
    const lookup = detectBundle()
      .findLookups(document.getText())
      .find((l) => l.start <= offset && offset <= l.end);
    const scope = lookup && (await this.scope());
    if (!lookup || !scope) return undefined;
    const checked = await this.check(scope, lookup);
    const md = new vscode.MarkdownString();
    md.appendMarkdown(`$(key) **`);
    md.appendText(lookup.name);
    md.appendMarkdown(`** — ${SERVICE_NAMES[lookup.service]}, `);
    md.appendText(`${scope.region}, profile ${profileLabel(scope.profile)}`);
    md.appendMarkdown('\n\n');
    if (checked.state === 'exists') {
      for (const line of summaryLines(checked.summary)) {
        md.appendText(line);
        md.appendMarkdown('  \n');
      }
      md.appendText('Value: hidden (use Reveal Value in the AWS Secrets view)');
    } else {
      md.appendText(checked.state === 'missing' ? 'Does not exist here.' : checked.message);
    }
    md.supportThemeIcons = true;
    return new vscode.Hover(md, this.range(document, lookup));
  }

  /** Forgets every check (profile or region changed, or the user asked to check again). */
  refresh(): void {
    this.checks.clear();
    this.changed.fire();
  }

  private range(document: vscode.TextDocument, lookup: Lookup): vscode.Range {
    return new vscode.Range(document.positionAt(lookup.start), document.positionAt(lookup.end));
  }

  /** The last chosen profile and region, or the only one there is; never asks (lenses must not prompt). */
  private async scope(): Promise<Scope | undefined> {
    const remembered = rememberedScope(this.deps);
    if (remembered) return remembered;
    const profiles = await (await this.deps.aws()).listProfiles();
    if (profiles.length !== 1) return undefined;
    const regions = regionsFor(profiles[0], []);
    return regions.length === 1 ? { profile: profiles[0].name, region: regions[0] } : undefined;
  }

  private async check(scope: Scope, lookup: Lookup): Promise<Checked> {
    const key = `${scope.profile}\u0000${scope.region}\u0000${lookup.service}\u0000${lookup.name}`;
    const cached = this.checks.get(key);
    if (cached && (cached instanceof Promise || Date.now() - cached.at < CHECK_TTL_MS)) return cached;
    const pending = this.describe(scope, lookup).then((checked) => {
      this.checks.set(key, checked);
      return checked;
    });
    this.checks.set(key, pending);
    return pending;
  }

  private async describe(scope: Scope, lookup: Lookup): Promise<Checked> {
    const at = Date.now();
    try {
      const summary = await findItem(await this.deps.aws(), itemOf(scope, lookup));
      return summary ? { state: 'exists', summary, at } : { state: 'missing', at };
    } catch (error) {
      return { state: 'error', message: error instanceof Error ? error.message : String(error), at };
    }
  }

  dispose(): void {
    this.diagnostics.dispose();
    this.changed.dispose();
  }
}

function lensCommand(lookup: Lookup, scope: Scope, checked: Checked): vscode.Command {
  const where = `${scope.region} (${profileLabel(scope.profile)})`;
  if (checked.state === 'exists') {
    const s = checked.summary;
    const detail =
      'arn' in s && 'rotationEnabled' in s
        ? [secretDescription(s as SecretSummary), changed((s as SecretSummary).lastChangedDate)]
        : [parameterDescription(s as ParameterSummary), changed((s as ParameterSummary).lastModifiedDate)];
    return { title: ['$(pass) exists in ' + where, ...detail].filter(Boolean).join(' · '), command: '' };
  }
  if (checked.state === 'missing') {
    return {
      title: `$(warning) not found in ${where} — create it`,
      command: lookup.service === 'secretsmanager' ? Commands.createSecret : Commands.createParameter,
      arguments: [itemOf(scope, lookup)],
    };
  }
  return { title: `$(error) could not check in ${where}`, command: Commands.checkLookups, tooltip: checked.message };
}

/** The item a lookup in code names, in the profile and region it is checked in. */
function itemOf(scope: Scope, lookup: Lookup): ItemRef {
  return { service: lookup.service, profile: scope.profile, region: scope.region, name: lookup.name };
}

function changed(date: Date | undefined): string | undefined {
  return date ? `changed ${formatDate(date)}` : undefined;
}
