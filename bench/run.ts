// npm run bench — one table for the whole product, against the budgets in docs/architecture.md:
//   bundle and VSIX size (release build), activate() in the real extension host, the tree on a
//   region with 10,000 secrets and 10,000 parameters (first page, every page, filtered, the
//   longest stall of the extension host), detector throughput against secretlint, and the
//   analysis of a 5,000-line file (in-process, and per keystroke in the extension host).
// Writes the table to .bench/results.md too. `npm run bench -- --no-detector` skips the corpus scans.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { runMain } from '../test/harness/cleanup';
import { openWorkbench } from '../test/harness/browser';
import { Env, REPO_ROOT } from '../test/harness/paths';
import { startSession } from '../test/harness/session';
import { makeTempDir } from '../test/harness/tempDir';
import { waitFor } from '../test/harness/wait';
import { buildRunnerVsix, findTestFiles } from '../test/integration/bundle';
import type { SuiteResult } from '../test/integration/result';
import { runDetectBench } from './detect/run';
import type { HostBenchResult } from './host/product.bench';

const BENCH_DIR = join(REPO_ROOT, '.bench');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const ms = (value: number) => `${value.toFixed(1)} ms`;

async function main(): Promise<void> {
  const started = Date.now();
  mkdirSync(BENCH_DIR, { recursive: true });
  const rows: [string, string, string][] = [];
  const row = (what: string, value: string, budget = '') => {
    rows.push([what, value, budget]);
    console.log(`  ${what}: ${value}${budget ? `  (${budget})` : ''}`);
  };

  console.log('== release build and VSIX');
  const vsix = join(makeTempDir('bench').path, 'aws-secrets-lens.vsix');
  execFileSync(process.execPath, [join(REPO_ROOT, 'scripts', 'package.mjs'), vsix], { cwd: REPO_ROOT, stdio: 'ignore' });
  for (const file of ['extension.js', 'aws.js', 'detect.js', 'snippets.js', 'audit.js', 'policy.js', 'cli.js'])
    row(
      `bundle dist/${file}`,
      kb(statSync(join(REPO_ROOT, 'dist', file)).size),
      file === 'extension.js' ? 'loaded at activation; the others on first use' : '',
    );
  row('VSIX', kb(statSync(vsix).size), 'budget < 3 MB');

  // --no-detector skips the corpus scans (about 2.5 minutes, mostly secretlint) while working on the rest.
  const detect = process.argv.includes('--no-detector') ? undefined : (console.log('== detector'), await runDetectBench());
  if (detect) {
    row(
      'detector: whole corpus',
      `${detect.files} files, ${detect.megabytes.toFixed(1)} MB in ${detect.ours.seconds.toFixed(2)} s = ${(detect.megabytes / detect.ours.seconds).toFixed(1)} MB/s`,
    );
    const speedUp = detect.oursOneThread.seconds / detect.ours.seconds;
    row(
      `detector: whole corpus, ${detect.threads} worker threads vs one (--jobs 1)`,
      `${detect.oursOneThread.seconds.toFixed(2)} s → ${detect.ours.seconds.toFixed(2)} s = ${speedUp.toFixed(2)}×`,
      `goal ≥ 1.7× on 2 cores ${speedUp >= 1.7 ? 'OK' : 'MISSED'}`,
    );
    row(
      `history scan (${detect.history.commits} commits, ${detect.threads} threads)`,
      `${(detect.history.commits / detect.history.seconds).toFixed(0)} commits/s (${detect.history.seconds.toFixed(2)} s; one thread ${detect.history.oneThreadSeconds.toFixed(2)} s)`,
    );
    row(
      'secretlint (recommended preset), same corpus',
      `${detect.secretlint.seconds.toFixed(2)} s = ${(detect.megabytes / detect.secretlint.seconds).toFixed(2)} MB/s`,
    );
    row('detector vs secretlint', `${detect.ratio.toFixed(1)}× faster`, `budget ≥ 10× ${detect.ratio >= 10 ? 'OK' : 'MISSED'}`);
    row('5,000-line file, in-process (median of 200)', ms(detect.fiveThousandLinesMs), `budget < 10 ms ${detect.fiveThousandLinesMs < 10 ? 'OK' : 'MISSED'}`);
  }

  console.log('== real extension host (code-server), emulator with 10,000 secrets and 10,000 parameters');
  const host = await hostBench(vsix);
  row('activate()', ms(host.activationMs), `budget < 20 ms ${host.activationMs < 20 ? 'OK' : 'MISSED'}`);
  for (const kind of ['secrets', 'parameters'] as const) {
    const first = host.firstPage[kind];
    row(
      `tree: first page of ${kind}`,
      `${first.items} items in ${ms(first.ms)}, ${first.calls} AWS call(s)`,
      kind === 'secrets' ? 'budget: one round trip' : 'DescribeParameters returns ≤ 50 per call',
    );
    const all = host.fullListing[kind];
    row(`tree: all ${kind} with Load more`, `${all.items} items, ${all.pages} pages in ${(all.ms / 1000).toFixed(2)} s; longest stall ${ms(all.maxStallMs)}`);
    const filtered = host.filtered[kind];
    row(`tree: ${kind} filtered on the server`, `${filtered.items} items in ${ms(filtered.ms)}`);
  }
  for (const [language, k] of Object.entries(host.keystrokeMs)) {
    const note = language === 'typescript' ? ' (TypeScript server busy on the same file)' : '';
    row(
      `keystroke analysis, ${k.lines}-line ${language} file in the extension host${note}`,
      `median ${ms(k.median)}, p95 ${ms(k.p95)}`,
      `budget < 2 ms ${k.median < 2 ? 'OK' : 'MISSED'}`,
    );
  }

  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 1024 ** 3).toFixed(0)} GB RAM, Node ${process.version}, ${process.platform}`;
  const table = ['| Measure | Result | Budget |', '|---|---|---|', ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
  writeFileSync(join(BENCH_DIR, 'results.md'), `Run on ${new Date().toISOString()} — ${machine}\n\n${table}\n`);
  console.log(`\n${table}\n\nMachine: ${machine}. Total ${((Date.now() - started) / 1000).toFixed(0)} s. Written to .bench/results.md.`);
}

/** Starts code-server with the bench suite as the in-host runner, after seeding 10,000 of each. */
async function hostBench(vsix: string): Promise<HostBenchResult> {
  const runner = await buildRunnerVsix(makeTempDir('bench-runner').path, findTestFiles(join(REPO_ROOT, 'bench', 'host'), '.bench.ts'));
  const resultPath = join(makeTempDir('bench-result').path, 'result.json');
  const benchOut = join(BENCH_DIR, 'host.json');
  process.env[Env.vsix] = vsix;
  const session = await startSession({
    extraVsixes: [runner.vsix],
    env: { [Env.result]: resultPath, AWS_SECRETS_LENS_BENCH_OUT: benchOut },
    testHooks: true,
    // The keystroke measure is the detector's: no AWS existence checks of names in the file.
    settings: { 'awsSecrets.lookups.check': false },
    // The extension logs each analysis's duration at trace level: that is the keystroke measure.
    logLevel: 'trace',
  });
  try {
    const seeded = await fetch(`${session.emulator.endpoint}/_emulator/seed`, {
      method: 'POST',
      body: JSON.stringify({ bulk: { region: 'us-east-1', secrets: 10_000, parameters: 10_000, prefix: 'bulk/' } }),
    });
    if (!seeded.ok) throw new Error(`seeding the emulator failed: ${seeded.status} ${await seeded.text()}`);
    // The extension host starts when a window connects: open it only now, after seeding.
    const browser = await openWorkbench(session.codeServer.workbenchUrl);
    try {
      const result = await waitFor(() => existsSync(resultPath) && (JSON.parse(readFileSync(resultPath, 'utf8')) as SuiteResult), {
        what: 'the in-host benchmark',
        timeoutMs: 300_000,
        intervalMs: 500,
      });
      if (result.failures > 0 || result.error)
        throw new Error(`the in-host benchmark failed: ${result.error ?? JSON.stringify(result.tests.filter((t) => t.state === 'failed'))}`);
      return JSON.parse(readFileSync(benchOut, 'utf8')) as HostBenchResult;
    } finally {
      await browser.close();
    }
  } finally {
    await session.dispose();
  }
}

runMain('bench', main);
