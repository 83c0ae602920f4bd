/**
 * Who read or changed a secret or parameter, or what an access key did: CloudTrail's event
 * history (LookupEvents, the last 90 days) merged from several lookups, newest first, a page at
 * a time. LookupEvents takes one attribute per call, and CloudTrail does not always attach the
 * secret to its events as a resource (a refused call names it only in requestParameters, as a
 * name, a partial ARN or a full ARN), so an item is looked up by resource name *and* by its
 * service's event source, keeping the events whose request names it. Pure: the store is passed in.
 */
import type { ItemService } from '../aws/items';
import type { TrailAttribute, TrailEvent, TrailStore } from '../aws/types';
import { DAY_MS } from './lastRead';

export type HistorySubject =
  | { readonly kind: 'item'; readonly service: ItemService; readonly name: string; readonly arn?: string }
  | { readonly kind: 'accessKey'; readonly accessKeyId: string };

/** Which calls to show: CloudTrail's ReadOnly says which are reads. */
export type CallFilter = 'all' | 'reads' | 'writes';

export const HISTORY_DAYS = 90;
export const PAGE_SIZE = 50;
/** LookupEvents pages one "Load more" reads at most (at 2 a second) before it stops to say how far back it got. */
export const PAGE_BUDGET = 20;

const EVENT_SOURCES: Record<ItemService, string> = { secretsmanager: 'secretsmanager.amazonaws.com', ssm: 'ssm.amazonaws.com' };

interface Lookup {
  readonly key: TrailAttribute;
  readonly value: string;
}

/** The lookups that together find every event about the subject. */
export function lookupsFor(subject: HistorySubject): Lookup[] {
  if (subject.kind === 'accessKey') return [{ key: 'AccessKeyId', value: subject.accessKeyId }];
  return [
    { key: 'ResourceName', value: subject.arn ?? subject.name },
    { key: 'EventSource', value: EVENT_SOURCES[subject.service] },
  ];
}

/** The secret's name in an ARN, without the 6-character suffix AWS adds (a partial ARN has none). */
function secretNameInArn(arn: string): { name: string; suffixed: boolean } | undefined {
  const match = /^arn:[^:]+:secretsmanager:[^:]*:[^:]*:secret:(.+)$/.exec(arn);
  if (!match) return undefined;
  const suffixed = /^(.+)-[A-Za-z0-9]{6}$/.exec(match[1]!);
  return { name: match[1]!, suffixed: Boolean(suffixed) };
}

/** `arn:aws:ssm:R:A:parameter/app/db` is `/app/db`, `…parameter/db` is `db`; `name:3` and `name:label` select a version of `name`. */
function parameterNameOf(id: string): string {
  const arn = /^arn:[^:]+:ssm:[^:]*:[^:]*:parameter(\/[^:]+)/.exec(id);
  if (arn) return arn[1]!.split('/').filter(Boolean).length > 1 ? arn[1]! : arn[1]!.slice(1);
  return id.replace(/:[^:/]+$/, '');
}

/** Whether a request id (as written in requestParameters) names the item. */
export function namesItem(subject: Extract<HistorySubject, { kind: 'item' }>, id: string): boolean {
  if (subject.service === 'ssm') return id === subject.arn || parameterNameOf(id) === subject.name;
  if (id === subject.name || id === subject.arn) return true;
  const inArn = secretNameInArn(id);
  if (!inArn) return false;
  // A partial ARN is the full one without its suffix; when the full ARN is known, an ARN of a
  // same-named secret that was deleted and created again (another suffix) is not this one.
  if (subject.arn) return id === subject.arn.replace(/-[A-Za-z0-9]{6}$/, '');
  return inArn.name === subject.name || (inArn.suffixed && inArn.name.replace(/-[A-Za-z0-9]{6}$/, '') === subject.name);
}

export function isAbout(subject: HistorySubject, event: TrailEvent): boolean {
  if (subject.kind === 'accessKey') return event.accessKeyId === subject.accessKeyId;
  if (event.resources.some((r) => r.name !== undefined && (r.name === subject.arn || r.name === subject.name))) return true;
  if (event.eventSource && event.eventSource !== EVENT_SOURCES[subject.service]) return false;
  return event.requestIds.some((id) => namesItem(subject, id));
}

export function passes(filter: CallFilter, event: TrailEvent): boolean {
  return filter === 'all' || (filter === 'reads' ? event.readOnly === true : event.readOnly === false);
}

