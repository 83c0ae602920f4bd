import type { AwsProfile } from '../aws/types';
import type { ItemService } from '../aws/items';
import type { ExplorerNode } from './nodes';

/** Where a node lives: its profile, and its region and service when it has them. */
export interface NodeScope {
  readonly profile: AwsProfile;
  readonly region?: string;
  readonly service?: ItemService;
}

export function nodeScope(node: ExplorerNode): NodeScope | undefined {
  switch (node.type) {
    case 'profile':
      return { profile: node.profile };
    case 'region':
      return { profile: node.profile, region: node.region };
    case 'service':
      return { profile: node.profile, region: node.region, service: node.service };
    case 'folder':
    case 'secret':
    case 'parameter':
    case 'loadMore':
      return nodeScope(node.parent);
    case 'secretVersion':
    case 'parameterVersion':
    case 'replica':
      return nodeScope(node.parent);
    case 'error':
      return nodeScope(node.retry);
    case 'message':
      return undefined;
  }
}
