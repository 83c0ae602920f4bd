import type * as vscode from 'vscode';
import type { FeatureDeps } from '../ui/deps';
import type { AccessDeps } from './accessDeps';
import { AccessView } from './accessView';
import { registerHistoryCommands } from './historyCommands';
import { registerKeyCommands } from './keyCommands';
import { registerPolicyCommands } from './policyCommands';
import { registerResourcePolicyCommands } from './resourcePolicyCommands';
import { registerUnusedCommands } from './unusedCommands';

/**
 * The "Access" feature: who read or changed a secret or parameter (CloudTrail), least-privilege
 * policies for the workspace and for one item, and secrets nobody reads. The view and the
 * commands are cheap to register; the audit and policy logic load on first use (src/loading).
 */
export function registerAccess(feature: FeatureDeps): { view: AccessView; disposables: vscode.Disposable[] } {
  const view = new AccessView();
  const deps: AccessDeps = { ...feature, view };
  return {
    view,
    disposables: [
      view,
      ...registerHistoryCommands(deps),
      ...registerPolicyCommands(deps),
      ...registerResourcePolicyCommands(deps),
      ...registerUnusedCommands(deps),
      ...registerKeyCommands(deps),
    ],
  };
}
