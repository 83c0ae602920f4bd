// Finds the files a CLI scan reads: git's list of a folder when the CLI gives one
// (`listFiles`), else a walk that honours .gitignore files (from the repository
// root down); then the built-in path rules and exclude globs,
// and reads each file unless it is binary, in an encoding it cannot read, or larger
// than the size limit (1 MB by default). What it leaves out is reported, never dropped.

import { closeSync, constants, existsSync, fstatSync, lstatSync, openSync, readdirSync, readFileSync, readSync, statSync, type Stats } from 'node:fs';
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
  /** The files git sees in a folder (see ListFiles); the folder is walked on disk when absent or when it answers undefined. */
  listFiles?: ListFiles;
}

/**
 * A folder's files as git sees them — tracked files (even those a .gitignore matches) and
 * untracked ones no ignore rule matches — as paths relative to the folder, or undefined when the
 * folder is not in a git work tree. Entries that are folders (submodules) are scanned as folders.
 */
export type ListFiles = (absoluteFolder: string) => string[] | undefined;

export interface FileEntry {
  absolutePath: string;
  /** Relative to `cwd`, with `/` separators. */
  relativePath: string;
}

export interface WalkProblem {
  path: string;
  message: string;
}

/** A file that was not read, or not read fully, and why (shown on stderr, in JSON `skipped`, in SARIF notifications). */
export interface SkippedFile {
  path: string;
  reason: string;
  /** Read and scanned, but not all of it (a long line, a rule's cap). */
  partial?: boolean;
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
export function collectFiles(roots: readonly string[], options: WalkOptions): { files: FileEntry[]; problems: WalkProblem[]; skipped: SkippedFile[] } {
  const files: FileEntry[] = [];
  const problems: WalkProblem[] = [];
  const skipped: SkippedFile[] = [];
  const seen = new Set<string>();
  for (const root of roots) {
    const absoluteRoot = path.resolve(options.cwd, root);
    let stats: Stats;
    try {
      stats = statSync(absoluteRoot);
    } catch (error) {
      problems.push({ path: root, message: describeFsError(error) });
      continue;
    }
    const isDirectory = stats.isDirectory();
    if (!isDirectory && !stats.isFile()) {
      // Reading a FIFO waits for a writer, a device never ends: only regular files are read.
      problems.push({ path: root, message: `not a regular file (${fileKind(stats)}); only files and folders can be scanned` });
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
    if (options.useGitignore && options.listFiles && listWithGit(absoluteRoot, options, { files, problems, skipped, seen })) continue;
    const scopes = options.useGitignore ? ancestorIgnoreScopes(absoluteRoot) : [];
    walkDirectory(absoluteRoot, absoluteRoot, scopes, options, { files, problems, skipped, seen });
  }
  return { files, problems, skipped };
}

interface WalkState {
  files: FileEntry[];
  problems: WalkProblem[];
  skipped: SkippedFile[];
  seen: Set<string>;
}

/** `a FIFO`, `a socket`, `a character device`: what a path that is not a regular file is. */
export function fileKind(stats: Stats): string {
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSymbolicLink()) return 'a symbolic link';
  return 'not a file';
}

function walkDirectory(root: string, directory: string, scopes: IgnoreScope[], options: WalkOptions, state: WalkState): void {
  const { files, problems, skipped, seen } = state;
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
    const absolutePath = path.join(directory, entry.name);
    const directoryEntry = entry.isDirectory();
    if (directoryEntry && isSkippedDirectoryName(entry.name)) continue;
    if (isIgnored(localScopes, absolutePath, directoryEntry)) continue;
    if (!directoryEntry && !entry.isFile()) {
      // Links are not followed (they may leave the tree or loop); FIFOs, sockets and devices are not read.
      const kind = entry.isSymbolicLink() ? 'a symbolic link, not followed' : entry.isFIFO() ? 'a FIFO' : entry.isSocket() ? 'a socket' : 'a device';
      skipped.push({ path: toDisplayPath(options.cwd, absolutePath), reason: `not a regular file (${kind})` });
      continue;
    }
    const fromRoot = path.relative(root, absolutePath).split(path.sep).join('/');
    const relativePath = toDisplayPath(options.cwd, absolutePath);
    const globs = { globs: options.excludeGlobs };
    if (directoryEntry) {
      if (options.excludeGlobs.length && (isExcludedPath(`${fromRoot}/x`, globs) || isExcludedPath(`${relativePath}/x`, globs))) continue;
      walkDirectory(root, absolutePath, localScopes, options, state);
    } else if (!builtInExclusion(fromRoot) && !isExcludedPath(fromRoot, globs) && !isExcludedPath(relativePath, globs) && !seen.has(absolutePath)) {
      seen.add(absolutePath);
      files.push({ absolutePath, relativePath });
    }
  }
}

