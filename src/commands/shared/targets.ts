import { profileLabel } from '../../aws/profileNames';
import type { ParameterSummary, SecretSummary } from '../../aws/types';
import type { ExplorerModel } from '../../views/model/explorerModel';
import type { ExplorerNode } from '../../views/model/nodes';

/** A secret a command acts on, wherever it was chosen (tree item, version item or quick pick). */
export interface SecretTarget {
  readonly kind: 'secret';
  readonly profile: string;
  readonly region: string;
  readonly name: string;
  /** The ARN when known: it identifies the secret even if a same-named one replaced it. */
  readonly arn?: string;
  readonly summary?: SecretSummary;
  /** Set when a specific version was chosen. */
  readonly versionId?: string;
  readonly stages?: readonly string[];
}

export interface ParameterTarget {
  readonly kind: 'parameter';
  readonly profile: string;
  readonly region: string;
  readonly name: string;
  readonly summary?: ParameterSummary;
  /** Set when a specific version was chosen. */
  readonly version?: number;
}

export type ItemTarget = SecretTarget | ParameterTarget;

/** Tells a target (handed from one command to another) from a tree node. */
export function isItemTarget(value: unknown): value is ItemTarget {
  return typeof value === 'object' && value !== null && !('type' in value) && 'profile' in value && ((value as ItemTarget).kind === 'secret' || (value as ItemTarget).kind === 'parameter');
}

/** The id AWS calls accept for a secret: its ARN when known, else its name. */
export function secretId(target: SecretTarget): string {
  return target.arn || target.name;
}

/** The target a tree node stands for, or undefined for nodes that are not items. */
export function targetFromNode(node: ExplorerNode | undefined): ItemTarget | undefined {
  switch (node?.type) {
    case 'secret':
      return { kind: 'secret', profile: node.parent.profile.name, region: node.parent.region, name: node.secret.name, arn: node.secret.arn, summary: node.secret };
    case 'secretVersion': {
      const base = targetFromNode(node.parent) as SecretTarget;
      return { ...base, versionId: node.version.versionId, stages: node.version.stages };
    }
    case 'parameter':
      return { kind: 'parameter', profile: node.parent.profile.name, region: node.parent.region, name: node.parameter.name, summary: node.parameter };
    case 'parameterVersion': {
      const base = targetFromNode(node.parent) as ParameterTarget;
      return { ...base, version: node.version.version };
    }
    default:
      return undefined;
  }
}

/** How a target is named in messages: "prod/db (eu-west-1, profile dev)". */
export function describeTarget(target: ItemTarget): string {
  return `${target.name} (${target.region}, profile ${profileLabel(target.profile)})`;
}

/** Updates the tree after a command changed (or created, or deleted) the target. */
export function treeItemChanged(model: ExplorerModel, target: ItemTarget): Promise<void> {
  return model.itemChanged({
    profile: target.profile,
    region: target.region,
    service: target.kind === 'secret' ? 'secretsmanager' : 'ssm',
    name: target.name,
    id: target.kind === 'secret' ? secretId(target) : undefined,
  });
}
