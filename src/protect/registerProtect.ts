import * as vscode from 'vscode';
import { Commands } from '../constants';
import { onSettingsChanged } from '../settings/settings';
import { registerCommand } from '../ui/commands';
import type { FeatureDeps } from '../ui/deps';
import { resolveScope } from '../ui/pickers';
import { FindingCodeActionProvider } from './codeActions';
import { FindingCodeLensProvider } from './codeLens';
import { DiagnosticsController } from './diagnostics';
import { FindingsStore } from './findingsStore';
import { registerFixCommands } from './fixCommands';
import { FindingHoverProvider } from './hover';
import { registerIgnoreCommand } from './ignoreCommand';
import { LookupLens } from './lookupLens';
import type { ProtectDeps } from './protectDeps';
import { registerScanCommand } from './scanCommand';

/** Local files and unsaved documents; never the extension's own value documents. */
const SELECTOR: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }];

/**
 * The "Protect" feature: diagnostics, CodeLens, hovers and quick fixes for hard-coded secrets,
 * the fixes themselves, the workspace scan and the lookup lens. Wiring only; the detector
 * itself loads when the first document is scanned.
 */
export function registerProtect(feature: FeatureDeps): vscode.Disposable[] {
  const findings = new FindingsStore(feature.log);
  const diagnostics = new DiagnosticsController(findings, feature.log);
  const deps: ProtectDeps = { ...feature, findings, diagnostics };
  const codeLens = new FindingCodeLensProvider(findings, diagnostics);
  const lookups = new LookupLens(deps, findings);
  const reconfigure = () => {
    findings.reset();
    diagnostics.refreshAll();
    codeLens.refresh();
    lookups.refresh();
  };
  // Scanning open documents waits until activation has returned.
  setTimeout(() => diagnostics.refreshAll(), 0);
  return [
    findings,
    diagnostics,
    codeLens,
    lookups,
    vscode.languages.registerCodeLensProvider(SELECTOR, codeLens),
    vscode.languages.registerCodeActionsProvider(SELECTOR, new FindingCodeActionProvider(findings), FindingCodeActionProvider.metadata),
    vscode.languages.registerHoverProvider(SELECTOR, new FindingHoverProvider(findings)),
    vscode.languages.registerCodeLensProvider(SELECTOR, lookups),
    vscode.languages.registerHoverProvider(SELECTOR, lookups),
    onSettingsChanged(['detection', 'lookups'], reconfigure),
    vscode.workspace.onDidGrantWorkspaceTrust(reconfigure),
    watchBaselines(findings, reconfigure),
    registerCommand(deps, Commands.checkLookups, 'Check lookups', async () => {
      // Asks for (and remembers) the profile and region the lookups are checked in.
      await resolveScope(deps);
      lookups.refresh();
    }),
    ...registerFixCommands(deps),
    registerIgnoreCommand(deps),
    registerScanCommand(deps),
  ];
}

/** A baseline file edited by hand, by git or by "Ignore" changes what is reported. */
function watchBaselines(findings: FindingsStore, onChange: () => void): vscode.Disposable {
  const watcher = vscode.workspace.createFileSystemWatcher(`**/${findings.current.baselineFile}`);
  return vscode.Disposable.from(watcher, watcher.onDidChange(onChange), watcher.onDidCreate(onChange), watcher.onDidDelete(onChange));
}
