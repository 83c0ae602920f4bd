// npm run test:integration — runs the in-host suite inside the real VS Code extension host
// that code-server starts, against the product installed from its VSIX and the emulator.
//
//   1. bundle the runner extension (mocha + suite) and package it as a VSIX
//   2. start a session: emulator, AWS profile files, code-server with product + runner,
//      headless chromium on the workbench (the extension host only runs while a window is open)
//   3. wait for the runner's JSON result, print a report, exit 0 when everything passed
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

async function main(): Promise<number> {
  const started = Date.now();
  const timeoutMs = Number(process.env.AWS_SECRETS_LENS_TEST_TIMEOUT ?? 300) * 1000;
  const runner = await buildRunnerVsix(makeTempDir('runner').path);
  const resultPath = join(makeTempDir('result').path, 'result.json');
  const logs = join(LOGS_DIR, 'integration');

  let session: Session | undefined;
  try {
    session = await startSession({
      extraVsixes: [runner.vsix],
      env: { [Env.result]: resultPath, [Env.grep]: process.env[Env.grep] },
      browser: true,
      saveLogsTo: logs,
      // Every line the extension can log is written, so the leak test can search all of it.
      logLevel: 'trace',
    });
    const codeServer = session.codeServer;
    console.log(`[integration] workbench open; waiting for the in-host tests (at most ${timeoutMs / 1000} s)`);
    const result = await waitFor(() => existsSync(resultPath) && (JSON.parse(readFileSync(resultPath, 'utf8')) as SuiteResult), {
      what: 'the in-host test runner to write its result',
      timeoutMs,
      intervalMs: 250,
      abort: () => (codeServer.process.exitStatus ? new Error(`code-server exited (${codeServer.process.exitStatus}) during the tests`) : undefined),
      detail: () => `Logs will be in ${logs} (exthost*/ has the extension host's log).`,
    });
    console.log(`\n${formatReport(mapResultStacks(result, runner.bundle, runner.installedBundle))}`);
    return succeeded(result) ? 0 : 1;
  } finally {
    await session?.dispose();
    console.log(`[integration] logs: ${logs}; total ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
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
