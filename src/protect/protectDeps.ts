import type { FeatureDeps } from '../ui/deps';
import type { DiagnosticsController } from './diagnostics';
import type { FindingsStore } from './findingsStore';

/** What Protect's commands share: the feature's dependencies, the findings and the Problems panel. */
export interface ProtectDeps extends FeatureDeps {
  readonly findings: FindingsStore;
  readonly diagnostics: DiagnosticsController;
}
