/**
 * A tiny model of VS Code snippet text: literal code plus numbered tab stops with default text.
 * Code is kept as data until the end so escaping happens in exactly one place (`$`, `}` and `\` get a
 * backslash; see "Snippet syntax" in the VS Code docs) and the plain-text form stays available.
 */

export interface TabStop {
  readonly kind: 'tabstop';
  readonly index: number;
  readonly defaultText: string;
}

export type SnippetPart = string | TabStop;

/** A named tab stop; every use after the first mirrors it (`${n}`), so renaming edits them all. */
export function tabStop(index: number, defaultText: string): TabStop {
  return { kind: 'tabstop', index, defaultText };
}

/** Where the cursor ends after the last tab stop. */
export const FINAL_TAB_STOP: TabStop = { kind: 'tabstop', index: 0, defaultText: '' };

export class SnippetTemplate {
  constructor(readonly parts: readonly SnippetPart[]) {}

  static of(...parts: SnippetPart[]): SnippetTemplate {
    return new SnippetTemplate(parts);
  }

  /** Tagged template: `snippet\`const ${name} = 1;\`` where interpolations are text or tab stops. */
  static tag(strings: TemplateStringsArray, ...values: SnippetPart[]): SnippetTemplate {
    const parts: SnippetPart[] = [];
    strings.forEach((text, i) => {
      parts.push(text);
      const value = values[i];
      if (value !== undefined) parts.push(value);
    });
    return new SnippetTemplate(parts);
  }

  concat(...others: (SnippetTemplate | SnippetPart)[]): SnippetTemplate {
    const parts = [...this.parts];
    for (const other of others) {
      if (other instanceof SnippetTemplate) parts.push(...other.parts);
      else parts.push(other);
    }
    return new SnippetTemplate(parts);
  }

  /** Rewrites the literal text (not tab stop defaults), e.g. to change line endings or indentation. */
  mapText(map: (text: string) => string): SnippetTemplate {
    return new SnippetTemplate(this.parts.map((part) => (typeof part === 'string' ? map(part) : part)));
  }

  /** VS Code snippet syntax. */
  toSnippet(): string {
    const seen = new Set<number>();
    return this.parts
      .map((part) => {
        if (typeof part === 'string') return escapeSnippetText(part);
        if (part.index === 0) return '${0}';
        if (seen.has(part.index)) return `\${${part.index}}`;
        seen.add(part.index);
        return `\${${part.index}:${escapeSnippetText(part.defaultText)}}`;
      })
      .join('');
  }

  /** The code as inserted when every tab stop keeps its default. */
  toPlainText(): string {
    const defaults = new Map<number, string>();
    return this.parts
      .map((part) => {
        if (typeof part === 'string') return part;
        if (!defaults.has(part.index)) defaults.set(part.index, part.defaultText);
        return defaults.get(part.index) ?? '';
      })
      .join('');
  }
}

export const snippet = SnippetTemplate.tag;

/** Escapes code so the snippet parser reads it back as the same characters. */
export function escapeSnippetText(text: string): string {
  return text.replace(/[\\$}]/g, (ch) => `\\${ch}`);
}
