/**
 * The HTTP side: routes AWS requests (JSON 1.1 by X-Amz-Target, Lambda's
 * REST paths, Query-protocol services by the credential scope's service and
 * `Action`), attributes them to a region from the SigV4 credential scope,
 * applies fault rules, writes AWS-shaped responses and errors, and serves the
 * `/_emulator/*` control endpoints used by tests in other processes.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { cloudTrailHandlers, recordCall } from './cloudtrail';
import { FaultStore, faultError, type FaultRule, validateFaultRule } from './faults';
import { kmsHandlers } from './kms';
import { handleLambda, lambdaOperation, type RestRequest } from './lambda';
import { ACCOUNT_ID, AwsError, type Handler, Input, type RequestContext, type ServiceName } from './protocol';
import { QueryInput, queryErrorResponse, queryResponse, type QueryService } from './queryProtocol';
import { rdsService } from './rds';
import { secretsManagerHandlers } from './secretsManager';
import { applySeed, bulkSeed, type SeedName } from './seed';
import { ssmHandlers } from './ssm';
import { stsService } from './sts';
import { EmulatorState, parameterArn } from './state';

/** X-Amz-Target prefixes of the JSON 1.1 services. */
const TARGET_PREFIXES: Record<string, ServiceName> = {
  secretsmanager: 'secretsmanager',
  AmazonSSM: 'ssm',
  TrentService: 'kms',
  // The SDK sends the short form; the full one is the service's documented target.
  CloudTrail_20131101: 'cloudtrail',
  'com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101': 'cloudtrail',
};

/** `Prefix.Operation`: the prefix is everything before the last dot (CloudTrail's has dots of its own). */
function splitTarget(target: string): { prefix: string; operation: string } {
  const dot = target.lastIndexOf('.');
  return { prefix: target.slice(0, Math.max(dot, 0)), operation: target.slice(dot + 1) };
}

const DEFAULT_REGION = 'us-east-1';
const MAX_BODY_BYTES = 16 * 1024 * 1024;

interface Route {
  service: ServiceName;
  operation: string;
  rest?: RestRequest;
  query?: QueryInput;
}

function isFormBody(req: http.IncomingMessage): boolean {
  return /^application\/x-www-form-urlencoded/i.test(req.headers['content-type'] ?? '');
}

/** Region and service from `Credential=AKID/DATE/REGION/SERVICE/aws4_request` (signature not checked). */
export function credentialScope(authorization: string | undefined): { region?: string; service?: string } {
  const match = /Credential=[^/,\s]+\/\d{8}\/([^/,\s]+)\/([^/,\s]+)\/aws4_request/.exec(authorization ?? '');
  return match ? { region: match[1], service: match[2] } : {};
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new AwsError('SerializationException', `Request body larger than ${MAX_BODY_BYTES} bytes.`, 413));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The identifier a request names (SecretId, Name, ResourceId, Path), if any. */
function requestId(body: string): string | undefined {
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(body || '{}') as Record<string, unknown>;
  } catch {
    return undefined;
  }
  return [parsed['SecretId'], parsed['Name'], parsed['ResourceId'], parsed['Path']].find((value): value is string => typeof value === 'string');
}

/** The name of the secret or parameter a request is about (an ARN counts by its name), for fault rules. */
function resourceName(body: string): string | undefined {
  const id = requestId(body);
  if (id === undefined) return undefined;
  const secret = /^arn:[^:]+:secretsmanager:[^:]*:[^:]*:secret:(.+?)(-[A-Za-z0-9]{6})?$/.exec(id);
  if (secret) return secret[1];
  const parameter = /^arn:[^:]+:ssm:[^:]*:[^:]*:parameter(\/.*)$/.exec(id);
  return parameter ? parameter[1] : id;
}

/** The resource an AccessDenied message names, from the usual identifier members. */
function resourceOf(service: ServiceName, region: string, body: string): string | undefined {
  const id = requestId(body);
  if (id === undefined) return undefined;
  if (id.startsWith('arn:')) return id;
  if (service === 'secretsmanager') return `arn:aws:secretsmanager:${region}:${ACCOUNT_ID}:secret:${id}`;
  if (service === 'ssm') return parameterArn(region, id);
  return undefined;
}

