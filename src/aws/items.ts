/**
 * The extension's one vocabulary for what it works on: the two services that store values,
 * their display names, and the reference to one secret or parameter that travels from the
 * tree to the SDK call (tree nodes, command arguments, document URIs and lookups all speak it).
 * No SDK import: every layer may import this file.
 */
import { profileLabel } from './profileNames';
import type { AwsRuntime, ParameterSummary, SecretSummary, ServiceId } from './types';

/** The services that hold secret values: Secrets Manager and SSM Parameter Store. */
export type ItemService = 'secretsmanager' | 'ssm';

export const ITEM_SERVICES: readonly ItemService[] = ['secretsmanager', 'ssm'];

/** How every service is named to the user. */
export const SERVICE_NAMES: Record<ServiceId, string> = {
  secretsmanager: 'Secrets Manager',
  ssm: 'Parameter Store',
  kms: 'KMS',
  lambda: 'Lambda',
  rds: 'RDS',
};

/** The services' official names, for generated code and documentation. */
export const SERVICE_FULL_NAMES: Record<ItemService, string> = { secretsmanager: 'AWS Secrets Manager', ssm: 'AWS Systems Manager Parameter Store' };

/** What one item of a service is called: "secret", "parameter". */
export const ITEM_NOUNS: Record<ItemService, string> = { secretsmanager: 'secret', ssm: 'parameter' };

/** A secret, optionally one version of it. */
export interface SecretRef {
  readonly service: 'secretsmanager';
  readonly profile: string;
  readonly region: string;
  readonly name: string;
  /** The ARN when known: it identifies the secret even if a same-named one replaced it. */
  readonly arn?: string;
  /** Set when one version was chosen (by id, or by staging label). */
  readonly versionId?: string;
  readonly stage?: string;
  /** Metadata known when it was chosen (never a value); absent when only the name is known. */
  readonly summary?: SecretSummary;
}

/** A parameter, optionally one version of it. */
export interface ParameterRef {
  readonly service: 'ssm';
  readonly profile: string;
  readonly region: string;
  readonly name: string;
  /** Set when one version was chosen. */
  readonly version?: number;
  readonly summary?: ParameterSummary;
}

/** One secret or parameter, wherever it was chosen: tree item, quick pick, document, lookup in code. */
export type ItemRef = SecretRef | ParameterRef;

/** Tells an ItemRef (handed from one command to another) from a tree node or anything else. */
export function isItemRef(value: unknown): value is ItemRef {
  if (typeof value !== 'object' || value === null || 'type' in value) return false;
  const ref = value as Partial<ItemRef>;
  return (
    (ref.service === 'secretsmanager' || ref.service === 'ssm') &&
    typeof ref.profile === 'string' &&
    typeof ref.region === 'string' &&
    typeof ref.name === 'string'
  );
}

/** The same item without a chosen version (editing, tags and deletion act on the item). */
export function itemOnly(ref: ItemRef): ItemRef {
  return ref.service === 'secretsmanager'
    ? { service: ref.service, profile: ref.profile, region: ref.region, name: ref.name, arn: ref.arn, summary: ref.summary }
    : { service: ref.service, profile: ref.profile, region: ref.region, name: ref.name, summary: ref.summary };
}

/** The id AWS calls accept for a secret: its ARN when known, else its name. */
export function secretId(ref: SecretRef): string {
  return ref.arn || ref.name;
}

/** How an item is named in messages: "prod/db (eu-west-1, profile dev)". */
export function describeItem(ref: ItemRef): string {
  return `${ref.name} (${ref.region}, profile ${profileLabel(ref.profile)})`;
}

/**
 * Reads the value an item points at (its chosen version, else the current one). The caller
 * uses it at once and drops it; binary secrets come back as base64 text.
 */
export async function readItemValue(aws: AwsRuntime, ref: ItemRef, signal?: AbortSignal): Promise<{ text: string; binary: boolean }> {
  if (ref.service === 'secretsmanager') {
    const store = await aws.secrets(ref.profile, ref.region);
    const value = await store.getValue(secretId(ref), { versionId: ref.versionId, versionStage: ref.versionId ? undefined : ref.stage }, { signal });
    if (value.text !== undefined) return { text: value.text, binary: false };
    return { text: Buffer.from(value.binary ?? new Uint8Array()).toString('base64'), binary: true };
  }
  const store = await aws.parameters(ref.profile, ref.region);
  return { text: (await store.getValue(ref.name, { version: ref.version }, { signal })).value, binary: false };
}

/** An item's metadata, or undefined when it does not exist (an expected answer, not a failure). */
export async function findItem(aws: AwsRuntime, ref: ItemRef, signal?: AbortSignal): Promise<SecretSummary | ParameterSummary | undefined> {
  return ref.service === 'secretsmanager'
    ? (await aws.secrets(ref.profile, ref.region)).find(secretId(ref), { signal })
    : (await aws.parameters(ref.profile, ref.region)).find(ref.name, { signal });
}