interface Stream {
  readonly lookup: Lookup;
  nextToken?: string;
  started: boolean;
  done: boolean;
  /** Time of the oldest event this lookup has returned so far: nothing newer can still come from it. */
  frontier: number;
  pending: TrailEvent[];
}

export interface ReadResult {
  /** Every lookup has reached the start of the period. */
  readonly complete: boolean;
  /** How far back the history is known (the oldest time every lookup has reached). */
  readonly searchedBack?: Date;
}

/**
 * Reads the subject's history, newest first. Each lookup returns its events newest first; an
 * event joins the history only once every lookup has gone past its time, so pages from several
 * lookups merge into one order. Events are kept (metadata only) so the filter can change without
 * reading again.
 */
export class HistoryReader {
  private readonly streams: Stream[];
  private readonly seen = new Set<string>();
  private readonly merged: TrailEvent[] = [];
  readonly startTime: Date;

  constructor(
    private readonly store: TrailStore,
    readonly subject: HistorySubject,
    now: number,
  ) {
    this.startTime = new Date(now - HISTORY_DAYS * DAY_MS);
    this.streams = lookupsFor(subject).map((lookup) => ({ lookup, started: false, done: false, frontier: Number.POSITIVE_INFINITY, pending: [] }));
  }

  /** Every event found so far, newest first. */
  get events(): readonly TrailEvent[] {
    return this.merged;
  }

  get complete(): boolean {
    return this.streams.every((s) => s.done && s.pending.length === 0);
  }

  /** The first `limit` events that pass the filter, newest first. */
  shown(filter: CallFilter, limit: number): TrailEvent[] {
    return this.merged.filter((event) => passes(filter, event)).slice(0, limit);
  }

  /** How many events known so far pass the filter. */
  count(filter: CallFilter): number {
    return this.merged.filter((event) => passes(filter, event)).length;
  }

  /**
   * Reads until `total` events pass `filter` (a view shows 50, then asks for 100…), the history is
   * complete, or this call made `PAGE_BUDGET` lookups.
   */
  async ensure(total: number, filter: CallFilter, signal?: AbortSignal): Promise<ReadResult> {
    for (let calls = 0; ; calls++) {
      this.release();
      if (this.count(filter) >= total || this.complete || calls >= PAGE_BUDGET) break;
      await this.fetch(this.nextStream(), signal);
    }
    return { complete: this.complete, searchedBack: this.searchedBack() };
  }

  private nextStream(): Stream {
    // The lookup that is furthest behind (newest frontier) goes next: it holds the others back.
    return this.streams.filter((s) => !s.done).sort((a, b) => b.frontier - a.frontier)[0]!;
  }

  private async fetch(stream: Stream, signal?: AbortSignal): Promise<void> {
    const page = await this.store.lookupEvents({
      attribute: stream.lookup,
      startTime: this.startTime,
      nextToken: stream.nextToken,
      signal,
    });
    stream.started = true;
    for (const event of page.items) {
      const time = event.eventTime?.getTime() ?? 0;
      stream.frontier = Math.min(stream.frontier, time);
      if (isAbout(this.subject, event)) stream.pending.push(event);
    }
    stream.nextToken = page.nextToken;
    stream.done = !page.nextToken;
  }

  /** Moves the events no lookup can still precede into the merged history. */
  private release(): void {
    const open = this.streams.filter((s) => !s.done);
    if (open.some((s) => !s.started)) return;
    const threshold = open.length ? Math.max(...open.map((s) => s.frontier)) : Number.NEGATIVE_INFINITY;
    const ready: TrailEvent[] = [];
    for (const stream of this.streams) {
      stream.pending = stream.pending.filter((event) => {
        if ((event.eventTime?.getTime() ?? 0) < threshold) return true;
        if (!this.seen.has(event.eventId)) {
          this.seen.add(event.eventId);
          ready.push(event);
        }
        return false;
      });
    }
    ready.sort((a, b) => (b.eventTime?.getTime() ?? 0) - (a.eventTime?.getTime() ?? 0));
    this.merged.push(...ready);
  }

  private searchedBack(): Date | undefined {
    if (this.complete) return this.startTime;
    const open = this.streams.filter((s) => !s.done);
    const reached = Math.max(...open.map((s) => s.frontier));
    return Number.isFinite(reached) ? new Date(reached) : undefined;
  }
}
