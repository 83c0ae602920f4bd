import type { ItemService } from '../aws/items';
import type { AwsProfile, ParameterSummary, ParameterVersion, ReplicaStatus, SecretSummary, SecretVersion } from '../aws/types';

export interface ProfileNode {
  readonly type: 'profile';
  readonly id: string;
  profile: AwsProfile;
}

export interface RegionNode {
  readonly type: 'region';
  readonly id: string;
  readonly profile: AwsProfile;
  readonly region: string;
}

export interface ServiceNode {
  readonly type: 'service';
  readonly id: string;
  readonly profile: AwsProfile;
  readonly region: string;
  readonly service: ItemService;
}

/** A path segment shared by loaded names, e.g. `prod/` in `prod/payments/db`. */
export interface FolderNode {
  readonly type: 'folder';
  readonly id: string;
  readonly parent: ServiceNode;
  /** Name prefix including the trailing slash, e.g. `prod/payments/` or `/app/prod/`. */
  readonly prefix: string;
  readonly label: string;
}

export interface SecretNode {
  readonly type: 'secret';
  readonly id: string;
  readonly parent: ServiceNode;
  readonly label: string;
  secret: SecretSummary;
}

export interface ParameterNode {
  readonly type: 'parameter';
  readonly id: string;
  readonly parent: ServiceNode;
  readonly label: string;
  parameter: ParameterSummary;
}

export interface SecretVersionNode {
  readonly type: 'secretVersion';
  readonly id: string;
  readonly parent: SecretNode;
  version: SecretVersion;
}

export interface ParameterVersionNode {
  readonly type: 'parameterVersion';
  readonly id: string;
  readonly parent: ParameterNode;
  version: ParameterVersion;
  /** True for the newest version. */
  current: boolean;
}

/** One Region a primary secret is replicated to, under the primary. */
export interface ReplicaNode {
  readonly type: 'replica';
  readonly id: string;
  readonly parent: SecretNode;
  replica: ReplicaStatus;
}

export interface LoadMoreNode {
  readonly type: 'loadMore';
  readonly id: string;
  readonly parent: ServiceNode;
  loaded: number;
}

/** A failed load, shown where the data would have been; `retry` is the node to refresh. */
export interface ErrorNode {
  readonly type: 'error';
  readonly id: string;
  readonly retry: ExplorerNode;
  message: string;
  /** The AwsError kind, so the view can offer the right action (e.g. SSO sign-in). */
  kind: string;
}

/** An informational leaf, e.g. "No secrets match “db”". */
export interface MessageNode {
  readonly type: 'message';
  readonly id: string;
  message: string;
}

export type ItemNode = SecretNode | ParameterNode;

export type ExplorerNode =
  | ProfileNode
  | RegionNode
  | ServiceNode
  | FolderNode
  | SecretNode
  | ParameterNode
  | SecretVersionNode
  | ParameterVersionNode
  | ReplicaNode
  | LoadMoreNode
  | ErrorNode
  | MessageNode;
