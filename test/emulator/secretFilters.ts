/**
 * ListSecrets / BatchGetSecretValue `Filters`, with the matching rules from
 * the Secrets Manager API reference (Filter) and user guide (Find secrets):
 * - name, tag-key, tag-value, primary-region, owning-service: prefix match, case-sensitive;
 * - description: prefix match, not case-sensitive (of the description or of any word in it);
 * - all: the value is split into words (at case changes, letter/digit changes and
 *   punctuation) and a secret matches when any word starts any word of its name,
 *   description, tag keys or tag values, not case-sensitive;
 * - a value starting with `!` negates it.
 * Values within one filter are ORed; separate filters are ANDed.
 */
import { type Input, validationError } from './protocol';
import type { Secret } from './state';

export const FILTER_KEYS = ['description', 'name', 'tag-key', 'tag-value', 'primary-region', 'owning-service', 'all'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];

export interface SecretFilter {
  key: FilterKey;
  values: string[];
}

const VALUE_PATTERN = /^!?[a-zA-Z0-9 :_@/+=.\-!]*$/;

export function readSecretFilters(input: Input): SecretFilter[] | undefined {
  const list = input.optObjectList('Filters');
  if (list === undefined) return undefined;
  return list.map((filter, index) => {
    const key = filter.optString('Key');
    if (key === undefined || !(FILTER_KEYS as readonly string[]).includes(key)) {
      throw validationError(`filters.${index + 1}.member.key`, `Member must satisfy enum value set: [${FILTER_KEYS.join(', ')}]`, key ?? 'null');
    }
    const values = filter.optStringList('Values') ?? [];
    if (values.length < 1 || values.length > 10) {
      throw validationError(`filters.${index + 1}.member.values`, 'Member must have length less than or equal to 10 and greater than or equal to 1');
    }
    for (const value of values) {
      if (value.length > 512 || !VALUE_PATTERN.test(value)) {
        throw validationError(
          `filters.${index + 1}.member.values`,
          'Member must satisfy regular expression pattern: ^\\!?[a-zA-Z0-9 :_@\\/\\+\\=\\.\\-\\!]*$ and have length less than or equal to 512',
          value,
        );
      }
    }
    return { key: key as FilterKey, values };
  });
}

/** Splits like the console search: case changes, letter/digit changes and punctuation end a word. */
export function searchWords(text: string): string[] {
  const words = text.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+/g) ?? [];
  return words.map((word) => word.toLowerCase());
}

function attributeValues(secret: Secret, key: FilterKey): string[] {
  switch (key) {
    case 'name':
      return [secret.name];
    case 'description':
      return secret.description === undefined ? [] : [secret.description];
    case 'tag-key':
      return secret.tags.map((tag) => tag.Key);
    case 'tag-value':
      return secret.tags.map((tag) => tag.Value);
    case 'primary-region':
      return [secret.primaryRegion];
    case 'owning-service':
      return secret.owningService === undefined ? [] : [secret.owningService];
    case 'all':
      return [secret.name, secret.description ?? '', ...secret.tags.flatMap((tag) => [tag.Key, tag.Value])];
  }
}

function matchesValue(secret: Secret, key: FilterKey, value: string): boolean {
  const attributes = attributeValues(secret, key);
  if (key === 'description') {
    const needle = value.toLowerCase();
    return attributes.some((text) => {
      const lower = text.toLowerCase();
      return lower.startsWith(needle) || lower.split(/\s+/).some((word) => word.startsWith(needle));
    });
  }
  if (key === 'all') {
    const needles = searchWords(value);
    if (needles.length === 0) return true;
    const haystack = attributes.flatMap(searchWords);
    return needles.some((needle) => haystack.some((word) => word.startsWith(needle)));
  }
  return attributes.some((text) => text.startsWith(value));
}

function matchesFilter(secret: Secret, filter: SecretFilter): boolean {
  const positives = filter.values.filter((value) => !value.startsWith('!'));
  const negatives = filter.values.filter((value) => value.startsWith('!')).map((value) => value.slice(1));
  if (negatives.some((value) => matchesValue(secret, filter.key, value))) return false;
  return positives.length === 0 || positives.some((value) => matchesValue(secret, filter.key, value));
}

export function matchesSecretFilters(secret: Secret, filters: readonly SecretFilter[] | undefined): boolean {
  return (filters ?? []).every((filter) => matchesFilter(secret, filter));
}
