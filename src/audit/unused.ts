/**
 * Secrets nobody has read for a while, and what they cost: from ListSecrets' metadata only
 * (LastAccessedDate, CreatedDate, tags), never a value.
 */
import type { SecretSummary } from '../aws/types';
import { daysSince } from './lastRead';
import { SECRET_PRICE } from './pricing';

/** The tag "Tag as Reviewed" puts on a secret that is kept on purpose; its value is the day of the review. */
export const REVIEWED_TAG = 'secrets-lens:reviewed-unused';

export interface UnusedSecret {
  readonly summary: SecretSummary;
  /** Whole days since the last read; undefined when it was never read (AWS omits LastAccessedDate). */
  readonly daysUnread?: number;
  /** Days since it was created, when known. */
  readonly ageDays?: number;
  readonly monthlyUsd: number;
  /** The day someone tagged it as reviewed, if they did. */
  readonly reviewedOn?: string;
}

export interface UnusedReport {
  /** Not read for at least `days` days (or never, and older than that), the longest unread first. */
  readonly unused: readonly UnusedSecret[];
  /** Of those, the ones not tagged as reviewed, and their cost a month. */
  readonly toReview: number;
  readonly monthlyUsd: number;
  /** Secrets looked at (those scheduled for deletion cost nothing and are left out). */
  readonly checked: number;
}

export function findUnusedSecrets(secrets: readonly SecretSummary[], days: number, now: number): UnusedReport {
  const unused: UnusedSecret[] = [];
  let checked = 0;
  for (const summary of secrets) {
    if (summary.deletedDate) continue;
    checked++;
    const daysUnread = summary.lastAccessedDate ? daysSince(summary.lastAccessedDate, now) : undefined;
    const ageDays = summary.createdDate ? daysSince(summary.createdDate, now) : undefined;
    // Never read: unused once it is older than the period (a new secret may simply not be deployed yet).
    const isUnused = daysUnread !== undefined ? daysUnread >= days : ageDays === undefined || ageDays >= days;
    if (!isUnused) continue;
    const replicas = summary.replication?.length ?? 0;
    unused.push({
      summary,
      daysUnread,
      ageDays,
      monthlyUsd: SECRET_PRICE.usdPerSecretMonth * (1 + replicas),
      reviewedOn: summary.tags.find((tag) => tag.key === REVIEWED_TAG)?.value || undefined,
    });
  }
  const unreadFor = (u: UnusedSecret) => u.daysUnread ?? u.ageDays ?? Number.MAX_SAFE_INTEGER;
  unused.sort((a, b) => unreadFor(b) - unreadFor(a) || a.summary.name.localeCompare(b.summary.name));
  const toReview = unused.filter((u) => !u.reviewedOn);
  return { unused, toReview: toReview.length, monthlyUsd: toReview.reduce((sum, u) => sum + u.monthlyUsd, 0), checked };
}

/** "not read for 120 days", "never read (created 400 days ago)". */
export function unreadText(secret: UnusedSecret): string {
  if (secret.daysUnread !== undefined) return `not read for ${secret.daysUnread} day${secret.daysUnread === 1 ? '' : 's'}`;
  return secret.ageDays !== undefined ? `never read (created ${secret.ageDays} days ago)` : 'never read';
}
