/**
 * References to values in AWS, in the forms AWS users already write:
 *
 * - CloudFormation dynamic references (AWS CloudFormation User Guide, "Get values stored in
 *   other services using dynamic references"):
 *   `{{resolve:secretsmanager:SECRET-ID:SecretString:JSON-KEY:VERSION-STAGE:VERSION-ID}}` (the
 *   parts after SECRET-ID are optional; SECRET-ID is a name or an ARN),
 *   `{{resolve:ssm:NAME[:VERSION]}}` and `{{resolve:ssm-secure:NAME[:VERSION]}}` (NAME may be
 *   a parameter ARN, for parameters shared from another account);
 * - the ECS `valueFrom` ARN (Amazon ECS Developer Guide, "Pass Secrets Manager secrets through
 *   Amazon ECS environment variables"):
 *   `arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME:JSON-KEY:VERSION-STAGE:VERSION-ID`, or
 *   a parameter's ARN `arn:aws:ssm:REGION:ACCOUNT:parameter/NAME`.
 *
 * Pure text in, plain data out: the resolver, the editor and the CLI all read references here.
 */
import { secretNameProblem } from '../aws/validation';

export interface SecretReference {
  readonly service: 'secretsmanager';
  /** What the calls take: the name, or the (full or partial) ARN. */
  readonly secretId: string;
  /** The secret's name as the user knows it (from the ARN when the id is one, without its 6-character suffix when present). */
  readonly name: string;
  /** The region of an ARN: it wins over the file's and the profile's. */
  readonly region?: string;
  readonly jsonKey?: string;
  readonly versionStage?: string;
  readonly versionId?: string;
}

export interface ParameterReference {
  readonly service: 'ssm';
  /** What the calls take: the name, or the parameter's ARN. */
  readonly parameterName: string;
  /** The parameter's name (from the ARN when it is one). */
  readonly name: string;
  readonly region?: string;
  readonly version?: number;
  /**
   * `ssm-secure` (true) or `ssm` (false); undefined for an ARN, which ECS reads whatever the
   * parameter's type.
   */
  readonly secure?: boolean;
}

export type AwsReference = SecretReference | ParameterReference;

/** A reference found in a value: its text, where it starts in the value, and what it points at — or why it is not one. */
export type ParsedReference =
  | { readonly ok: true; readonly text: string; readonly offset: number; readonly reference: AwsReference }
  | { readonly ok: false; readonly text: string; readonly offset: number; readonly message: string };

export const DYNAMIC_START = '{{resolve:';
const DYNAMIC_END = '}}';
const SERVICES = ['secretsmanager', 'ssm', 'ssm-secure'];
const PARAMETER_NAME = /^[A-Za-z0-9/_.-]+$/;
/** A Secrets Manager `VersionId` (a UUID in practice): 32 to 64 characters. */
const VERSION_ID = /^[A-Za-z0-9-]{32,64}$/;
const SECRET_ARN = /^arn:[a-z-]+:secretsmanager:([a-z0-9-]+):(\d{12}):secret:([^:]+)$/;
const PARAMETER_ARN = /^arn:[a-z-]+:ssm:([a-z0-9-]+):(\d{12}):parameter(\/[^:]+)$/;

/** Whether a whole value is an ECS-style ARN of a secret or a parameter (other ARNs are plain values). */
export function isReferenceArn(value: string): boolean {
  return /^arn:[a-z-]+:(secretsmanager|ssm):/.test(value);
}

/**
 * Every reference in a value: each `{{resolve:…}}` inside it (text around them stays), or the
 * whole value when it is a secret's or parameter's ARN. A value with neither has none.
 */
export function findReferences(value: string): ParsedReference[] {
  if (isReferenceArn(value)) return [parseArnValue(value)];
  const found: ParsedReference[] = [];
  for (let start = value.indexOf(DYNAMIC_START); start >= 0; start = value.indexOf(DYNAMIC_START, start + 1)) {
    const end = value.indexOf(DYNAMIC_END, start + DYNAMIC_START.length);
    if (end < 0) {
      found.push({ ok: false, text: value.slice(start), offset: start, message: 'This dynamic reference has no closing “}}”.' });
      break;
    }
    const text = value.slice(start, end + DYNAMIC_END.length);
    found.push(parseDynamic(text, start));
    start = end;
  }
  return found;
}

