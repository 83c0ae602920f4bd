// npm run test:integration — runs the in-host suite inside the real VS Code extension host
// that code-server starts, against the product installed from its VSIX and the emulator.
//
//   1. bundle the runner extension (mocha + suite) and package it as a VSIX
//   2. start a session: emulator, AWS profile files, code-server with product + runner,
//      headless chromium on the workbench (the extension host only runs while a window is open)
//   3. wait for the runner's JSON result
//   4. again, in a session like a user's install (no test hooks), for the tests tagged
//      @normal-install; then print one report and exit 0 when everything passed
//
// Environment: AWS_SECRETS_LENS_TEST_GREP=regex runs a subset; AWS_SECRETS_LENS_KEEP_OPEN=1
// leaves the session up afterwards; AWS_SECRETS_LENS_TEST_TIMEOUT=seconds (default 300).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanupAll, shuttingDown } from '../harness/cleanup';
import { Env, LOGS_DIR } from '../harness/paths';
import { startSession, type Session } from '../harness/session';
import { makeTempDir } from '../harness/tempDir';
import { waitFor } from '../harness/wait';
import { buildRunnerVsix } from './bundle';
import { mapResultStacks } from './stack';
import { formatReport, succeeded, type SuiteResult } from './result';

/** Tests tagged with this run in a second session, one like a user's install (no test hooks). */
const NORMAL_INSTALL_TAG = '@normal-install';

async function main(): Promise<number> {
  const started = Date.now();
  const timeoutMs = Number(process.env.AWS_SECRETS_LENS_TEST_TIMEOUT ?? 300) * 1000;
  const runner = await buildRunnerVsix(makeTempDir('runner').path);
  const logs = join(LOGS_DIR, 'integration');
  const userGrep = process.env[Env.grep];
  const only = userGrep ? `(?=.*(?:${userGrep}))` : '';
  try {
    // The suite, with the hooks that let tests answer prompts; then the tagged tests, in a session without them.
    const main = await runPhase({ runner, timeoutMs, logs, testHooks: true, grep: `^(?!.*${NORMAL_INSTALL_TAG})${only}` });
    const normal = await runPhase({ runner, timeoutMs, logs: `${logs}-normal-install`, testHooks: false, grep: `^(?=.*${NORMAL_INSTALL_TAG})${only}` });
    const result = mergeResults(main, normal);
    console.log(`\n${formatReport(mapResultStacks(result, runner.bundle, runner.installedBundle))}`);
    return succeeded(result) ? 0 : 1;
  } finally {
    console.log(`[integration] logs: ${logs}; total ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}

interface Phase {
  runner: Awaited<ReturnType<typeof buildRunnerVsix>>;
  timeoutMs: number;
  logs: string;
  testHooks: boolean;
  grep: string;
}

/** One session: code-server with the product and the runner, until the runner writes its result. */
async function runPhase(phase: Phase): Promise<SuiteResult> {
  const resultPath = join(makeTempDir('result').path, 'result.json');
  let session: Session | undefined;
  try {
    session = await startSession({
      extraVsixes: [phase.runner.vsix],
      env: { [Env.result]: resultPath, [Env.grep]: phase.grep },
      testHooks: phase.testHooks,
      browser: true,
      saveLogsTo: phase.logs,
      // Every line the extension can log is written, so the leak test can search all of it.
      logLevel: 'trace',
    });
    const codeServer = session.codeServer;
    console.log(
      `[integration] workbench open${phase.testHooks ? '' : ' (as a normal install)'}; waiting for the in-host tests (at most ${phase.timeoutMs / 1000} s)`,
    );
    return await waitFor(() => existsSync(resultPath) && (JSON.parse(readFileSync(resultPath, 'utf8')) as SuiteResult), {
      what: 'the in-host test runner to write its result',
      timeoutMs: phase.timeoutMs,
      intervalMs: 250,
      abort: () => (codeServer.process.exitStatus ? new Error(`code-server exited (${codeServer.process.exitStatus}) during the tests`) : undefined),
      detail: () => `Logs will be in ${phase.logs} (exthost*/ has the extension host's log).`,
    });
  } finally {
    await session?.dispose();
  }
}

function mergeResults(a: SuiteResult, b: SuiteResult): SuiteResult {
  return {
    passes: a.passes + b.passes,
    failures: a.failures + b.failures,
    pending: a.pending + b.pending,
    durationMs: a.durationMs + b.durationMs,
    tests: [...a.tests, ...b.tests],
    host: a.host,
    error: [a.error, b.error].filter(Boolean).join('; ') || undefined,
  };
}

main().then(
  (code) => process.exit(code),
  async (error: unknown) => {
    if (shuttingDown()) return; // Ctrl-C: the signal handler is cleaning up and will exit
    console.error(`[integration] ${error instanceof Error ? error.message : String(error)}`);
    await cleanupAll();
    process.exit(1);
  },
);
