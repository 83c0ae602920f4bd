import type { FeatureDeps } from '../ui/deps';
import type { AccessView } from './accessView';

/** What the Access feature's commands share: the feature's dependencies and the Access view. */
export interface AccessDeps extends FeatureDeps {
  readonly view: AccessView;
}
