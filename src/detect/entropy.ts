// Shape measures for candidate secret values: Shannon entropy and character classes.

/** Shannon entropy in bits per character. */
export function shannonEntropy(value: string): number {
  const length = value.length;
  if (length === 0) return 0;
  const ascii = asciiCounts;
  ascii.fill(0);
  let other: Map<number, number> | undefined;
  for (let i = 0; i < length; i++) {
    const code = value.charCodeAt(i);
    if (code < 128) ascii[code]++;
    else (other ??= new Map()).set(code, (other.get(code) ?? 0) + 1);
  }
  let bits = 0;
  for (let code = 0; code < 128; code++) {
    const count = ascii[code];
    if (count) bits -= (count / length) * Math.log2(count / length);
  }
  for (const count of other?.values() ?? []) bits -= (count / length) * Math.log2(count / length);
  return bits;
}

/** Reused between calls: entropy is computed for every candidate value. */
const asciiCounts = new Int32Array(128);

export interface CharClasses {
  lower: number;
  upper: number;
  digit: number;
  symbol: number;
  space: number;
}

export function charClasses(value: string): CharClasses {
  const classes: CharClasses = { lower: 0, upper: 0, digit: 0, symbol: 0, space: 0 };
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 97 && c <= 122) classes.lower++;
    else if (c >= 65 && c <= 90) classes.upper++;
    else if (c >= 48 && c <= 57) classes.digit++;
    else if (c === 32 || c === 9) classes.space++;
    else classes.symbol++;
  }
  return classes;
}

/** How many of lower / upper / digit / symbol occur. */
export function classCount(classes: CharClasses): number {
  return (classes.lower > 0 ? 1 : 0) + (classes.upper > 0 ? 1 : 0) + (classes.digit > 0 ? 1 : 0) + (classes.symbol > 0 ? 1 : 0);
}