/** The service a request is meant for, known before the operation is (so even its errors are shaped right). */
function serviceOf(req: http.IncomingMessage, url: URL, queryServices: Partial<Record<ServiceName, QueryService>>): ServiceName | undefined {
  const target = req.headers['x-amz-target'];
  if (typeof target === 'string') return TARGET_PREFIXES[splitTarget(target).prefix];
  const scoped = credentialScope(req.headers['authorization']).service as ServiceName | undefined;
  if (isFormBody(req) && scoped && queryServices[scoped]) return scoped;
  return url.pathname.startsWith('/2015-03-31/') ? 'lambda' : undefined;
}

export interface EmulatorServerOptions {
  seed: SeedName;
}

export class EmulatorServer {
  readonly state = new EmulatorState();
  readonly faults = new FaultStore();
  private counts = new Map<string, number>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly jsonHandlers: Partial<Record<ServiceName, Record<string, Handler>>>;
  /** Query-protocol services, by the service name their requests are signed for. */
  private readonly queryServices: Partial<Record<ServiceName, QueryService>>;
  private readonly server: http.Server;
  private seed: SeedName;
  private closed = false;
  private readonly startedAt = Date.now();

  constructor(options: EmulatorServerOptions) {
    this.seed = options.seed;
    applySeed(this.state, this.seed);
    this.jsonHandlers = {
      secretsmanager: secretsManagerHandlers(this.state),
      ssm: ssmHandlers(this.state),
      kms: kmsHandlers(this.state),
      cloudtrail: cloudTrailHandlers(this.state),
    };
    this.queryServices = {
      rds: rdsService(this.state),
      sts: stsService(this.state),
    };
    this.server = http.createServer((req, res) => void this.onRequest(req, res));
    this.server.keepAliveTimeout = 5000;
  }

