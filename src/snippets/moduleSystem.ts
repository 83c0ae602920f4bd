/**
 * Which module system a TypeScript or JavaScript file compiles to, read from its project the way
 * the tools read it: the nearest tsconfig.json (JSONC, `extends` followed: relative files, packages,
 * arrays) for `module`, `moduleResolution` and `target`, and the nearest package.json `type`. The
 * quick fix writes `await` at the top level only where that compiles (TS1378 otherwise) and runs.
 * Pure: files come through `read`, so the editor layer decides how they are read.
 */
import { parse, type ParseError } from 'jsonc-parser';

export interface ModuleSystem {
  /** `import` / `export` (TypeScript always writes them; for JavaScript, the file runs as an ES module). */
  esm: boolean;
  /** `await` is allowed at the top level of the file. */
  topLevelAwait: boolean;
}

/** Reads a file's text, or undefined when there is none (or it is a folder). Paths use `/`. */
export type ReadFile = (path: string) => Promise<string | undefined>;

interface CompilerSettings {
  module?: string;
  moduleResolution?: string;
  target?: string;
}

/** TS1378: the `module` settings under which TypeScript accepts a top-level `await` (with target ES2017 or later). */
const TLA_MODULES = new Set(['es2022', 'esnext', 'system', 'node16', 'node18', 'node20', 'nodenext', 'preserve']);
const NODE_MODULES = new Set(['node16', 'node18', 'node20', 'nodenext']);
const OLD_TARGETS = new Set(['es3', 'es5', 'es6', 'es2015', 'es2016']);

/** The module system of `fileName` (an absolute path with `/`), or undefined for files that are not TS/JS. */
export async function moduleSystemFor(fileName: string, read: ReadFile): Promise<ModuleSystem | undefined> {
  const ext = /\.([cm]?)([jt])sx?$/i.exec(fileName);
  if (!ext) return undefined;
  const flavour = ext[1].toLowerCase(); // 'm', 'c' or ''
  const typescript = ext[2].toLowerCase() === 't';
  const packageType = await nearest(fileName, 'package.json', read, (text) => {
    const type = (parseJsonc(text) as { type?: unknown } | undefined)?.type;
    return type === 'module' || type === 'commonjs' ? type : 'none';
  });
  // Node's rule for a file's format: the extension, else the nearest package.json's "type".
  const nodeFormat = flavour === 'm' ? 'esm' : flavour === 'c' ? 'cjs' : packageType === 'module' ? 'esm' : packageType === 'commonjs' ? 'cjs' : undefined;
  if (!typescript) {
    if (nodeFormat === undefined) return undefined; // no rule: the file's own import/require statements decide
    return { esm: nodeFormat === 'esm', topLevelAwait: nodeFormat === 'esm' };
  }
  const settings = (await nearestTsconfig(fileName, read)) ?? {};
  const target = settings.target?.toLowerCase();
  let module = settings.module?.toLowerCase();
  const resolution = settings.moduleResolution?.toLowerCase();
  if (!module && resolution && NODE_MODULES.has(resolution)) module = resolution;
  if (!module && resolution === 'bundler') module = 'esnext';
  // tsc's defaults: CommonJS for ES3/ES5 targets (ES5 is the default target), ES2015 otherwise — neither allows it.
  module ??= !target || target === 'es3' || target === 'es5' ? 'commonjs' : 'es2015';
  // The node* modes default their target to ES2022 or later.
  const targetOk = target ? !OLD_TARGETS.has(target) : NODE_MODULES.has(module) || module === 'preserve';
  // Under the node* modes each file is emitted as Node would run it: `.cts`, or `.ts` without "type": "module", is CommonJS.
  const esmOutput = NODE_MODULES.has(module) ? (nodeFormat ?? 'cjs') === 'esm' : module !== 'commonjs' && module !== 'amd' && module !== 'umd';
  return { esm: true, topLevelAwait: TLA_MODULES.has(module) && targetOk && esmOutput && flavour !== 'c' };
}

/** The compiler settings of the nearest tsconfig.json above the file, `extends` merged in. */
async function nearestTsconfig(fileName: string, read: ReadFile): Promise<CompilerSettings | undefined> {
  const found = await nearest(fileName, 'tsconfig.json', read, (_text, path) => path);
  return found === undefined ? undefined : tsconfigSettings(found, read, new Set());
}

async function tsconfigSettings(path: string, read: ReadFile, seen: Set<string>): Promise<CompilerSettings> {
  if (seen.has(path) || seen.size > 20) return {}; // a cycle or a very long chain: stop
  seen.add(path);
  const text = await read(path);
  const config = text === undefined ? undefined : (parseJsonc(text) as { extends?: unknown; compilerOptions?: Record<string, unknown> } | undefined);
  if (!config) return {};
  let settings: CompilerSettings = {};
  // TypeScript 5.0+: an array of bases, later ones overriding earlier ones.
  const bases = Array.isArray(config.extends) ? config.extends : config.extends === undefined ? [] : [config.extends];
  for (const base of bases) {
    const basePath = typeof base === 'string' ? await resolveExtends(path, base, read) : undefined;
    if (basePath) settings = { ...settings, ...(await tsconfigSettings(basePath, read, seen)) };
  }
  const options = config.compilerOptions ?? {};
  for (const key of ['module', 'moduleResolution', 'target'] as const) {
    const value = options[key];
    if (typeof value === 'string') settings[key] = value;
  }
  return settings;
}

/** A relative `extends` (".json" optional), or a package's tsconfig from a node_modules folder above the config. */
async function resolveExtends(from: string, spec: string, read: ReadFile): Promise<string | undefined> {
  const dir = dirname(from);
  if (spec.startsWith('./') || spec.startsWith('../') || spec.startsWith('/')) {
    const base = spec.startsWith('/') ? spec : normalise(`${dir}/${spec}`);
    return firstReadable([base, `${base}.json`], read);
  }
  for (let d = dir; ; d = dirname(d)) {
    const root = `${d === '/' ? '' : d}/node_modules/${spec}`;
    const pkg = await read(`${root}/package.json`);
    const field = pkg === undefined ? undefined : (parseJsonc(pkg) as { tsconfig?: unknown } | undefined)?.tsconfig;
    const hit = await firstReadable(
      [root, `${root}.json`, ...(typeof field === 'string' ? [normalise(`${root}/${field}`)] : []), `${root}/tsconfig.json`],
      read,
    );
    if (hit) return hit;
    if (d === dirname(d)) return undefined;
  }
}

async function firstReadable(paths: readonly string[], read: ReadFile): Promise<string | undefined> {
  for (const p of paths) if ((await read(p)) !== undefined) return p;
  return undefined;
}

/** The first `name` in the file's folder or above, through `pick` (which may also reject a hit by returning undefined). */
async function nearest<T>(fileName: string, name: string, read: ReadFile, pick: (text: string, path: string) => T | undefined): Promise<T | undefined> {
  for (let dir = dirname(fileName); ; dir = dirname(dir)) {
    const path = `${dir === '/' ? '' : dir}/${name}`;
    const text = await read(path);
    if (text !== undefined) {
      const picked = pick(text, path);
      if (picked !== undefined) return picked;
    }
    if (dir === dirname(dir)) return undefined;
  }
}

function parseJsonc(text: string): unknown {
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  return typeof value === 'object' && value !== null ? value : undefined;
}

function dirname(path: string): string {
  const at = path.lastIndexOf('/');
  return at <= 0 ? '/' : path.slice(0, at);
}

function normalise(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '..') out.pop();
    else if (part !== '.' && part !== '') out.push(part);
  }
  return `/${out.join('/')}`;
}
