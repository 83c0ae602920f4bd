/**
 * Offset pagination behind opaque tokens. AWS tokens are opaque too, so callers
 * can only pass them back; a token for a different listing is still detected
 * (the token carries the listing's name) so misuse fails loudly, as on AWS.
 */
import { AwsError } from './protocol';

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

interface TokenBody {
  /** Which listing issued it, e.g. 'ListSecrets'. */
  l: string;
  /** Offset of the next item. */
  o: number;
}

function encode(body: TokenBody): string {
  return Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');
}

function decode(token: string): TokenBody | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (parsed === null || typeof parsed !== 'object') return undefined;
    const { l, o } = parsed as Record<string, unknown>;
    if (typeof l !== 'string' || typeof o !== 'number' || !Number.isInteger(o) || o < 0) return undefined;
    return { l, o };
  } catch {
    return undefined;
  }
}

/**
 * Returns one page of `items` (already filtered and sorted).
 * `invalid` builds the service's own error for a token it did not issue.
 */
export function paginate<T>(listing: string, items: readonly T[], maxResults: number, token: string | undefined, invalid: () => AwsError): Page<T> {
  let offset = 0;
  if (token !== undefined && token !== '') {
    const body = decode(token);
    if (!body || body.l !== listing) throw invalid();
    offset = Math.min(body.o, items.length);
  }
  const end = offset + maxResults;
  const page = items.slice(offset, end);
  return end < items.length ? { items: page, nextToken: encode({ l: listing, o: end }) } : { items: page };
}
