// The workbench loads with the product installed, and the AWS Secrets activity-bar entry
// shows the Explorer view.
import assert from 'node:assert/strict';
import { basename } from 'node:path';
import { describe, it } from 'node:test';
import { waitFor } from '../harness/wait';
import { useWorkbench } from './fixture';
import { activityBarItem, openViewContainer, sidebarTitle, UI_TIMEOUT_MS, waitForViewContent } from './workbench';

describe('smoke: workbench and the AWS Secrets view', () => {
  const workbench = useWorkbench('smoke');

  it('loads the workbench with the workspace folder open', async () => {
    const { page, session } = workbench;
    const folder = basename(session.folder);
    await waitFor(async () => (await page.title()).includes(folder), { what: `the window title to name ${folder}`, timeoutMs: UI_TIMEOUT_MS });
    await activityBarItem(page, 'AWS Secrets').waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
  });

  it('shows the Explorer view when "AWS Secrets" is clicked', async () => {
    const { page } = workbench;
    await openViewContainer(page, 'AWS Secrets');
    await waitForViewContent(page);
    assert.equal(await sidebarTitle(page), 'AWS Secrets: Explorer');
    assert.equal(await activityBarItem(page, 'AWS Secrets').getAttribute('aria-selected'), 'true');
  });
});
