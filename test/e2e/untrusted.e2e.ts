// A repository the user does not trust cannot switch detection off, hide files from it, soften
// or hide what it finds, stop copied values being cleared, choose the profiles and regions, or
// make the extension send the names in its code to AWS.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { makeTempDir } from '../harness/tempDir';
import { waitFor } from '../harness/wait';
import { useWorkbench } from './fixture';
import {
  clickDialogButton,
  clickInlineAction,
  expand,
  openViewContainer,
  runCommand,
  treeItemAt,
  UI_TIMEOUT_MS,
  visibleTree,
  waitForDialog,
  waitForNotification,
  waitForViewContent,
} from './workbench';

const workspace = join(makeTempDir('untrusted').path, 'untrusted-repo');
mkdirSync(join(workspace, '.vscode'), { recursive: true });
// What a hostile repository would try: turn detection off, exclude everything, turn findings
// into hints without CodeLens, keep copied values on the clipboard, and narrow the profiles and
// regions to ones it chose.
writeFileSync(
  join(workspace, '.vscode', 'settings.json'),
  JSON.stringify({
    'awsSecrets.detection.enabled': false,
    'awsSecrets.detection.exclude': ['**'],
    'awsSecrets.lookups.check': true,
    'awsSecrets.detection.severity': 'hint',
    'awsSecrets.detection.codeLens': false,
    'awsSecrets.clipboardClearSeconds': 0,
    'awsSecrets.profiles': ['attacker'],
    'awsSecrets.regions': ['eu-west-1'],
  }),
);
// …and a references file that would read a secret.
writeFileSync(
  join(workspace, '.env.aws'),
  '# aws-secrets-lens: profile=demo region=us-east-1\nDB_PASSWORD={{resolve:secretsmanager:prod/payments/db::password}}\n',
);
writeFileSync(
  join(workspace, 'app.py'),
  'import boto3\nDB_PASSWORD = "Vb7nQ2xL9kT4wR6zP3mS"\nsm = boto3.client("secretsmanager")\nvalue = sm.get_secret_value(SecretId="prod/payments/db")\n',
);

describe('untrusted workspace (restricted mode)', () => {
  // Trust on, and no startup prompt: an untrusted folder opens in restricted mode, as after answering "No".
  const workbench = useWorkbench('untrusted', {
    folder: workspace,
    workspaceTrust: true,
    settings: { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never' },
  });
  const key = process.platform === 'darwin' ? 'Meta' : 'Control';

  it('opens the folder in restricted mode', async () => {
    const { page } = workbench;
    await page.locator('.statusbar', { hasText: 'Restricted Mode' }).waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
  });

  it('still marks the hard-coded secret as an error with its CodeLens, ignoring the workspace settings that would hide it', async () => {
    const { page } = workbench;
    await page.keyboard.press(`${key}+P`);
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    await input.fill('app.py');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'app.py' }).first().waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    await input.press('Enter');
    await page.locator('.codelens-decoration', { hasText: 'Hard-coded password' }).first().waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    await page.locator('.editor-instance .squiggly-error, .editor-instance .squiggly-warning').first().waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
  });

  it('does not send the secret names in its code to AWS', async () => {
    const { page, session } = workbench;
    // The lookup lens would describe prod/payments/db; in restricted mode it stays silent.
    await page.locator('.codelens-decoration', { hasText: 'Move to Secrets Manager' }).first().waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    await waitFor(async () => (await page.locator('.codelens-decoration').count()) > 0, { what: 'CodeLens drawn', timeoutMs: UI_TIMEOUT_MS });
    assert.equal(await page.locator('.codelens-decoration', { hasText: 'exists in' }).count(), 0);
    assert.equal(session.emulator.stats()['secretsmanager.DescribeSecret'] ?? 0, 0);
  });

  it('neither runs with secrets nor exports them, and checks no reference in AWS', async () => {
    const { page, session } = workbench;
    await runCommand(page, 'AWS Secrets: Export as .env…');
    await waitForNotification(page, /Export as \.env… writes secret values to a file, so it is not available in an untrusted workspace/);
    await runCommand(page, 'AWS Secrets: Open Terminal with Secrets…');
    await waitForNotification(page, /needs a trusted workspace/);
    const stats = session.emulator.stats();
    assert.deepEqual(
      ['secretsmanager.BatchGetSecretValue', 'secretsmanager.GetSecretValue', 'secretsmanager.DescribeSecret'].map((op) => stats[op] ?? 0),
      [0, 0, 0],
    );
  });

  it('asks before a workspace policy sends the names in its code to AWS, and sends nothing on Cancel', async () => {
    const { page, session } = workbench;
    await runCommand(page, 'AWS Secrets: Generate IAM Policy for This Workspace');
    await waitForDialog(page, /This workspace is not trusted\. Generating its policy sends the 1 name its code reads to AWS/);
    await clickDialogButton(page, 'Cancel');
    assert.equal(session.emulator.stats()['secretsmanager.DescribeSecret'] ?? 0, 0);
  });

  it('shows the profiles and regions the user chose, not the workspace’s', async () => {
    const { page } = workbench;
    await openViewContainer(page, 'AWS Secrets');
    await waitForViewContent(page);
    await treeItemAt(page, ['demo', 'us-east-1']);
    const tree = await visibleTree(page);
    assert.ok(!tree.some((row) => row.trim() === 'eu-west-1'), `no eu-west-1 from the workspace: ${tree.join(' | ')}`);
  });

  it('clears a copied value after the default 30 s, not never as the workspace says', async () => {
    const { page } = workbench;
    await expand(await treeItemAt(page, ['demo', 'us-east-1', 'Secrets Manager']));
    await expand(await treeItemAt(page, ['demo', 'us-east-1', 'Secrets Manager', 'prod']));
    await expand(await treeItemAt(page, ['demo', 'us-east-1', 'Secrets Manager', 'prod', 'payments']));
    await clickInlineAction(await treeItemAt(page, ['demo', 'us-east-1', 'Secrets Manager', 'prod', 'payments', 'db']), 'Copy Value');
    await page.locator('.statusbar', { hasText: 'the clipboard is cleared in 30 s' }).waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
  });
});
