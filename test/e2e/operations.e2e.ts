// One secret's life through the real UI — create → reveal → edit → new value → compare with
// previous → tag → delete → restore — and one SecureString parameter's — create → edit →
// compare → delete — checking the tree (and AWS) after each step.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DescribeSecretCommand, GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { EMULATOR_CREDENTIALS } from '../emulator';
import { waitFor } from '../harness/wait';
import { useWorkbench } from './fixture';
import {
  answerInput,
  answerPick,
  clickDialogButton,
  clickInlineAction,
  expand,
  openViewContainer,
  runCommand,
  runContextMenu,
  screenshot,
  treeItemAt,
  UI_TIMEOUT_MS,
  visibleTree,
  waitForDialog,
  waitForViewContent,
} from './workbench';

const SECRET = ['demo', 'us-east-1', 'Secrets Manager', 'e2e', 'walk'];
const PARAMETER = ['demo', 'us-east-1', 'Parameter Store', 'e2e', 'db-password'];

describe('operations: a secret and a parameter from creation to deletion', () => {
  const workbench = useWorkbench('operations');
  let sm: SecretsManagerClient;
  let ssm: SSMClient;
  const key = process.platform === 'darwin' ? 'Meta' : 'Control';

  before(() => {
    const config = () => ({ region: 'us-east-1', endpoint: workbench.session.emulator.endpoint, credentials: { ...EMULATOR_CREDENTIALS } });
    sm = new SecretsManagerClient(config());
    ssm = new SSMClient(config());
  });
  after(() => {
    sm.destroy();
    ssm.destroy();
  });

  const secretValue = async (stage = 'AWSCURRENT') => (await sm.send(new GetSecretValueCommand({ SecretId: 'e2e/walk', VersionStage: stage }))).SecretString;
  const rowText = async (path: string[]) => (await (await treeItemAt(workbench.page, path)).innerText()).replace(/\s+/g, ' ').trim();

  /** Replaces the text of the focused editor and saves it with the keyboard. */
  async function typeAndSave(text: string): Promise<void> {
    const { page } = workbench;
    // Click into the active editor so the keys go there (not to the tree's type-to-find).
    await page.locator('.editor-group-container.active .editor-instance .monaco-editor .view-lines').first().click();
    await page.keyboard.press(`${key}+A`);
    await page.keyboard.type(text);
    await page.keyboard.press(`${key}+S`);
    await page.locator('.tab.active.dirty').waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
  }

  it('creates a secret from the command palette', async () => {
    const { page } = workbench;
    await openViewContainer(page, 'AWS Secrets');
    await waitForViewContent(page);
    await expand(await treeItemAt(page, ['demo', 'us-east-1']));
    await expand(await treeItemAt(page, ['demo', 'us-east-1', 'Secrets Manager']));
    await runCommand(page, 'AWS Secrets: Create Secret…');
    await answerPick(page, 'Secret type', 'Plain text');
    await answerInput(page, 'Secret name', 'e2e/walk');
    await answerInput(page, 'Secret value (hidden as you type)', 'first-value');
    await answerPick(page, 'KMS key', 'alias/aws/secretsmanager');
    await answerInput(page, 'Description', 'Created by the E2E walk');
    await answerInput(page, 'Tags', '');
    await expand(await treeItemAt(page, SECRET.slice(0, 4)));
    await treeItemAt(page, SECRET);
    assert.equal(await secretValue(), 'first-value');
  });

  it('reveals the value in a read-only editor', async () => {
    const { page } = workbench;
    await clickInlineAction(await treeItemAt(page, SECRET), 'Reveal Value');
    await page.locator('.tab.active', { hasText: 'walk' }).waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    await page.locator('.editor-instance .view-lines', { hasText: 'first-value' }).waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
  });

  it('edits the value and saves a new version', async () => {
    const { page } = workbench;
    await runContextMenu(await treeItemAt(page, SECRET), 'Edit Value');
    await page.locator('.tab.active', { hasText: 'walk' }).waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    await typeAndSave('second-value');
    await waitFor(async () => (await secretValue()) === 'second-value', { what: 'the new version in AWS', timeoutMs: UI_TIMEOUT_MS });
    assert.equal(await secretValue('AWSPREVIOUS'), 'first-value');
    await expand(await treeItemAt(page, SECRET));
    await treeItemAt(page, [...SECRET, 'AWSPREVIOUS']);
  });

  it('generates a new random value', async () => {
    const { page } = workbench;
    await runContextMenu(await treeItemAt(page, SECRET), 'Generate New Value…');
    await answerInput(page, 'Length of the generated value', '28');
    await answerPick(page, 'Characters', 'Letters and digits only');
    await waitForDialog(page, 'Store a new random value for e2e/walk');
    await clickDialogButton(page, 'Generate and Store');
    await waitFor(async () => /^[A-Za-z0-9]{28}$/.test((await secretValue()) ?? ''), { what: 'the generated value', timeoutMs: UI_TIMEOUT_MS });
    assert.equal(await secretValue('AWSPREVIOUS'), 'second-value');
  });

  it('compares the current value with the previous one', async () => {
    const { page } = workbench;
    await runContextMenu(await treeItemAt(page, SECRET), 'Compare with Previous');
    await page.locator('.monaco-diff-editor').first().waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    await page.locator('.tab.active', { hasText: '↔' }).waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    await page.locator('.monaco-diff-editor .view-lines', { hasText: 'second-value' }).first().waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    await screenshot(page, 'operations/diff');
  });

  it('tags the secret', async () => {
    const { page } = workbench;
    await runContextMenu(await treeItemAt(page, SECRET), 'Edit Tags…');
    await answerPick(page, 'Tags of e2e/walk', 'Add tags…');
    await answerInput(page, 'Add tags to e2e/walk', 'team=e2e');
    await answerPick(page, 'Tags of e2e/walk', 'Done');
    const tags = (await sm.send(new DescribeSecretCommand({ SecretId: 'e2e/walk' }))).Tags;
    assert.deepEqual(tags, [{ Key: 'team', Value: 'e2e' }]);
  });

  it('schedules the secret for deletion after confirming', async () => {
    const { page } = workbench;
    await runContextMenu(await treeItemAt(page, SECRET), 'Delete…');
    await answerPick(page, 'Delete e2e/walk', 'Delete with a 7-day recovery window');
    await waitForDialog(page, 'Schedule e2e/walk');
    await clickDialogButton(page, 'Schedule Deletion');
    await waitFor(async () => (await rowText(SECRET)).includes('deletion scheduled'), { what: 'the deleted state in the tree', timeoutMs: UI_TIMEOUT_MS });
  });

  it('restores the secret', async () => {
    const { page } = workbench;
    await clickInlineAction(await treeItemAt(page, SECRET), 'Restore');
    await waitFor(async () => !(await rowText(SECRET)).includes('deletion scheduled'), { what: 'the restored secret', timeoutMs: UI_TIMEOUT_MS });
    assert.equal((await sm.send(new DescribeSecretCommand({ SecretId: 'e2e/walk' }))).DeletedDate, undefined);
  });

  it('creates a SecureString parameter', async () => {
    const { page } = workbench;
    await expand(await treeItemAt(page, ['demo', 'us-east-1', 'Parameter Store']));
    await runCommand(page, 'AWS Secrets: Create Parameter…');
    await answerInput(page, 'Parameter name', '/e2e/db-password');
    await answerPick(page, 'Parameter type', 'SecureString');
    await answerInput(page, 'Value (hidden as you type)', 'param-one');
    await answerPick(page, 'KMS key', 'alias/aws/ssm');
    await answerInput(page, 'Description', '');
    await answerPick(page, 'Expiration (optional)', 'No expiration');
    await expand(await treeItemAt(page, PARAMETER.slice(0, 4)));
    assert.match(await rowText(PARAMETER), /SecureString · v1/);
  });

  it('edits the parameter into version 2', async () => {
    const { page } = workbench;
    await runContextMenu(await treeItemAt(page, PARAMETER), 'Edit Value');
    await page.locator('.tab.active', { hasText: 'db-password' }).waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    await typeAndSave('param-two');
    await waitFor(async () => (await rowText(PARAMETER)).includes('v2'), { what: 'v2 in the tree', timeoutMs: UI_TIMEOUT_MS });
    assert.equal((await ssm.send(new GetParameterCommand({ Name: '/e2e/db-password', WithDecryption: true }))).Parameter?.Value, 'param-two');
  });

  it('compares parameter version 1 with version 2', async () => {
    const { page } = workbench;
    await runContextMenu(await treeItemAt(page, PARAMETER), 'Compare with Previous');
    await page.locator('.tab.active', { hasText: 'v1' }).waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    await page.locator('.monaco-diff-editor .view-lines', { hasText: 'param-two' }).first().waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
  });

  it('deletes the parameter after confirming', async () => {
    const { page } = workbench;
    await runContextMenu(await treeItemAt(page, PARAMETER), 'Delete…');
    await waitForDialog(page, 'Delete parameter /e2e/db-password');
    await clickDialogButton(page, 'Delete');
    await waitFor(async () => !(await visibleTree(page)).some((row) => row.trim() === 'db-password'), {
      what: 'the parameter gone from the tree',
      timeoutMs: UI_TIMEOUT_MS,
    });
    await assert.rejects(ssm.send(new GetParameterCommand({ Name: '/e2e/db-password' })), /ParameterNotFound/);
  });
});
