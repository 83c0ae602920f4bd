/**
 * Writing values back as dotenv (for "Export as .env…"): each value in the first form that
 * dotenv reads back exactly — unquoted, single-quoted, double-quoted, back-quoted — checked by
 * parsing the line again, since dotenv has no escape for a quote.
 */
import { parseDotenv } from './dotenv';

const KEY = /^[\w.-]+$/;
/**
 * Lines after the written one, ending in each quote: a quoted value that does not close on its
 * own line would close on one of them, so reading them back wrong shows that it runs on.
 */
const PROBE = ['P1=x"', "P2=x'", 'P3=x`'];

/** `KEY=value` in a form dotenv reads back as exactly `value`, or undefined when none can hold it. */
export function dotenvLine(key: string, value: string): string | undefined {
  if (!KEY.test(key)) return undefined;
  const candidates = [value, `'${value}'`, `"${value.replace(/\r/g, '\\r')}"`, `\`${value}\``];
  for (const written of candidates) {
    const line = `${key}=${written}`;
    const parsed = parseDotenv([line, ...PROBE].join('\n')).map((entry) => [entry.key, entry.value]);
    const expected = [[key, value], ...PROBE.map((probe) => [probe.slice(0, 2), probe.slice(3)])];
    if (JSON.stringify(parsed) === JSON.stringify(expected)) return line;
  }
  return undefined;
}
