/**
 * Fault injection: rules that make matching requests fail (or slow down) the
 * way AWS fails, so the extension's error handling can be tested for real.
 */
import { AwsError, CALLER_ARN, SERVICES, type ServiceName } from './protocol';

export const FAULT_KINDS = ['throttle', 'serverError', 'latency', 'expiredToken', 'accessDenied', 'unrecognizedClient', 'connectionReset'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultRule {
  region?: string;
  service?: ServiceName;
  operation?: string;
  /** Only requests about this secret or parameter: its name, as in SecretId / Name (an ARN counts by its name). */
  resource?: string;
  kind: FaultKind;
  latencyMs?: number;
  /** Apply this many times, then expire; unlimited when omitted. */
  times?: number;
}

interface ActiveRule extends FaultRule {
  id: string;
  remaining: number;
}

export interface FaultDecision {
  /** Total delay from matching latency rules. */
  delayMs: number;
  /** The failure to answer with after the delay, if any. */
  failure?: Exclude<FaultKind, 'latency'>;
}

/** Checks a rule that came from outside (HTTP or a test) and throws a readable Error if it is malformed. */
export function validateFaultRule(value: unknown): FaultRule {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error('A fault rule must be a JSON object.');
  const rule = value as Record<string, unknown>;
  if (!FAULT_KINDS.includes(rule['kind'] as FaultKind)) throw new Error(`Fault kind must be one of ${FAULT_KINDS.join(', ')}.`);
  if (rule['service'] !== undefined && !SERVICES.includes(rule['service'] as ServiceName))
    throw new Error(`Fault service must be one of ${SERVICES.join(', ')}.`);
  for (const key of ['region', 'operation', 'resource'] as const) {
    if (rule[key] !== undefined && typeof rule[key] !== 'string') throw new Error(`Fault ${key} must be a string.`);
  }
  if (rule['times'] !== undefined && (!Number.isInteger(rule['times']) || (rule['times'] as number) < 1))
    throw new Error('Fault times must be a positive integer.');
  if (rule['kind'] === 'latency' && (typeof rule['latencyMs'] !== 'number' || rule['latencyMs'] < 0)) throw new Error('A latency fault needs latencyMs >= 0.');
  return {
    region: rule['region'] as string | undefined,
    service: rule['service'] as ServiceName | undefined,
    operation: rule['operation'] as string | undefined,
    resource: rule['resource'] as string | undefined,
    kind: rule['kind'] as FaultKind,
    latencyMs: rule['latencyMs'] as number | undefined,
    times: rule['times'] as number | undefined,
  };
}

export class FaultStore {
  private rules: ActiveRule[] = [];
  private nextId = 1;

  add(rule: FaultRule): string {
    const checked = validateFaultRule(rule);
    const id = `fault-${this.nextId++}`;
    this.rules.push({ ...checked, id, remaining: checked.times ?? Infinity });
    return id;
  }

  remove(id: string): boolean {
    const before = this.rules.length;
    this.rules = this.rules.filter((rule) => rule.id !== id);
    return this.rules.length < before;
  }

  clear(): number {
    const count = this.rules.length;
    this.rules = [];
    return count;
  }

  list(): Array<FaultRule & { id: string; remaining?: number }> {
    return this.rules.map(({ remaining, ...rule }) => ({ ...rule, ...(Number.isFinite(remaining) ? { remaining } : {}) }));
  }

  /**
   * Consumes the rules that match this request: every matching latency rule
   * adds its delay, and the first matching failure rule (in the order added) wins.
   * `resource` is the name the request is about, when it names one.
   */
  decide(region: string, service: ServiceName, operation: string, resource?: string): FaultDecision {
    const decision: FaultDecision = { delayMs: 0 };
    for (const rule of this.rules) {
      if (rule.region !== undefined && rule.region !== region) continue;
      if (rule.service !== undefined && rule.service !== service) continue;
      if (rule.operation !== undefined && rule.operation !== operation) continue;
      if (rule.resource !== undefined && rule.resource !== resource) continue;
      if (rule.kind === 'latency') {
        decision.delayMs += rule.latencyMs ?? 0;
        rule.remaining--;
      } else if (decision.failure === undefined) {
        decision.failure = rule.kind;
        rule.remaining--;
      }
    }
    this.rules = this.rules.filter((rule) => rule.remaining > 0);
    return decision;
  }
}

/** REST-JSON services (Lambda) use HTTP status codes where JSON 1.1 services answer 400. */
function authStatus(service: ServiceName): number {
  return service === 'lambda' ? 403 : 400;
}

/** The AWS error each failure kind produces for a service, with AWS's wording. */
export function faultError(kind: Exclude<FaultKind, 'latency' | 'connectionReset'>, service: ServiceName, operation: string, resource?: string): AwsError {
  switch (kind) {
    case 'throttle':
      if (service === 'lambda') return new AwsError('TooManyRequestsException', 'Rate exceeded', 429, { Reason: 'CallerRateLimitExceeded', Type: 'User' });
      return new AwsError('ThrottlingException', 'Rate exceeded');
    case 'serverError':
      if (service === 'secretsmanager') return new AwsError('InternalServiceError', 'An error occurred on the server side.', 500);
      if (service === 'kms') return new AwsError('KMSInternalException', 'An internal error occurred.', 500);
      if (service === 'lambda') return new AwsError('ServiceException', 'The AWS Lambda service encountered an internal error.', 500, { Type: 'Service' });
      return new AwsError('InternalServerError', 'An error occurred on the server side.', 500);
    case 'expiredToken':
      return new AwsError('ExpiredTokenException', 'The security token included in the request is expired', authStatus(service));
    case 'unrecognizedClient':
      return new AwsError('UnrecognizedClientException', 'The security token included in the request is invalid.', authStatus(service));
    case 'accessDenied': {
      const action = `${service}:${operation}`;
      const on = resource ? ` on resource: ${resource}` : '';
      return new AwsError(
        'AccessDeniedException',
        `User: ${CALLER_ARN} is not authorized to perform: ${action}${on} because no identity-based policy allows the ${action} action`,
        authStatus(service),
      );
    }
  }
}
