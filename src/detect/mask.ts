// The only way a secret is ever shown. Long values show 4 leading characters and the
// length (`AKIA…(20 chars)`, enough to tell two keys apart); values shorter than 16
// characters show neither, since the start and the length of a password shorten a guess.

export const MASK_HIDDEN = '\u2026(hidden)';

export function mask(value: string): string {
  return value.length >= 16 ? `${value.slice(0, 4)}\u2026(${value.length} chars)` : MASK_HIDDEN;
}