/** One `{{resolve:SERVICE:KEY}}`. */
export function parseDynamic(text: string, offset = 0): ParsedReference {
  const fail = (message: string): ParsedReference => ({ ok: false, text, offset, message });
  const inner = text.slice(DYNAMIC_START.length, -DYNAMIC_END.length);
  const colon = inner.indexOf(':');
  const service = colon < 0 ? inner : inner.slice(0, colon);
  if (!SERVICES.includes(service)) {
    return fail(`“${service}” is not a service a reference can read: write {{resolve:secretsmanager:…}}, {{resolve:ssm:…}} or {{resolve:ssm-secure:…}}.`);
  }
  const key = colon < 0 ? '' : inner.slice(colon + 1);
  const parsed = service === 'secretsmanager' ? parseSecretKey(key) : parseParameterKey(key, service === 'ssm-secure');
  return typeof parsed === 'string' ? fail(parsed) : { ok: true, text, offset, reference: parsed };
}

/** `SECRET-ID[:SecretString[:JSON-KEY[:VERSION-STAGE[:VERSION-ID]]]]`, SECRET-ID a name or an ARN. */
function parseSecretKey(key: string): SecretReference | string {
  const parts = key.split(':');
  // An ARN's own colons: arn:PARTITION:secretsmanager:REGION:ACCOUNT:secret:NAME.
  const idParts = parts[0] === 'arn' ? 7 : 1;
  const id = parts.slice(0, idParts).join(':');
  const rest = parts.slice(idParts);
  if (id === '') return 'Name the secret: {{resolve:secretsmanager:NAME}}, or with a JSON key {{resolve:secretsmanager:NAME:SecretString:KEY}}.';
  const target = secretTarget(id);
  if (typeof target === 'string') return target;
  if (rest.length > 4) return 'Too many parts: a secret reference is {{resolve:secretsmanager:NAME:SecretString:JSON-KEY:VERSION-STAGE:VERSION-ID}}.';
  const [kind = '', jsonKey = '', versionStage = '', versionId = ''] = rest;
  if (kind !== '' && kind !== 'SecretString') return `The part after the secret must be SecretString (the only one CloudFormation reads), not “${kind}”.`;
  return withSelectors(target, jsonKey, versionStage, versionId);
}

/** `arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME[:JSON-KEY[:VERSION-STAGE[:VERSION-ID]]]`, as ECS reads `valueFrom`. */
function parseArnValue(value: string): ParsedReference {
  const fail = (message: string): ParsedReference => ({ ok: false, text: value, offset: 0, message });
  const parts = value.split(':');
  if (parts[2] === 'ssm') {
    const parsed = parseParameterKey(value, undefined);
    return typeof parsed === 'string' ? fail(parsed) : { ok: true, text: value, offset: 0, reference: parsed };
  }
  const target = secretTarget(parts.slice(0, 7).join(':'));
  if (typeof target === 'string') return fail(target);
  const rest = parts.slice(7);
  if (rest.length > 3)
    return fail('Too many parts: a secret ARN reference is arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME:JSON-KEY:VERSION-STAGE:VERSION-ID.');
  const [jsonKey = '', versionStage = '', versionId = ''] = rest;
  const parsed = withSelectors(target, jsonKey, versionStage, versionId);
  return typeof parsed === 'string' ? fail(parsed) : { ok: true, text: value, offset: 0, reference: parsed };
}

function secretTarget(id: string): Pick<SecretReference, 'secretId' | 'name' | 'region'> | string {
  if (id.startsWith('arn:')) {
    const match = SECRET_ARN.exec(id);
    if (!match) return `“${id}” is not a secret ARN: arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME.`;
    const name = match[3]!;
    const problem = secretNameProblem(name);
    if (problem) return `The secret name in the ARN is not valid. ${problem}`;
    return { secretId: id, name: name.replace(/-[A-Za-z0-9]{6}$/, ''), region: match[1] };
  }
  const problem = secretNameProblem(id);
  return problem ? `“${id}” is not a valid secret name. ${problem}` : { secretId: id, name: id };
}

