/**
 * AWS's rules for names and values, checked before anything is sent so the user gets a
 * clear message and keeps what they typed. No SDK import: the extension uses these at
 * prompt time without loading the AWS layer.
 */

export const SECRET_MAX_BYTES = 65_536;
export const PARAMETER_MAX_BYTES = { Standard: 4_096, Advanced: 8_192 } as const;
const PARAMETER_MAX_LEVELS = 15;
const PARAMETER_MAX_NAME = 1_011;

export function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** Why `name` can't be a Secrets Manager secret name, or undefined when it can. */
export function secretNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'Enter a name.';
  if (name.length > 512) return `A secret name has at most 512 characters (this one has ${name.length}).`;
  const bad = name.match(/[^A-Za-z0-9/_+=.@-]/);
  if (bad) return `“${bad[0]}” is not allowed: use letters, digits and / _ + = . @ -`;
  return undefined;
}

/**
 * A warning (not an error) about a valid secret name: Secrets Manager appends "-" and six
 * characters to ARNs, so a name that already ends like that makes partial-ARN lookups ambiguous.
 */
export function secretNameWarning(name: string): string | undefined {
  return /-[A-Za-z0-9]{6}$/.test(name) ? 'Names ending in a hyphen and six characters can be confused with ARN suffixes; consider another ending.' : undefined;
}

/** Why `name` can't be a Parameter Store name, or undefined when it can. */
export function parameterNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'Enter a name.';
  if (name.length > PARAMETER_MAX_NAME) return `A parameter name has at most ${PARAMETER_MAX_NAME} characters.`;
  const bad = name.match(/[^A-Za-z0-9/_.-]/);
  if (bad) return `“${bad[0]}” is not allowed: use letters, digits and / _ . -`;
  if (name.includes('/') && !name.startsWith('/')) return 'A name with a path must start with “/”, e.g. /app/prod/db-password.';
  if (name.endsWith('/')) return 'A name cannot end with “/”.';
  if (name.includes('//')) return 'A name cannot contain an empty path segment (“//”).';
  const first = name.replace(/^\//, '').toLowerCase();
  if (first.startsWith('aws') || first.startsWith('ssm')) return 'Names starting with “aws” or “ssm” are reserved by AWS.';
  const levels = name.split('/').filter(Boolean).length;
  if (levels > PARAMETER_MAX_LEVELS) return `A name has at most ${PARAMETER_MAX_LEVELS} levels (this one has ${levels}).`;
  return undefined;
}

/** Why `text` can't be stored as a SecretString, or undefined when it can. */
export function secretValueProblem(text: string): string | undefined {
  if (text.length === 0) return 'The value is empty: Secrets Manager needs at least one character.';
  const bytes = byteLength(text);
  if (bytes > SECRET_MAX_BYTES)
    return `The value is ${bytes.toLocaleString('en-US')} bytes; Secrets Manager stores at most ${SECRET_MAX_BYTES.toLocaleString('en-US')}.`;
  return undefined;
}

/** Why `value` can't be stored as a parameter of `tier`, or undefined when it can. */
export function parameterValueProblem(value: string, tier: 'Standard' | 'Advanced' | 'Intelligent-Tiering' = 'Standard'): string | undefined {
  if (value.length === 0) return 'The value is empty: Parameter Store needs at least one character.';
  const bytes = byteLength(value);
  const limit = tier === 'Standard' ? PARAMETER_MAX_BYTES.Standard : PARAMETER_MAX_BYTES.Advanced;
  if (bytes > limit) {
    return tier === 'Standard' && bytes <= PARAMETER_MAX_BYTES.Advanced
      ? `The value is ${bytes.toLocaleString('en-US')} bytes; the Standard tier stores at most 4,096. Use the Advanced tier (up to 8,192 bytes; charged per parameter).`
      : `The value is ${bytes.toLocaleString('en-US')} bytes; Parameter Store stores at most 8,192 (Advanced tier).`;
  }
  return undefined;
}

/** Whether a secret's text is a JSON object (the key/value form the console writes). */
export function parseJsonObject(text: string): Record<string, unknown> | undefined {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{')) return undefined;
  try {
    const parsed: unknown = JSON.parse(trimmed);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Parses `key=value, key2=value2` tag input; returns the problem when it can't. */
export function parseTags(text: string): { tags: { key: string; value: string }[] } | { problem: string } {
  const tags: { key: string; value: string }[] = [];
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const eq = part.indexOf('=');
    const key = (eq < 0 ? part : part.slice(0, eq)).trim();
    const value = eq < 0 ? '' : part.slice(eq + 1).trim();
    if (!key) return { problem: `“${part}” has no key: write key=value.` };
    if (key.length > 128) return { problem: `Tag key “${key.slice(0, 20)}…” is longer than 128 characters.` };
    if (value.length > 256) return { problem: `The value of tag “${key}” is longer than 256 characters.` };
    if (/^aws:/i.test(key)) return { problem: 'Tag keys starting with “aws:” are reserved by AWS.' };
    tags.push({ key, value });
  }
  return { tags };
}
