// `aws-secrets-lens scan`: argument parsing and wiring; walking, scanning and formatting are in src/detect.
import { readFileSync, writeFileSync } from 'node:fs';
import { version } from '../../package.json';
import { BaselineError, legacyBaselineWarning, parseBaseline, serializeBaseline, type Baseline } from '../detect/baseline';
import { formatJson } from '../detect/report/json';
import { formatSarif } from '../detect/report/sarif';
import { formatText } from '../detect/report/text';
import { IGNORE_MARKER, IGNORE_NEXT_LINE_MARKER } from '../detect/markers';
import { printable } from '../detect/report/model';
import type { FileScanResult } from '../detect/scan-files';
import { describeFsError, MAX_FILE_BYTES } from '../detect/walk';
import { parseCommandLine, UsageError } from './args';
import { GitError } from './git/git';
import { scanDiff, scanHistory, scanStaged } from './git/gitScan';
import { listFilesWithGit } from './git/listFiles';
import { scanTree } from './treeScan';
import { defaultJobs } from './workers';

export const SCAN_USAGE = `Usage: aws-secrets-lens scan [options] [PATH...]

Finds hard-coded secrets (AWS keys, tokens, passwords, private keys) in files.
PATH defaults to the current folder. Inside a git repository the files git sees
are read: every tracked file (even one a .gitignore matches) and the untracked
files no ignore rule matches.

What to scan in a git repository (PATH then limits it to those paths):
  --staged                   the staged copy of each changed file (what the next
                             commit holds); only the lines it adds are reported
  --diff REF | A..B | A...B  the lines added from REF to HEAD, from A to B, or on B
                             since it forked from A (pull requests: origin/main...HEAD)
  --history                  the lines each commit added, oldest first; every secret is
                             reported once, with the commit that first added it
  --since REF                with --history: only the commits after REF
  --max-commits N            with --history: only the last N commits
  --pushed                   like --history, for the commits a push sends (pre-commit's
                             PRE_COMMIT_FROM_REF..PRE_COMMIT_TO_REF, else those no remote has)

Options:
  --format text|json|sarif   output format (default: text)
  --baseline FILE            do not report findings whose fingerprints are in FILE
  --write-baseline FILE      write the fingerprints of all current findings to FILE and exit 0
  --migrate-baseline FILE    convert FILE's version 1 fingerprints (hashes of the values) to version 2
                             (location and name only), keeping exactly what it accepts, and exit 0
  --exclude GLOB             skip matching files or folders (repeatable)
  --disable-rule ID          turn a rule off (repeatable)
  --no-gitignore             also scan files that .gitignore excludes
  --max-file-size SIZE       skip files larger than SIZE (default 1MB; e.g. 512KB, 5MB)
  --jobs N                   worker threads for folder and history scans (default: one per
                             core, here ${defaultJobs()}); the report is the same for any N
  --exit-zero                report findings but exit 0 (read errors still exit 2)
  --hook ID                  running as a git hook (pre-commit's hook id): when secrets are
                             found, say how to fix, accept or skip them (SKIP=ID)
  -h, --help                 show this help

Files not scanned, or scanned only partly, are listed on stderr with the reason.
Only regular files are read: a FIFO, socket or device named as PATH is an error.
Exit status: 0 nothing found, 1 secrets found, 2 usage or read error (and outside
a git repository with --staged, --diff or --history).
`;

type Format = 'text' | 'json' | 'sarif';

interface Arguments {
  format: Format;
  baseline?: string;
  writeBaseline?: string;
  migrateBaseline?: string;
  excludes: string[];
  disabledRules: string[];
  gitignore: boolean;
  maxFileBytes: number;
  paths: string[];
  /** Which git scan, if any. */
  git?: { mode: 'staged' } | { mode: 'diff'; range: string } | { mode: 'history'; since?: string; maxCommits?: number; pushed?: boolean };
  exitZero: boolean;
  hook?: string;
  jobs: number;
}

