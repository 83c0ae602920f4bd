import type { ItemRef, ParameterRef, SecretRef } from '../aws/items';
import type { ExplorerNode } from './nodes';

/** The item a tree node stands for (a version node: that version), or undefined for nodes that are not items. */
export function itemRefOf(node: ExplorerNode | undefined): ItemRef | undefined {
  switch (node?.type) {
    case 'secret':
      return {
        service: 'secretsmanager',
        profile: node.parent.profile.name,
        region: node.parent.region,
        name: node.secret.name,
        arn: node.secret.arn,
        summary: node.secret,
      };
    case 'secretVersion':
      return { ...(itemRefOf(node.parent) as SecretRef), versionId: node.version.versionId };
    case 'parameter':
      return { service: 'ssm', profile: node.parent.profile.name, region: node.parent.region, name: node.parameter.name, summary: node.parameter };
    case 'parameterVersion':
      return { ...(itemRefOf(node.parent) as ParameterRef), version: node.version.version };
    default:
      return undefined;
  }
}
