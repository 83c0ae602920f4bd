/**
 * Lambda (REST-JSON): ListFunctions and GetFunction, enough for the extension
 * to offer a rotation function. Routes are matched on method + path.
 */
import { paginate } from './pagination';
import { ACCOUNT_ID, AwsError, type RequestContext } from './protocol';
import { type EmulatorState, type LambdaFunction, lambdaArn } from './state';

export interface RestRequest {
  method: string;
  path: string;
  query: URLSearchParams;
}

/** Lambda reports LastModified as a string like 2024-05-01T10:00:00.000+0000. */
function lambdaTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}

function configuration(region: string, fn: LambdaFunction): Record<string, unknown> {
  return {
    FunctionName: fn.name,
    FunctionArn: lambdaArn(region, fn.name),
    Runtime: fn.runtime,
    Role: `arn:aws:iam::${ACCOUNT_ID}:role/${fn.roleName}`,
    Handler: fn.handler,
    CodeSize: fn.codeSize,
    Description: fn.description,
    Timeout: fn.timeout,
    MemorySize: fn.memorySize,
    LastModified: lambdaTimestamp(fn.lastModified),
    CodeSha256: Buffer.from(`${region}/${fn.name}`).toString('base64'),
    Version: '$LATEST',
    PackageType: 'Zip',
    Architectures: ['x86_64'],
    State: 'Active',
    LastUpdateStatus: 'Successful',
  };
}

/** Maps a REST request to its operation name, or undefined when no route matches. */
export function lambdaOperation(request: RestRequest): string | undefined {
  if (request.method === 'GET' && /^\/2015-03-31\/functions\/?$/.test(request.path)) return 'ListFunctions';
  if (request.method === 'GET' && /^\/2015-03-31\/functions\/[^/]+\/?$/.test(request.path)) return 'GetFunction';
  return undefined;
}

function listFunctions(state: EmulatorState, request: RestRequest, ctx: RequestContext): unknown {
  const rawMax = request.query.get('MaxItems');
  let maxItems = 50;
  if (rawMax !== null) {
    const parsed = Number(rawMax);
    if (!Number.isInteger(parsed) || parsed < 1 || parsed > 10000) {
      throw new AwsError(
        'InvalidParameterValueException',
        `1 validation error detected: Value '${rawMax}' at 'maxItems' failed to satisfy constraint: Member must have value between 1 and 10000`,
      );
    }
    // Lambda returns at most 50 functions per page whatever MaxItems says.
    maxItems = Math.min(parsed, 50);
  }
  const functions = [...state.region(ctx.region).functions].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const page = paginate(
    'ListFunctions',
    functions,
    maxItems,
    request.query.get('Marker') ?? undefined,
    () => new AwsError('InvalidParameterValueException', 'Invalid marker.'),
  );
  const body: Record<string, unknown> = { Functions: page.items.map((fn) => configuration(ctx.region, fn)) };
  if (page.nextToken) body['NextMarker'] = page.nextToken;
  return body;
}

function getFunction(state: EmulatorState, request: RestRequest, ctx: RequestContext): unknown {
  const raw = decodeURIComponent(request.path.replace(/^\/2015-03-31\/functions\//, '').replace(/\/$/, ''));
  const name = raw.startsWith('arn:') ? (raw.split(':')[6] ?? raw) : raw;
  const fn = state.region(ctx.region).functions.find((candidate) => candidate.name === name);
  if (!fn) throw new AwsError('ResourceNotFoundException', `Function not found: ${lambdaArn(ctx.region, name)}`, 404, { Type: 'User' });
  return {
    Configuration: configuration(ctx.region, fn),
    Code: { RepositoryType: 'S3', Location: `https://awslambda-${ctx.region}-tasks.s3.${ctx.region}.amazonaws.com/snapshots/${ACCOUNT_ID}/${fn.name}` },
  };
}

export function handleLambda(state: EmulatorState, request: RestRequest, ctx: RequestContext): unknown {
  switch (ctx.operation) {
    case 'ListFunctions':
      return listFunctions(state, request, ctx);
    case 'GetFunction':
      return getFunction(state, request, ctx);
    default:
      throw new AwsError('UnknownOperationException', `Operation ${ctx.operation} is not supported by the emulator.`);
  }
}
