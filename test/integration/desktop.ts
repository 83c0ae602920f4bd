// npm run test:desktop — the same in-host suite under @vscode/test-electron, for people with
// a desktop and internet (test-electron downloads VS Code; this machine can't, so CI uses
// launch.ts and code-server instead). The product runs from source (extensionDevelopmentPath
// after `npm run build`); the emulator and the AWS profile files are the same as under code-server.
//
//   VSCODE_TEST_VERSION=1.90.0 npm run test:desktop     (default: stable)
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { startEmulator } from '../emulator';
import { demoProfile, writeAwsProfiles } from '../harness/awsProfiles';
import { onCleanup, runMain } from '../harness/cleanup';
import { Env, REPO_ROOT } from '../harness/paths';
import { runCommand } from '../harness/proc';
import { makeTempDir } from '../harness/tempDir';
import { bundleSuite } from './bundle';
import { formatReport, succeeded, type SuiteResult } from './result';
import { mapResultStacks } from './stack';

async function main(): Promise<number> {
  await runCommand(process.execPath, ['scripts/build.mjs'], { cwd: REPO_ROOT });
  const work = makeTempDir('desktop');
  const bundle = join(work.path, 'suite.js');
  await bundleSuite(bundle, 'suite');
  const workspace = makeTempDir('workspace');
  const resultPath = join(work.path, 'result.json');

  const emulator = await startEmulator({ seed: 'demo' });
  onCleanup({ name: 'emulator', dispose: () => emulator.close() });
  const aws = writeAwsProfiles(emulator.endpoint, [demoProfile()]);

  // The caller's own AWS_* variables must not reach the product: undefined unsets them.
  const unsetAws = Object.fromEntries(
    Object.keys(process.env)
      .filter((name) => name.startsWith('AWS_'))
      .map((name) => [name, undefined]),
  );
  try {
    await runTests({
      version: process.env.VSCODE_TEST_VERSION ?? 'stable',
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: bundle,
      launchArgs: [workspace.path, '--disable-extensions'],
      extensionTestsEnv: { ...unsetAws, ...aws.env, [Env.emulator]: emulator.endpoint, [Env.result]: resultPath },
    });
  } catch (error) {
    // runTests rejects when the suite failed; the result file says why. Without one, VS Code
    // itself failed (download, launch), and that error is the news.
    if (!existsSync(resultPath)) throw error;
  }
  if (!existsSync(resultPath)) throw new Error('VS Code exited without the suite writing a result');
  const result = mapResultStacks(JSON.parse(readFileSync(resultPath, 'utf8')) as SuiteResult, bundle);
  console.log(`\n${formatReport(result)}`);
  return succeeded(result) ? 0 : 1;
}

runMain('desktop', main);
