// A JSON secret that a JavaScript round trip would change — a 21-digit number (beyond double
// precision, RFC 8259 §6) and a duplicate key (§4) — edited in the real editor: it is shown exactly
// as stored, a save without changes stores nothing, and a save with one change stores exactly it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CreateSecretCommand, GetSecretValueCommand, ListSecretVersionIdsCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { EMULATOR_CREDENTIALS } from '../emulator';
import { useWorkbench } from './fixture';
import { expand, openViewContainer, runContextMenu, screenshot, treeItemAt, UI_TIMEOUT_MS, waitForViewContent } from './workbench';

const NAME = 'e2e/exact';
const STORED = '{"id":123456789012345678901,"user":"first","user":"second"}';
const SECRET = ['demo', 'us-east-1', 'Secrets Manager', 'e2e', 'exact'];

describe('exact values: a JSON secret edited without a round trip', () => {
  const workbench = useWorkbench('exact-values');
  let sm: SecretsManagerClient;
  const key = process.platform === 'darwin' ? 'Meta' : 'Control';

  before(async () => {
    sm = new SecretsManagerClient({ region: 'us-east-1', endpoint: workbench.session.emulator.endpoint, credentials: { ...EMULATOR_CREDENTIALS } });
    await sm.send(new CreateSecretCommand({ Name: NAME, SecretString: STORED }));
  });
  after(() => sm.destroy());

  const value = async (stage = 'AWSCURRENT') => (await sm.send(new GetSecretValueCommand({ SecretId: NAME, VersionStage: stage }))).SecretString;
  const versions = async () => (await sm.send(new ListSecretVersionIdsCommand({ SecretId: NAME, IncludeDeprecated: true }))).Versions?.length ?? 0;
  const editorLines = () => workbench.page.locator('.editor-group-container.active .editor-instance .monaco-editor .view-lines').first();

  async function save(): Promise<void> {
    const { page } = workbench;
    await page.locator('.tab.active.dirty').waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    await page.keyboard.press(`${key}+S`);
    await page.locator('.tab.active.dirty').waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
  }

  it('opens the secret for editing exactly as stored', async () => {
    const { page } = workbench;
    await openViewContainer(page, 'AWS Secrets');
    await waitForViewContent(page);
    for (let depth = 2; depth < SECRET.length; depth++) await expand(await treeItemAt(page, SECRET.slice(0, depth)));
    await runContextMenu(await treeItemAt(page, SECRET), 'Edit Value');
    await page.locator('.tab.active', { hasText: 'exact' }).waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    await page.locator('.editor-instance .view-lines', { hasText: '123456789012345678901' }).waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    // Not pretty-printed: pretty-printing would have rounded the number and dropped a "user".
    assert.equal((await editorLines().innerText()).replace(/\u00a0/g, ' ').trim(), STORED);
    await screenshot(page, 'exact-values/as-stored');
  });

  it('stores nothing when saved without a change', async () => {
    const { page } = workbench;
    await editorLines().click();
    await page.keyboard.press(`${key}+End`);
    await page.keyboard.type(' ');
    await page.keyboard.press('Backspace');
    await save();
    assert.equal(await versions(), 1, 'no new version');
    assert.equal(await value(), STORED);
  });

  it('stores exactly the one change made', async () => {
    const { page } = workbench;
    await editorLines().click();
    await page.keyboard.press(`${key}+Home`);
    for (let i = 0; i < '{"id":'.length; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.type('9');
    await save();
    assert.equal(await value(), STORED.replace('123456789012345678901', '923456789012345678901'));
    assert.equal(await value('AWSPREVIOUS'), STORED);
    assert.equal(await versions(), 2);
  });
});
