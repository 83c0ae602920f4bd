// Common English words (zxcvbn-ts's frequency list, about 56,000 words), to tell a
// word from a human-made password: `required`, `hidden`, `changed` are words,
// `rootpasswd`, `quobyte` are not. Loaded on first use only: most scans never ask.

let words: ReadonlySet<string> | undefined;

function load(): ReadonlySet<string> {
  // A plain require: esbuild bundles the list but runs its module only when first required.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const list = require('@zxcvbn-ts/language-en/dist/commonWords.json.cjs') as readonly string[] | { default: readonly string[] };
  return new Set(Array.isArray(list) ? list : (list as { default: readonly string[] }).default);
}

/** True when `word` (letters only, any case) is a common English word. */
export function isDictionaryWord(word: string): boolean {
  words ??= load();
  return words.has(word.toLowerCase());
}
