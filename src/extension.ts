import * as vscode from 'vscode';
import { registerAccess } from './access/registerAccess';
import { registerBrowse } from './browse/registerBrowse';
import { LOG_NAME } from './constants';
import { registerEnvironments } from './environments/registerEnvironments';
import { AwsRuntimeLoader } from './loading/awsRuntimeLoader';
import { registerOperate } from './operate/registerOperate';
import { registerProtect } from './protect/registerProtect';
import { registerRun } from './run/registerRun';
import { readExplorerSettings } from './settings/settings';
import { ExplorerModel } from './tree/explorerModel';
import { flushClipboardClears } from './ui/clipboard';
import type { FeatureDeps } from './ui/deps';
import { componentLogger } from './ui/logging';
import { promptForMfaCode } from './ui/mfaPrompt';
import { SwitchablePrompts } from './ui/switchablePrompts';
import { testHooks, testHooksEnabled, type TestHooks } from './ui/testHooks';
import { vscodePrompts } from './ui/vscodePrompts';

/**
 * Composition root: builds the shared dependencies and registers each feature. Nothing slow
 * happens here. Returns the test hooks only under the project's own test harness.
 */
export function activate(context: vscode.ExtensionContext): TestHooks | undefined {
  const started = performance.now();
  const channel = vscode.window.createOutputChannel(LOG_NAME, { log: true });
  const prompts = new SwitchablePrompts(vscodePrompts);
  const aws = new AwsRuntimeLoader({
    logger: componentLogger(channel, 'aws'),
    mfaCodeProvider: (serial, profile) => promptForMfaCode(prompts, serial, profile),
  });
  const model = new ExplorerModel(aws.get, readExplorerSettings());
  const feature = (component: string): FeatureDeps => ({
    aws: aws.get,
    log: componentLogger(channel, component),
    prompts,
    memory: context.workspaceState,
    model,
  });
  const browse = registerBrowse({ ...feature('browse'), loader: aws });
  const environments = registerEnvironments(feature('environments'));
  const operate = registerOperate(feature('operate'));
  const access = registerAccess(feature('access'));

  context.subscriptions.push(
    channel,
    aws,
    browse.disposable,
    operate.disposable,
    ...registerProtect(feature('protect')),
    ...environments.disposables,
    ...registerRun(feature('run')),
    ...access.disposables,
  );

  if (!testHooksEnabled(context.extensionMode, process.env)) return undefined;
  return testHooks({
    explorer: browse.provider,
    comparison: environments.view,
    access: access.view,
    prompts,
    context,
    activationMs: performance.now() - started,
    unstoredValues: operate.unstoredValues,
  });
}

export async function deactivate(): Promise<void> {
  await flushClipboardClears();
}
