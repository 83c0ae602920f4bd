// A person's first walk through the AWS Secrets explorer, in the browser: open the view,
// expand the demo profile, page, filter, browse Parameter Store folders, meet a region where
// access is denied while the other region works, and refresh once it is fixed.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEMO_SEED } from '../emulator/seedData';
import { waitFor } from '../harness/wait';
import { useWorkbench } from './fixture';
import {
  clickInlineAction,
  clickViewTitleAction,
  expand,
  openViewContainer,
  screenshot,
  submitQuickInput,
  treeItem,
  treeItemAt,
  UI_TIMEOUT_MS,
  visibleTree,
  waitForQuickInput,
  waitForViewContent,
} from './workbench';

const PAGE_SIZE = 12;

describe('explorer: browse the demo account', () => {
  const workbench = useWorkbench('explorer', { settings: { 'awsSecrets.regions': ['eu-west-1'], 'awsSecrets.pageSize': PAGE_SIZE } });
  const secretsFolders = [...new Set(DEMO_SEED['us-east-1'].secrets.map((s) => s.name.split('/')[0]))];

  it('opens the AWS Secrets view with the demo profile', async () => {
    const { page } = workbench;
    await openViewContainer(page, 'AWS Secrets');
    await waitForViewContent(page);
    await treeItem(page, 'demo').waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
  });

  it('expands demo → us-east-1 → Secrets Manager and sees the seeded secrets', async () => {
    const { page } = workbench;
    // A single profile opens expanded: its regions and services are on screen already.
    await expand(await treeItemAt(page, ['demo', 'us-east-1']));
    await expand(await treeItemAt(page, ['demo', 'us-east-1', 'Secrets Manager']));
    await waitFor(async () => (await visibleTree(page)).includes('      prod'), { what: 'the prod folder', timeoutMs: UI_TIMEOUT_MS });
    const tree = await visibleTree(page);
    assert.ok(
      tree.some((row) => row.trim() === 'Load more…'),
      `a Load more item after ${PAGE_SIZE} secrets:\n${tree.join('\n')}`,
    );
    await expand(await treeItemAt(page, ['demo', 'us-east-1', 'Secrets Manager', 'prod']));
    await expand(await treeItemAt(page, ['demo', 'us-east-1', 'Secrets Manager', 'prod', 'payments']));
    await treeItemAt(page, ['demo', 'us-east-1', 'Secrets Manager', 'prod', 'payments', 'db']);
  });

  it('loads the next page with “Load more…”', async () => {
    const { page } = workbench;
    const before = (await visibleTree(page)).length;
    await treeItem(page, 'Load more…').first().click();
    await waitFor(async () => (await visibleTree(page)).length > before, { what: 'more rows after Load more', timeoutMs: UI_TIMEOUT_MS });
    const folders = (await visibleTree(page)).filter((row) => /^ {6}\S/.test(row)).map((row) => row.trim());
    assert.ok(secretsFolders.filter((f) => folders.includes(f)).length >= 2, folders.join(', '));
  });

  it('filters by name from the view title and clears the filter', async () => {
    const { page } = workbench;
    await clickViewTitleAction(page, 'Filter by Name…');
    await waitForQuickInput(page, 'Filter AWS Secrets');
    await submitQuickInput(page, 'staging');
    await waitFor(async () => !(await visibleTree(page)).some((row) => row.trim() === 'prod'), { what: 'prod filtered out', timeoutMs: UI_TIMEOUT_MS });
    const filtered = await visibleTree(page);
    assert.ok(
      filtered.some((row) => row.trim() === 'staging'),
      filtered.join('\n'),
    );
    await page.locator('.part.sidebar', { hasText: 'Showing names matching “staging”' }).first().waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    await screenshot(page, 'explorer/filtered');
    await clickViewTitleAction(page, 'Clear Filter');
    await waitFor(async () => (await visibleTree(page)).some((row) => row.trim() === 'prod'), { what: 'prod back after clearing', timeoutMs: UI_TIMEOUT_MS });
  });

  it('opens Parameter Store and its folders', async () => {
    const { page } = workbench;
    await expand(await treeItemAt(page, ['demo', 'us-east-1', 'Parameter Store']));
    // Folders show what has been loaded so far: load every page of parameters first.
    const loadMore = ['demo', 'us-east-1', 'Parameter Store', 'Load more…'];
    const loadMoreText = async () => (await treeItemAt(page, loadMore).catch(() => undefined))?.innerText();
    for (let loaded = PAGE_SIZE; loaded < DEMO_SEED['us-east-1'].parameters.length; loaded += PAGE_SIZE) {
      await (await treeItemAt(page, loadMore)).click();
      await waitFor(
        async () => {
          const text = await loadMoreText();
          return text === undefined || text.includes(`${loaded + PAGE_SIZE} loaded`);
        },
        { what: `the parameters after the first ${loaded}`, timeoutMs: UI_TIMEOUT_MS },
      );
    }
    await expand(await treeItemAt(page, ['demo', 'us-east-1', 'Parameter Store', 'app']));
    await expand(await treeItemAt(page, ['demo', 'us-east-1', 'Parameter Store', 'app', 'prod']));
    await expand(await treeItemAt(page, ['demo', 'us-east-1', 'Parameter Store', 'app', 'prod', 'payments']));
    const row = await treeItemAt(page, ['demo', 'us-east-1', 'Parameter Store', 'app', 'prod', 'payments', 'db-password']);
    assert.match((await row.getAttribute('aria-label')) ?? '', /db-password/);
    await row.locator('.codicon-lock').waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
  });

  it('shows an error item where access is denied while the other region still lists', async () => {
    const { page, session } = workbench;
    session.emulator.addFault({ region: 'eu-west-1', kind: 'accessDenied' });
    await expand(await treeItemAt(page, ['demo', 'eu-west-1']));
    await expand(await treeItemAt(page, ['demo', 'eu-west-1', 'Secrets Manager']));
    const error = await treeItemAt(page, ['demo', 'eu-west-1', 'Secrets Manager', 'Access denied']);
    assert.match((await error.getAttribute('aria-label')) ?? '', /Access denied to secretsmanager:ListSecrets in eu-west-1 for profile demo/);
    // us-east-1 is untouched.
    await treeItemAt(page, ['demo', 'us-east-1', 'Secrets Manager', 'prod']);
  });

  it('lists the region after the fault clears and the user refreshes', async () => {
    const { page, session } = workbench;
    session.emulator.clearFaults();
    const error = await treeItemAt(page, ['demo', 'eu-west-1', 'Secrets Manager', 'Access denied']);
    await clickInlineAction(error, 'Refresh');
    await waitFor(async () => (await treeItem(page, 'Access denied').count()) === 0, { what: 'the error item to go', timeoutMs: UI_TIMEOUT_MS });
    const euFolder = DEMO_SEED['eu-west-1'].secrets.map((s) => s.name.split('/')[0]).sort()[0];
    await treeItemAt(page, ['demo', 'eu-west-1', 'Secrets Manager', euFolder]);
  });
});
