/**
 * When a secret was last read, as Secrets Manager reports it: `LastAccessedDate` has day
 * resolution (midnight UTC of the day of the last read), so everything here counts whole UTC days.
 */

export const DAY_MS = 24 * 60 * 60 * 1000;

function utcDay(ms: number): number {
  return Math.floor(ms / DAY_MS);
}

/** Whole days between the day of `date` and today (UTC); 0 for today. */
export function daysSince(date: Date, now: number): number {
  return Math.max(0, utcDay(now) - utcDay(date.getTime()));
}

/** "last read today", "last read 1 day ago", "last read 40 days ago"; undefined when never read (AWS omits the date). */
export function lastReadText(lastAccessedDate: Date | undefined, now: number): string | undefined {
  if (!lastAccessedDate) return undefined;
  const days = daysSince(lastAccessedDate, now);
  return days === 0 ? 'last read today' : `last read ${days} day${days === 1 ? '' : 's'} ago`;
}
