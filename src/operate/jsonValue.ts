import { createScanner, parse, parseTree, printParseErrorCode, SyntaxKind, type Node, type ParseError } from 'jsonc-parser';

/**
 * JSON secrets read and changed by their text, never by a JavaScript round trip: `JSON.parse`
 * rounds big integers, turns 1e400 into null, keeps one of two duplicate keys, moves integer-like
 * keys to the front and decodes \u escapes, so re-serialising would change what is stored.
 * VS Code-free; never puts a value into a message.
 */

const STRICT = { allowTrailingComma: false, disallowComments: true, allowEmptyContent: false } as const;

/** Where strict JSON breaks, or undefined when the text is JSON. */
export function jsonProblem(text: string): { offset: number; description: string } | undefined {
  const errors: ParseError[] = [];
  parse(text, errors, STRICT);
  if (errors.length === 0) return undefined;
  const { offset, error } = errors[0];
  const code = printParseErrorCode(error);
  return { offset, description: code === 'InvalidSymbol' ? 'unexpected character' : code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase() };
}

/** The same JSON without whitespace between tokens; every token keeps its exact text. */
export function minifyJson(text: string): string {
  const scanner = createScanner(text, false);
  let out = '';
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    if (token === SyntaxKind.Trivia || token === SyntaxKind.LineBreakTrivia) continue;
    out += text.slice(scanner.getTokenOffset(), scanner.getTokenOffset() + scanner.getTokenLength());
  }
  return out;
}

/**
 * The (valid) JSON text pretty-printed, when that changes nothing but whitespace: the text is
 * exactly what `JSON.stringify` writes for the value it parses to. Otherwise nothing, and, when
 * the difference is more than formatting, what a round trip would change (never quoting it).
 */
export function prettyPrint(text: string): { pretty: string } | { wouldChange?: string } {
  const value: unknown = JSON.parse(text);
  if (JSON.stringify(value) === text) return { pretty: JSON.stringify(value, null, 2) };
  return { wouldChange: whatRoundTripChanges(text) };
}

/** What `JSON.parse` + `JSON.stringify` would change about this JSON text besides whitespace, in words for the status bar. */
function whatRoundTripChanges(text: string): string | undefined {
  const root = parseTree(text, [], STRICT);
  const reasons = new Set<string>();
  const visit = (node: Node): void => {
    if (node.type === 'number') {
      const raw = text.slice(node.offset, node.offset + node.length);
      if (JSON.stringify(JSON.parse(raw)) !== raw) reasons.add('a number JavaScript would change');
    } else if (node.type === 'string') {
      const raw = text.slice(node.offset, node.offset + node.length);
      if (JSON.stringify(JSON.parse(raw)) !== raw) reasons.add('escaped characters');
    } else if (node.type === 'object') {
      const keys = (node.children ?? []).map((property) => property.children?.[0]?.value as string);
      if (new Set(keys).size !== keys.length) reasons.add('a duplicate key');
      const reordered = Object.keys(Object.fromEntries(keys.map((key) => [key, 0])));
      if (new Set(keys).size === keys.length && reordered.some((key, i) => key !== keys[i])) reasons.add('keys whose order would change');
    }
    for (const child of node.children ?? []) visit(child);
  };
  if (root) visit(root);
  return reasons.size > 0 ? `it has ${[...reasons].join(' and ')}` : undefined;
}

export interface JsonProperty {
  /** The key, decoded. */
  readonly key: string;
  /** The value as applications read it: a string decoded, anything else exactly as written (a big integer is not rounded). */
  readonly text: string;
  readonly kind: 'string' | 'number' | 'boolean' | 'null' | 'object' | 'array';
  /** Where the value is written in the text. */
  readonly offset: number;
  readonly length: number;
  /** Set when the key appears more than once: its position among them, 1-based, and how many there are. */
  readonly duplicate?: { readonly index: number; readonly of: number };
}

/** The top-level properties of a JSON object, in the order written, duplicates included; undefined when the text is not one. */
export function jsonProperties(text: string): JsonProperty[] | undefined {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') || jsonProblem(text)) return undefined;
  const root = parseTree(text, [], STRICT);
  if (root?.type !== 'object') return undefined;
  const properties = (root.children ?? []).flatMap((property) => {
    const [keyNode, valueNode] = property.children ?? [];
    if (!keyNode || !valueNode) return [];
    const raw = text.slice(valueNode.offset, valueNode.offset + valueNode.length);
    const kind = valueNode.type as JsonProperty['kind'];
    return [
      { key: keyNode.value as string, text: kind === 'string' ? (JSON.parse(raw) as string) : raw, kind, offset: valueNode.offset, length: valueNode.length },
    ];
  });
  return properties.map((property) => {
    const same = properties.filter((other) => other.key === property.key);
    return same.length > 1 ? { ...property, duplicate: { index: same.indexOf(property) + 1, of: same.length } } : property;
  });
}

/**
 * The text with one property's value replaced by a string, everything else byte for byte as it
 * was. With duplicate keys, the last one is replaced: it is the one `JSON.parse` and most
 * libraries read.
 */
export function withStringValue(text: string, key: string, value: string): string | undefined {
  const target = jsonProperties(text)
    ?.filter((property) => property.key === key)
    .pop();
  if (!target) return undefined;
  return `${text.slice(0, target.offset)}${JSON.stringify(value)}${text.slice(target.offset + target.length)}`;
}