/** `1048576`, `512KB`, `5MB`, `1.5m`, `2 GB` → bytes. */
export function parseSize(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?\s*$/i.exec(text);
  if (!match) throw new UsageError(`--max-file-size needs a size such as 512KB or 5MB, not "${printable(text)}"`);
  const unit = (match[2] ?? 'b').toLowerCase()[0];
  const bytes = Math.floor(Number(match[1]) * (unit === 'g' ? 1024 ** 3 : unit === 'm' ? 1024 ** 2 : unit === 'k' ? 1024 : 1));
  if (bytes < 1) throw new UsageError('--max-file-size must be at least 1 byte');
  return bytes;
}

function parseArguments(argv: readonly string[]): Arguments | 'help' {
  const { values, positionals } = parseCommandLine(argv, {
    format: { type: 'string' },
    baseline: { type: 'string' },
    'write-baseline': { type: 'string' },
    'migrate-baseline': { type: 'string' },
    exclude: { type: 'string', multiple: true },
    'disable-rule': { type: 'string', multiple: true },
    'no-gitignore': { type: 'boolean' },
    'max-file-size': { type: 'string' },
    staged: { type: 'boolean' },
    diff: { type: 'string' },
    history: { type: 'boolean' },
    pushed: { type: 'boolean' },
    hook: { type: 'string' },
    jobs: { type: 'string', short: 'j' },
    since: { type: 'string' },
    'max-commits': { type: 'string' },
    'exit-zero': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return 'help';
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json' && format !== 'sarif') throw new UsageError(`unknown format "${format}" (use text, json or sarif)`);
  const modes = [values.staged && '--staged', values.diff !== undefined && '--diff', values.history && '--history', values.pushed && '--pushed'].filter(
    Boolean,
  );
  if (modes.length > 1) throw new UsageError(`${modes.join(' and ')} cannot be combined: choose one`);
  if (values.pushed && values.since !== undefined) throw new UsageError('--pushed chooses its own commits: use --since with --history');
  if (!values.history && !values.pushed && (values.since !== undefined || values['max-commits'] !== undefined))
    throw new UsageError(`${values.since !== undefined ? '--since' : '--max-commits'} goes with --history`);
  if (modes.length && values['no-gitignore']) throw new UsageError(`--no-gitignore applies to folder scans, not ${modes[0]}`);
  const maxCommits = values['max-commits'];
  if (maxCommits !== undefined && !/^[1-9]\d*$/.test(maxCommits))
    throw new UsageError(`--max-commits needs a whole number of commits, not "${printable(maxCommits)}"`);
  const jobs = values.jobs;
  if (jobs !== undefined && !/^[1-9]\d*$/.test(jobs)) throw new UsageError(`--jobs needs a whole number of threads (1 or more), not "${printable(jobs)}"`);
  return {
    format,
    baseline: values.baseline,
    writeBaseline: values['write-baseline'],
    migrateBaseline: values['migrate-baseline'],
    excludes: values.exclude ?? [],
    disabledRules: values['disable-rule'] ?? [],
    gitignore: !values['no-gitignore'],
    maxFileBytes: values['max-file-size'] === undefined ? MAX_FILE_BYTES : parseSize(values['max-file-size']),
    paths: positionals.length ? positionals : ['.'],
    git: values.staged
      ? { mode: 'staged' }
      : values.diff !== undefined
        ? { mode: 'diff', range: values.diff }
        : values.history || values.pushed
          ? { mode: 'history', since: values.since, maxCommits: maxCommits === undefined ? undefined : Number(maxCommits), pushed: values.pushed }
          : undefined,
    exitZero: values['exit-zero'] === true,
    hook: values.hook,
    jobs: jobs === undefined ? defaultJobs() : Number(jobs),
  };
}

function readBaseline(file: string): Baseline {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read baseline ${printable(file)}: ${describeFsError(error)}`);
  }
  try {
    return parseBaseline(text);
  } catch (error) {
    if (error instanceof BaselineError) throw new UsageError(`${printable(file)} is not a baseline file: ${error.message}`);
    throw error;
  }
}

/** `aws-secrets-lens scan …` (argv after the word `scan`): scans, prints the report, returns the exit status. */
export async function runScan(argv: readonly string[]): Promise<number> {
  let args: ReturnType<typeof parseArguments>;
  try {
    args = parseArguments(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`aws-secrets-lens: ${printable(error.message)}\n\n${SCAN_USAGE}`);
    return 2;
  }
  if (args === 'help') {
    process.stdout.write(SCAN_USAGE);
    return 0;
  }
  if (args.migrateBaseline && (args.baseline || args.writeBaseline)) {
    process.stderr.write(`aws-secrets-lens: --migrate-baseline reads and writes its FILE: use it without --baseline or --write-baseline\n\n${SCAN_USAGE}`);
    return 2;
  }
  const baselineFile = args.migrateBaseline ?? args.baseline;
  let baseline: Baseline | undefined;
  try {
    baseline = baselineFile ? readBaseline(baselineFile) : undefined;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`aws-secrets-lens: ${printable(error.message)}\n`);
    return 2;
  }
  if (baseline?.legacy.size && baselineFile && !args.migrateBaseline)
    process.stderr.write(`aws-secrets-lens: ${legacyBaselineWarning(printable(baselineFile), baseline.legacy.size)}\n`);
  let result: FileScanResult;
  try {
    result = await scanWhat(args, baseline);
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    process.stderr.write(`aws-secrets-lens: ${printable(error.message)}\n`);
    return 2;
  }
  for (const problem of result.problems) process.stderr.write(`aws-secrets-lens: cannot read ${printable(problem.path)}: ${problem.message}\n`);
  for (const skipped of result.report.skipped ?? [])
    process.stderr.write(`aws-secrets-lens: ${skipped.partial ? 'scanned partly' : 'skipped'} ${printable(skipped.path)}: ${skipped.reason}\n`);
  if (args.migrateBaseline && baseline) {
    const kept = [...baseline.legacy].filter((old) => !result.legacyMatched.has(old));
    try {
      writeFileSync(args.migrateBaseline, serializeBaseline([...baseline.fingerprints, ...result.acceptedFingerprints], kept));
    } catch (error) {
      process.stderr.write(`aws-secrets-lens: cannot write baseline ${printable(args.migrateBaseline)}: ${describeFsError(error)}\n`);
      return 2;
    }
    process.stderr.write(
      `aws-secrets-lens: converted ${result.legacyMatched.size} version 1 fingerprint${result.legacyMatched.size === 1 ? '' : 's'} in ${printable(args.migrateBaseline)}` +
        (kept.length
          ? `; ${kept.length} matched no current finding and ${kept.length === 1 ? 'was' : 'were'} kept as they are (run from the repository root over the whole tree, or drop them with --write-baseline)\n`
          : '\n'),
    );
    return result.problems.length ? 2 : 0;
  }
  if (args.writeBaseline) {
    try {
      writeFileSync(args.writeBaseline, serializeBaseline(result.fingerprints));
    } catch (error) {
      process.stderr.write(`aws-secrets-lens: cannot write baseline ${printable(args.writeBaseline)}: ${describeFsError(error)}\n`);
      return 2;
    }
    const count = new Set(result.fingerprints).size;
    process.stderr.write(`aws-secrets-lens: wrote ${count} fingerprint${count === 1 ? '' : 's'} to ${printable(args.writeBaseline)}\n`);
    return result.problems.length ? 2 : 0;
  }
  const color = args.format === 'text' && process.stdout.isTTY === true && !process.env.NO_COLOR;
  const output =
    args.format === 'json' ? formatJson(result.report) : args.format === 'sarif' ? formatSarif(result.report, version) : formatText(result.report, color);
  process.stdout.write(output);
  if (result.problems.length) return 2;
  if (!result.report.findings.length || args.exitZero) return 0;
  if (args.hook) {
    const pushing = args.git?.mode === 'history' && args.git.pushed === true;
    process.stderr.write(hookAdvice(args.hook, result.report.findings.length, pushing ? 'push' : 'commit'));
  }
  return 1;
}

/** What a blocked commit or push says: the ways forward, the ignore markers, and how to skip this hook once. */
export function hookAdvice(hookId: string, count: number, what: 'commit' | 'push'): string {
  const secrets = count === 1 ? 'a hard-coded secret' : `${count} hard-coded secrets`;
  return [
    '',
    `aws-secrets-lens: ${what} blocked: ${secrets} (listed above).`,
    '  - Move each value to AWS Secrets Manager or Parameter Store and read it at run time',
    '    (in VS Code, AWS Secrets Lens does both with the quick fix on the finding).',
    `  - A false positive? Add a comment "${IGNORE_MARKER}" on its line, or "${IGNORE_NEXT_LINE_MARKER}"`,
    '    on the line above, or accept it in a baseline file (scan --write-baseline FILE, then --baseline FILE).',
    what === 'push'
      ? '  - The secret is in a commit: removing it in a new commit still pushes the old one; rewrite the commit (git rebase -i) and rotate the value.'
      : '  - Then stage the change again (git add) and commit.',
    `  - To ${what} anyway this once: SKIP=${hookId} git ${what} …  (git ${what} --no-verify skips every hook).`,
    '',
  ].join('\n');
}

/** The scan the arguments ask for: a git scan, or the files under the paths (as git lists them inside a repository). */
async function scanWhat(args: Arguments, baseline: Baseline | undefined): Promise<FileScanResult> {
  const cwd = process.cwd();
  const options = { disabledRules: args.disabledRules };
  if (!args.git)
    return scanTree(
      {
        cwd,
        roots: args.paths,
        excludeGlobs: args.excludes,
        useGitignore: args.gitignore,
        listFiles: listFilesWithGit,
        baseline,
        maxFileBytes: args.maxFileBytes,
        options,
      },
      args.jobs,
    );
  const request = { cwd, paths: args.paths, excludeGlobs: args.excludes, baseline, maxFileBytes: args.maxFileBytes, options, jobs: args.jobs };
  if (args.git.mode === 'staged') return scanStaged(request);
  if (args.git.mode === 'diff') return scanDiff(request, args.git.range);
  const progress = historyProgress();
  try {
    return await scanHistory(request, { since: args.git.since, maxCommits: args.git.maxCommits, pushed: args.git.pushed, progress: progress.update });
  } finally {
    progress.end();
  }
}

/** Long histories: "scanned 1200/5000 commits" on stderr, rewritten in place on a terminal, a line per tenth otherwise. */
function historyProgress(): { update: (done: number, total: number) => void; end: () => void } {
  const terminal = process.stderr.isTTY === true;
  let shown = false;
  let last = 0;
  let lastTenth = 0;
  return {
    update(done, total) {
      if (total < HISTORY_PROGRESS_FROM) return;
      const line = `aws-secrets-lens: scanned ${done}/${total} commits`;
      if (terminal) {
        const now = Date.now();
        if (now - last < 200 && done < total) return;
        last = now;
        process.stderr.write(`\r${line}`);
        shown = true;
      } else {
        const tenth = Math.floor((done * 10) / total);
        if (tenth === lastTenth) return;
        lastTenth = tenth;
        process.stderr.write(`${line}\n`);
      }
    },
    end() {
      if (shown) process.stderr.write('\n');
    },
  };
}

/** Histories shorter than this are scanned without a progress line. */
const HISTORY_PROGRESS_FROM = 200;
