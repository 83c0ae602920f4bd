/**
 * In-memory data model of one fake AWS account, kept per region like AWS does.
 * Plain data only; the rules that change it live in the service modules.
 */
import { createHash, randomBytes } from 'node:crypto';
import { ACCOUNT_ID, DAY_MS, startOfUtcDay, type Tag } from './protocol';

export const AWSCURRENT = 'AWSCURRENT';
export const AWSPREVIOUS = 'AWSPREVIOUS';
export const AWSPENDING = 'AWSPENDING';

export interface SecretVersion {
  versionId: string;
  secretString?: string;
  secretBinary?: Buffer;
  /** Staging labels; a version without any is "deprecated". */
  stages: string[];
  createdDate: number;
  /** Day resolution, as AWS reports it. */
  lastAccessedDate?: number;
  /** KMS key the version was encrypted under, as given (undefined = aws/secretsmanager). */
  kmsKeyId?: string;
}

export interface RotationRules {
  AutomaticallyAfterDays?: number;
  ScheduleExpression?: string;
  Duration?: string;
}

export interface Secret {
  name: string;
  arn: string;
  description?: string;
  /** As the caller gave it; undefined means the AWS managed key aws/secretsmanager. */
  kmsKeyId?: string;
  tags: Tag[];
  /** Oldest first. */
  versions: SecretVersion[];
  createdDate: number;
  lastChangedDate: number;
  lastAccessedDate?: number;
  /** When DeleteSecret was called (present only while scheduled for deletion). */
  deletedDate?: number;
  /** When the recovery window ends and the secret disappears. */
  deletionDate?: number;
  /** Undefined until rotation was first configured (AWS omits the field then). */
  rotationEnabled?: boolean;
  rotationLambdaArn?: string;
  rotationRules?: RotationRules;
  lastRotatedDate?: number;
  nextRotationDate?: number;
  /** The secret's own Region, or on a replica the Region of its primary. */
  primaryRegion: string;
  /** The service that created and manages it (`OwningService`, e.g. `rds`); it refuses changes made through Secrets Manager. */
  owningService?: string;
  /** On a primary: the Regions it is replicated to (ReplicateSecretToRegions). */
  replicas?: Replica[];
  /** The resource policy as given to PutResourcePolicy (JSON text). */
  resourcePolicy?: string;
}

/** One replica of a multi-Region secret, as the primary records it. */
export interface Replica {
  region: string;
  /** As given; undefined means that Region's aws/secretsmanager key. */
  kmsKeyId?: string;
  status: 'InProgress' | 'InSync' | 'Failed';
  statusMessage?: string;
  /** When replication was asked for: the status turns from InProgress to InSync a moment later. */
  startedAt: number;
}

/** A parameter policy as stored: its type and the JSON text it was given in. */
export interface ParameterPolicy {
  type: 'Expiration' | 'ExpirationNotification' | 'NoChangeNotification';
  text: string;
  /** For Expiration: when the parameter is deleted. */
  expiresAt?: number;
}

export type ParameterType = 'String' | 'StringList' | 'SecureString';
export type ParameterTier = 'Standard' | 'Advanced';

export interface ParameterVersion {
  version: number;
  value: string;
  /** For SecureString: what callers see without WithDecryption (never the plaintext). */
  ciphertext?: string;
  type: ParameterType;
  keyId?: string;
  description?: string;
  allowedPattern?: string;
  tier: ParameterTier;
  dataType: string;
  labels: string[];
  lastModifiedDate: number;
  lastModifiedUser: string;
  /** Policies in force when this version was written (Advanced tier); AWS keeps them across versions until replaced. */
  policies?: ParameterPolicy[];
}

export interface Parameter {
  name: string;
  arn: string;
  /** Ascending by version; the last one is current. */
  versions: ParameterVersion[];
  tags: Tag[];
}

export interface KmsAlias {
  aliasName: string;
  targetKeyId?: string;
  creationDate: number;
  lastUpdatedDate: number;
}

export interface LambdaFunction {
  name: string;
  runtime: string;
  handler: string;
  description: string;
  memorySize: number;
  timeout: number;
  codeSize: number;
  lastModified: number;
  roleName: string;
}

/** AWS-managed aliases exist in every region and are listed by ListAliases. */
export const DEFAULT_KMS_ALIASES = ['alias/aws/secretsmanager', 'alias/aws/ssm'] as const;

/** The master user password RDS keeps in Secrets Manager for an instance or cluster (`MasterUserSecret`). */
export interface MasterUserSecret {
  secretArn: string;
  kmsKeyId: string;
}

/** An RDS DB instance, with what DescribeDBInstances reports and the extension reads. */
export interface DbInstance {
  identifier: string;
  arn: string;
  engine: string;
  engineVersion: string;
  instanceClass: string;
  masterUsername: string;
  dbName?: string;
  address: string;
  port: number;
  /** Set for an instance of an Aurora or DocumentDB cluster. */
  clusterIdentifier?: string;
  createdTime: number;
  masterUserSecret?: MasterUserSecret;
}

