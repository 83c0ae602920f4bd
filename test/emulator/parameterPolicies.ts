/**
 * Parameter policies (Systems Manager user guide, "Assigning parameter policies"; API reference
 * PutParameter `Policies`, ParameterInlinePolicy): a JSON array of Expiration,
 * ExpirationNotification and NoChangeNotification policies, at most ten, Advanced tier only.
 * AWS keeps a parameter's policies until a PutParameter gives new ones (`[{}]` removes them),
 * and deletes the parameter once its Expiration timestamp has passed.
 */
import { AwsError, type Input } from './protocol';
import type { Parameter, ParameterPolicy, ParameterTier, RegionState } from './state';

const MAX_POLICIES = 10;
const TYPES: readonly ParameterPolicy['type'][] = ['Expiration', 'ExpirationNotification', 'NoChangeNotification'];

function invalidAttribute(message: string): AwsError {
  return new AwsError('InvalidPolicyAttributeException', message);
}

/**
 * The policies a PutParameter asks for: undefined when it gives none (the previous ones stay),
 * an empty list for `[{}]` (remove them all).
 */
export function readPolicies(input: Input, now: number): ParameterPolicy[] | undefined {
  const raw = input.optString('Policies');
  if (raw === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw invalidAttribute('The policy is not valid JSON.');
  }
  if (!Array.isArray(parsed)) throw invalidAttribute('Policies must be a JSON array.');
  const entries = parsed.filter((entry) => !(entry && typeof entry === 'object' && Object.keys(entry).length === 0));
  if (entries.length > MAX_POLICIES)
    throw new AwsError('PoliciesLimitExceededException', `You can specify a maximum of ${MAX_POLICIES} policies for a parameter.`);
  const policies = entries.map((entry) => readPolicy(entry, now));
  if (policies.filter((p) => p.type === 'Expiration').length > 1) {
    throw new AwsError(
      'IncompatiblePolicyException',
      'There is a conflict in the policies specified for this parameter: only one Expiration policy is allowed.',
    );
  }
  return policies;
}

function readPolicy(entry: unknown, now: number): ParameterPolicy {
  if (!entry || typeof entry !== 'object' || Array.isArray(entry)) throw invalidAttribute('Each policy must be a JSON object.');
  const policy = entry as Record<string, unknown>;
  const type = policy['Type'];
  if (typeof type !== 'string' || !(TYPES as readonly string[]).includes(type)) {
    throw new AwsError(
      'InvalidPolicyTypeException',
      `The policy type ${String(type)} isn't supported. Parameter Store supports Expiration, ExpirationNotification, and NoChangeNotification.`,
    );
  }
  if (policy['Version'] !== '1.0') throw invalidAttribute(`The policy version ${String(policy['Version'])} isn't supported; use 1.0.`);
  const attributes = (policy['Attributes'] ?? {}) as Record<string, unknown>;
  const text = JSON.stringify(policy);
  if (type === 'Expiration') {
    const timestamp = attributes['Timestamp'];
    const at = typeof timestamp === 'string' ? Date.parse(timestamp) : Number.NaN;
    if (Number.isNaN(at)) throw invalidAttribute('An Expiration policy needs a Timestamp in ISO 8601 format.');
    if (at <= now) throw invalidAttribute('The Expiration timestamp must be in the future.');
    return { type, text, expiresAt: at };
  }
  const amount = attributes[type === 'ExpirationNotification' ? 'Before' : 'After'];
  if (typeof amount !== 'string' || !/^[1-9]\d*$/.test(amount)) {
    throw invalidAttribute(`A ${type} policy needs ${type === 'ExpirationNotification' ? 'Before' : 'After'} as a whole number.`);
  }
  if (attributes['Unit'] !== 'Days' && attributes['Unit'] !== 'Hours') throw invalidAttribute(`A ${type} policy needs Unit Days or Hours.`);
  return { type: type as ParameterPolicy['type'], text };
}

/** Policies need the Advanced tier. */
export function checkPolicyTier(policies: readonly ParameterPolicy[] | undefined, tier: ParameterTier): void {
  if (policies?.length && tier !== 'Advanced') {
    throw new AwsError('ValidationException', 'Parameter policies are only available for parameters in the advanced-parameter tier.');
  }
}

/** The `Policies` member of DescribeParameters and GetParameterHistory entries. */
export function policiesView(policies: readonly ParameterPolicy[] | undefined): unknown[] {
  return (policies ?? []).map((policy) => ({ PolicyText: policy.text, PolicyType: policy.type, PolicyStatus: 'Pending' }));
}

/** Parameter Store deletes a parameter once its expiration has passed (in the background on AWS; lazily here). */
export function purgeExpiredParameters(region: RegionState, now: number): void {
  for (const [name, parameter] of region.parameters) if (expiresAt(parameter) !== undefined && expiresAt(parameter)! <= now) region.parameters.delete(name);
}

function expiresAt(parameter: Parameter): number | undefined {
  return parameter.versions[parameter.versions.length - 1]?.policies?.find((p) => p.type === 'Expiration')?.expiresAt;
}
