// AWS misbehaving under a person's eyes: a slow answer shows progress that Cancel really stops,
// and a throttled region shows an error item that Refresh clears once AWS recovers.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { waitFor } from '../harness/wait';
import { useWorkbench } from './fixture';
import {
  clickInlineAction,
  clickViewTitleAction,
  expand,
  notificationMessages,
  openViewContainer,
  treeItem,
  treeItemAt,
  UI_TIMEOUT_MS,
  waitForNotification,
  waitForViewContent,
} from './workbench';

describe('faults: slow and throttled AWS', () => {
  const workbench = useWorkbench('faults');
  const SECRET = ['demo', 'us-east-1', 'Secrets Manager', 'ci-bot-credentials'];

  it('shows progress for a slow read, and Cancel stops it without an error', async () => {
    const { page, session } = workbench;
    await openViewContainer(page, 'AWS Secrets');
    await waitForViewContent(page);
    await expand(await treeItemAt(page, ['demo', 'us-east-1']));
    await expand(await treeItemAt(page, ['demo', 'us-east-1', 'Secrets Manager']));
    session.emulator.addFault({ service: 'secretsmanager', operation: 'GetSecretValue', kind: 'latency', latencyMs: 8000 });
    await clickInlineAction(await treeItemAt(page, SECRET), 'Reveal Value');
    const progress = await waitForNotification(page, 'Reading ci-bot-credentials');
    await progress.getByRole('button', { name: 'Cancel' }).click();
    await progress.waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
    session.emulator.clearFaults();
    // No editor opened, and no error was shown for a cancellation the user asked for.
    assert.equal(await page.locator('.tab', { hasText: 'ci-bot-credentials' }).count(), 0);
    assert.deepEqual(
      (await notificationMessages(page)).filter((m) => /fail|error|denied/i.test(m)),
      [],
    );
  });

  it('shows a throttled region as an error item, and lists it again after a refresh', async () => {
    const { page, session } = workbench;
    session.emulator.addFault({ service: 'ssm', kind: 'throttle' });
    await expand(await treeItemAt(page, ['demo', 'us-east-1', 'Parameter Store']));
    await treeItemAt(page, ['demo', 'us-east-1', 'Parameter Store', 'Throttled']);
    session.emulator.clearFaults();
    await clickViewTitleAction(page, 'Refresh');
    await waitFor(async () => (await treeItem(page, 'Throttled').count()) === 0, { what: 'the error item to go', timeoutMs: UI_TIMEOUT_MS });
    await expand(await treeItemAt(page, ['demo', 'us-east-1', 'Parameter Store']));
    await treeItemAt(page, ['demo', 'us-east-1', 'Parameter Store', 'app']);
  });
});