/** An Aurora, DocumentDB or Multi-AZ DB cluster, as DescribeDBClusters reports it. */
export interface DbCluster {
  identifier: string;
  arn: string;
  engine: string;
  engineVersion: string;
  masterUsername: string;
  databaseName?: string;
  endpoint: string;
  readerEndpoint: string;
  port: number;
  createdTime: number;
  masterUserSecret?: MasterUserSecret;
}

/** One CloudTrail management event, as the Region's trail keeps it (the record's JSON fields, and LookupEvents' summary). */
export interface TrailRecord {
  eventId: string;
  eventTime: number;
  eventSource: string;
  eventName: string;
  readOnly: boolean;
  accessKeyId?: string;
  username?: string;
  /** LookupEvents' Resources: what the call was about, when CloudTrail could tell. */
  resources: { ResourceType: string; ResourceName: string }[];
  /** The CloudTrailEvent JSON (userIdentity, sourceIPAddress, userAgent, requestParameters, errorCode…). */
  record: Record<string, unknown>;
}

export class RegionState {
  /** Keyed by name; includes secrets scheduled for deletion until their window ends. */
  readonly secrets = new Map<string, Secret>();
  readonly parameters = new Map<string, Parameter>();
  readonly kmsAliases: KmsAlias[] = [];
  readonly functions: LambdaFunction[] = [];
  /** In creation order. */
  readonly dbInstances: DbInstance[] = [];
  readonly dbClusters: DbCluster[] = [];
  /** CloudTrail's event history of this Region, oldest first (cloudtrail.ts records and serves it). */
  readonly trail: TrailRecord[] = [];
  /** LookupEvents' token bucket: CloudTrail allows 2 lookups per second per account and Region. */
  readonly lookupBucket = { tokens: 2, at: 0 };

  constructor(
    readonly region: string,
    createdAt: number,
  ) {
    // Dated a year back at midnight so every instance lists them identically.
    const created = startOfUtcDay(createdAt) - 365 * DAY_MS;
    for (const aliasName of DEFAULT_KMS_ALIASES) {
      this.kmsAliases.push({ aliasName, targetKeyId: deterministicUuid(`${region}/${aliasName}`), creationDate: created, lastUpdatedDate: created });
    }
  }

  /** Removes secrets whose recovery window has ended (AWS does it in the background). */
  purgeExpiredSecrets(now: number): void {
    for (const [name, secret] of this.secrets) {
      if (secret.deletionDate !== undefined && secret.deletionDate <= now) this.secrets.delete(name);
    }
  }
}

export class EmulatorState {
  private readonly regions = new Map<string, RegionState>();
  /** Access key ids that signed a request to this emulator: its own account's keys (STS GetAccessKeyInfo). */
  readonly signers = new Set<string>();

  /** Regions come into existence on first use, as they do for a real account. */
  region(name: string): RegionState {
    let state = this.regions.get(name);
    if (!state) {
      state = new RegionState(name, Date.now());
      this.regions.set(name, state);
    }
    return state;
  }

  regionNames(): string[] {
    return [...this.regions.keys()];
  }

  clear(): void {
    this.regions.clear();
    this.signers.clear();
  }
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** The 6 random characters AWS appends to a secret's ARN so a re-created name gets a new ARN. */
export function randomArnSuffix(): string {
  const bytes = randomBytes(6);
  let out = '';
  for (const byte of bytes) out += ALNUM[byte % ALNUM.length];
  return out;
}

/** Same shape as randomArnSuffix, but stable for a given key (seed data). */
export function deterministicArnSuffix(key: string): string {
  const digest = createHash('sha256').update(key).digest();
  let out = '';
  for (let i = 0; i < 6; i++) out += ALNUM[digest[i]! % ALNUM.length];
  return out;
}

export function secretArn(region: string, name: string, suffix: string): string {
  return `arn:aws:secretsmanager:${region}:${ACCOUNT_ID}:secret:${name}-${suffix}`;
}

/** `parameter/` plus the name, without doubling the slash of hierarchical names. */
export function parameterArn(region: string, name: string): string {
  return `arn:aws:ssm:${region}:${ACCOUNT_ID}:parameter/${name.startsWith('/') ? name.slice(1) : name}`;
}

export function kmsAliasArn(region: string, aliasName: string): string {
  return `arn:aws:kms:${region}:${ACCOUNT_ID}:${aliasName}`;
}

export function lambdaArn(region: string, name: string): string {
  return `arn:aws:lambda:${region}:${ACCOUNT_ID}:function:${name}`;
}

/** A UUID-shaped id derived from `key`, so seeded version ids and key ids never change. */
export function deterministicUuid(key: string): string {
  const hex = createHash('sha256').update(key).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * What GetParameter returns for a SecureString without WithDecryption: a
 * base64 blob shaped like a KMS ciphertext (AQICAH… header), random so it
 * reveals nothing about the plaintext.
 */
export function fakeCiphertext(plaintextBytes: number): string {
  const header = Buffer.from([0x01, 0x02, 0x02, 0x00, 0x78]);
  return Buffer.concat([header, randomBytes(Math.max(16, plaintextBytes) + 150)]).toString('base64');
}
