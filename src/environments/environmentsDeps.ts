import type { FeatureDeps } from '../ui/deps';
import type { ComparisonView } from './comparisonView';
import type { ReportDocuments } from './reportDocuments';

/** What Environments' commands share: the feature's dependencies, the comparison view and the copy reports. */
export interface EnvironmentsDeps extends FeatureDeps {
  readonly view: ComparisonView;
  readonly reports: ReportDocuments;
}
