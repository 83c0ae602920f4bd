// npm run bench:detect — the detector's performance budgets, measured:
//   1. a whole-corpus scan (5,200 files, ~55 MB) with our CLI and with secretlint's
//      recommended preset, and the ratio (budget: ours at least 10× faster);
//      the same scan on one thread (--jobs 1) for the worker threads' speed-up, and a history scan
//      of a 300-commit repository built from the corpus (commits per second);
//   2. one 5,000-line file analysed in-process, median of many runs (budget: < 10 ms).
// The corpus goes to the git-ignored .bench/ folder.

import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { scan } from '../../src/detect';
import { generateCorpus, mixedFile } from './corpus';
import { runHistoryBench, type HistoryBenchResult } from './history';

const root = path.resolve(__dirname, '../..');
const benchDir = path.join(root, '.bench');
const corpus = path.join(benchDir, 'detect-corpus');
const cliBundle = path.join(benchDir, 'cli.js');

export interface Timing {
  seconds: number;
  findings: number;
}

/** Runs a scanner that writes its JSON report to `output`; exit 1 (secrets found) is success here. */
function timeCommand(label: string, command: string, args: string[], cwd: string, output: string, countFindings: (json: unknown) => number): Timing {
  const started = process.hrtime.bigint();
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`${label} failed (exit ${result.status}): ${result.stderr.slice(0, 2000)}`);
  }
  return { seconds, findings: countFindings(JSON.parse(readFileSync(output, 'utf8'))) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export interface DetectBenchResult {
  files: number;
  megabytes: number;
  /** On every core (the default). */
  ours: Timing;
  /** The same scan with --jobs 1. */
  oursOneThread: Timing;
  threads: number;
  secretlint: Timing;
  history: HistoryBenchResult;
  ratio: number;
  /** Median in-process time to analyse one 5,000-line file. */
  fiveThousandLinesMs: number;
}

/** Generates the corpus, times both scanners and the 5,000-line file; prints as it goes. */
export async function runDetectBench(): Promise<DetectBenchResult> {
  mkdirSync(benchDir, { recursive: true });
  // Bundle the CLI exactly as scripts/build.mjs does, so the benchmark measures the current source.
  await build({
    entryPoints: [path.join(root, 'src/cli.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: cliBundle,
    logLevel: 'warning',
  });

  console.log('Generating the corpus…');
  const stats = generateCorpus(corpus);
  const megabytes = stats.bytes / (1024 * 1024);
  console.log(`corpus: ${stats.files} files, ${megabytes.toFixed(1)} MB, ${stats.secrets} sprinkled secrets (${path.relative(root, corpus)})\n`);

  // The corpus sits in the git-ignored .bench/ folder, hence --no-gitignore (secretlint does not read .gitignore either).
  const ourReport = path.join(benchDir, 'aws-secrets-lens.json');
  const ours = timeCommand(
    'aws-secrets-lens',
    'sh',
    ['-c', `"${process.execPath}" "${cliBundle}" scan --format json --no-gitignore . > "${ourReport}"`],
    corpus,
    ourReport,
    (json) => (json as { findings: unknown[] }).findings.length,
  );
  const oursOneThread = timeCommand(
    'aws-secrets-lens --jobs 1',
    'sh',
    ['-c', `"${process.execPath}" "${cliBundle}" scan --format json --no-gitignore --jobs 1 . > "${ourReport}"`],
    corpus,
    ourReport,
    (json) => (json as { findings: unknown[] }).findings.length,
  );
  const threads = availableParallelism();
  console.log(
    `worker threads: ${threads} → ${ours.seconds.toFixed(2)} s, one thread ${oursOneThread.seconds.toFixed(2)} s: ${(oursOneThread.seconds / ours.seconds).toFixed(2)}× (goal ≥ 1.7× on 2 cores)`,
  );
  const history = runHistoryBench(benchDir, corpus, cliBundle);
  const secretlintrc = path.join(benchDir, 'secretlintrc.json');
  writeFileSync(secretlintrc, JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }));
  const secretlintReport = path.join(benchDir, 'secretlint.json');
  const secretlint = timeCommand(
    'secretlint',
    process.execPath,
    [
      path.join(root, 'node_modules/secretlint/bin/secretlint.js'),
      '**/*',
      '--secretlintrc',
      secretlintrc,
      '--format',
      'json',
      '--no-color',
      '--output',
      secretlintReport,
    ],
    corpus,
    secretlintReport,
    (json) => (json as { messages: unknown[] }[]).reduce((sum, file) => sum + file.messages.length, 0),
  );

  const row = (name: string, t: Timing) =>
    `${name.padEnd(28)} ${String(stats.files).padStart(6)} ${megabytes.toFixed(1).padStart(7)} ${t.seconds.toFixed(2).padStart(8)} ${(megabytes / t.seconds).toFixed(1).padStart(8)} ${String(t.findings).padStart(9)}`;
  console.log(`${'scanner'.padEnd(28)} ${'files'.padStart(6)} ${'MB'.padStart(7)} ${'seconds'.padStart(8)} ${'MB/s'.padStart(8)} ${'findings'.padStart(9)}`);
  console.log(row('aws-secrets-lens (CLI)', ours));
  console.log(row('secretlint (recommend)', secretlint));
  const ratio = secretlint.seconds / ours.seconds;
  console.log(`\nratio: aws-secrets-lens is ${ratio.toFixed(1)}× faster than secretlint (budget: ≥ 10×) ${ratio >= 10 ? 'OK' : 'OVER BUDGET'}`);

  const text = mixedFile(5000);
  for (let i = 0; i < 20; i++) scan(text, { languageId: 'typescript' });
  const runs: number[] = [];
  for (let i = 0; i < 200; i++) {
    const started = performance.now();
    scan(text, { languageId: 'typescript' });
    runs.push(performance.now() - started);
  }
  const ms = median(runs);
  console.log(
    `5,000-line file (${(text.length / 1024).toFixed(0)} KB): median ${ms.toFixed(2)} ms over ${runs.length} runs (budget: < 10 ms) ${ms < 10 ? 'OK' : 'OVER BUDGET'}`,
  );
  return { files: stats.files, megabytes, ours, oursOneThread, threads, secretlint, history, ratio, fiveThousandLinesMs: ms };
}

if (require.main === module) {
  runDetectBench().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
