// Run with secrets in the demo project, through the real UI: the plain `.env` is imported into
// Secrets Manager (the file becomes references), then the demo program runs in "Open Terminal
// with Secrets" (from the file's CodeLens) and reports every value arrived — from AWS.
import assert from 'node:assert/strict';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import dotenv from 'dotenv';
import { EMULATOR_CREDENTIALS } from '../emulator';
import { REPO_ROOT } from '../harness/paths';
import { makeTempDir } from '../harness/tempDir';
import { waitFor } from '../harness/wait';
import { useWorkbench } from './fixture';
import { answerInput, answerPick, clickDialogButton, runCommand, UI_TIMEOUT_MS, waitForDialog, waitForNotification } from './workbench';

const workspace = join(makeTempDir('run').path, 'acme-payments');
cpSync(join(REPO_ROOT, 'demo', 'workspace'), workspace, { recursive: true });
const original = dotenv.parse(readFileSync(join(workspace, '.env'), 'utf8'));

describe('run: the demo project’s .env into Secrets Manager, then the program with its values from AWS', () => {
  // The DOM renderer, so the terminal's text can be read.
  const workbench = useWorkbench('run', { folder: workspace, settings: { 'terminal.integrated.gpuAcceleration': 'off' } });
  const key = process.platform === 'darwin' ? 'Meta' : 'Control';
  const editorText = () => workbench.page.locator('.editor-group-container.active .editor-instance .view-lines').first().innerText();

  it('opens .env and imports it into one JSON secret, the file rewritten into references', async () => {
    const { page } = workbench;
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    await page.keyboard.press(`${key}+P`);
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.fill('.env');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: '.env' }).first().waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    await input.press('Enter');
    await page.locator('.tab.active', { hasText: '.env' }).waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });

    await runCommand(page, 'AWS Secrets: Import .env into AWS…');
    await answerPick(page, /Import 7 values of \.env/, 'One JSON secret in Secrets Manager');
    await answerInput(page, /Secret for \.env/, 'acme-payments/local');
    await answerPick(page, /Then, in \.env/, /Rewrite \.env into references/);
    await waitForDialog(page, /Create secret acme-payments\/local with 7 keys in us-east-1/);
    await clickDialogButton(page, 'Create');
    await waitForNotification(page, /\.env now holds references/);
    await waitFor(async () => (await editorText()).includes('JWT_SECRET={{resolve:secretsmanager:acme-payments/local:SecretString:JWT_SECRET}}'), {
      what: 'the references in the editor',
      timeoutMs: UI_TIMEOUT_MS,
    });
    await page.locator('.editor-group-container.active .editor-instance .view-lines').first().click();
    await page.keyboard.press(`${key}+S`);
    await waitFor(() => !readFileSync(join(workspace, '.env'), 'utf8').includes(original.JWT_SECRET!), {
      what: 'the saved file without the plain values',
      timeoutMs: UI_TIMEOUT_MS,
    });

    const sm = new SecretsManagerClient({ region: 'us-east-1', endpoint: workbench.session.emulator.endpoint, credentials: { ...EMULATOR_CREDENTIALS } });
    try {
      const stored = JSON.parse((await sm.send(new GetSecretValueCommand({ SecretId: 'acme-payments/local' }))).SecretString ?? '{}');
      assert.deepEqual(stored, original);
    } finally {
      sm.destroy();
    }
  });

  it('runs the demo program in “Open Terminal with Secrets” from the CodeLens: every value arrives', async () => {
    const { page } = workbench;
    const lens = page.locator('.codelens-decoration a', { hasText: 'Open Terminal with Secrets' }).first();
    await lens.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    await lens.click();
    const rows = page.locator('.terminal-wrapper.active .xterm-rows');
    await rows.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    // The shell starts once exec has read the values: type when its prompt is there.
    await waitFor(async () => /[$#] *$/m.test(await rows.innerText()), { what: 'the shell prompt', timeoutMs: UI_TIMEOUT_MS });
    await page.locator('.terminal-wrapper.active .xterm-helper-textarea').focus();
    await page.keyboard.type('node tools/show-env.js');
    await page.keyboard.press('Enter');
    const expected = Object.fromEntries(
      ['JWT_SECRET', 'SLACK_WEBHOOK_URL', 'AWS_SECRET_ACCESS_KEY', 'DATABASE_PASSWORD'].map((name) => [name, original[name]!.length]),
    );
    const text = await waitFor(
      async () => {
        const shown = (await rows.innerText()).replace(/\u00a0/g, ' ');
        return Object.entries(expected).every(([name, length]) => new RegExp(`${name} +set \\(${length} characters\\)`).test(shown)) && shown;
      },
      { what: 'the program to report every value', timeoutMs: UI_TIMEOUT_MS },
    );
    assert.ok(!text.includes(original.JWT_SECRET!), 'the program shows no value');
  });
});
