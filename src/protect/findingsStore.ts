import { readFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import { detectBundle } from '../loading/bundles';
import { readDetectionSettings, type DetectionSettings } from '../settings/settings';
import type { Baseline, Finding, ScanState } from '../detect';
import type { Log } from '../ui/logging';

/** Documents larger than this are not scanned as you type (the CLI has the same cap). */
const MAX_DOCUMENT_CHARS = 1024 * 1024;

interface Scanned {
  readonly version: number;
  readonly findings: readonly Finding[];
}

/**
 * Scans documents with the detector (loaded on first use) and remembers the findings of each
 * document version, so diagnostics, CodeLens, hovers and quick fixes share one scan.
 * Findings accepted in the workspace's baseline file are dropped here, once.
 */
export class FindingsStore implements vscode.Disposable {
  private readonly scanned = new Map<string, Scanned>();
  private readonly toldTooLarge = new Set<string>();
  /** Per open document, what its next (incremental) scan starts from. */
  private readonly states = new Map<string, ScanState>();
  private readonly baselines = new Map<string, Promise<Baseline | undefined>>();
  private settings: DetectionSettings = readDetectionSettings();

  constructor(private readonly log: Log) {}

  get current(): DetectionSettings {
    return this.settings;
  }

  /** Re-reads settings and forgets every scan and baseline (settings, trust or the baseline changed). */
  reset(): void {
    this.settings = readDetectionSettings();
    this.scanned.clear();
    this.states.clear();
    this.baselines.clear();
  }

  /** Whether this document is scanned at all: enabled, a file or untitled document, not excluded, not huge. */
  applies(document: vscode.TextDocument): boolean {
    if (!this.settings.enabled) return false;
    if (document.uri.scheme !== 'file' && document.uri.scheme !== 'untitled') return false;
    // The end offset is the text's length, without building the whole string (this runs on every hover and CodeLens).
    if (document.offsetAt(document.lineAt(document.lineCount - 1).range.end) > MAX_DOCUMENT_CHARS) {
      // Said once per document, so that a file left unchecked is never left so in silence.
      const key = document.uri.toString();
      if (!this.toldTooLarge.has(key)) {
        this.toldTooLarge.add(key);
        this.log.info(
          `not checking ${relativePath(document.uri)} as you type: it is larger than 1 MB (the CLI scans it: aws-secrets-lens scan --max-file-size 5MB)`,
        );
      }
      return false;
    }
    return !detectBundle().isExcludedPath(relativePath(document.uri), { globs: this.settings.exclude });
  }

  async findings(document: vscode.TextDocument): Promise<readonly Finding[]> {
    const key = document.uri.toString();
    const cached = this.scanned.get(key);
    if (cached?.version === document.version) return cached.findings;
    if (!this.applies(document)) {
      this.scanned.delete(key);
      return [];
    }
    // The baseline is read first: waiting for it costs the extension host nothing, the analysis below is what is timed.
    const baseline = await this.baselineFor(document.uri);
    const version = document.version;
    const started = performance.now();
    const detect = detectBundle();
    const text = document.getText();
    const path = relativePath(document.uri);
    // Only the lines around the last edit are scanned again; the rest is kept from the previous scan.
    const { result, state, incremental } = detect.scanIncrementally(this.states.get(key), text, { languageId: document.languageId, fileName: path });
    this.states.set(key, state);
    const findings = withoutAccepted(detect, baseline, path, result.findings, text);
    // Names and sizes only (never text): lets a user or the benchmark see what analysis costs.
    this.log.trace(
      `analysed ${path} (${document.lineCount} lines, v${version}) in ${(performance.now() - started).toFixed(2)} ms${incremental ? ' (incremental)' : ''}: ${findings.length} finding(s)`,
    );
    this.scanned.set(key, { version, findings });
    return findings;
  }

  /** Scans text of a file (open or not), dropping what its workspace's baseline accepts. */
  async scanText(uri: vscode.Uri, text: string, languageId?: string): Promise<Finding[]> {
    const detect = detectBundle();
    // The workspace-relative path, as the CLI run from the repository root sees it: it decides translation catalogues and defaults.
    const findings = detect.scan(text, { languageId, fileName: relativePath(uri) });
    return withoutAccepted(detect, await this.baselineFor(uri), relativePath(uri), findings, text);
  }

  /**
   * The baseline fingerprints of some of a document's findings: computed over all of its
   * findings, accepted or not, in scan order, exactly as the CLI computes them.
   */
  fingerprintsOf(document: vscode.TextDocument, wanted: readonly Finding[]): string[] {
    const detect = detectBundle();
    const all = detect.scan(document.getText(), { languageId: document.languageId, fileName: relativePath(document.uri) });
    const ids = detect.fingerprintFindings(relativePath(document.uri), all);
    return wanted.flatMap((f) => {
      const i = all.findIndex((a) => a.ruleId === f.ruleId && a.secretRange.start === f.secretRange.start);
      return i === -1 ? [] : [ids[i]];
    });
  }

  forget(uri: vscode.Uri): void {
    this.scanned.delete(uri.toString());
    this.states.delete(uri.toString());
  }

  /** The baseline file that applies to a document: the configured file in its workspace folder. */
  baselineUri(uri: vscode.Uri): vscode.Uri | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return folder && vscode.Uri.joinPath(folder.uri, this.settings.baselineFile);
  }

  private baselineFor(uri: vscode.Uri): Promise<Baseline | undefined> {
    const file = this.baselineUri(uri);
    if (!file) return Promise.resolve(undefined);
    const key = file.toString();
    let loading = this.baselines.get(key);
    if (!loading) {
      loading = readFile(file.fsPath, 'utf8').then(
        (text) => {
          try {
            const baseline = detectBundle().parseBaseline(text);
            if (baseline.legacy.size) this.log.warn(detectBundle().legacyBaselineWarning(relativePath(file), baseline.legacy.size));
            return baseline;
          } catch (error) {
            this.log.warn(`ignoring the baseline ${file.fsPath}: ${error instanceof Error ? error.message : String(error)}`);
            return undefined;
          }
        },
        () => undefined,
      );
      this.baselines.set(key, loading);
    }
    return loading;
  }

  dispose(): void {
    this.scanned.clear();
    this.states.clear();
  }
}

/** The findings a workspace's baseline does not accept. */
function withoutAccepted(detect: ReturnType<typeof detectBundle>, baseline: Baseline | undefined, path: string, findings: Finding[], text: string): Finding[] {
  if (!baseline || (baseline.fingerprints.size === 0 && baseline.legacy.size === 0)) return findings;
  const { accepted } = detect.matchBaseline(baseline, path, findings, (f) => text.slice(f.secretRange.start, f.secretRange.end));
  return findings.filter((_, i) => !accepted[i]);
}

/** The path fingerprints and excludes use: relative to the workspace folder, like the CLI run from the repository root. */
export function relativePath(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, false);
}
