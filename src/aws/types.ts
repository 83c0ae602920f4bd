/**
 * The AWS layer's public types. Views and commands depend on these interfaces only;
 * `runtime.ts` provides the SDK-backed implementations, loaded on first use.
 * Nothing here is a runtime value, so `import type` from outside `aws/` costs nothing.
 */
import type { AwsErrorKind } from './errors';

export type ServiceId = 'secretsmanager' | 'ssm' | 'kms' | 'lambda' | 'rds' | 'cloudtrail' | 'sts';

export type ProfileKind = 'static' | 'sso' | 'role' | 'process' | 'webIdentity' | 'environment' | 'other';

export interface AwsProfile {
  /** Profile name as written in the config files; `ENVIRONMENT_PROFILE` for environment credentials. */
  readonly name: string;
  readonly kind: ProfileKind;
  /** The profile's own `region`, if any. */
  readonly region?: string;
  /** Endpoint per service after applying env vars, `services` sections and `endpoint_url`. */
  readonly endpoints: Readonly<Partial<Record<ServiceId, string>>>;
  readonly roleArn?: string;
  readonly sourceProfile?: string;
  readonly mfaSerial?: string;
  readonly ssoStartUrl?: string;
  readonly ssoSession?: string;
}

export interface Tag {
  readonly key: string;
  readonly value: string;
}

export interface Page<T> {
  readonly items: T[];
  /** Present when more items can be fetched. */
  readonly nextToken?: string;
}

export interface ListQuery {
  /** Server-side name filter: Secrets Manager matches names that start with it, Parameter Store names that contain it. */
  readonly nameFilter?: string;
  /** Only names that start with this, in both services (Parameter Store: the BeginsWith option); takes the place of nameFilter. */
  readonly namePrefix?: string;
  readonly pageSize: number;
  readonly nextToken?: string;
  readonly signal?: AbortSignal;
}

export interface CallOptions {
  readonly signal?: AbortSignal;
}

export interface RotationRules {
  readonly automaticallyAfterDays?: number;
  readonly scheduleExpression?: string;
  readonly duration?: string;
}

export interface SecretSummary {
  readonly name: string;
  readonly arn: string;
  readonly description?: string;
  readonly kmsKeyId?: string;
  readonly rotationEnabled: boolean;
  readonly rotationLambdaArn?: string;
  readonly rotationRules?: RotationRules;
  readonly createdDate?: Date;
  readonly lastChangedDate?: Date;
  readonly lastAccessedDate?: Date;
  readonly lastRotatedDate?: Date;
  readonly nextRotationDate?: Date;
  /**
   * Set when the secret is scheduled for deletion. What the date means differs: AWS's ListSecrets
   * reference calls it the time DeleteSecret was called, its DescribeSecret reference (and moto)
   * the date the secret is purged; only its presence is relied on.
   */
  readonly deletedDate?: Date;
  readonly tags: readonly Tag[];
  /** Version id → staging labels, when the call returned them; versions without a label (deprecated) are left out. */
  readonly versionStages?: Readonly<Record<string, readonly string[]>>;
  /** The service that created and manages the secret (`OwningService`, e.g. `rds`); its owner controls writes, rotation and deletion. */
  readonly owningService?: string;
  /** The Region of the primary secret. Differs from the secret's own Region on a read-only replica. */
  readonly primaryRegion?: string;
  /** The replicas of a primary secret and their status (DescribeSecret only; ListSecrets does not return them). */
  readonly replication?: readonly ReplicaStatus[];
}

/** One Region a multi-Region secret is replicated to, as DescribeSecret reports it. */
export interface ReplicaStatus {
  readonly region: string;
  readonly kmsKeyId?: string;
  /** `InSync`, `InProgress` or `Failed`. */
  readonly status: string;
  readonly message?: string;
  readonly lastAccessedDate?: Date;
}

/** Values read in one batch, keyed by the id or name asked for; the ones that could not be read are in `errors` instead. */
export interface BatchValues<V> {
  readonly values: ReadonlyMap<string, V>;
  readonly errors: ReadonlyMap<string, BatchItemError>;
}

