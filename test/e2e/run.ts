// npm run test:e2e [-- FILE...] — runs the browser scenarios (test/e2e/*.e2e.ts) with node:test,
// one file at a time, each file in its own process with its own session (fixture.ts).
// Installs and packages once up front, so the scenario processes reuse the same VSIX.
// Screenshots: test/e2e/artifacts/ (emptied at the start of a full run).
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { onCleanup, runMain, shuttingDown } from '../harness/cleanup';
import { ensureInstalled } from '../harness/install';
import { E2E_ARTIFACTS_DIR, REPO_ROOT } from '../harness/paths';
import { productVsix } from '../harness/vsix';

const SCENARIO_TIMEOUT_MS = 5 * 60_000;

async function main(): Promise<number> {
  const started = Date.now();
  const given = process.argv.slice(2);
  const files =
    given.length > 0
      ? given
      : readdirSync(__dirname)
          .filter((file) => file.endsWith('.e2e.ts'))
          .sort()
          .map((file) => relative(REPO_ROOT, join(__dirname, file)));
  if (given.length === 0) rmSync(E2E_ARTIFACTS_DIR, { recursive: true, force: true });
  mkdirSync(E2E_ARTIFACTS_DIR, { recursive: true });

  await ensureInstalled({ browser: true });
  await productVsix(); // sets AWS_SECRETS_LENS_VSIX for the scenario processes

  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=1', `--test-timeout=${SCENARIO_TIMEOUT_MS}`, ...files],
    { cwd: REPO_ROOT, stdio: 'inherit', env: process.env },
  );
  const exited = new Promise<number>((resolvePromise) => child.once('exit', (code, signal) => resolvePromise(code ?? (signal ? 1 : 0))));
  // Ctrl-C reaches the scenario processes directly (same process group); SIGTERM to this
  // process alone must be passed on, and they clean up their own sessions.
  const unregister = onCleanup({
    name: 'e2e scenarios',
    dispose: async () => {
      child.kill('SIGTERM');
      await exited;
    },
    killNow: () => child.kill('SIGKILL'),
  });
  const code = await exited;
  unregister();
  if (shuttingDown()) return new Promise<number>(() => undefined); // Ctrl-C: the signal handler exits
  console.log(
    `[e2e] ${files.length} scenario file(s) in ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots in ${relative(process.cwd(), E2E_ARTIFACTS_DIR) || '.'}`,
  );
  return code;
}

runMain('e2e', main);
