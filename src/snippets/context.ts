/**
 * Where in the code a position sits: inside which `{ ... }` blocks, and what each block is (a function,
 * a class body, a plain block). Works on the blanked code from `lexer.ts`, so strings and comments
 * cannot fool it. It answers the questions the generators ask: "may I write `await` here?", "which
 * class do I add a helper method to?", "is this a property default, where no call is allowed?".
 */
import { matchBracketBackwards } from './lexer';

export interface Block {
  /** Offset of `{`. */
  open: number;
  /** Offset of the matching `}`, or the text length when unclosed. */
  close: number;
  /** Code between the previous `;`, `{` or `}` and this `{`: what introduces the block. */
  header: string;
}

/** The blocks containing `offset`, innermost first. */
export function enclosingBlocks(code: string, offset: number): Block[] {
  const stack: number[] = [];
  const found: Block[] = [];
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (ch === '{') stack.push(i);
    else if (ch === '}') {
      const open = stack.pop();
      if (open !== undefined && open < offset && offset <= i) found.push({ open, close: i, header: headerBefore(code, open) });
    }
  }
  // Unclosed blocks (the file is being edited) still count as enclosing.
  for (const open of stack) if (open < offset) found.push({ open, close: code.length, header: headerBefore(code, open) });
  return found.sort((a, b) => b.open - a.open);
}

function headerBefore(code: string, open: number): string {
  let j = open - 1;
  let depth = 0;
  for (; j >= 0; j--) {
    const ch = code[j];
    if (ch === ')' || ch === ']') depth++;
    else if (ch === '(' || ch === '[') depth--;
    else if (depth <= 0 && (ch === ';' || ch === '{' || ch === '}')) break;
  }
  return code.slice(j + 1, open);
}

export type BlockKind = 'async-function' | 'function' | 'type-body' | 'transparent';

const JS_CONTROL = /\b(?:if|for|while|switch|catch|with)\s*$/;
const CSHARP_CONTROL = /\b(?:if|for|foreach|while|switch|catch|using|lock|fixed|when)\s*$/;
const BLOCK_KEYWORD_END = /\b(?:else|try|finally|do|checked|unchecked|unsafe)\s*$/;

/** Classifies a JavaScript / TypeScript block from its header. */
export function classifyJsBlock(header: string): BlockKind {
  const h = header.trimEnd();
  if (/(?:^|[^.\w$])(?:class|interface|enum|namespace|module)\s+[\w$]/.test(h) && !/=>\s*$|\)\s*$/.test(h)) return 'type-body';
  if (/(?:^|[^.\w$])class\s*(?:extends\b.*)?$/.test(h)) return 'type-body'; // anonymous `class {` / `class extends X {`
  if (h.endsWith('=>')) return arrowIsAsync(h.slice(0, -2)) ? 'async-function' : 'function';
  if (/\bstatic\s*$/.test(h)) return 'function'; // class static initialisation block
  const params = parameterListEnd(h);
  if (params !== undefined) {
    const before = h
      .slice(0, matchBracketBackwards(h, params))
      .replace(/<[^<>]*>\s*$/, '')
      .trimEnd();
    if (JS_CONTROL.test(before)) return 'transparent';
    if (/^\s*$|[=(,:?]\s*$/.test(before)) return 'transparent'; // `(a, b) {` cannot start a function: call argument blocks, etc.
    const own = before.slice(Math.max(before.lastIndexOf(','), before.lastIndexOf('('), before.lastIndexOf('='), before.lastIndexOf(':')) + 1);
    return /\basync\b/.test(own) ? 'async-function' : 'function';
  }
  return 'transparent'; // object literals, plain blocks, else/try/finally
}

/** Offset of the `)` that closes a parameter list at the end of a header (allowing `): ReturnType`). */
function parameterListEnd(header: string): number | undefined {
  const close = header.lastIndexOf(')');
  if (close === -1) return undefined;
  const after = header.slice(close + 1).trim();
  if (after !== '' && !after.startsWith(':')) return undefined;
  return matchBracketBackwards(header, close) === -1 ? undefined : close;
}

/** `async (a, b)`, `async x`, `async (a): Promise<T>` before an arrow. */
function arrowIsAsync(beforeArrow: string): boolean {
  let h = beforeArrow.trimEnd();
  const close = parameterListEnd(h);
  if (close !== undefined) h = h.slice(0, matchBracketBackwards(h, close));
  else h = h.replace(/[\w$]+\s*$/, '');
  return /\basync\s*$/.test(h);
}

