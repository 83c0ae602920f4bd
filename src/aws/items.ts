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
  cloudtrail: 'CloudTrail',
  sts: 'STS',
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

/** Services that create and manage secrets in Secrets Manager (`OwningService`), as the AWS console names them. */
const OWNER_NAMES: Record<string, string> = {
  rds: 'Amazon RDS',
  redshift: 'Amazon Redshift',
  'ecs-sc': 'Amazon ECS Service Connect',
  events: 'Amazon EventBridge',
  appflow: 'Amazon AppFlow',
  directconnect: 'AWS Direct Connect',
  datasync: 'AWS DataSync',
  'opsworks-cm': 'AWS OpsWorks for Chef Automate',
  sqlworkbench: 'Amazon Redshift query editor v2',
  'marketplace-deployment': 'AWS Marketplace',
};

/** "Amazon RDS" for `rds`; an unknown owner by its id. */
export function ownerName(owningService: string): string {
  return OWNER_NAMES[owningService] ?? owningService;
}

/** The short name the tree shows: "RDS", "Redshift", or the id. */
export function ownerShortName(owningService: string): string {
  return ownerName(owningService).replace(/^(Amazon|AWS) /, '');
}

/** The RDS instance or cluster whose master user password a secret holds, from the tag RDS puts on it. */
export function rdsDatabaseOf(summary: Pick<SecretSummary, 'tags'>): { kind: 'instance' | 'cluster'; identifier: string } | undefined {
  for (const tag of summary.tags) {
    const match = /:(db|cluster):([^:]+)$/.exec(tag.value);
    if (tag.key === 'aws:rds:primaryDBInstanceArn' && match?.[1] === 'db') return { kind: 'instance', identifier: match[2] };
    if (tag.key === 'aws:rds:primaryDBClusterArn' && match?.[1] === 'cluster') return { kind: 'cluster', identifier: match[2] };
  }
  return undefined;
}

/**
 * Why an action is refused on a secret another service manages, and where to do it instead:
 * writing, rotating, tagging or deleting it through Secrets Manager would break its owner
 * (AWS refuses most of it: "The secret is managed by another service").
 */
export function managedRefusal(name: string, summary: Pick<SecretSummary, 'owningService' | 'tags'>, action: string): string {
  const owner = ownerName(summary.owningService ?? '');
  const where = `${action} is done in ${ownerShortName(summary.owningService ?? '')}, which controls its value, rotation, tags and deletion.`;
  if (summary.owningService === 'rds') {
    const db = rdsDatabaseOf(summary);
    const command =
      db?.kind === 'cluster'
        ? `aws rds modify-db-cluster --db-cluster-identifier ${db.identifier} --rotate-master-user-password --apply-immediately`
        : `aws rds modify-db-instance --db-instance-identifier ${db?.identifier ?? '<instance>'} --rotate-master-user-password --apply-immediately`;
    return `${name} is managed by ${owner}: ${where} To rotate it, modify the DB ${db?.kind ?? 'instance or cluster'} in RDS (console: Modify › Credentials management), or run: ${command}. Reading, copying and snippets work as usual.`;
  }
  return `${name} is managed by ${owner}: ${where} See "Secrets managed by other AWS services" in the Secrets Manager User Guide. Reading, copying and snippets work as usual.`;
}

/**
 * Tags the Create Secret wizard puts on a database credentials secret, so the tree can name the
 * database and engine (and Configure Rotation suggest a strategy) without reading the value.
 */
export const DATABASE_TAGS = { engine: 'secrets-lens:engine', database: 'secrets-lens:database' } as const;

/** The database a credentials secret is for, from its tags (the wizard's, or the one RDS puts on a secret it owns). */
export function databaseOf(summary: Pick<SecretSummary, 'tags'>): { database: string; engine?: string } | undefined {
  const tag = (key: string) => summary.tags.find((t) => t.key === key)?.value || undefined;
  const database = tag(DATABASE_TAGS.database);
  if (database) return { database, engine: tag(DATABASE_TAGS.engine) };
  const rds = rdsDatabaseOf(summary);
  return rds && { database: `RDS ${rds.kind === 'instance' ? 'DB instance' : 'DB cluster'} ${rds.identifier}` };
}
