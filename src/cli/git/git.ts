// Running git: always the `git` program directly (no shell, so nothing in a path or a ref is
// interpreted), with settings that keep its output machine-readable whatever the user's config
// says (no colour, no pager, no external diff or textconv, paths unquoted where possible).
import { execFileSync, spawn, type ChildProcessByStdio, type ChildProcessWithoutNullStreams } from 'node:child_process';
import type { Readable } from 'node:stream';

/** git is missing, the folder is not a repository, a ref does not exist: exit status 2 with this message. */
export class GitError extends Error {}

const FIXED_CONFIG = ['-c', 'core.quotePath=false', '-c', 'color.ui=false', '-c', 'diff.noprefix=false', '-c', 'diff.mnemonicPrefix=false'];
const MAX_OUTPUT = 1024 ** 3;

function gitEnvironment(): NodeJS.ProcessEnv {
  // GIT_PAGER and LANG would change what git writes; GIT_DIR etc. from a calling hook are kept on purpose.
  return { ...process.env, GIT_PAGER: 'cat', PAGER: 'cat', LC_ALL: 'C', GIT_TERMINAL_PROMPT: '0' };
}

/** git's output (stdout) as bytes; throws GitError with git's own first error line. */
export function git(cwd: string, args: readonly string[]): Buffer {
  try {
    return execFileSync('git', [...FIXED_CONFIG, ...args], { cwd, env: gitEnvironment(), maxBuffer: MAX_OUTPUT, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    throw gitFailure(error, args);
  }
}

export function gitFailure(error: unknown, args: readonly string[]): GitError {
  const failure = error as NodeJS.ErrnoException & { stderr?: Buffer };
  if (failure.code === 'ENOENT') return new GitError('git is not installed (or not on PATH)');
  const message = failure.stderr?.toString('utf8').trim().split('\n')[0] ?? failure.message;
  return new GitError(`git ${args[0]} failed: ${message.replace(/^(fatal|error): /, '')}`);
}

/** git as a child process with its output piped (a `git log` too long to hold as one buffer). */
export function gitProcess(cwd: string, args: readonly string[]): ChildProcessByStdio<null, Readable, Readable> {
  return spawn('git', [...FIXED_CONFIG, ...args], { cwd, env: gitEnvironment(), stdio: ['ignore', 'pipe', 'pipe'] });
}

/** git's first error line as a GitError (from a child's stderr). */
export function gitExitError(args: readonly string[], status: number | null, stderr: string): GitError {
  const first = stderr.trim().split('\n')[0];
  return new GitError(`git ${args[0]} failed: ${first ? first.replace(/^(fatal|error): /, '') : `status ${status}`}`);
}

/** The repository's top folder, or undefined when `cwd` is not inside a work tree. */
export function repositoryRoot(cwd: string): string | undefined {
  try {
    const inside = execFileSync('git', ['rev-parse', '--is-inside-work-tree'], { cwd, env: gitEnvironment(), stdio: ['ignore', 'pipe', 'ignore'] });
    if (inside.toString().trim() !== 'true') return undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new GitError('git is not installed (or not on PATH)');
    return undefined;
  }
  return git(cwd, ['rev-parse', '--show-toplevel']).toString('utf8').replace(/\n$/, '');
}

/** The repository root, or a GitError saying that the command needs one. */
export function requireRepository(cwd: string, option: string): string {
  const root = repositoryRoot(cwd);
  if (!root) throw new GitError(`${option} needs a git repository, and ${cwd} is not inside one (run it in a clone, or scan the folder without ${option})`);
  return root;
}

/** Each NUL-terminated entry of `-z` output. */
export function nulSeparated(output: Buffer): string[] {
  return output
    .toString('utf8')
    .split('\0')
    .filter((entry) => entry !== '');
}

export type Blob = { text: Buffer } | { tooLarge: number } | { missing: true };

/**
 * One `git cat-file --batch` process for many reads (`commit:path`, `:path` for the index): one
 * process instead of one per file, which is what makes a history scan fast. Reads are answered in
 * the order they were asked.
 */
export class BlobReader {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffer: Buffer = Buffer.alloc(0);
  private readonly waiting: { maxBytes: number; resolve: (blob: Blob) => void; reject: (error: Error) => void }[] = [];
  private failure: Error | undefined;

  constructor(cwd: string) {
    this.child = spawn('git', [...FIXED_CONFIG, 'cat-file', '--batch'], { cwd, env: gitEnvironment() });
    this.child.stdout.on('data', (chunk: Buffer) => {
      this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
      this.drain();
    });
    const fail = (error: Error) => {
      this.failure = error;
      for (const waiter of this.waiting.splice(0)) waiter.reject(error);
    };
    this.child.on('error', (error) => fail(gitFailure(error, ['cat-file'])));
    this.child.on('exit', (code) => fail(new GitError(`git cat-file stopped (status ${code})`)));
    this.child.stdin.on('error', () => undefined);
  }

  /** The object's bytes (`tooLarge` past `maxBytes`: its content is read and dropped, never kept). */
  read(name: string, maxBytes: number): Promise<Blob> {
    if (this.failure) return Promise.reject(this.failure);
    if (/[\n\r]/.test(name)) return Promise.resolve({ missing: true });
    return new Promise((resolve, reject) => {
      this.waiting.push({ maxBytes, resolve, reject });
      this.child.stdin.write(`${name}\n`);
    });
  }

  private drain(): void {
    while (this.waiting.length) {
      const newline = this.buffer.indexOf(10);
      if (newline < 0) return;
      const header = this.buffer.subarray(0, newline).toString('utf8');
      if (header.endsWith(' missing') || header.endsWith(' ambiguous')) {
        this.buffer = this.buffer.subarray(newline + 1);
        this.waiting.shift()?.resolve({ missing: true });
        continue;
      }
      const size = Number(header.split(' ')[2]);
      const end = newline + 1 + size;
      if (this.buffer.length < end + 1) return;
      const waiter = this.waiting.shift();
      const content = this.buffer.subarray(newline + 1, end);
      this.buffer = this.buffer.subarray(end + 1);
      if (!waiter) return;
      waiter.resolve(size > waiter.maxBytes ? { tooLarge: size } : { text: Buffer.from(content) });
    }
  }

  close(): void {
    this.child.removeAllListeners('exit');
    this.child.stdin.end();
  }
}
