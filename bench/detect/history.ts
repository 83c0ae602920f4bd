// The history-scan benchmark: a repository of COMMITS commits built from corpus files (each commit
// adds some files and edits some earlier ones), scanned with `scan --history`, in commits per second,
// on all cores and on one.
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

export interface HistoryBenchResult {
  commits: number;
  seconds: number;
  oneThreadSeconds: number;
  findings: number;
}

const COMMITS = 300;
const ADDED_PER_COMMIT = 8;
const EDITED_PER_COMMIT = 4;

function gitEnv(home: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    HOME: home,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Bench',
    GIT_AUTHOR_EMAIL: 'bench@example.com',
    GIT_COMMITTER_NAME: 'Bench',
    GIT_COMMITTER_EMAIL: 'bench@example.com',
  };
}

/** Builds the repository under `benchDir` from the corpus files and times the history scans. */
export function runHistoryBench(benchDir: string, corpus: string, cli: string): HistoryBenchResult {
  const repo = path.join(benchDir, 'history-repo');
  rmSync(repo, { recursive: true, force: true });
  mkdirSync(repo, { recursive: true });
  const env = gitEnv(benchDir);
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, env, stdio: ['ignore', 'pipe', 'pipe'] });
  git('init', '-q', '-b', 'main');
  const sources = readdirSync(corpus, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  const added: string[] = [];
  for (let commit = 0; commit < COMMITS; commit++) {
    for (let i = 0; i < ADDED_PER_COMMIT; i++) {
      const source = sources[(commit * ADDED_PER_COMMIT + i) % sources.length];
      const target = path.join(repo, `c${commit}`, path.basename(source));
      mkdirSync(path.dirname(target), { recursive: true });
      copyFileSync(source, target);
      added.push(target);
    }
    for (let i = 0; i < EDITED_PER_COMMIT && added.length > ADDED_PER_COMMIT; i++)
      appendFileSync(added[(commit * 7 + i * 13) % (added.length - ADDED_PER_COMMIT)], `\n# edit ${commit}.${i}\n`);
    git('add', '-A');
    git('commit', '-q', '-m', `commit ${commit}`);
  }
  const time = (jobs: string[]): { seconds: number; findings: number } => {
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, [cli, 'scan', '--history', '--format', 'json', ...jobs], {
      cwd: repo,
      env,
      encoding: 'utf8',
      maxBuffer: 1024 ** 3,
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (result.status !== 0 && result.status !== 1) throw new Error(`history scan failed (exit ${result.status}): ${result.stderr.slice(0, 2000)}`);
    return { seconds, findings: (JSON.parse(result.stdout) as { findings: unknown[] }).findings.length };
  };
  const all = time([]);
  const one = time(['--jobs', '1']);
  console.log(
    `history: ${COMMITS} commits in ${all.seconds.toFixed(2)} s = ${(COMMITS / all.seconds).toFixed(0)} commits/s (one thread: ${one.seconds.toFixed(2)} s), ${all.findings} findings`,
  );
  return { commits: COMMITS, seconds: all.seconds, oneThreadSeconds: one.seconds, findings: all.findings };
}