function withSelectors(
  target: Pick<SecretReference, 'secretId' | 'name' | 'region'>,
  jsonKey: string,
  versionStage: string,
  versionId: string,
): SecretReference | string {
  if (versionStage && versionId) return 'Give a version stage or a version id, not both.';
  if (versionStage.length > 256) return 'A version stage has at most 256 characters.';
  if (versionId && !VERSION_ID.test(versionId)) return `“${versionId}” is not a version id (32 to 64 letters, digits and hyphens).`;
  return {
    service: 'secretsmanager',
    ...target,
    ...(jsonKey ? { jsonKey } : {}),
    ...(versionStage ? { versionStage } : {}),
    ...(versionId ? { versionId } : {}),
  };
}

/** `NAME[:VERSION]`, NAME a name or `arn:aws:ssm:REGION:ACCOUNT:parameter/NAME`. */
function parseParameterKey(key: string, secure: boolean | undefined): ParameterReference | string {
  const parts = key.split(':');
  const isArn = parts[0] === 'arn';
  const idParts = isArn ? 6 : 1;
  const id = parts.slice(0, idParts).join(':');
  const rest = parts.slice(idParts);
  const form = secure === undefined ? 'the ARN' : `{{resolve:${secure ? 'ssm-secure' : 'ssm'}:NAME:VERSION}}`;
  if (id === '') return `Name the parameter: {{resolve:${secure ? 'ssm-secure' : 'ssm'}:NAME}}.`;
  let name = id;
  let region: string | undefined;
  if (isArn) {
    const match = PARAMETER_ARN.exec(id);
    if (!match) return `“${id}” is not a parameter ARN: arn:aws:ssm:REGION:ACCOUNT:parameter/NAME.`;
    region = match[1];
    // parameter/app/db is the path name /app/db; parameter/db the simple name db.
    name = match[3]!.split('/').filter(Boolean).length > 1 ? match[3]! : match[3]!.slice(1);
  } else if (!PARAMETER_NAME.test(id)) {
    return `“${id}” is not a valid parameter name: use letters, digits and / _ . -`;
  }
  if (secure === undefined && rest.length > 0) return 'A parameter ARN reference has no version: write {{resolve:ssm:ARN:VERSION}} to choose one.';
  if (rest.length > 1) return `Too many parts: a parameter reference is ${form}.`;
  const version = rest[0];
  if (version !== undefined && !/^[1-9]\d{0,8}$/.test(version)) {
    return `The version must be a whole number such as 3, not “${version}”: ${form}.`;
  }
  return {
    service: 'ssm',
    parameterName: id,
    name,
    ...(region ? { region } : {}),
    ...(version ? { version: Number(version) } : {}),
    ...(secure === undefined ? {} : { secure }),
  };
}

/**
 * The text of a reference: what "Copy as Reference" copies and what an import writes. A
 * secret or parameter in another region than the file's is written by its ARN.
 */
export function formatReference(reference: AwsReference): string {
  if (reference.service === 'secretsmanager') {
    const tail = [reference.jsonKey ?? '', reference.versionStage ?? '', reference.versionId ?? ''];
    while (tail.length > 0 && tail[tail.length - 1] === '') tail.pop();
    return `{{resolve:secretsmanager:${reference.secretId}${tail.length ? `:SecretString:${tail.join(':')}` : ''}}}`;
  }
  const service = reference.secure === false ? 'ssm' : 'ssm-secure';
  return `{{resolve:${service}:${reference.parameterName}${reference.version ? `:${reference.version}` : ''}}}`;
}

/** How a reference is named in messages: `prod/db (key password)`, `/app/db/password (version 3)`. */
export function describeReference(reference: AwsReference): string {
  const details =
    reference.service === 'secretsmanager'
      ? [
          reference.jsonKey && `key ${reference.jsonKey}`,
          reference.versionStage && `stage ${reference.versionStage}`,
          reference.versionId && `version ${reference.versionId}`,
        ]
      : [reference.version && `version ${reference.version}`];
  const shown = details.filter(Boolean);
  return `${reference.name}${shown.length ? ` (${shown.join(', ')})` : ''}`;
}
