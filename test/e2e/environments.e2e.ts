// Environments in the browser, on the demo data: compare staging/ with prod/ from the
// explorer's context menu, read the comparison in the AWS Environments panel, promote the
// secret only staging has to prod, and see the comparison show the two as equal.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { EMULATOR_CREDENTIALS } from '../emulator';
import { useWorkbench } from './fixture';
import {
  answerPick,
  clickDialogButton,
  expand,
  openViewContainer,
  panelTreeItem,
  runContextMenu,
  treeItemAt,
  UI_TIMEOUT_MS,
  waitForDialog,
  waitForNotification,
  waitForViewContent,
} from './workbench';

const SM = ['demo', 'us-east-1', 'Secrets Manager'];

describe('environments: compare staging with prod, promote what is missing', () => {
  const workbench = useWorkbench('environments');
  let sm: SecretsManagerClient;

  before(() => {
    sm = new SecretsManagerClient({ region: 'us-east-1', endpoint: workbench.session.emulator.endpoint, credentials: { ...EMULATOR_CREDENTIALS } });
  });
  after(() => sm.destroy());

  const value = async (name: string) =>
    sm.send(new GetSecretValueCommand({ SecretId: name })).then(
      (r) => r.SecretString,
      () => undefined,
    );

  it('compares staging/ with prod/ from the folder’s context menu', async () => {
    const { page } = workbench;
    await openViewContainer(page, 'AWS Secrets');
    await waitForViewContent(page);
    await expand(await treeItemAt(page, ['demo', 'us-east-1']));
    await expand(await treeItemAt(page, SM));
    await runContextMenu(await treeItemAt(page, [...SM, 'staging']), 'Compare With…');
    await answerPick(page, /Compare staging\/ · Secrets Manager/, /^\s*prod\/$/);
    await panelTreeItem(page, 'Only in A: staging/').waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    // A tall panel, so the groups below "Only in B" are drawn too.
    await page.locator('.part.panel a.action-label[aria-label^="Maximize Panel"]').first().click();
    await panelTreeItem(page, 'Only in B: prod/').waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    await panelTreeItem(page, 'checkout/feature-key').waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    // The JSON secret that lacks a key in prod is listed as different, with what differs.
    const config = panelTreeItem(page, 'checkout/config');
    await config.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    assert.match(await config.innerText(), /differs: JSON keys, 1 JSON value/);
    await expand(config);
    await panelTreeItem(page, 'key “retryLimit” only in staging/; key “apiKey” differs').waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    assert.equal(await value('prod/checkout/feature-key'), undefined);
  });

  it('promotes the missing secret to prod/ after a preview', async () => {
    const { page } = workbench;
    await runContextMenu(panelTreeItem(page, 'checkout/feature-key'), 'Copy A → B…');
    await answerPick(page, 'KMS key for the new secrets in us-east-1', 'alias/aws/secretsmanager');
    await answerPick(page, 'Tags of the copies', 'Carry tags over');
    const dialog = await waitForDialog(page, 'Copy 1 secret from staging/ to prod/?');
    assert.match(await dialog.innerText(), /Create 1 · Overwrite 0/);
    await clickDialogButton(page, 'Copy');
    await waitForNotification(page, 'Copy to prod/: 1 created.');
    assert.equal(await value('prod/checkout/feature-key'), await value('staging/checkout/feature-key'));
  });

  it('shows the promoted pair as equal in the comparison', async () => {
    const { page } = workbench;
    // The comparison was read again: nothing is only in staging/ any more.
    await panelTreeItem(page, 'Only in A: staging/').waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
    await page.locator('.part.panel .title-actions a.action-label[aria-label^="Collapse All"]').click();
    await expand(panelTreeItem(page, 'Equal'));
    await panelTreeItem(page, 'checkout/feature-key').waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
  });
});
