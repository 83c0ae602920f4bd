import * as vscode from 'vscode';
import type { CommandDeps } from '../commands/shared/deps';
import { registerCommand } from '../commands/shared/feedback';
import { resolveScope } from '../commands/shared/pickers';
import { onSettingsChanged } from '../config/settings';
import { Commands } from '../constants';
import { FindingCodeActionProvider } from './codeActions';
import { FindingCodeLensProvider } from './codeLens';
import { DiagnosticsController } from './diagnostics';
import { FindingsStore } from './findingsStore';
import { FindingHoverProvider } from './hover';
import { LookupLens } from './lookupLens';

/** Local files and unsaved documents; never the extension's own value documents. */
const SELECTOR: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }];

/**
 * The "Protect" feature: diagnostics, CodeLens, hovers and quick fixes for hard-coded secrets,
 * and the lookup lens. Wiring only; the detector itself loads when the first document is scanned.
 */
export function registerDetection(
  deps: CommandDeps,
  commands: (lens: { findings: FindingsStore; diagnostics: DiagnosticsController }) => vscode.Disposable[],
): vscode.Disposable[] {
  const findings = new FindingsStore(deps.log);
  const diagnostics = new DiagnosticsController(findings, deps.log);
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
    ...commands({ findings, diagnostics }),
  ];
}

/** A baseline file edited by hand, by git or by "Ignore" changes what is reported. */
function watchBaselines(findings: FindingsStore, onChange: () => void): vscode.Disposable {
  const watcher = vscode.workspace.createFileSystemWatcher(`**/${findings.current.baselineFile}`);
  return vscode.Disposable.from(watcher, watcher.onDidChange(onChange), watcher.onDidCreate(onChange), watcher.onDidDelete(onChange));
}
