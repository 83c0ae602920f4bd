// The test-runner extension: installed beside the product only by launch.ts. It activates
// when the workbench has started, runs the bundled mocha suite in this extension host and
// writes the JSON result to the path in AWS_SECRETS_LENS_TEST_RESULT for the launcher.
import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import { Env } from '../../harness/env';
import { runSuite, writeResult } from '../suite/index';

export function activate(): void {
  const resultPath = process.env[Env.result];
  // Installed by mistake outside a test run, or the window reloaded after a run: do nothing.
  if (!resultPath || existsSync(resultPath)) return;
  // Don't hold up activation (and so the other extensions) while the tests run.
  setImmediate(() => void runAndReport(resultPath));
}

async function runAndReport(resultPath: string): Promise<void> {
  const host = `${vscode.env.appName} ${vscode.version}`;
  try {
    writeResult(resultPath, await runSuite({ host }));
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    writeResult(resultPath, { passes: 0, failures: 0, pending: 0, durationMs: 0, tests: [], host, error: message });
  }
}

export function deactivate(): void {}