/** The files git lists under `root`, filtered by the same path rules as a walk; false when `root` is not in a repository. */
function listWithGit(root: string, options: WalkOptions, state: WalkState): boolean {
  const listed = options.listFiles?.(root);
  if (!listed) return false;
  const globs = { globs: options.excludeGlobs };
  for (const fromRoot of [...new Set(listed)].sort()) {
    const absolutePath = path.join(root, fromRoot);
    const relativePath = toDisplayPath(options.cwd, absolutePath);
    if (fromRoot.split('/').slice(0, -1).some(isSkippedDirectoryName)) continue;
    if (builtInExclusion(fromRoot) || isExcludedPath(fromRoot, globs) || isExcludedPath(relativePath, globs) || state.seen.has(absolutePath)) continue;
    let stats: Stats;
    try {
      stats = lstatSync(absolutePath);
    } catch {
      continue; // tracked but deleted from the work tree: there is nothing on disk to scan
    }
    if (stats.isDirectory()) {
      // A submodule: its own repository, listed by its own git.
      const inner = collectFiles([absolutePath], options);
      state.files.push(...inner.files.filter((file) => !state.seen.has(file.absolutePath)));
      for (const file of inner.files) state.seen.add(file.absolutePath);
      state.problems.push(...inner.problems);
      state.skipped.push(...inner.skipped);
      continue;
    }
    if (!stats.isFile()) {
      state.skipped.push({ path: relativePath, reason: `not a regular file (${stats.isSymbolicLink() ? 'a symbolic link, not followed' : fileKind(stats)})` });
      continue;
    }
    state.seen.add(absolutePath);
    state.files.push({ absolutePath, relativePath });
  }
  return true;
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

export type ReadResult = { text: string; bytes?: number } | { skipped: string };

/**
 * The file's text, or why it is not scanned. Decodes UTF-8 (with or without a byte order
 * mark) and UTF-16 with a byte order mark; a NUL byte in the first 8 KB of anything else
 * means binary. Never reads more than `maxBytes` + 1 bytes, and opens without blocking,
 * so a FIFO or device put in place of a file cannot hang the scan. Throws on read errors.
 */
export function readScannableFile(absolutePath: string, maxBytes = MAX_FILE_BYTES): ReadResult {
  const fd = openSync(absolutePath, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { skipped: `not a regular file (${fileKind(stats)})` };
    if (stats.size > maxBytes) return { skipped: `larger than ${formatBytes(maxBytes)} (${formatBytes(stats.size)}; raise the limit with --max-file-size)` };
    const buffer = Buffer.alloc(Math.min(stats.size, maxBytes) + 1);
    let length = 0;
    for (let read = -1; read !== 0 && length < buffer.length; length += read) read = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > maxBytes) return { skipped: `larger than ${formatBytes(maxBytes)} (it grew while being read)` };
    const decoded = decodeText(buffer.subarray(0, length));
    return 'text' in decoded ? { text: decoded.text, bytes: length } : decoded;
  } finally {
    closeSync(fd);
  }
}

/** Text from bytes: UTF-8 (a BOM is dropped), UTF-16 LE / BE with a BOM; binary when a NUL comes early otherwise. */
export function decodeText(bytes: Buffer): ReadResult {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    if (bytes.length % 2 !== 0) return { skipped: 'UTF-16 with an odd number of bytes (truncated or not text)' };
    const body = Buffer.from(bytes.subarray(2));
    if (bytes[0] === 0xfe) body.swap16();
    return { text: body.toString('utf16le') };
  }
  const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  if (bytes.subarray(start, BINARY_SNIFF_BYTES).includes(0)) {
    return {
      skipped: looksLikeUtf16WithoutBom(bytes) ? 'UTF-16 without a byte order mark (save it with one, or as UTF-8)' : 'binary (a NUL byte in the first 8 KB)',
    };
  }
  return { text: bytes.toString('utf8', start) };
}

/** Every other byte NUL in the sniffed prefix: UTF-16 text of mostly ASCII characters. */
function looksLikeUtf16WithoutBom(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, Math.min(bytes.length, BINARY_SNIFF_BYTES) & ~1);
  if (sample.length < 4) return false;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) evenNuls++;
    if (sample[i + 1] === 0) oddNuls++;
  }
  const pairs = sample.length / 2;
  return Math.max(evenNuls, oddNuls) > pairs * 0.9 && Math.min(evenNuls, oddNuls) < pairs * 0.1;
}

/** `1 MB`, `512 KB`, `3.5 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return (error as Error).message;
}
