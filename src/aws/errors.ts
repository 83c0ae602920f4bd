import type { ServiceId } from './types';

export type AwsErrorKind =
  | 'accessDenied'
  | 'notFound'
  | 'alreadyExists'
  | 'scheduledForDeletion'
  | 'readOnlyReplica'
  | 'invalidInput'
  | 'throttled'
  | 'expiredCredentials'
  | 'ssoExpired'
  | 'noCredentials'
  | 'network'
  | 'regionUnavailable'
  | 'serviceError'
  | 'unsupported'
  | 'cancelled'
  | 'unknown';

/** What a failed call was doing, so the message can say it in the user's terms. */
export interface CallContext {
  readonly profile: string;
  readonly profileLabel: string;
  readonly region: string;
  readonly service: ServiceId;
  /** The API operation, e.g. `PutSecretValue`. */
  readonly operation: string;
  /** The secret or parameter the call was about, if any. */
  readonly resource?: string;
  readonly endpoint?: string;
}

/**
 * A failure from the AWS layer with a message that says what happened and what to do next.
 * The message never contains a secret value: inputs the caller marks sensitive are redacted
 * from AWS's own text, and AWS's validation echoes ("Value '…' at '…'") are masked.
 * Checked with `isAwsError` (not `instanceof`), because the extension and the lazily loaded
 * AWS bundle each carry their own copy of this class.
 */
export class AwsError extends Error {
  override readonly name = 'AwsError';
  readonly isAwsError = true;
  constructor(
    readonly kind: AwsErrorKind,
    message: string,
    readonly context: CallContext,
    /** AWS's error code (e.g. `AccessDeniedException`) or the Node error code, for logs. */
    readonly code: string | undefined,
    /** AWS's own message, redacted; for the log. */
    readonly detail: string | undefined,
  ) {
    super(message);
  }
}

export function isAwsError(error: unknown): error is AwsError {
  return typeof error === 'object' && error !== null && (error as { isAwsError?: unknown }).isAwsError === true;
}

const SERVICE_NAMES: Record<ServiceId, string> = {
  secretsmanager: 'Secrets Manager',
  ssm: 'Parameter Store',
  kms: 'KMS',
  lambda: 'Lambda',
  rds: 'RDS',
  cloudtrail: 'CloudTrail',
  sts: 'STS',
};

const CODES: Record<string, AwsErrorKind> = {
  AccessDeniedException: 'accessDenied',
  AccessDenied: 'accessDenied',
  UnauthorizedOperation: 'accessDenied',
  ResourceNotFoundException: 'notFound',
  ParameterNotFound: 'notFound',
  ParameterVersionNotFound: 'notFound',
  NotFoundException: 'notFound',
  DBInstanceNotFound: 'notFound',
  DBInstanceNotFoundFault: 'notFound',
  DBClusterNotFoundFault: 'notFound',
  InvalidParameterValue: 'invalidInput',
  InvalidParameterCombination: 'invalidInput',
  ResourceExistsException: 'alreadyExists',
  ParameterAlreadyExists: 'alreadyExists',
  InvalidRequestException: 'invalidInput',
  InvalidParameterException: 'invalidInput',
  ValidationException: 'invalidInput',
  MalformedPolicyDocumentException: 'invalidInput',
  PublicPolicyException: 'invalidInput',
  InvalidLookupAttributesException: 'invalidInput',
  InvalidTimeRangeException: 'invalidInput',
  InvalidMaxResultsException: 'invalidInput',
  InvalidNextTokenException: 'invalidInput',
  UnknownOperationException: 'unsupported',
  InvalidAction: 'unsupported',
  NotImplemented: 'unsupported',
  LimitExceededException: 'invalidInput',
  EncryptionFailure: 'invalidInput',
  DecryptionFailure: 'invalidInput',
  HierarchyLevelLimitExceededException: 'invalidInput',
  HierarchyTypeMismatchException: 'invalidInput',
  ParameterMaxVersionLimitExceeded: 'invalidInput',
  ParameterPatternMismatchException: 'invalidInput',
  ParameterLimitExceeded: 'invalidInput',
  ParameterVersionLabelLimitExceeded: 'invalidInput',
  InvalidKeyId: 'invalidInput',
  InvalidAllowedPatternException: 'invalidInput',
  UnsupportedParameterType: 'invalidInput',
  TooManyTagsError: 'invalidInput',
  InvalidPolicyTypeException: 'invalidInput',
  InvalidPolicyAttributeException: 'invalidInput',
  IncompatiblePolicyException: 'invalidInput',
  PoliciesLimitExceededException: 'invalidInput',
  ThrottlingException: 'throttled',
  Throttling: 'throttled',
  ThrottledException: 'throttled',
  TooManyUpdates: 'throttled',
  TooManyRequestsException: 'throttled',
  RequestLimitExceeded: 'throttled',
  ExpiredTokenException: 'expiredCredentials',
  ExpiredToken: 'expiredCredentials',
  RequestExpired: 'expiredCredentials',
  UnrecognizedClientException: 'expiredCredentials',
  InvalidClientTokenId: 'expiredCredentials',
  InvalidSignatureException: 'expiredCredentials',
  SignatureDoesNotMatch: 'expiredCredentials',
  InternalServiceError: 'serviceError',
  InternalServerError: 'serviceError',
  InternalFailure: 'serviceError',
  ServiceUnavailable: 'serviceError',
  ServiceUnavailableException: 'serviceError',
};

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'ENOTFOUND',
  'ECONNABORTED',
  'TimeoutError',
  'RequestTimeout',
]);

