// npm run screenshots [-- NAME...] — retakes the README's screenshots (media/screenshot-*.png)
// from the real extension in code-server, on the demo data and the demo project. NAMEs
// (explorer, diff, protect, run, environments, access) retake only those.
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { runMain } from '../test/harness/cleanup';
import { REPO_ROOT } from '../test/harness/paths';
import { startSession } from '../test/harness/session';
import { makeTempDir } from '../test/harness/tempDir';
import {
  answerInput,
  answerPick,
  clickDialogButton,
  collapse,
  expand,
  moveMouseAway,
  openViewContainer,
  panelTreeItem,
  runCommand,
  runContextMenu,
  treeItemAt,
  UI_TIMEOUT_MS,
  waitForDialog,
  waitForViewContent,
} from '../test/e2e/workbench';
import { waitFor } from '../test/harness/wait';

const wanted = process.argv.slice(2);
const take = (name: string) => wanted.length === 0 || wanted.includes(name);

async function main(): Promise<void> {
  const workspace = join(makeTempDir('screenshots').path, 'acme-payments');
  cpSync(join(REPO_ROOT, 'demo', 'workspace'), workspace, { recursive: true });
  const session = await startSession({
    folder: workspace,
    browser: { viewport: { width: 1440, height: 900 } },
    // The terminal's DOM renderer: the run screenshot waits for its text.
    settings: { 'awsSecrets.regions': ['eu-west-1'], 'terminal.integrated.gpuAcceleration': 'off' },
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
    if (take('explorer')) await page.screenshot({ path: join(REPO_ROOT, 'media', 'screenshot-explorer.png') });

    // Compare with previous: the diff editor on two versions.
    await moveMouseAway(page);
    await runContextMenu(await treeItemAt(page, [...sm, 'prod', 'payments', 'db']), 'Compare with Previous');
    await page.locator('.monaco-diff-editor .modified .view-lines', { hasText: 'password' }).first().waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    await page.mouse.move(1100, 700);
    // The secret's tooltip (taller since it says whether there is a resource policy) may lie under the mouse: close it.
    await page.keyboard.press('Escape');
    await page.locator('.workbench-hover').first().waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
    if (take('diff')) await page.screenshot({ path: join(REPO_ROOT, 'media', 'screenshot-diff.png') });

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
    if (take('protect')) await page.screenshot({ path: join(REPO_ROOT, 'media', 'screenshot-protect.png') });

    // Run with secrets: the demo .env imported into Secrets Manager, the demo program in "Open Terminal with Secrets".
    await page.keyboard.press(`${key}+Shift+M`);
    await page.keyboard.press(`${key}+P`);
    await input.fill('.env');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: '.env' }).first().waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    await input.press('Enter');
    await runCommand(page, 'AWS Secrets: Import .env into AWS…');
    await answerPick(page, /Import \d+ values of \.env/, 'One JSON secret in Secrets Manager');
    await answerPick(page, /Region for demo/, 'us-east-1');
    await answerInput(page, /Secret for \.env/, 'acme-payments/local');
    await answerPick(page, /Then, in \.env/, /Rewrite \.env into references/);
    await waitForDialog(page, /Create secret acme-payments\/local/);
    await clickDialogButton(page, 'Create');
    await page.locator('.editor-group-container.active .editor-instance .view-lines').first().click();
    await page.keyboard.press(`${key}+S`);
    await page.locator('.codelens-decoration a', { hasText: 'Open Terminal with Secrets' }).first().click();
    const rows = page.locator('.terminal-wrapper.active .xterm-rows');
    await waitFor(async () => /[$#] *$/m.test(await rows.innerText()), { what: 'the shell prompt', timeoutMs: UI_TIMEOUT_MS });
    await page.locator('.terminal-wrapper.active .xterm-helper-textarea').focus();
    await page.keyboard.type('node tools/show-env.js');
    await page.keyboard.press('Enter');
    await waitFor(async () => /DATABASE_PASSWORD +set/.test((await rows.innerText()).replace(/\u00a0/g, ' ')), {
      what: 'the program output',
      timeoutMs: UI_TIMEOUT_MS,
    });
    await page
      .locator('.notifications-toasts .notification-toast')
      .first()
      .waitFor({ state: 'hidden', timeout: 30_000 })
      .catch(() => undefined);
    await moveMouseAway(page);
    if (take('run')) await page.screenshot({ path: join(REPO_ROOT, 'media', 'screenshot-run.png') });

    // Environments: staging/ compared with prod/ in the AWS Environments panel, one JSON secret's differences open.
    await openViewContainer(page, 'AWS Secrets');
    await collapse(await treeItemAt(page, [...sm, 'prod']));
    await runContextMenu(await treeItemAt(page, [...sm, 'staging']), 'Compare With…');
    await answerPick(page, /Compare staging\/ · Secrets Manager/, /^\s*prod\/$/);
    await panelTreeItem(page, 'Only in A: staging/').waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    await page.locator('.part.panel a.action-label[aria-label^="Maximize Panel"]').first().click();
    await expand(panelTreeItem(page, 'checkout/config'));
    await moveMouseAway(page);
    if (take('environments')) await page.screenshot({ path: join(REPO_ROOT, 'media', 'screenshot-environments.png') });

    // Access: the access history of prod/payments/db (read above) in the AWS Access panel.
    await expand(await treeItemAt(page, [...sm, 'prod']));
    await runContextMenu(await treeItemAt(page, [...sm, 'prod', 'payments', 'db']), 'Show Access History…');
    await panelTreeItem(page, 'GetSecretValue').first().waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    await panelTreeItem(page, 'GetSecretValue').first().hover();
    await page.locator('.monaco-hover, .workbench-hover', { hasText: 'User agent' }).first().waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    if (take('access')) await page.screenshot({ path: join(REPO_ROOT, 'media', 'screenshot-access.png') });
    console.log('media/screenshot-*.png:', wanted.length ? wanted.join(', ') : 'explorer, diff, protect, run, environments, access');
  } finally {
    await session.dispose();
  }
}

runMain('screenshots', main);
