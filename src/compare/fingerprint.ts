/**
 * What a comparison keeps of a value: keyed hashes, never the value. Each comparison makes its
 * own hasher with a random key (HMAC-SHA256), so a hash means nothing outside it, and the
 * value is dropped as soon as it has been hashed. JSON objects (the key/value secrets the AWS
 * console writes) also get a hash per top-level key, to tell which keys differ.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { parseJsonObject } from '../aws/validation';

export type ValueShape = 'text' | 'json' | 'binary';

export interface Fingerprint {
  readonly shape: ValueShape;
  /** Of the exact bytes stored. */
  readonly hash: string;
  /** Size in bytes (a size says nothing a length limit does not already say). */
  readonly bytes: number;
  /** JSON objects: of the content whatever its formatting (keys sorted, no spaces). */
  readonly canonical?: string;
  /** JSON objects: key → hash of its value. */
  readonly keys?: Readonly<Record<string, string>>;
}

export type Hasher = (value: { readonly text?: string; readonly binary?: Uint8Array }) => Fingerprint;

export function createHasher(key: Uint8Array = randomBytes(32)): Hasher {
  const hash = (data: string | Uint8Array) => createHmac('sha256', key).update(data).digest('base64url');
  return (value) => {
    if (value.text === undefined) {
      const bytes = value.binary ?? new Uint8Array();
      return { shape: 'binary', hash: hash(bytes), bytes: bytes.byteLength };
    }
    const text = value.text;
    const bytes = Buffer.byteLength(text, 'utf8');
    const object = parseJsonObject(text);
    if (!object) return { shape: 'text', hash: hash(text), bytes };
    const keys: Record<string, string> = {};
    for (const [k, v] of Object.entries(object)) keys[k] = hash(canonicalJson(v));
    return { shape: 'json', hash: hash(text), bytes, canonical: hash(canonicalJson(object)), keys };
  };
}

/** JSON with object keys sorted at every level, so equal content gives equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Same stored value, or the same JSON content written differently. */
export function sameValue(a: Fingerprint, b: Fingerprint): 'identical' | 'sameContent' | false {
  if (a.shape === b.shape && a.hash === b.hash) return 'identical';
  if (a.canonical !== undefined && a.canonical === b.canonical) return 'sameContent';
  return false;
}
