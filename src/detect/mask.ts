// The only way a secret is ever shown: a few leading characters and the length.

/** `AKIA…(20 chars)`; short values show fewer characters, very short ones none. */
export function mask(value: string): string {
  const shown = value.length >= 16 ? 4 : value.length >= 10 ? 2 : 0;
  return `${value.slice(0, shown)}\u2026(${value.length} chars)`;
}
