// The git scans: what is staged (`--staged`), what a range of commits added (`--diff`) and every
// commit of the history (`--history`). Each reads a changed file's content as git stores it at that
// point (the index copy, the commit's blob — never the work tree), scans it whole and reports the
// findings on the lines the change added.
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Baseline } from '../../detect/baseline';
import type { CommitInfo, RepositoryInfo } from '../../detect/report/model';
import { ScanCollector, type FileScanResult } from '../../detect/scan-files';
import type { ScanOptions } from '../../detect/types';
import { builtInExclusion, isExcludedPath, isSkippedDirectoryName } from '../../detect/paths';
import { decodeText, formatBytes, toDisplayPath, type SkippedFile } from '../../detect/walk';
import { BATCHES_IN_FLIGHT_PER_JOB, createAnalyzer, FILES_PER_BATCH, inOrderStream, type Task } from '../workers';
import { COMMIT_FORMAT, DIFF_OPTIONS, DiffParser, parseDiff, type CommitChanges, type FileChange } from './diff';
import { BlobReader, git, gitExitError, gitFailure, GitError, gitProcess, requireRepository, type Blob } from './git';

export interface GitScanRequest {
  cwd: string;
  /** Pathspecs (relative to cwd) limiting the scan; all files when empty. */
  paths: readonly string[];
  excludeGlobs: readonly string[];
  baseline?: Baseline;
  maxFileBytes: number;
  options?: ScanOptions;
  /** Worker threads to scan with (1: this thread). */
  jobs?: number;
}

/** PATH arguments as git pathspecs taken literally (a file name with `*` or `:` is that file, not a pattern). */
function pathspecs(paths: readonly string[]): string[] {
  return paths.map((p) => `:(literal)${p}`);
}

export type GitScanResult = FileScanResult & { commitsScanned?: number };

/** `--staged`: the index copy of every staged file, findings on the lines it adds to HEAD (all lines before the first commit). */
export async function scanStaged(request: GitScanRequest): Promise<GitScanResult> {
  const root = requireRepository(request.cwd, '--staged');
  const diff = git(request.cwd, ['diff', '--cached', ...DIFF_OPTIONS, '--', ...pathspecs(request.paths)]).toString('utf8');
  const files = parseDiff(diff);
  return scanChanges(request, root, fromArray([{ files, revision: '' }]), files.length);
}

/** `--diff REF` (REF..HEAD), `--diff A..B`, `--diff A...B` (since their merge base): lines the range added, as committed. */
export async function scanDiff(request: GitScanRequest, range: string): Promise<GitScanResult> {
  const root = requireRepository(request.cwd, '--diff');
  if (range.startsWith('-')) throw new GitError(`--diff needs a revision or a range such as origin/main...HEAD, not "${range}"`);
  const match = /^(.*?)(\.\.\.?)(.*)$/.exec(range);
  const from = match ? match[1] || 'HEAD' : range;
  const to = match ? match[3] || 'HEAD' : 'HEAD';
  const target = verify(request.cwd, to);
  verify(request.cwd, from);
  const spec = match?.[2] === '...' ? [`${from}...${target}`] : [from, target];
  const diff = git(request.cwd, ['diff', ...DIFF_OPTIONS, ...spec, '--', ...pathspecs(request.paths)]).toString('utf8');
  const files = parseDiff(diff);
  return scanChanges(request, root, fromArray([{ files, revision: target }]), files.length);
}