/** Classifies a C# block from its header. */
export function classifyCsharpBlock(header: string): BlockKind {
  const h = header.trimEnd();
  if (/(?:^|[^.\w])(?:class|struct|interface|record|enum|namespace)\s+[\w.]/.test(h)) return 'type-body';
  if (h.endsWith('=>')) {
    const before = h.slice(0, -2).trimEnd();
    const close = before.endsWith(')') ? matchBracketBackwards(before, before.length - 1) : -1;
    const head = close >= 0 ? before.slice(0, close) : before.replace(/\w+\s*$/, '');
    return /\basync\s*$/.test(head) ? 'async-function' : 'function';
  }
  if (BLOCK_KEYWORD_END.test(h)) return 'transparent';
  if (/\b(?:get|set|init|add|remove)\s*$/.test(h)) return 'function';
  if (/(?:[=(,]|\bnew\s+[\w.<>,\s[\]]*(?:\([^)]*\))?|\breturn)\s*$/.test(h)) return 'transparent'; // initialisers
  const close = h.lastIndexOf(')');
  if (close !== -1) {
    const open = matchBracketBackwards(h, close);
    const before = h.slice(0, Math.max(open, 0)).trimEnd();
    if (CSHARP_CONTROL.test(before) || /\bnew\s+[\w.<>]+\s*$/.test(before)) return 'transparent';
    // A method, local function, constructor (maybe with `: base(...)`) or operator.
    const signature = h.slice(0, h.search(/\)\s*(?::\s*(?:base|this)\s*\(.*)?(?:where\b.*)?$/) + 1);
    return /\basync\b/.test(signature) ? 'async-function' : 'function';
  }
  return 'transparent'; // property braces without accessors seen yet, plain blocks
}

export interface AsyncContext {
  /** `await` is valid at the offset. */
  canAwait: boolean;
  /** The offset is directly in a class / type body (a field or property initialiser). */
  inTypeBody: boolean;
}

/** Whether `await` is allowed at `offset` in JavaScript / TypeScript. */
export function jsAsyncContext(code: string, offset: number, isModule: boolean): AsyncContext {
  for (const block of enclosingBlocks(code, offset)) {
    const kind = classifyJsBlock(block.header);
    if (kind === 'transparent') continue;
    return { canAwait: kind === 'async-function', inTypeBody: kind === 'type-body' };
  }
  // Top level: only an ES module may await (a CommonJS module body is a plain function).
  return { canAwait: isModule, inTypeBody: false };
}

/** Whether `await` is allowed at `offset` in C# (top-level statements may await). */
export function csharpAsyncContext(code: string, offset: number): AsyncContext {
  for (const block of enclosingBlocks(code, offset)) {
    const kind = classifyCsharpBlock(block.header);
    if (kind === 'transparent') continue;
    return { canAwait: kind === 'async-function', inTypeBody: kind === 'type-body' };
  }
  return { canAwait: true, inTypeBody: false };
}

/** The outermost enclosing block whose header matches `isType` (Java: the top-level class). */
export function outermostTypeBlock(code: string, offset: number, isType: (header: string) => boolean): Block | undefined {
  const blocks = enclosingBlocks(code, offset).filter((b) => isType(b.header));
  return blocks[blocks.length - 1];
}

/**
 * JavaScript module kind: `.mjs`/`.mts` are ES modules and `.cjs`/`.cts` CommonJS whatever they
 * contain; otherwise `import`/`export` statements mean ESM and `require(` / `module.exports` mean
 * CommonJS. A `.ts` file with neither is treated as ESM (TypeScript source is written with `import`).
 */
export function isEsModule(fileName: string | undefined, code: string, typescript: boolean): boolean {
  const name = (fileName ?? '').toLowerCase();
  if (/\.m[jt]sx?$/.test(name)) return true;
  if (/\.c[jt]sx?$/.test(name)) return false;
  // `code` is blanked, so module names are spaces: `import "x"` reads as `import    `.
  if (/(?:^|[;\n])\s*(?:import\b(?!\s*[(.])|export\b)/.test(code)) return true;
  if (/\brequire\s*\(|\bmodule\.exports\b|\bexports\.\w/.test(code)) return false;
  return typescript;
}