/**
 * How implementations word a refusal because the secret is scheduled for deletion: AWS says
 * "marked for deletion", moto "currently marked deleted". The wording is only a fast path:
 * the Secrets Manager store confirms any other InvalidRequestException with DescribeSecret.
 */
const SCHEDULED_FOR_DELETION = /\b(marked|scheduled)\b.{0,20}\bdelet/i;

interface SdkLikeError {
  name?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number; attempts?: number };
  $fault?: string;
  hostname?: string;
  cause?: unknown;
}

/**
 * Turns anything an SDK call throws into an AwsError with a message that names the action,
 * resource, region and profile, and the next step. `sensitive` lists values that must not
 * appear in the message (the secret being written, for instance).
 */
export function toAwsError(error: unknown, context: CallContext, sensitive: readonly string[] = []): AwsError {
  if (isAwsError(error)) return error;
  const e = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as SdkLikeError;
  const code = errorCode(e);
  const detail = e.message ? redact(e.message, sensitive) : undefined;
  const kind = classify(e, code, detail ?? '');
  return new AwsError(kind, describe(kind, context, detail, e), context, code, detail);
}

/** The same failure as another kind, with that kind's message (the AWS layer learned more than the error said). */
export function withKind(error: AwsError, kind: AwsErrorKind): AwsError {
  return new AwsError(kind, describe(kind, error.context, error.detail, {}), error.context, error.code, error.detail);
}

function errorCode(e: SdkLikeError): string | undefined {
  const nodeCode = e.code ?? (e.cause as SdkLikeError | undefined)?.code;
  if (nodeCode && NETWORK_CODES.has(nodeCode)) return nodeCode;
  return e.name && e.name !== 'Error' ? e.name : nodeCode;
}

function classify(e: SdkLikeError, code: string | undefined, detail: string): AwsErrorKind {
  if (code === 'AbortError' || e.name === 'AbortError') return 'cancelled';
  if (code === 'CredentialsProviderError' || code === 'TokenProviderError') {
    return /sso/i.test(detail) && /(expired|invalid|not found|sso login)/i.test(detail) ? 'ssoExpired' : 'noCredentials';
  }
  if (code === 'InvalidRequestException' && SCHEDULED_FOR_DELETION.test(detail)) return 'scheduledForDeletion';
  // AWS: "Operation not permitted on a replica secret. Call must be made in primary secret's region."
  if ((code === 'InvalidParameterException' || code === 'InvalidRequestException') && /not permitted on a replica secret/i.test(detail))
    return 'readOnlyReplica';
  if (code && CODES[code]) return CODES[code];
  if (code === 'ENOTFOUND' && /amazonaws\.com/.test(`${e.hostname ?? ''} ${detail}`)) return 'regionUnavailable';
  if (code && NETWORK_CODES.has(code)) return 'network';
  const status = e.$metadata?.httpStatusCode;
  if (status === 501) return 'unsupported';
  // An answer that is not an AWS error at all (moto's HTML "500 Internal Server Error" for an
  // operation it lacks): only a custom endpoint answers like that.
  if (status !== undefined && status >= 500 && code === 'SyntaxError' && /Deserialization error/i.test(detail)) return 'unsupported';
  if (status === 403) return 'accessDenied';
  if (status === 429) return 'throttled';
  if (status !== undefined && status >= 500) return 'serviceError';
  return 'unknown';
}

