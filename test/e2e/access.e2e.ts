// Access in the browser, on the demo data: reveal a secret in the explorer, then "Show Access
// History…" on it opens the AWS Access panel, where that read is listed (GetSecretValue by the
// demo user, newest first) beside the application's seeded reads; the filter shows writes only.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useWorkbench } from './fixture';
import {
  answerPick,
  clickInlineAction,
  expand,
  openViewContainer,
  panelTreeItem,
  runContextMenu,
  treeItemAt,
  UI_TIMEOUT_MS,
  waitForViewContent,
} from './workbench';

const SECRET = ['demo', 'us-east-1', 'Secrets Manager', 'prod', 'payments', 'db'];

describe('access: the access history of a secret shows the read just made', () => {
  const workbench = useWorkbench('access');

  it('reveals prod/payments/db in the explorer', async () => {
    const { page } = workbench;
    await openViewContainer(page, 'AWS Secrets');
    await waitForViewContent(page);
    for (let depth = 2; depth < SECRET.length; depth++) await expand(await treeItemAt(page, SECRET.slice(0, depth)));
    await clickInlineAction(await treeItemAt(page, SECRET), 'Reveal Value');
    await page.locator('.tab.active', { hasText: 'db' }).waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
  });

  it('lists that read first in Show Access History', async () => {
    const { page } = workbench;
    await runContextMenu(await treeItemAt(page, SECRET), 'Show Access History…');
    const reads = panelTreeItem(page, 'GetSecretValue');
    await reads.first().waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    // Newest first: the demo user's read from a moment ago, with its source IP.
    const newest = await reads.first().innerText();
    assert.match(newest, /user\/demo · 127\.0\.0\.1/);
    await page.locator('.part.panel', { hasText: 'CloudTrail reads and writes, newest first' }).first().waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
  });

  it('shows writes only after the filter', async () => {
    const { page } = workbench;
    await page.locator('.part.panel a.action-label[aria-label^="Filter Access History"]').first().click();
    await answerPick(page, /Show which calls/, /^Writes/);
    await page.locator('.part.panel', { hasText: 'CloudTrail writes, newest first' }).first().waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    await panelTreeItem(page, 'GetSecretValue').first().waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
  });
});
