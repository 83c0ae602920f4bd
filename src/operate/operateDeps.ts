import type { FeatureDeps } from '../ui/deps';
import type { ValueFileSystem } from './valueFileSystem';

/** What Operate's commands share: the feature's dependencies and the value documents. */
export interface OperateDeps extends FeatureDeps {
  readonly documents: ValueFileSystem;
}