/** Why one item of a batch read failed (never a value). */
export interface BatchItemError {
  /** AWS's error code, e.g. `ResourceNotFoundException`, `DecryptionFailure`. */
  readonly code: string;
  readonly kind: AwsErrorKind;
  readonly message: string;
}

/** A secret value read in a batch, with the secret it belongs to. */
export interface NamedSecretValue extends SecretValue {
  readonly name: string;
  readonly arn: string;
}

export interface ReplicaRegionInput {
  readonly region: string;
  /** Omitted: the replica is encrypted with that Region's aws/secretsmanager key. */
  readonly kmsKeyId?: string;
}

export interface SecretVersion {
  readonly versionId: string;
  readonly stages: readonly string[];
  readonly createdDate?: Date;
  readonly lastAccessedDate?: Date;
}

/** A secret value. Hold it only as long as needed; never log it. */
export interface SecretValue {
  readonly versionId: string;
  readonly stages: readonly string[];
  readonly createdDate?: Date;
  readonly text?: string;
  readonly binary?: Uint8Array;
}

export type SecretValueInput = { readonly text: string } | { readonly binary: Uint8Array };

export interface CreateSecretInput {
  readonly name: string;
  readonly value: SecretValueInput;
  readonly description?: string;
  readonly kmsKeyId?: string;
  readonly tags?: readonly Tag[];
}

export interface WriteResult {
  readonly arn: string;
  readonly name: string;
  readonly versionId?: string;
}

export interface RandomPasswordOptions {
  readonly length?: number;
  readonly excludeCharacters?: string;
  readonly excludeNumbers?: boolean;
  readonly excludePunctuation?: boolean;
  readonly excludeUppercase?: boolean;
  readonly excludeLowercase?: boolean;
  readonly includeSpace?: boolean;
  readonly requireEachIncludedType?: boolean;
}

export type DeleteSecretMode = { readonly recoveryWindowDays: number } | { readonly force: true };

export interface SecretStore {
  list(query: ListQuery): Promise<Page<SecretSummary>>;
  describe(id: string, options?: CallOptions): Promise<SecretSummary>;
  /** Like describe, but undefined when there is no such secret (an expected answer, logged as such). */
  find(id: string, options?: CallOptions): Promise<SecretSummary | undefined>;
  /**
   * Every version, including versions without a staging label: AWSCURRENT first, then AWSPENDING,
   * AWSPREVIOUS, custom labels and unlabelled versions, each group newest first.
   */
  listVersions(id: string, options?: CallOptions): Promise<SecretVersion[]>;
  /** The value of one version: by id, by staging label, or AWSCURRENT when neither is given. */
  getValue(id: string, selector?: { versionId?: string; versionStage?: string }, options?: CallOptions): Promise<SecretValue>;
  create(input: CreateSecretInput, options?: CallOptions): Promise<WriteResult>;
  /** Writes a new version; AWS moves AWSCURRENT to it and AWSPREVIOUS to the old one. */
  putValue(id: string, value: SecretValueInput, options?: CallOptions): Promise<WriteResult>;
  updateDescription(id: string, description: string, options?: CallOptions): Promise<void>;
  rotate(id: string, config?: { lambdaArn?: string; rules?: RotationRules; rotateImmediately?: boolean }, options?: CallOptions): Promise<WriteResult>;
  cancelRotation(id: string, options?: CallOptions): Promise<void>;
  randomPassword(passwordOptions?: RandomPasswordOptions, options?: CallOptions): Promise<string>;
  delete(id: string, mode: DeleteSecretMode, options?: CallOptions): Promise<{ deletionDate?: Date }>;
  restore(id: string, options?: CallOptions): Promise<void>;
  tag(id: string, tags: readonly Tag[], options?: CallOptions): Promise<void>;
  untag(id: string, keys: readonly string[], options?: CallOptions): Promise<void>;
  /** Moves a staging label to `toVersionId` (removing it from `fromVersionId`), or removes it when `toVersionId` is absent. */
  moveStage(id: string, stage: string, move: { toVersionId?: string; fromVersionId?: string }, options?: CallOptions): Promise<void>;
  /**
   * The AWSCURRENT values of many secrets, through BatchGetSecretValue (20 per call): per-id
   * values and per-id errors, so one unreadable secret never hides the others.
   */
  batchGetValues(ids: readonly string[], options?: CallOptions): Promise<BatchValues<NamedSecretValue>>;
  /** ReplicateSecretToRegions: makes the secret a multi-Region primary; returns the replicas' status. */
  replicate(id: string, regions: readonly ReplicaRegionInput[], options?: CallOptions & { overwriteExisting?: boolean }): Promise<ReplicaStatus[]>;
  /** RemoveRegionsFromReplication, called on the primary: deletes the replicas in those Regions. */
  removeReplicas(id: string, regions: readonly string[], options?: CallOptions): Promise<ReplicaStatus[]>;
  /** StopReplicationToReplica, called in the replica's Region: the replica becomes a standalone secret. */
  stopReplication(id: string, options?: CallOptions): Promise<{ arn: string }>;
  /** The secret's resource policy, as the JSON text AWS returns, or undefined when it has none (GetResourcePolicy). */
  getResourcePolicy(id: string, options?: CallOptions): Promise<string | undefined>;
  /**
   * ValidateResourcePolicy: AWS's checks of a policy before it is attached (broad access, syntax,
   * lock-out). A policy AWS cannot read at all fails with an invalidInput AwsError instead.
   */
  validateResourcePolicy(id: string, policy: string, options?: CallOptions): Promise<PolicyValidation>;
  /** PutResourcePolicy, always with BlockPublicPolicy: AWS refuses a policy that grants broad access. */
  putResourcePolicy(id: string, policy: string, options?: CallOptions): Promise<void>;
  deleteResourcePolicy(id: string, options?: CallOptions): Promise<void>;
}

