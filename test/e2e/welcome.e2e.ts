// The first run without any AWS profile: the view explains and offers to open the AWS config
// file; once a profile is added there, the tree shows it without a reload.
import { appendFileSync, readFileSync } from 'node:fs';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useWorkbench } from './fixture';
import { openViewContainer, treeItem, UI_TIMEOUT_MS } from './workbench';

describe('welcome: no AWS profile yet', () => {
  const workbench = useWorkbench('welcome', { profiles: [] });

  it('explains that no profile was found, with a button to open the config file', async () => {
    const { page } = workbench;
    await openViewContainer(page, 'AWS Secrets');
    await page.locator('.welcome-view-content', { hasText: 'No AWS profile was found' }).waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    await page.locator('.welcome-view-content').getByRole('button', { name: 'Open AWS Config File' }).click();
    await page.locator('.tab.active', { hasText: 'config' }).waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
  });

  it('shows a profile added to the config file, without a reload', async () => {
    const { page, session } = workbench;
    const configFile = session.aws.configFile;
    assert.match(readFileSync(configFile, 'utf8'), /\[profile local\]/, 'the opened file has the commented template');
    appendFileSync(
      configFile,
      `\n[profile added]\nregion = us-east-1\nendpoint_url = ${session.emulator.endpoint}\naws_access_key_id = AKIAZ3EMULATORDEMO01\naws_secret_access_key = x\n`,
    );
    await treeItem(page, 'added').waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
  });
});
