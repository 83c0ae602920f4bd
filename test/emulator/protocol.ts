/**
 * Wire-level vocabulary shared by every service handler: the error type that
 * becomes an AWS error response, typed access to a JSON request body, and the
 * identity of the (single, fake) account.
 */

export type ServiceName = 'secretsmanager' | 'ssm' | 'kms' | 'lambda' | 'rds' | 'cloudtrail' | 'sts';

export const SERVICES: readonly ServiceName[] = ['secretsmanager', 'ssm', 'kms', 'lambda', 'rds', 'cloudtrail', 'sts'];

/** Every region lives in this one fake account. */
export const ACCOUNT_ID = '123456789012';

/** The caller every request is attributed to (LastModifiedUser, AccessDenied messages). */
export const CALLER_ARN = `arn:aws:iam::${ACCOUNT_ID}:user/demo`;

/**
 * An error the emulator answers with. `code` becomes `__type` and the
 * `x-amzn-errortype` header, which is what the SDK uses to pick the exception
 * class (e.g. `ResourceNotFoundException`, `ParameterNotFound`).
 */
export class AwsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
    /** Extra members of the error shape (e.g. Lambda's `Reason`). */
    readonly fields: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** Per-request facts the handlers need besides the body. */
export interface RequestContext {
  region: string;
  service: ServiceName;
  operation: string;
  /** Milliseconds since the epoch, read once per request so one call sees one clock. */
  now: number;
}

/** AWS's generic validation framework words its messages like this; SDKs and users recognise it. */
export function validationError(field: string, constraint: string, value?: string | number): AwsError {
  const shown = value === undefined ? '' : ` '${value}'`;
  return new AwsError('ValidationException', `1 validation error detected: Value${shown} at '${field}' failed to satisfy constraint: ${constraint}`);
}

/** JSON 1.1 carries timestamps as epoch seconds (fractional allowed). */
export function epochSeconds(ms: number | undefined): number | undefined {
  return ms === undefined ? undefined : ms / 1000;
}

export const DAY_MS = 24 * 60 * 60 * 1000;

/** Midnight UTC of the day containing `ms`: SM's LastAccessedDate has day resolution. */
export function startOfUtcDay(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

/** Drops undefined members so responses look like AWS's (absent, not null). */
export function compact<T extends Record<string, unknown>>(value: T): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    if (member !== undefined) out[key] = member;
  }
  return out as Partial<T>;
}

function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/**
 * Typed, validating view of a JSON request body. Wrong types are answered the
 * way AWS answers them (SerializationException), missing required members with
 * the framework's "must not be null" ValidationException.
 */
export class Input {
  constructor(private readonly raw: Record<string, unknown>) {}

  static parse(body: string): Input {
    if (body.trim() === '') return new Input({});
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      throw new AwsError('SerializationException', 'Start of structure or map found where not expected.');
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw new AwsError('SerializationException', 'Start of structure or map found where not expected.');
    }
    return new Input(parsed as Record<string, unknown>);
  }

  has(name: string): boolean {
    return this.raw[name] !== undefined && this.raw[name] !== null;
  }

  private typeError(name: string): AwsError {
    return new AwsError('SerializationException', `Unexpected type for member '${name}'.`);
  }

  private missing(name: string): AwsError {
    return validationError(lowerFirst(name), 'Member must not be null', 'null');
  }

  string(name: string): string {
    const value = this.optString(name);
    if (value === undefined) throw this.missing(name);
    return value;
  }

  optString(name: string): string | undefined {
    const value = this.raw[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') throw this.typeError(name);
    return value;
  }

  optBool(name: string): boolean | undefined {
    const value = this.raw[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'boolean') throw this.typeError(name);
    return value;
  }

  optInt(name: string): number | undefined {
    const value = this.raw[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value)) throw this.typeError(name);
    return value;
  }

  /** A number member: JSON 1.1 sends timestamps as epoch seconds, fractional allowed. */
  optNumber(name: string): number | undefined {
    const value = this.raw[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'number' || !Number.isFinite(value)) throw this.typeError(name);
    return value;
  }

  /** An integer member checked against its modelled range, with AWS's message when outside it. */
  optIntInRange(name: string, min: number, max: number): number | undefined {
    const value = this.optInt(name);
    if (value === undefined) return undefined;
    if (value < min) throw validationError(lowerFirst(name), `Member must have value greater than or equal to ${min}`, value);
    if (value > max) throw validationError(lowerFirst(name), `Member must have value less than or equal to ${max}`, value);
    return value;
  }

  optStringList(name: string): string[] | undefined {
    const value = this.raw[name];
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) throw this.typeError(name);
    return value as string[];
  }

  stringList(name: string): string[] {
    const value = this.optStringList(name);
    if (value === undefined) throw this.missing(name);
    return value;
  }

  optObjectList(name: string): Input[] | undefined {
    const value = this.raw[name];
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value)) throw this.typeError(name);
    return value.map((item) => {
      if (item === null || typeof item !== 'object' || Array.isArray(item)) throw this.typeError(name);
      return new Input(item as Record<string, unknown>);
    });
  }

  optObject(name: string): Input | undefined {
    const value = this.raw[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'object' || Array.isArray(value)) throw this.typeError(name);
    return new Input(value as Record<string, unknown>);
  }
}

export interface Tag {
  Key: string;
  Value: string;
}

/** Reads a `Tags` list (both SM and SSM use `{Key, Value}` members). */
export function readTags(input: Input, name = 'Tags'): Tag[] | undefined {
  const list = input.optObjectList(name);
  if (list === undefined) return undefined;
  return list.map((tag) => ({ Key: tag.string('Key'), Value: tag.optString('Value') ?? '' }));
}

/** Adds or replaces tags by key, keeping first-seen order (what AWS shows). */
export function mergeTags(existing: Tag[], added: Tag[]): Tag[] {
  const out = existing.map((tag) => ({ ...tag }));
  for (const tag of added) {
    const found = out.find((candidate) => candidate.Key === tag.Key);
    if (found) found.Value = tag.Value;
    else out.push({ ...tag });
  }
  return out;
}

export type Handler = (input: Input, ctx: RequestContext) => unknown;