/** What ValidateResourcePolicy answered: whether the policy passed, and each check that did not, in AWS's words. */
export interface PolicyValidation {
  readonly passed: boolean;
  readonly errors: readonly { readonly checkName?: string; readonly message: string }[];
}

export type ParameterType = 'String' | 'StringList' | 'SecureString';
export type ParameterTier = 'Standard' | 'Advanced' | 'Intelligent-Tiering';

export interface ParameterSummary {
  readonly name: string;
  readonly arn?: string;
  readonly type: ParameterType;
  readonly tier?: ParameterTier;
  readonly version?: number;
  readonly description?: string;
  readonly keyId?: string;
  readonly lastModifiedDate?: Date;
  readonly lastModifiedUser?: string;
  readonly dataType?: string;
  readonly allowedPattern?: string;
  /** Parameter policies (Advanced tier): expiration and notifications. */
  readonly policies?: readonly ParameterPolicy[];
}

/** One parameter policy as DescribeParameters reports it, with its attributes read out. */
export interface ParameterPolicy {
  /** `Expiration`, `ExpirationNotification` or `NoChangeNotification`. */
  readonly type: string;
  /** `Pending`, `Finished`, `Failed` or `InProgress`. */
  readonly status?: string;
  /** Expiration: when Parameter Store deletes the parameter. */
  readonly expiresAt?: Date;
  /** ExpirationNotification: how long before the expiration; NoChangeNotification: after how long without a change. */
  readonly interval?: { readonly amount: number; readonly unit: string };
  /** The policy's JSON as given, to write it back unchanged. */
  readonly text: string;
}

export interface ParameterVersion {
  readonly version: number;
  readonly labels: readonly string[];
  readonly type: ParameterType;
  readonly tier?: ParameterTier;
  readonly lastModifiedDate?: Date;
  readonly lastModifiedUser?: string;
  readonly description?: string;
  readonly keyId?: string;
}

/** A parameter value. Hold it only as long as needed; never log it. */
export interface ParameterValue {
  readonly name: string;
  readonly type: ParameterType;
  readonly version: number;
  readonly value: string;
  readonly lastModifiedDate?: Date;
}

