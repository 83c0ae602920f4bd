// npm run screenshots — retakes the README's screenshots (media/screenshot-*.png) from the real
// extension in code-server, on the demo data and the demo project.
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { runMain } from '../test/harness/cleanup';
import { REPO_ROOT } from '../test/harness/paths';
import { startSession } from '../test/harness/session';
import { makeTempDir } from '../test/harness/tempDir';
import {
  answerPick,
  collapse,
  expand,
  moveMouseAway,
  openViewContainer,
  panelTreeItem,
  runContextMenu,
  treeItemAt,
  UI_TIMEOUT_MS,
  waitForViewContent,
} from '../test/e2e/workbench';

async function main(): Promise<void> {
  const workspace = join(makeTempDir('screenshots').path, 'acme-payments');
  cpSync(join(REPO_ROOT, 'demo', 'workspace'), workspace, { recursive: true });
  const session = await startSession({
    folder: workspace,
    browser: { viewport: { width: 1440, height: 900 } },
    settings: { 'awsSecrets.regions': ['eu-west-1'] },
  });
  try {
    const page = session.page;
    if (!page) throw new Error('no browser page');
    const key = process.platform === 'darwin' ? 'Meta' : 'Control';

    // The explorer, with a wider sidebar, a secret's versions and its tooltip.
    await openViewContainer(page, 'AWS Secrets');
    await waitForViewContent(page);
    // Drag the sidebar's right edge (its sash) to make room for descriptions.
    const sidebar = await page.locator('.part.sidebar').boundingBox();
    if (sidebar) {
      const y = sidebar.y + sidebar.height / 2;
      await page.mouse.move(sidebar.x + sidebar.width + 1, y);
      await page.mouse.down();
      await page.mouse.move(560, y, { steps: 8 });
      await page.mouse.up();
    }
    const sm = ['demo', 'us-east-1', 'Secrets Manager'];
    await expand(await treeItemAt(page, ['demo', 'us-east-1']));
    await expand(await treeItemAt(page, sm));
    await expand(await treeItemAt(page, [...sm, 'prod']));
    await expand(await treeItemAt(page, [...sm, 'prod', 'payments']));
    await expand(await treeItemAt(page, [...sm, 'prod', 'payments', 'db']));
    const ps = ['demo', 'us-east-1', 'Parameter Store'];
    await expand(await treeItemAt(page, ps));
    await expand(await treeItemAt(page, [...ps, 'app']));
    await (await treeItemAt(page, [...sm, 'prod', 'payments', 'db'])).hover();
    await page.locator('.monaco-hover, .workbench-hover', { hasText: 'Rotation Lambda' }).first().waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    await page.screenshot({ path: join(REPO_ROOT, 'media', 'screenshot-explorer.png') });

    // Compare with previous: the diff editor on two versions.
    await moveMouseAway(page);
    await runContextMenu(await treeItemAt(page, [...sm, 'prod', 'payments', 'db']), 'Compare with Previous');
    await page.locator('.monaco-diff-editor .modified .view-lines', { hasText: 'password' }).first().waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    await page.mouse.move(1100, 700);
    await page.locator('.workbench-hover').first().waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
    await page.screenshot({ path: join(REPO_ROOT, 'media', 'screenshot-diff.png') });

    // A hard-coded key pair in the demo project, with its CodeLens and the Problems panel.
    await page.keyboard.press(`${key}+P`);
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.fill('app/settings.py');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'settings.py' }).first().waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    await input.press('Enter');
    await page.locator('.codelens-decoration a', { hasText: 'Move to Secrets Manager' }).first().waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    await page.keyboard.press(`${key}+Shift+M`);
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'Hard-coded' }).first().waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    await moveMouseAway(page);
    await page.screenshot({ path: join(REPO_ROOT, 'media', 'screenshot-protect.png') });

    // Environments: staging/ compared with prod/ in the AWS Environments panel, one JSON secret's differences open.
    await openViewContainer(page, 'AWS Secrets');
    await collapse(await treeItemAt(page, [...sm, 'prod']));
    await runContextMenu(await treeItemAt(page, [...sm, 'staging']), 'Compare With…');
    await answerPick(page, /Compare staging\/ · Secrets Manager/, /^\s*prod\/$/);
    await panelTreeItem(page, 'Only in A: staging/').waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    await page.locator('.part.panel a.action-label[aria-label^="Maximize Panel"]').first().click();
    await expand(panelTreeItem(page, 'checkout/config'));
    await moveMouseAway(page);
    await page.screenshot({ path: join(REPO_ROOT, 'media', 'screenshot-environments.png') });
    console.log('media/screenshot-explorer.png, media/screenshot-diff.png, media/screenshot-protect.png, media/screenshot-environments.png');
  } finally {
    await session.dispose();
  }
}

runMain('screenshots', main);
