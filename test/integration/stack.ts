// Failure stacks from the extension host point into the bundled suite (…/extension.js:LINE:COL).
// The extension host replaces Error.prepareStackTrace, so Node's own source-map support can't
// help there; the launcher maps the frames back to the .ts files with the bundle's source map,
// and drops the frames inside mocha, Node and the extension host, which only add noise.
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap, type SourceMapPayload } from 'node:module';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT } from '../harness/paths';
import type { SuiteResult } from './result';

/**
 * `bundleFile` is the bundle (its map is `bundleFile`.map); frames are mapped when their file
 * ends with `frameSuffix` (where the bundle ran from, e.g. the runner's folder in the
 * extensions dir), so the product's own frames are left alone.
 */
export function sourceMappedStack(stack: string, bundleFile: string, frameSuffix: string = bundleFile): string {
  const mapFile = `${bundleFile}.map`;
  if (!existsSync(mapFile)) return stack;
  const FRAME = new RegExp(`([^\\s(]*${frameSuffix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}):(\\d+):(\\d+)`);
  const map = new SourceMap(JSON.parse(readFileSync(mapFile, 'utf8')) as SourceMapPayload);
  const out: string[] = [];
  for (const line of stack.split('\n')) {
    // Frames inside Node and the extension host's module loader say nothing about the test.
    if (/\(node:internal\/|\/lib\/vscode\/out\/|at (node:internal|file:.*\/lib\/vscode\/out\/)/.test(line)) continue;
    const match = FRAME.exec(line);
    if (!match) {
      out.push(line);
      continue;
    }
    const entry = map.findEntry(Number(match[2]) - 1, Number(match[3]) - 1) as { originalSource?: string; originalLine?: number; originalColumn?: number };
    if (!entry.originalSource) {
      out.push(line);
      continue;
    }
    // esbuild writes sources relative to the map file, which lives in a temp folder.
    const source = entry.originalSource.startsWith('file:') ? fileURLToPath(entry.originalSource) : resolve(dirname(mapFile), entry.originalSource);
    if (source.includes('node_modules')) continue;
    const where = `${relative(REPO_ROOT, source)}:${(entry.originalLine ?? 0) + 1}:${(entry.originalColumn ?? 0) + 1}`;
    out.push(line.replace(match[0], where));
  }
  return out.join('\n');
}

/** Maps every failure stack in `result` in place (see sourceMappedStack). */
export function mapResultStacks(result: SuiteResult, bundleFile: string, frameSuffix?: string): SuiteResult {
  for (const test of result.tests) {
    if (test.error?.stack) test.error.stack = sourceMappedStack(test.error.stack, bundleFile, frameSuffix);
  }
  return result;
}
