import type { FeatureDeps } from '../ui/deps';
import type { ValueFileSystem } from './valueFileSystem';
import type { ValueLanguages } from './valueLanguages';

/** What Operate's commands share: the feature's dependencies and the value documents. */
export interface OperateDeps extends FeatureDeps {
  readonly documents: ValueFileSystem;
  /** Gives edit documents the languages whose settings keep VS Code's save actions off values. */
  readonly languages: ValueLanguages;
}