export interface PutParameterInput {
  readonly name: string;
  readonly value: string;
  readonly type: ParameterType;
  readonly overwrite: boolean;
  readonly description?: string;
  readonly keyId?: string;
  readonly tier?: ParameterTier;
  readonly tags?: readonly Tag[];
  /**
   * The parameter's policies, as JSON texts (see aws/parameterPolicies.ts). Undefined keeps the
   * existing ones (AWS preserves them); an empty list removes them all.
   */
  readonly policies?: readonly string[];
}

export interface ParameterStore {
  list(query: ListQuery): Promise<Page<ParameterSummary>>;
  describe(name: string, options?: CallOptions): Promise<ParameterSummary>;
  /** Like describe, but undefined when there is no such parameter. */
  find(name: string, options?: CallOptions): Promise<ParameterSummary | undefined>;
  /** Every version, newest first. Values are not kept. */
  history(name: string, options?: CallOptions): Promise<ParameterVersion[]>;
  getValue(name: string, selector?: { version?: number; label?: string }, options?: CallOptions): Promise<ParameterValue>;
  put(input: PutParameterInput, options?: CallOptions): Promise<{ version: number; tier?: ParameterTier }>;
  label(name: string, version: number, labels: readonly string[], options?: CallOptions): Promise<{ invalidLabels: string[] }>;
  delete(name: string, options?: CallOptions): Promise<void>;
  listTags(name: string, options?: CallOptions): Promise<Tag[]>;
  addTags(name: string, tags: readonly Tag[], options?: CallOptions): Promise<void>;
  removeTags(name: string, keys: readonly string[], options?: CallOptions): Promise<void>;
  /** The current values of many parameters, decrypted, through GetParameters (10 per call): per-name values and per-name errors. */
  getValues(names: readonly string[], options?: CallOptions): Promise<BatchValues<ParameterValue>>;
  /** One page of GetParametersByPath (decrypted). Pages can be short, even empty, and still have a next token. */
  getValuesByPath(query: { path: string; recursive: boolean; nextToken?: string; signal?: AbortSignal }): Promise<Page<ParameterValue>>;
}

export interface KeyAlias {
  readonly aliasName: string;
  readonly targetKeyId?: string;
  /** `arn:aws:kms:REGION:ACCOUNT:alias/NAME`: says which account the key belongs to. */
  readonly aliasArn?: string;
}

export interface KeyStore {
  listAliases(options?: CallOptions): Promise<KeyAlias[]>;
}

export interface LambdaFunctionSummary {
  readonly name: string;
  readonly arn: string;
  readonly runtime?: string;
  readonly description?: string;
}

export interface FunctionStore {
  listFunctions(options?: CallOptions): Promise<LambdaFunctionSummary[]>;
}

/** An RDS DB instance or an Aurora / DocumentDB cluster: what a database credentials secret points at. */
export interface DatabaseSummary {
  readonly kind: 'instance' | 'cluster';
  /** `DBInstanceIdentifier` or `DBClusterIdentifier`. */
  readonly identifier: string;
  readonly arn?: string;
  /** RDS's engine name, e.g. `postgres`, `aurora-mysql`, `docdb`. */
  readonly engine: string;
  readonly engineVersion?: string;
  /** The endpoint's address (a cluster's writer endpoint) and port. */
  readonly host?: string;
  readonly port?: number;
  readonly dbName?: string;
  readonly masterUsername?: string;
  /** The secret RDS manages for the master user password (ManageMasterUserPassword), if any. */
  readonly masterUserSecretArn?: string;
}

export interface DatabaseStore {
  /** The region's DB instances (not those that belong to a cluster) and its clusters, DocumentDB's included. */
  listDatabases(options?: CallOptions): Promise<DatabaseSummary[]>;
}

/** Who a profile's credentials are (STS GetCallerIdentity). */
export interface CallerIdentity {
  readonly account: string;
  readonly arn: string;
  readonly userId?: string;
}

