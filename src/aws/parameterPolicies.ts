/**
 * Parameter Store policies (Advanced tier): reading what DescribeParameters returns and
 * writing the JSON that PutParameter's `Policies` takes. The shapes are the ones the Systems
 * Manager user guide documents ("Assigning parameter policies"):
 *
 *   {"Type":"Expiration","Version":"1.0","Attributes":{"Timestamp":"2030-01-01T00:00:00.000Z"}}
 *   {"Type":"ExpirationNotification","Version":"1.0","Attributes":{"Before":"15","Unit":"Days"}}
 *   {"Type":"NoChangeNotification","Version":"1.0","Attributes":{"After":"20","Unit":"Days"}}
 *
 * No SDK import: the tree and the commands use it too.
 */
import type { ParameterPolicy } from './types';

export const POLICY_TYPES = ['Expiration', 'ExpirationNotification', 'NoChangeNotification'] as const;

/** AWS accepts at most ten policies on a parameter. */
export const MAX_POLICIES = 10;

/** What PutParameter takes to remove every policy of a parameter (documented: an empty policy). */
export const NO_POLICIES = '[{}]';

/**
 * One entry of DescribeParameters' `Policies`. `PolicyText` is a JSON string on AWS; some
 * AWS-compatible endpoints return it (and `PolicyType`) as an object, so both are accepted.
 * Anything unreadable is kept with its type only: a tooltip row is better than a failed listing.
 */
export function readPolicy(entry: { PolicyText?: unknown; PolicyType?: unknown; PolicyStatus?: unknown }): ParameterPolicy | undefined {
  const body = asObject(entry.PolicyText) ?? asObject(entry.PolicyType);
  const text = typeof entry.PolicyText === 'string' ? entry.PolicyText : body ? JSON.stringify(body) : '';
  const type = typeof entry.PolicyType === 'string' ? entry.PolicyType : typeof body?.['Type'] === 'string' ? body['Type'] : undefined;
  if (!type) return undefined;
  const attributes = asObject(body?.['Attributes']) ?? {};
  const status = typeof entry.PolicyStatus === 'string' ? entry.PolicyStatus : undefined;
  const policy: { -readonly [K in keyof ParameterPolicy]: ParameterPolicy[K] } = { type, status, text };
  if (type === 'Expiration') {
    const at = typeof attributes['Timestamp'] === 'string' ? new Date(attributes['Timestamp']) : undefined;
    if (at && !Number.isNaN(at.getTime())) policy.expiresAt = at;
  } else {
    const amount = Number(attributes[type === 'ExpirationNotification' ? 'Before' : 'After']);
    const unit = typeof attributes['Unit'] === 'string' ? attributes['Unit'] : 'Days';
    if (Number.isFinite(amount)) policy.interval = { amount, unit };
  }
  return policy;
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  if (typeof value === 'string') {
    try {
      return asObject(JSON.parse(value));
    } catch {
      return undefined;
    }
  }
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** The policy that makes Parameter Store delete the parameter at `at`. */
export function expirationPolicy(at: Date): string {
  return JSON.stringify({ Type: 'Expiration', Version: '1.0', Attributes: { Timestamp: at.toISOString() } });
}

/** An EventBridge notification `days` before the expiration. */
export function expirationNotificationPolicy(days: number): string {
  return JSON.stringify({ Type: 'ExpirationNotification', Version: '1.0', Attributes: { Before: String(days), Unit: 'Days' } });
}

/**
 * The policies to write when the expiration changes: AWS replaces all of a parameter's
 * policies at once, so the ones that are not about expiration (NoChangeNotification) are kept
 * as they were. `expiresAt` undefined removes the expiration and its notifications.
 */
export function withExpiration(existing: readonly ParameterPolicy[], expiresAt: Date | undefined, notifyDaysBefore?: number): string[] {
  const kept = existing.filter((p) => p.type !== 'Expiration' && p.type !== 'ExpirationNotification' && p.text).map((p) => p.text);
  if (!expiresAt) return kept;
  return [expirationPolicy(expiresAt), ...(notifyDaysBefore ? [expirationNotificationPolicy(notifyDaysBefore)] : []), ...kept];
}

/** The `Policies` member of PutParameter for a list of policies (an empty list removes them all). */
export function policiesMember(policies: readonly string[]): string {
  if (policies.length === 0) return NO_POLICIES;
  return `[${policies.join(',')}]`;
}

/** The expiration date among a parameter's policies, if any. */
export function expirationOf(policies: readonly ParameterPolicy[] | undefined): Date | undefined {
  return policies?.find((p) => p.type === 'Expiration')?.expiresAt;
}

/**
 * Reads an expiration typed by the user: a date (`2030-01-31`, midnight UTC), a date and time
 * in ISO 8601 (`2030-01-31T18:00Z`), or a number of days from now (`30d`, `30`). Returns the
 * problem when it can't, or when the moment is not in the future.
 */
export function parseExpiration(text: string, now = new Date()): { date: Date } | { problem: string } {
  const trimmed = text.trim();
  let date: Date | undefined;
  const days = /^(\d{1,4})\s*d?(ays?)?$/i.exec(trimmed);
  if (days) date = new Date(now.getTime() + Number(days[1]) * 24 * 60 * 60 * 1000);
  else if (/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) date = new Date(`${trimmed}T00:00:00.000Z`);
  else if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(trimmed)) date = new Date(trimmed);
  if (!date || Number.isNaN(date.getTime())) return { problem: 'Enter a date (2030-01-31), a date and time (2030-01-31T18:00Z) or a number of days (30d).' };
  if (date.getTime() <= now.getTime()) return { problem: 'The expiration must be in the future.' };
  return { date };
}