  listen(port: number, host: string): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        resolve((this.server.address() as AddressInfo).port);
      });
    });
  }

  /** Stops accepting, drops pending delayed responses and every open socket. */
  close(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    const done = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    return done;
  }

  /** Back to the state right after start: seed reloaded, faults and counters cleared. */
  reset(seed: SeedName = this.seed): void {
    this.seed = seed;
    applySeed(this.state, seed);
    this.faults.clear();
    this.counts.clear();
  }

  addFault(rule: FaultRule): string {
    return this.faults.add(rule);
  }

  stats(): Record<string, number> {
    return Object.fromEntries([...this.counts.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
  }

  private count(route: Route): void {
    const key = `${route.service}.${route.operation}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  private delay(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });
  }

  private route(req: http.IncomingMessage, url: URL, body: string): Route {
    const service = serviceOf(req, url, this.queryServices);
    const queryService = service && this.queryServices[service];
    if (service && queryService) {
      const query = QueryInput.parse(body);
      const operation = query.action();
      if (!operation || !queryService.handlers[operation]) {
        throw new AwsError('InvalidAction', `The action ${operation ?? '(none)'} is not valid for this web service.`);
      }
      return { service, operation, query };
    }
    const target = req.headers['x-amz-target'];
    if (typeof target === 'string') {
      const { prefix, operation } = splitTarget(target);
      const service = TARGET_PREFIXES[prefix];
      if (!prefix || !service) throw new AwsError('UnknownOperationException', `The emulator does not serve the target ${target}.`);
      if (!this.jsonHandlers[service]?.[operation]) {
        throw new AwsError('UnknownOperationException', `Operation ${operation} is not supported by the ${service} emulator.`);
      }
      return { service, operation };
    }
    const rest: RestRequest = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams };
    if (url.pathname.startsWith('/2015-03-31/')) {
      const operation = lambdaOperation(rest);
      if (!operation) throw new AwsError('UnknownOperationException', `The Lambda emulator has no route for ${rest.method} ${rest.path}.`);
      return { service: 'lambda', operation, rest };
    }
    throw new AwsError('UnknownOperationException', `No X-Amz-Target header and no known route for ${rest.method} ${rest.path}.`);
  }

  private async onRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    let service: ServiceName | undefined;
    let audit: ((error?: AwsError) => void) | undefined;
    try {
      const body = await readBody(req);
      const url = new URL(req.url ?? '/', 'http://emulator');
      if (url.pathname.startsWith('/_emulator/')) {
        this.admin(req.method ?? 'GET', url.pathname, body, res);
        return;
      }
      const scope = credentialScope(req.headers['authorization']);
      service = serviceOf(req, url, this.queryServices);
      const route = this.route(req, url, body);
      const ctx: RequestContext = { region: scope.region ?? DEFAULT_REGION, service: route.service, operation: route.operation, now: 0 };
      this.count(route);
      audit = this.auditor(req, ctx, body);
      const decision = this.faults.decide(ctx.region, ctx.service, ctx.operation, resourceName(body));
      if (decision.delayMs > 0) await this.delay(decision.delayMs);
      if (this.closed) return;
      if (decision.failure === 'connectionReset') {
        req.socket.destroy();
        return;
      }
      if (decision.failure) throw faultError(decision.failure, ctx.service, ctx.operation, resourceOf(ctx.service, ctx.region, body));
      ctx.now = Date.now();
      if (route.query) {
        const queryService = this.queryServices[route.service]!;
        this.sendXml(res, 200, queryResponse(queryService.namespace, route.operation, queryService.handlers[route.operation]!(route.query, ctx)));
        return;
      }
      const result = route.rest ? handleLambda(this.state, route.rest, ctx) : this.jsonHandlers[route.service]![route.operation]!(Input.parse(body), ctx);
      audit();
      this.send(res, 200, route.service, result);
    } catch (error) {
      if (this.closed || res.headersSent) return;
      if (error instanceof AwsError) {
        audit?.(error);
        this.sendError(res, service, error);
      } else {
        // A bug in the emulator: answer like AWS's own 5xx and say what broke.
        console.error('[emulator] internal error', error);
        const code = service === 'secretsmanager' ? 'InternalServiceError' : service === 'lambda' ? 'ServiceException' : 'InternalServerError';
        this.sendError(res, service, new AwsError(code, `Emulator internal error: ${(error as Error).message}`, 500));
      }
    }
  }

  /** Records the request's signer and, once answered, its CloudTrail event. */
  private auditor(req: http.IncomingMessage, ctx: RequestContext, body: string): (error?: AwsError) => void {
    const accessKeyId = /Credential=([^/,\s]+)\//.exec(req.headers['authorization'] ?? '')?.[1];
    if (accessKeyId) this.state.signers.add(accessKeyId);
    const userAgent = req.headers['user-agent'];
    return (error) =>
      recordCall(this.state, {
        region: ctx.region,
        service: ctx.service,
        operation: ctx.operation,
        accessKeyId,
        sourceIp: req.socket.remoteAddress?.replace(/^::ffff:/, ''),
        userAgent: typeof userAgent === 'string' ? userAgent : undefined,
        body,
        now: ctx.now || Date.now(),
        error,
      });
  }

  private send(res: http.ServerResponse, status: number, service: ServiceName | undefined, body: unknown, extraHeaders: Record<string, string> = {}): void {
    const payload = JSON.stringify(body);
    res.writeHead(status, {
      'content-type': service === 'lambda' ? 'application/json' : 'application/x-amz-json-1.1',
      'content-length': Buffer.byteLength(payload),
      'x-amzn-requestid': randomUUID(),
      ...extraHeaders,
    });
    res.end(payload);
  }

  private sendXml(res: http.ServerResponse, status: number, payload: string, extraHeaders: Record<string, string> = {}): void {
    res.writeHead(status, { 'content-type': 'text/xml', 'content-length': Buffer.byteLength(payload), 'x-amzn-requestid': randomUUID(), ...extraHeaders });
    res.end(payload);
  }

  private sendError(res: http.ServerResponse, service: ServiceName | undefined, error: AwsError): void {
    const queryService = service && this.queryServices[service];
    if (queryService) {
      this.sendXml(res, error.status, queryErrorResponse(queryService.namespace, error), error.status === 429 ? { 'retry-after': '1' } : {});
      return;
    }
    // Secrets Manager's modelled errors carry `Message`; the others use `message`.
    const messageKey = service === 'secretsmanager' ? 'Message' : 'message';
    const headers: Record<string, string> = { 'x-amzn-errortype': error.code };
    if (error.status === 429) headers['retry-after'] = '1';
    this.send(res, error.status, service, { __type: error.code, [messageKey]: error.message, ...error.fields }, headers);
  }

  private adminReply(res: http.ServerResponse, status: number, body: unknown): void {
    const payload = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) });
    res.end(payload);
  }

  private admin(method: string, path: string, body: string, res: http.ServerResponse): void {
    let parsed: unknown;
    try {
      parsed = body.trim() === '' ? {} : JSON.parse(body);
    } catch {
      this.adminReply(res, 400, { error: 'Body must be JSON.' });
      return;
    }
    const object = (parsed ?? {}) as Record<string, unknown>;
    try {
      const key = `${method} ${path.replace(/\/+$/, '')}`;
      switch (key) {
        case 'GET /_emulator/health':
          this.adminReply(res, 200, { status: 'ok', seed: this.seed, regions: this.state.regionNames(), uptimeMs: Date.now() - this.startedAt });
          return;
        case 'GET /_emulator/stats':
          this.adminReply(res, 200, this.stats());
          return;
        case 'DELETE /_emulator/stats':
          this.counts.clear();
          this.adminReply(res, 200, {});
          return;
        case 'GET /_emulator/faults':
          this.adminReply(res, 200, { faults: this.faults.list() });
          return;
        case 'POST /_emulator/faults': {
          const rules = (Array.isArray(parsed) ? parsed : [parsed]).map(validateFaultRule);
          this.adminReply(res, 200, { ids: rules.map((rule) => this.faults.add(rule)) });
          return;
        }
        case 'DELETE /_emulator/faults':
          this.adminReply(res, 200, { cleared: this.faults.clear() });
          return;
        case 'POST /_emulator/reset': {
          const seed = object['seed'];
          if (seed !== undefined && seed !== 'demo' && seed !== 'none') throw new Error("seed must be 'demo' or 'none'.");
          this.reset(seed as SeedName | undefined);
          this.adminReply(res, 200, { status: 'ok', seed: this.seed });
          return;
        }
        case 'POST /_emulator/seed':
          this.adminReply(res, 200, this.seedRequest(object));
          return;
      }
      const single = /^DELETE \/_emulator\/faults\/([^/]+)$/.exec(key);
      if (single) {
        this.adminReply(res, 200, { removed: this.faults.remove(decodeURIComponent(single[1]!)) });
        return;
      }
      this.adminReply(res, 404, { error: `No emulator control endpoint ${method} ${path}.` });
    } catch (error) {
      this.adminReply(res, 400, { error: (error as Error).message });
    }
  }

  /** `{ bulk: { region, secrets, parameters, prefix } }` adds synthetic data; `{ seed }` reloads a named seed. */
  private seedRequest(body: Record<string, unknown>): unknown {
    const started = Date.now();
    if (body['seed'] === 'demo' || body['seed'] === 'none') {
      this.seed = body['seed'];
      applySeed(this.state, this.seed);
      return { seed: this.seed, ms: Date.now() - started };
    }
    const bulk = body['bulk'] as Record<string, unknown> | undefined;
    if (!bulk || typeof bulk !== 'object' || typeof bulk['region'] !== 'string') {
      throw new Error('Expected { "bulk": { "region": "us-east-1", "secrets": N, "parameters": N, "prefix": "bulk/" } } or { "seed": "demo" | "none" }.');
    }
    for (const field of ['secrets', 'parameters'] as const) {
      if (bulk[field] !== undefined && (!Number.isInteger(bulk[field]) || (bulk[field] as number) < 0))
        throw new Error(`bulk.${field} must be a non-negative integer.`);
    }
    if (bulk['prefix'] !== undefined && (typeof bulk['prefix'] !== 'string' || !/^[A-Za-z0-9/_.-]*$/.test(bulk['prefix']))) {
      throw new Error('bulk.prefix may contain letters, digits and / _ . - only.');
    }
    const created = bulkSeed(this.state, {
      region: bulk['region'],
      secrets: bulk['secrets'] as number | undefined,
      parameters: bulk['parameters'] as number | undefined,
      prefix: bulk['prefix'] as string | undefined,
    });
    return { created, ms: Date.now() - started };
  }
}
