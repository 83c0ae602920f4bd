// A hard-coded AWS key pair in the demo project, fixed from its CodeLens in the browser: the
// secret appears in the explorer and the file reads it from AWS; one undo brings the literals
// back.
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import assert from 'node:assert/strict';
import { EMULATOR_CREDENTIALS } from '../emulator';
import { REPO_ROOT } from '../harness/paths';
import { makeTempDir } from '../harness/tempDir';
import { waitFor } from '../harness/wait';
import { useWorkbench } from './fixture';
import { answerInput, answerPick, expand, openViewContainer, treeItemAt, UI_TIMEOUT_MS, waitForNotification, waitForViewContent } from './workbench';

const workspace = join(makeTempDir('protect').path, 'acme-payments');
cpSync(join(REPO_ROOT, 'demo', 'workspace'), workspace, { recursive: true });

describe('protect: move a hard-coded key pair into Secrets Manager', () => {
  const workbench = useWorkbench('protect', { folder: workspace });
  const key = process.platform === 'darwin' ? 'Meta' : 'Control';
  const editorText = () => workbench.page.locator('.editor-group-container.active .editor-instance .view-lines').first().innerText();

  it('opens app/settings.py and sees a CodeLens on the hard-coded key', async () => {
    const { page } = workbench;
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    // Quick Open, as a person would: type the name, wait for the match, Enter.
    await page.keyboard.press(`${key}+P`);
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    await input.fill('app/settings.py');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'settings.py' }).first().waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    await input.press('Enter');
    await page.locator('.codelens-decoration', { hasText: 'Hard-coded AWS access key id' }).first().waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    await page.locator('.codelens-decoration a', { hasText: 'Move to Secrets Manager' }).first().waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
  });

  it('runs “Move to Secrets Manager” from the CodeLens', async () => {
    const { page } = workbench;
    await page.locator('.codelens-decoration a', { hasText: 'Move to Secrets Manager' }).first().click();
    // The value comes from a workspace file: where it goes is always asked, even with one profile and region.
    await answerPick(page, 'Choose the profile to use', 'demo');
    await answerPick(page, 'Choose a region', 'us-east-1');
    await answerInput(page, /one JSON key each: aws_access_key_id, aws_secret_access_key/, 'acme-payments/aws-credentials');
    await answerPick(page, 'KMS key', 'alias/aws/secretsmanager');
    await waitForNotification(page, /Moved to Secrets Manager secret acme-payments\/aws-credentials/);
    const text = await editorText();
    // One cached helper for the pair: the secret is fetched once, each key read from it.
    assert.match(text, /secrets_manager_value\(secretsmanager,\s"acme-payments\/aws-credentials",\s"aws_access_key_id"\)/);
    assert.ok(!text.includes('AKIAC4IDBDTRBIGL4OIW'), 'the literal is gone from the file');
  });

  it('finds the new secret in the explorer, holding both values', async () => {
    const { page, session } = workbench;
    await openViewContainer(page, 'AWS Secrets');
    await waitForViewContent(page);
    await expand(await treeItemAt(page, ['demo', 'us-east-1']));
    await expand(await treeItemAt(page, ['demo', 'us-east-1', 'Secrets Manager']));
    await expand(await treeItemAt(page, ['demo', 'us-east-1', 'Secrets Manager', 'acme-payments']));
    await treeItemAt(page, ['demo', 'us-east-1', 'Secrets Manager', 'acme-payments', 'aws-credentials']);
    const sm = new SecretsManagerClient({ region: 'us-east-1', endpoint: session.emulator.endpoint, credentials: { ...EMULATOR_CREDENTIALS } });
    try {
      const stored = JSON.parse((await sm.send(new GetSecretValueCommand({ SecretId: 'acme-payments/aws-credentials' }))).SecretString ?? '{}') as Record<
        string,
        string
      >;
      assert.deepEqual(Object.keys(stored), ['aws_access_key_id', 'aws_secret_access_key']);
      assert.equal(stored.aws_access_key_id, 'AKIAC4IDBDTRBIGL4OIW');
    } finally {
      sm.destroy();
    }
  });

  it('undoes the whole rewrite with one undo', async () => {
    const { page } = workbench;
    await page.locator('.editor-group-container.active .editor-instance .view-lines').first().click();
    await page.keyboard.press(`${key}+Z`);
    await waitFor(async () => (await editorText()).includes('AKIAC4IDBDTRBIGL4OIW'), { what: 'the literal back after one undo', timeoutMs: UI_TIMEOUT_MS });
    assert.ok(!(await editorText()).includes('get_secret_value'), 'no lookup left behind');
  });
});
