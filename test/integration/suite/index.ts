// The in-host mocha suite. Runs inside a VS Code extension host, started either by the
// test-runner extension under code-server (runner/extension.ts) or by @vscode/test-electron
// (desktop.ts), which calls the `run()` exported here.
//
// Test files are not found on disk at run time: bundle.ts bundles them (with mocha) into one
// file and registers a loader per file with registerTestFiles(), in file-name order.
import { writeFileSync, renameSync } from 'node:fs';
import Mocha from 'mocha';
import { Env } from '../../harness/env';
import type { SuiteResult, TestOutcome } from '../result';

export interface TestFile {
  /** Path relative to test/integration, shown in mocha's output. */
  file: string;
  load: () => unknown;
}

let testFiles: readonly TestFile[] = [];

export function registerTestFiles(files: readonly TestFile[]): void {
  testFiles = files;
}

export interface RunSuiteOptions {
  /** Only tests whose full title matches; default from AWS_SECRETS_LENS_TEST_GREP. */
  grep?: string;
  timeoutMs?: number;
  /** Added to the result, e.g. 'code-server 1.139.1'. */
  host?: string;
}

/** Runs every registered test file; resolves with the results (test failures don't reject). */
export async function runSuite(options: RunSuiteOptions = {}): Promise<SuiteResult> {
  const started = Date.now();
  const grep = options.grep ?? process.env[Env.grep];
  const mocha = new Mocha({ ui: 'bdd', timeout: options.timeoutMs ?? 30_000, color: false, ...(grep ? { grep } : {}) });
  if (testFiles.length === 0) {
    return { passes: 0, failures: 0, pending: 0, durationMs: 0, tests: [], host: options.host, error: 'no test files were bundled' };
  }
  // What mocha.loadFiles() does per file, with the bundled loader in place of require(path):
  // 'pre-require' puts describe/it/before… on the global object for the file to use.
  for (const { file, load } of testFiles) {
    mocha.suite.emit('pre-require', globalThis, file, mocha);
    mocha.suite.emit('require', load(), file, mocha);
    mocha.suite.emit('post-require', globalThis, file, mocha);
  }
  const tests: TestOutcome[] = [];
  const outcome = (test: Mocha.Runnable, state: TestOutcome['state'], error?: unknown): TestOutcome => ({
    titlePath: test.titlePath(),
    state,
    durationMs: test.duration,
    error: error === undefined ? undefined : describeError(error),
  });
  await new Promise<void>((resolvePromise) => {
    const runner = mocha.run(() => resolvePromise());
    runner.on('pass', (test) => tests.push(outcome(test, 'passed')));
    // Also fires for failing hooks (titled '"before all" hook for …'), which is what we want.
    runner.on('fail', (test, error) => tests.push(outcome(test, 'failed', error)));
    runner.on('pending', (test) => tests.push(outcome(test, 'pending')));
  });
  const count = (state: TestOutcome['state']) => tests.filter((test) => test.state === state).length;
  return { passes: count('passed'), failures: count('failed'), pending: count('pending'), durationMs: Date.now() - started, tests, host: options.host };
}

function describeError(error: unknown): { message: string; stack?: string } {
  if (error instanceof Error) return { message: error.message, stack: error.stack };
  return { message: String(error) };
}

/** Writes the result where the launcher waits for it; the rename makes it appear whole. */
export function writeResult(path: string, result: SuiteResult): void {
  writeFileSync(`${path}.partial`, `${JSON.stringify(result, null, 2)}\n`);
  renameSync(`${path}.partial`, path);
}

/**
 * The contract @vscode/test-electron expects from `extensionTestsPath`: resolve when every
 * test passed, reject otherwise. Also writes the JSON result when AWS_SECRETS_LENS_TEST_RESULT
 * is set, like the code-server runner does.
 */
export async function run(): Promise<void> {
  const vscode = await import('vscode');
  const result = await runSuite({ host: `${vscode.env.appName} ${vscode.version}` });
  const resultPath = process.env[Env.result];
  if (resultPath) writeResult(resultPath, result);
  if (result.error) throw new Error(result.error);
  if (result.failures > 0) throw new Error(`${result.failures} in-host test(s) failed`);
}
