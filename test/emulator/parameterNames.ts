/**
 * Parameter Store naming rules: what PutParameter accepts, how hierarchy
 * paths relate names, and how `name:version` / `name:label` selectors and
 * parameter ARNs resolve to a name.
 */
import { AwsError } from './protocol';

export const MAX_HIERARCHY_LEVELS = 15;
/** AWS: 1011 characters including the `arn:aws:ssm:REGION:ACCOUNT:parameter/` prefix. */
const MAX_NAME_WITH_ARN = 1011;

const INVALID_NAME =
  'Parameter name: can\'t be prefixed with "aws" or "ssm" (case-insensitive). If formed as a path, it can consist of sub-paths divided by slash symbol; each sub-path can be formed as a mix of letters, numbers and the following 3 symbols .-_';

/** Validates a name for PutParameter and returns it trimmed (AWS strips outer spaces). */
export function validateParameterName(raw: string, arnPrefixLength: number): string {
  const name = raw.trim();
  if (name.length === 0)
    throw new AwsError(
      'ValidationException',
      "1 validation error detected: Value at 'name' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
  if (name.length + arnPrefixLength > MAX_NAME_WITH_ARN) {
    throw new AwsError('ValidationException', `Parameter name: the name including its ARN prefix can have at most ${MAX_NAME_WITH_ARN} characters.`);
  }
  if (!/^[a-zA-Z0-9_.\-/]+$/.test(name) || name.includes('//') || (name.length > 1 && name.endsWith('/')) || name === '/') {
    throw new AwsError('ValidationException', INVALID_NAME);
  }
  if (name.includes('/') && !name.startsWith('/')) {
    throw new AwsError('ValidationException', 'Parameter name must be a fully qualified name.');
  }
  const firstSegment = name.replace(/^\//, '').split('/')[0]!.toLowerCase();
  if (firstSegment.startsWith('aws') || firstSegment.startsWith('ssm')) throw new AwsError('ValidationException', INVALID_NAME);
  if (hierarchyLevels(name) > MAX_HIERARCHY_LEVELS) {
    throw new AwsError(
      'HierarchyLevelLimitExceededException',
      `A hierarchy can have a maximum of ${MAX_HIERARCHY_LEVELS} levels. For more information, see Requirements and constraints for parameter names in the AWS Systems Manager User Guide.`,
    );
  }
  return name;
}

export function hierarchyLevels(name: string): number {
  return name.split('/').filter((segment) => segment.length > 0).length;
}

/** Validates GetParametersByPath's Path and returns it without a trailing slash ('/' stays). */
export function normalizePath(path: string): string {
  if (!path.startsWith('/') || !/^[a-zA-Z0-9_.\-/]+$/.test(path) || path.includes('//')) {
    throw new AwsError(
      'ValidationException',
      `The parameter doesn't meet the parameter name requirements. The path must begin with a forward slash "/": ${path}`,
    );
  }
  if (hierarchyLevels(path) > MAX_HIERARCHY_LEVELS) {
    throw new AwsError('HierarchyLevelLimitExceededException', `A hierarchy can have a maximum of ${MAX_HIERARCHY_LEVELS} levels.`);
  }
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

/** Names without a leading slash sit at the root of the hierarchy. */
function rooted(name: string): string {
  return name.startsWith('/') ? name : `/${name}`;
}

/** Whether `name` is inside `path` (direct child only unless `recursive`). */
export function isUnderPath(name: string, path: string, recursive: boolean): boolean {
  const full = rooted(name);
  if (recursive) return path === '/' || full.startsWith(`${path}/`);
  const parent = full.slice(0, full.lastIndexOf('/')) || '/';
  return parent === path;
}

export interface ParameterReference {
  /** Names to try, in order (a one-segment ARN can mean `x` or `/x`). */
  names: string[];
  version?: number;
  label?: string;
  /** The selector as AWS echoes it, e.g. ':3' or ':prod'. */
  selector?: string;
}

/** Parses `name`, `name:3`, `name:label`, or a parameter ARN with an optional selector. */
export function parseParameterReference(raw: string): ParameterReference {
  let body = raw;
  let names: string[] | undefined;
  const arn = /^arn:aws[a-z-]*:ssm:[^:]+:\d{12}:parameter\/(.+)$/.exec(raw);
  if (arn) body = arn[1]!;
  const colon = body.indexOf(':');
  const namePart = colon >= 0 ? body.slice(0, colon) : body;
  const selector = colon >= 0 ? body.slice(colon + 1) : undefined;
  if (arn) names = namePart.includes('/') ? [`/${namePart}`] : [namePart, `/${namePart}`];
  const ref: ParameterReference = { names: names ?? [namePart] };
  if (selector !== undefined) {
    ref.selector = `:${selector}`;
    if (/^\d+$/.test(selector)) ref.version = Number(selector);
    else ref.label = selector;
  }
  return ref;
}

/**
 * Label rules from the Parameter Store user guide: up to 100 characters of
 * letters, digits, `.`, `-`, `_`; not starting with a digit, `aws` or `ssm`.
 */
export function isValidLabel(label: string): boolean {
  if (label.length < 1 || label.length > 100) return false;
  if (!/^[a-zA-Z0-9_.-]+$/.test(label)) return false;
  if (/^[0-9]/.test(label)) return false;
  const lower = label.toLowerCase();
  return !lower.startsWith('aws') && !lower.startsWith('ssm');
}