export interface IdentityStore {
  callerIdentity(options?: CallOptions): Promise<CallerIdentity>;
  /**
   * The account that owns an access key id (STS GetAccessKeyInfo), asked with the profile's own
   * credentials: only the id is sent, never a secret key. It says nothing about whether the key is active.
   */
  accessKeyAccount(accessKeyId: string, options?: CallOptions): Promise<string>;
}

/** The attributes CloudTrail's LookupEvents can look events up by (one per call). */
export type TrailAttribute = 'EventId' | 'EventName' | 'ReadOnly' | 'Username' | 'ResourceType' | 'ResourceName' | 'EventSource' | 'AccessKeyId';

export interface TrailQuery {
  readonly attribute: { readonly key: TrailAttribute; readonly value: string };
  readonly startTime?: Date;
  readonly endTime?: Date;
  readonly nextToken?: string;
  readonly signal?: AbortSignal;
}

/** One CloudTrail management event, with what the audit views show; nothing else of the request is kept. */
export interface TrailEvent {
  readonly eventId: string;
  /** The API call, e.g. `GetSecretValue`. */
  readonly eventName: string;
  /** e.g. `secretsmanager.amazonaws.com`. */
  readonly eventSource?: string;
  readonly eventTime?: Date;
  /** CloudTrail's ReadOnly: true for reads, false for writes, undefined when not reported. */
  readonly readOnly?: boolean;
  readonly accessKeyId?: string;
  readonly username?: string;
  /** userIdentity.arn of the caller. */
  readonly principalArn?: string;
  readonly accountId?: string;
  readonly sourceIp?: string;
  readonly userAgent?: string;
  /** Set when AWS refused the call (e.g. `AccessDenied`). */
  readonly errorCode?: string;
  readonly errorMessage?: string;
  readonly region?: string;
  /** Resources CloudTrail attached to the event (LookupEvents' Resources). */
  readonly resources: readonly { readonly type?: string; readonly name?: string }[];
  /**
   * The secret and parameter ids the request named, as written (requestParameters' secretId, name,
   * names, secretIdList, and the KMS encryption context's SecretARN / PARAMETER_ARN).
   */
  readonly requestIds: readonly string[];
}

export interface TrailStore {
  /** One page of LookupEvents (newest first, at most 50), paced to CloudTrail's 2 requests per second per account and Region. */
  lookupEvents(query: TrailQuery): Promise<Page<TrailEvent>>;
}

/** Minimal logger the AWS layer writes to; a VS Code LogOutputChannel satisfies it. Never pass it a secret value. */
export interface Logger {
  trace(message: string): void;
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** Asks the user for an MFA code for the given device serial; rejects or resolves to undefined when cancelled. */
export type MfaCodeProvider = (mfaSerial: string, profile: string) => Promise<string | undefined>;

export interface AwsRuntimeOptions {
  readonly logger: Logger;
  readonly mfaCodeProvider?: MfaCodeProvider;
  /** Environment to read credentials and file locations from; defaults to `process.env`. */
  readonly env?: NodeJS.ProcessEnv;
  /** Total attempts per call including retries (the SDK's adaptive retry mode). */
  readonly maxAttempts?: number;
  /** Per-request socket timeout in milliseconds. */
  readonly requestTimeoutMs?: number;
}

export interface AwsRuntime {
  /** Profiles from the config and credentials files (cached until `reload`). */
  listProfiles(): Promise<AwsProfile[]>;
  /** Paths of the files profiles are read from, to watch them. */
  configFiles(): { config: string; credentials: string };
  /** Forgets cached profiles and destroys every client; call when the config files change. */
  reload(): void;
  secrets(profile: string, region: string): Promise<SecretStore>;
  parameters(profile: string, region: string): Promise<ParameterStore>;
  keys(profile: string, region: string): Promise<KeyStore>;
  functions(profile: string, region: string): Promise<FunctionStore>;
  databases(profile: string, region: string): Promise<DatabaseStore>;
  /** STS, for who a profile is and who owns an access key. */
  identity(profile: string, region: string): Promise<IdentityStore>;
  /** CloudTrail event history of the profile's account in one Region. */
  trail(profile: string, region: string): Promise<TrailStore>;
  dispose(): void;
}
