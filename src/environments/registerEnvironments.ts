import * as vscode from 'vscode';
import type { FeatureDeps } from '../ui/deps';
import { registerCompareCommands } from './compareCommands';
import { ComparisonView } from './comparisonView';
import { registerCopyCommands } from './copyCommands';
import type { EnvironmentsDeps } from './environmentsDeps';
import { registerReplicationCommands } from './replicationCommands';
import { REPORT_SCHEME, ReportDocuments } from './reportDocuments';

/**
 * The "Environments" feature: two environments (profile × Region × service × prefix) side by
 * side in the comparison view, copy / promote between them with a preview and a per-item
 * report, and multi-Region secrets (replicate, remove a replica, promote a replica).
 */
export function registerEnvironments(feature: FeatureDeps): { view: ComparisonView; disposables: vscode.Disposable[] } {
  const view = new ComparisonView();
  const reports = new ReportDocuments();
  const deps: EnvironmentsDeps = { ...feature, view, reports };
  return {
    view,
    disposables: [
      view,
      vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, reports),
      ...registerCompareCommands(deps),
      ...registerCopyCommands(deps),
      ...registerReplicationCommands(deps),
    ],
  };
}