function verify(cwd: string, revision: string): string {
  try {
    return git(cwd, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`])
      .toString('utf8')
      .trim();
  } catch {
    throw new GitError(`"${revision}" is not a commit in this repository (fetch it first, e.g. git fetch origin ${revision})`);
  }
}

export interface HistoryOptions {
  /** Only commits after this one (`REF..HEAD`). */
  since?: string;
  /** `--pushed`: the commits a push sends instead of HEAD's history (pushedCommits()). */
  pushed?: boolean;
  maxCommits?: number;
  /** Told about every commit scanned; used for the progress line. */
  progress?: (done: number, total: number) => void;
}

/**
 * `--history`: every commit reachable from HEAD, oldest first, each file's added lines. A secret is
 * reported once, at the oldest commit that added it: a later commit that moves or copies it adds
 * nothing new. Renames are detected, so a renamed file gains no lines. Merge commits add nothing of
 * their own (their changes were added by the commits merged).
 */
export async function scanHistory(request: GitScanRequest, history: HistoryOptions): Promise<GitScanResult> {
  const root = requireRepository(request.cwd, history.pushed ? '--pushed' : '--history');
  const head = headCommit(request.cwd);
  if (!head) return { ...withRepository(new ScanCollector(request.baseline, request.options).result(), request.cwd), commitsScanned: 0 };
  const range = history.pushed ? pushedCommits(request.cwd) : history.since ? [`${verify(request.cwd, history.since)}..${head}`] : [head];
  const limit = history.maxCommits === undefined ? [] : [`--max-count=${history.maxCommits}`];
  const revisions = [...limit, ...range, '--', ...pathspecs(request.paths)];
  // Counted first (cheap) for the progress line and the threads; the log is then scanned as git writes it.
  const total =
    Number(
      git(request.cwd, ['rev-list', '--count', ...revisions])
        .toString('utf8')
        .trim(),
    ) || 0;
  const reported = new Set<string>();
  const isNew = (key: string): boolean => {
    // In memory only: which secrets an older commit already added (by rule and value, hashed).
    if (reported.has(key)) return false;
    reported.add(key);
    return true;
  };
  let done = 0;
  const commits = streamLog(request.cwd, ['log', '-p', '--reverse', `--format=${COMMIT_FORMAT}`, ...DIFF_OPTIONS, ...revisions]);
  const result = await scanChanges(
    request,
    root,
    mapAsync(commits, (changes) => ({ files: changes.files, revision: changes.commit.sha, commit: changes.commit, isNew })),
    total,
    () => history.progress?.(++done, Math.max(total, done)),
  );
  return { ...result, commitsScanned: done };
}

async function* mapAsync<A, B>(source: AsyncIterable<A>, map: (a: A) => B): AsyncIterable<B> {
  for await (const item of source) yield map(item);
}

async function* fromArray<A>(items: readonly A[]): AsyncIterable<A> {
  yield* items;
}

/**
 * What a push sends: pre-commit's pre-push stage names it in PRE_COMMIT_FROM_REF and
 * PRE_COMMIT_TO_REF; otherwise (a plain git hook, by hand) the commits of HEAD that no remote has.
 */
function pushedCommits(cwd: string): string[] {
  const from = process.env.PRE_COMMIT_FROM_REF;
  const to = process.env.PRE_COMMIT_TO_REF;
  if (from && to) return [`${verify(cwd, from)}..${verify(cwd, to)}`];
  return ['HEAD', '--not', '--remotes'];
}

function headCommit(cwd: string): string | undefined {
  try {
    return git(cwd, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']).toString('utf8').trim() || undefined;
  } catch {
    return undefined; // a repository without commits yet
  }
}

/** `git log -p` parsed as it streams: each commit with the lines its files gained, as soon as git has written it. */
async function* streamLog(cwd: string, args: string[]): AsyncIterable<CommitChanges> {
  const child = gitProcess(cwd, args);
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exit = new Promise<number | null>((resolve, reject) => {
    child.on('error', (error) => reject(gitFailure(error, args)));
    child.on('close', (code) => resolve(code));
  });
  exit.catch(() => undefined); // awaited below; a spawn failure also ends the lines
  const parser = new DiffParser();
  let current: CommitChanges | undefined;
  try {
    for await (const line of createInterface({ input: child.stdout, crlfDelay: Infinity })) {
      const commit = parser.line(line);
      if (!commit) continue;
      if (current) {
        current.files = parser.take();
        yield current;
      }
      current = { commit, files: [] };
    }
    const code = await exit;
    if (code !== 0) throw gitExitError(args, code, stderr);
    if (current) {
      current.files = parser.take();
      yield current;
    }
  } finally {
    if (child.exitCode === null) child.kill();
  }
}

interface Job {
  set: ChangeSet;
  file: FileChange;
  relativePath: string;
  /** The last job of its set: the set (a commit) is done once it is merged. */
  last: boolean;
}

interface ChangeSet {
  files: FileChange[];
  /** The commit to read the files at; '' for the index. */
  revision: string;
  commit?: CommitInfo;
  isNew?: (key: string) => boolean;
}

/** How many blob reads are asked ahead of the one being scanned (git answers while we scan). */
const READ_AHEAD = 32;

async function scanChanges(
  request: GitScanRequest,
  root: string,
  sets: AsyncIterable<ChangeSet>,
  expectedTasks: number,
  afterSet?: () => void,
): Promise<GitScanResult> {
  const collector = new ScanCollector(request.baseline, request.options);
  const globs = { globs: request.excludeGlobs };
  const reader = new BlobReader(root);
  const analyzer = createAnalyzer(request.jobs ?? 1, { baseline: request.baseline, options: request.options }, expectedTasks);
  /** Each set's files that are scanned (a set without any still counts for the progress line). */
  async function* groups(): AsyncIterable<Job[]> {
    let group: Job[] = [];
    for await (const set of sets) {
      const files = set.files.filter((file) => {
        const relativePath = toDisplayPath(request.cwd, path.join(root, file.path));
        return (
          !file.path.split('/').slice(0, -1).some(isSkippedDirectoryName) &&
          !builtInExclusion(file.path) &&
          !isExcludedPath(file.path, globs) &&
          !isExcludedPath(relativePath, globs)
        );
      });
      files.forEach((file, i) => group.push({ set, file, relativePath: toDisplayPath(request.cwd, path.join(root, file.path)), last: i === files.length - 1 }));
      if (!files.length) group.push({ set, file: { path: '', addedLines: new Set() }, relativePath: '', last: true });
      // Files go to the threads in groups (one message each).
      if (group.length >= FILES_PER_BATCH) {
        yield group;
        group = [];
      }
    }
    if (group.length) yield group;
  }
  try {
    await inOrderStream(
      mapAsync(groups(), (group) => () => scanGroup(group)),
      Math.max(READ_AHEAD / FILES_PER_BATCH, (request.jobs ?? 1) * BATCHES_IN_FLIGHT_PER_JOB),
      (merge) => merge(),
    );
  } finally {
    await analyzer.close();
    reader.close();
  }

  /** Reads a group's blobs, scans them (here or in a worker) and returns how to merge them, in order. */
  async function scanGroup(group: Job[]): Promise<() => void> {
    const blobs = await Promise.all(
      group.map((job) => (job.file.path ? reader.read(`${job.set.revision}:${job.file.path}`, request.maxFileBytes) : undefined)),
    );
    const texts = group.map((job, i) => {
      const blob = blobs[i];
      return blob ? readable(job, blob, request.maxFileBytes) : undefined;
    });
    const tasks: Task[] = [];
    group.forEach((job, i) => {
      const text = texts[i];
      const blob = blobs[i];
      if (typeof text === 'string' && blob && 'text' in blob)
        tasks.push({ kind: 'text', text, relativePath: job.relativePath, lines: [...job.file.addedLines], withKeys: !!job.set.isNew, bytes: blob.text.length });
    });
    const results = await analyzer.run(tasks);
    return () => {
      let next = 0;
      group.forEach((job, i) => {
        const text = texts[i];
        if (typeof text === 'string') {
          const result = results[next++];
          if ('outcome' in result)
            collector.merge({ relativePath: job.relativePath, lines: job.file.addedLines, commit: job.set.commit, isNew: job.set.isNew }, result.outcome);
        } else if (text) collector.skipped.push(text);
        if (job.last) afterSet?.();
      });
    };
  }
  return withRepository(collector.result(), request.cwd);
}

function withRepository(result: FileScanResult, cwd: string): FileScanResult {
  return { ...result, report: { ...result.report, repository: repositoryInfo(cwd) } };
}

/** The blob's text, or why it is not scanned. */
function readable(job: { set: ChangeSet; relativePath: string }, blob: Blob, maxFileBytes: number): string | SkippedFile {
  const where = job.set.commit ? ` at ${job.set.commit.sha.slice(0, 12)}` : '';
  if ('missing' in blob) return { path: job.relativePath, reason: `not in git${where} (a submodule or an unreadable object)` };
  if ('tooLarge' in blob)
    return {
      path: job.relativePath,
      reason: `larger than ${formatBytes(maxFileBytes)}${where} (${formatBytes(blob.tooLarge)}; raise the limit with --max-file-size)`,
    };
  const decoded = decodeText(blob.text);
  return 'skipped' in decoded ? { path: job.relativePath, reason: `${decoded.skipped}${where}` } : decoded.text;
}

/** Where the scanned commits live, for SARIF's versionControlProvenance. Credentials in a remote URL are never kept. */
export function repositoryInfo(cwd: string): RepositoryInfo {
  const read = (args: string[]): string | undefined => {
    try {
      return git(cwd, args).toString('utf8').trim() || undefined;
    } catch {
      return undefined;
    }
  };
  const root = read(['rev-parse', '--show-toplevel']) ?? cwd;
  const remote = read(['config', '--get', 'remote.origin.url']);
  return {
    uri: (remote && withoutCredentials(remote)) ?? `file://${encodeURI(root)}/`,
    revision: read(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']),
    branch: read(['symbolic-ref', '--short', '--quiet', 'HEAD']),
  };
}

/** `https://user:token@host/x.git` → `https://host/x.git`; scp-style `git@host:x.git` → `ssh://host/x.git`; undefined if it is neither. */
export function withoutCredentials(remote: string): string | undefined {
  const scp = /^[^@/]+@([^:/]+):(.+)$/.exec(remote);
  if (scp) return `ssh://${scp[1]}/${scp[2]}`;
  try {
    const url = new URL(remote);
    url.username = '';
    url.password = '';
    return url.href;
  } catch {
    return undefined;
  }
}
