/**
 * GetRandomPassword's generator, and the new value a simulated rotation
 * writes. Uses crypto randomness so generated values look like real ones.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { AwsError } from './protocol';

export const PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';

export interface PasswordOptions {
  length: number;
  excludeCharacters?: string;
  excludeNumbers?: boolean;
  excludePunctuation?: boolean;
  excludeUppercase?: boolean;
  excludeLowercase?: boolean;
  includeSpace?: boolean;
  requireEachIncludedType?: boolean;
}

function pick(alphabet: string): string {
  return alphabet[randomInt(alphabet.length)]!;
}

/** Follows GetRandomPassword's rules; errors are InvalidParameterException like AWS's. */
export function randomPassword(options: PasswordOptions): string {
  const excluded = new Set(options.excludeCharacters ?? '');
  const keep = (chars: string): string => [...chars].filter((c) => !excluded.has(c)).join('');
  const classes: string[] = [];
  if (!options.excludeUppercase) classes.push(keep(UPPER));
  if (!options.excludeLowercase) classes.push(keep(LOWER));
  if (!options.excludeNumbers) classes.push(keep(DIGITS));
  if (!options.excludePunctuation) classes.push(keep(PUNCTUATION));
  if (options.includeSpace) classes.push(keep(' '));
  const usable = classes.filter((chars) => chars.length > 0);
  if (usable.length === 0) {
    throw new AwsError('InvalidParameterException', 'The password cannot be generated because every character type is excluded.');
  }
  const requireEach = options.requireEachIncludedType ?? true;
  if (requireEach && options.length < usable.length) {
    throw new AwsError(
      'InvalidParameterException',
      `The password length ${options.length} is too short to include at least one character of each of the ${usable.length} included types.`,
    );
  }
  const all = usable.join('');
  const chars: string[] = [];
  if (requireEach) for (const chars0 of usable) chars.push(pick(chars0));
  while (chars.length < options.length) chars.push(pick(all));
  // Fisher-Yates so the guaranteed characters are not always first.
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}

/** Key names whose values a rotation function would replace. */
const SECRET_KEY = /pass|secret|token|key/i;

/**
 * The value a successful rotation stores. Rotation Lambdas change the
 * credential and keep the rest (user name, host, port), so for a JSON object
 * we keep its keys and only replace secret-looking string members.
 * Punctuation that breaks connection strings is avoided, as AWS's own
 * rotation templates do.
 */
export function rotatedValue(previous: { secretString?: string; secretBinary?: Buffer }): { secretString?: string; secretBinary?: Buffer } {
  const fresh = (): string => randomPassword({ length: 32, excludeCharacters: '/@"\'\\`' });
  if (previous.secretBinary !== undefined) return { secretBinary: randomBytes(previous.secretBinary.length || 32) };
  const text = previous.secretString ?? '';
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) {
      const out: Record<string, unknown> = {};
      let changed = false;
      for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
        if (typeof value === 'string' && SECRET_KEY.test(key)) {
          out[key] = fresh();
          changed = true;
        } else {
          out[key] = value;
        }
      }
      if (!changed) out['password'] = fresh();
      return { secretString: JSON.stringify(out) };
    }
  } catch {
    // Not JSON: the whole string is the credential.
  }
  return { secretString: fresh() };
}
