import * as vscode from 'vscode';
import { Settings } from '../constants';
import type { ExplorerSettings } from '../tree/explorerModel';

/** The one typed reader of `awsSecrets.*` settings; defaults match package.json. */
export function readExplorerSettings(): ExplorerSettings {
  const config = vscode.workspace.getConfiguration(Settings.section);
  return {
    profiles: stringList(config.get(Settings.profiles)),
    regions: stringList(config.get(Settings.regions)),
    pageSize: clampInt(config.get(Settings.pageSize), 1, 1000, 100),
  };
}

/** Calls `listener` when any of the given `awsSecrets.*` settings change. */
export function onSettingsChanged(keys: readonly string[], listener: () => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((event) => {
    if (keys.some((key) => event.affectsConfiguration(`${Settings.section}.${key}`))) listener();
  });
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '') : [];
}

function clampInt(value: unknown, min: number, max: number, fallback: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.round(value)));
}

/** Seconds after which a copied value is cleared from the clipboard; 0 never clears. */
export function readClipboardClearSeconds(): number {
  return clampInt(vscode.workspace.getConfiguration(Settings.section).get(Settings.clipboardClearSeconds), 0, 3600, 30);
}

export type SeveritySetting = 'auto' | 'error' | 'warning' | 'information' | 'hint';

export interface DetectionSettings {
  readonly enabled: boolean;
  readonly exclude: readonly string[];
  readonly codeLens: boolean;
  readonly severity: SeveritySetting;
  /** Relative to the workspace folder. */
  readonly baselineFile: string;
  /** Check that secrets and parameters named in code exist (sends their names to AWS). */
  readonly checkLookups: boolean;
}

/** Detection settings; in an untrusted workspace the workspace's own values are ignored (see package.json restrictedConfigurations). */
export function readDetectionSettings(): DetectionSettings {
  const config = vscode.workspace.getConfiguration(`${Settings.section}.detection`);
  const severity = config.get<string>('severity');
  return {
    enabled: config.get<boolean>('enabled') !== false,
    exclude: stringList(config.get('exclude')),
    codeLens: config.get<boolean>('codeLens') !== false,
    severity: severity === 'error' || severity === 'warning' || severity === 'information' || severity === 'hint' ? severity : 'auto',
    baselineFile: config.get<string>('baselineFile')?.trim() || '.aws-secrets-lens-baseline.json',
    checkLookups: vscode.workspace.isTrusted && vscode.workspace.getConfiguration(`${Settings.section}.lookups`).get<boolean>('check') !== false,
  };
}

/** How fast a copy between environments writes: under the service's rate, since other tools share it. */
export interface CopySettings {
  readonly secretsManagerWritesPerSecond: number;
  readonly parameterStoreWritesPerSecond: number;
}

export function readCopySettings(): CopySettings {
  const config = vscode.workspace.getConfiguration(`${Settings.section}.copy`);
  return {
    // Secrets Manager's write calls share 50 per second per account and Region.
    secretsManagerWritesPerSecond: clampInt(config.get('secretsManagerWritesPerSecond'), 1, 50, 20),
    // Parameter Store's default throughput for PutParameter is low; higher throughput raises it.
    parameterStoreWritesPerSecond: clampInt(config.get('parameterStoreWritesPerSecond'), 1, 1000, 3),
  };
}

export interface RunSettings {
  /** The references file for launch configurations that name none (may hold `${workspaceFolder}`); empty: none. */
  readonly envFile: string;
  readonly profile?: string;
  readonly region?: string;
  /** Check that referenced secrets, parameters and JSON keys exist (sends names to AWS); never in an untrusted workspace. */
  readonly checkReferences: boolean;
}

/** Run settings for a folder (or the window). The workspace's own values of these are ignored in an untrusted workspace (package.json restrictedConfigurations). */
export function readRunSettings(scope?: vscode.ConfigurationScope): RunSettings {
  const config = vscode.workspace.getConfiguration(`${Settings.section}.run`, scope);
  const text = (key: string) => config.get<string>(key)?.trim() || undefined;
  return {
    envFile: text('envFile') ?? '',
    profile: text('profile'),
    region: text('region'),
    checkReferences: vscode.workspace.isTrusted && config.get<boolean>('checkReferences') !== false,
  };
}