function describe(kind: AwsErrorKind, c: CallContext, detail: string | undefined, e: SdkLikeError): string {
  const service = SERVICE_NAMES[c.service];
  const on = c.resource ? ` on ${c.resource}` : '';
  const where = `in ${c.region} for profile ${c.profileLabel}`;
  const aws = detail ? ` AWS said: ${truncate(detail, 300)}` : '';
  switch (kind) {
    case 'accessDenied':
      return `Access denied to ${c.service}:${c.operation}${on} ${where}. Ask for this permission or use another profile.`;
    case 'notFound':
      return `${c.resource ?? 'The item'} was not found ${where}. It may have been deleted or renamed; refresh the explorer.`;
    case 'alreadyExists':
      return `${c.resource ?? 'An item with this name'} already exists ${where}. Choose another name, or add a new version to the existing one.`;
    case 'scheduledForDeletion':
      return `${c.resource ?? 'The secret'} is scheduled for deletion ${where}. Restore it first, or wait until deletion completes to reuse the name.`;
    case 'readOnlyReplica':
      return `${c.resource ?? 'This secret'} ${where} is a read-only replica of a secret in another Region: make the change on the primary secret, or promote this replica to a standalone secret first.`;
    case 'invalidInput':
      return `${service} rejected ${c.operation}${on} ${where}.${aws}`;
    case 'throttled': {
      const attempts = e.$metadata?.attempts;
      return `${service} is throttling requests ${where}${attempts ? ` (gave up after ${attempts} attempts)` : ''}. Wait a moment and try again.`;
    }
    case 'expiredCredentials':
      return `The credentials of profile ${c.profileLabel} have expired or are not valid (${service}, ${c.region}). Refresh them and try again.`;
    case 'ssoExpired':
      return `The SSO session of profile ${c.profileLabel} has expired or is missing. Run "aws sso login --profile ${c.profile}", then try again.`;
    case 'noCredentials':
      return `No usable credentials for profile ${c.profileLabel}.${aws} Check the profile in your AWS config and credentials files.`;
    case 'network':
      return `Could not reach ${service} ${c.endpoint ? `at ${c.endpoint} ` : ''}${where} (${errorCode(e) ?? 'network error'}). Check your connection, proxy or the profile's endpoint_url.`;
    case 'regionUnavailable':
      return `${service} is not reachable in ${c.region}: the region may not exist or not be enabled for this account.`;
    case 'serviceError':
      return `${service} had an internal error ${where} (HTTP ${e.$metadata?.httpStatusCode ?? '5xx'}). Try again later.`;
    case 'unsupported':
      return `${c.endpoint ? `The endpoint ${c.endpoint}` : 'This endpoint'} does not implement ${service} ${c.operation} (profile ${c.profileLabel}, ${c.region}). AWS itself does; use a profile without a custom endpoint_url for it.`;
    case 'cancelled':
      return `${c.operation} was cancelled.`;
    case 'unknown':
      return `${c.service}:${c.operation}${on} failed ${where}.${aws}`;
  }
}

/** The kind of a per-item failure in a batch answer (BatchGetSecretValue's Errors, GetParameters' InvalidParameters). */
export function batchErrorKind(code: string, message = ''): AwsErrorKind {
  return classify({ name: code, message }, code, message);
}

/**
 * Removes secret material from a message: every caller-supplied sensitive string, and the
 * value AWS echoes in validation errors ("Value 'xyz' at 'secretString' failed…").
 */
export function redact(message: string, sensitive: readonly string[] = []): string {
  let out = message;
  for (const value of sensitive) {
    if (value.length >= 4) out = out.split(value).join('****');
  }
  return out.replace(/Value '[^']{0,70000}' at '/g, "Value '****' at '").replace(/Value \[[^\]]{0,70000}\] at '/g, "Value [****] at '");
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
