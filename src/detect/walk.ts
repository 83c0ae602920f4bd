// Finds the files a CLI scan reads: walks folders, honours .gitignore files
// (from the repository root down), the built-in path rules and exclude globs,
// and reads each file unless it is binary or larger than 1 MB.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { builtInExclusion, isExcludedPath, isSkippedDirectoryName } from './paths';

export const MAX_FILE_BYTES = 1024 * 1024;
const BINARY_SNIFF_BYTES = 8000;

export interface WalkOptions {
  /** Folder that output paths and globs are relative to. */
  cwd: string;
  excludeGlobs: readonly string[];
  useGitignore: boolean;
}

export interface FileEntry {
  absolutePath: string;
  /** Relative to `cwd`, with `/` separators. */
  relativePath: string;
}

export interface WalkProblem {
  path: string;
  message: string;
}

interface IgnoreScope {
  base: string;
  rules: Ignore;
}

export function toDisplayPath(cwd: string, absolutePath: string): string {
  const relative = path.relative(cwd, absolutePath) || path.basename(absolutePath);
  return relative.split(path.sep).join('/');
}

/** Every file to scan under `roots`, in a stable order, plus the paths that could not be read. */
export function collectFiles(roots: readonly string[], options: WalkOptions): { files: FileEntry[]; problems: WalkProblem[] } {
  const files: FileEntry[] = [];
  const problems: WalkProblem[] = [];
  const seen = new Set<string>();
  for (const root of roots) {
    const absoluteRoot = path.resolve(options.cwd, root);
    let isDirectory: boolean;
    try {
      isDirectory = statSync(absoluteRoot).isDirectory();
    } catch (error) {
      problems.push({ path: root, message: describeFsError(error) });
      continue;
    }
    if (!isDirectory) {
      // A file named on the command line is scanned even when ignored.
      if (!seen.has(absoluteRoot)) {
        seen.add(absoluteRoot);
        files.push({ absolutePath: absoluteRoot, relativePath: toDisplayPath(options.cwd, absoluteRoot) });
      }
      continue;
    }
    const scopes = options.useGitignore ? ancestorIgnoreScopes(absoluteRoot) : [];
    walkDirectory(absoluteRoot, absoluteRoot, scopes, options, files, problems, seen);
  }
  return { files, problems };
}

function walkDirectory(
  root: string,
  directory: string,
  scopes: IgnoreScope[],
  options: WalkOptions,
  files: FileEntry[],
  problems: WalkProblem[],
  seen: Set<string>,
): void {
  let entries;
  try {
    entries = readdirSync(directory, { withFileTypes: true });
  } catch (error) {
    problems.push({ path: toDisplayPath(options.cwd, directory), message: describeFsError(error) });
    return;
  }
  const localScopes = options.useGitignore ? withGitignore(scopes, directory) : scopes;
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.isSymbolicLink()) continue;
    const absolutePath = path.join(directory, entry.name);
    const directoryEntry = entry.isDirectory();
    if (!directoryEntry && !entry.isFile()) continue;
    if (directoryEntry && isSkippedDirectoryName(entry.name)) continue;
    if (isIgnored(localScopes, absolutePath, directoryEntry)) continue;
    const fromRoot = path.relative(root, absolutePath).split(path.sep).join('/');
    const relativePath = toDisplayPath(options.cwd, absolutePath);
    const globs = { globs: options.excludeGlobs };
    if (directoryEntry) {
      if (options.excludeGlobs.length && (isExcludedPath(`${fromRoot}/x`, globs) || isExcludedPath(`${relativePath}/x`, globs))) continue;
      walkDirectory(root, absolutePath, localScopes, options, files, problems, seen);
    } else if (!builtInExclusion(fromRoot) && !isExcludedPath(fromRoot, globs) && !isExcludedPath(relativePath, globs) && !seen.has(absolutePath)) {
      seen.add(absolutePath);
      files.push({ absolutePath, relativePath });
    }
  }
}

/** .gitignore files of the folders from the repository root down to (not including) `root`. */
function ancestorIgnoreScopes(root: string): IgnoreScope[] {
  const chain: string[] = [];
  let current = path.dirname(root);
  let gitRoot: string | undefined;
  if (existsSync(path.join(root, '.git'))) return [];
  for (let depth = 0; depth < 64; depth++) {
    chain.push(current);
    if (existsSync(path.join(current, '.git'))) {
      gitRoot = current;
      break;
    }
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  if (!gitRoot) return [];
  return chain.reverse().reduce<IgnoreScope[]>((scopes, directory) => withGitignore(scopes, directory), []);
}

function withGitignore(scopes: IgnoreScope[], directory: string): IgnoreScope[] {
  const file = path.join(directory, '.gitignore');
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch {
    return scopes;
  }
  return [...scopes, { base: directory, rules: ignore().add(content) }];
}

function isIgnored(scopes: readonly IgnoreScope[], absolutePath: string, directory: boolean): boolean {
  for (const scope of scopes) {
    const relative = path.relative(scope.base, absolutePath);
    if (!relative || relative.startsWith('..') || path.isAbsolute(relative)) continue;
    const posix = relative.split(path.sep).join('/');
    if (scope.rules.ignores(directory ? `${posix}/` : posix)) return true;
  }
  return false;
}

export type ReadResult = { text: string } | { skipped: string };

/** The file's text, or why it is not scanned (binary, too large). Throws on read errors. */
export function readScannableFile(absolutePath: string): ReadResult {
  const size = statSync(absolutePath).size;
  if (size > MAX_FILE_BYTES) return { skipped: 'larger than 1 MB' };
  const bytes = readFileSync(absolutePath);
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return { skipped: 'binary' };
  const text = bytes.toString('utf8');
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return (error as Error).message;
}
