// Playwright helpers for driving the VS Code workbench like a person: activity bar, tree
// views, the command palette, quick inputs, notifications, screenshots. Every wait is for a
// condition on the page (a locator, an attribute), never a fixed time.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { E2E_ARTIFACTS_DIR } from '../harness/paths';

/** Generous: the first expansion of a region goes through the extension host to the emulator. */
export const UI_TIMEOUT_MS = 20_000;

const SIDEBAR = '.part.sidebar';
const TREE_ROW = '.monaco-list-row[role="treeitem"]';

// ---- activity bar and views ------------------------------------------------------------

/** The activity-bar entry whose title starts with `title` (e.g. "AWS Secrets"). */
export function activityBarItem(page: Page, title: string): Locator {
  return page.locator(`.activitybar .action-item[role="tab"]:has(a[aria-label^="${title}"])`);
}

/**
 * Shows the view container with this activity-bar title and waits until its views are drawn.
 * Clicking an entry that is already selected would close the sidebar, so it checks first.
 */
export async function openViewContainer(page: Page, title: string): Promise<void> {
  const item = activityBarItem(page, title);
  // Extension contributions appear a moment after the workbench, once the extension host has scanned.
  await item.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
  if ((await item.getAttribute('aria-selected')) !== 'true') await item.click();
  await page.locator(`${SIDEBAR} .composite.title h2`, { hasText: title }).waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
  await moveMouseAway(page);
}

/**
 * Waits until the sidebar's view has drawn something (a tree row or its welcome content) and
 * no longer shows its progress bar: after opening the container, after a refresh.
 */
export async function waitForViewContent(page: Page): Promise<void> {
  const content = page.locator(`${SIDEBAR} ${TREE_ROW}`).or(page.locator(`${SIDEBAR} .welcome-view-content`));
  await content.first().waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
  await page.locator(`${SIDEBAR} .monaco-progress-container.active`).waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
}

/** The sidebar's title, e.g. "AWS Secrets: Explorer" (a container with one view shows both names). */
export async function sidebarTitle(page: Page): Promise<string> {
  return (await page.locator(`${SIDEBAR} .composite.title h2`).innerText()).trim();
}

/** Clicks an action in the sidebar's title bar by its label, e.g. "Refresh" or "Filter by Name…". */
export async function clickViewTitleAction(page: Page, label: string): Promise<void> {
  await page.locator(`${SIDEBAR} .title-actions a.action-label[aria-label^="${label}"]`).click();
}

/** Hovers leave tooltips in screenshots; park the mouse over the empty status bar instead. */
export async function moveMouseAway(page: Page): Promise<void> {
  const size = page.viewportSize();
  if (size) await page.mouse.move(size.width / 2, size.height - 5);
}

// ---- tree views ------------------------------------------------------------------------

/**
 * A tree row in the sidebar whose label is `label` (exact, or a RegExp on the label). Labels
 * repeat ("Secrets Manager" under every region): use treeItemAt() for a path.
 */
export function treeItem(page: Page, label: string | RegExp): Locator {
  const name = page.locator('.label-name', { hasText: typeof label === 'string' ? new RegExp(`^${escapeRegExp(label)}$`) : label });
  return page.locator(`${SIDEBAR} ${TREE_ROW}`).filter({ has: name });
}

/**
 * The row reached by following labels from the top level down, e.g.
 * ['demo', 'eu-west-1', 'Secrets Manager']. Every step must be visible (expanded) already.
 * The locator is resolved now (by row index), so use it before the tree changes shape.
 */
export async function treeItemAt(page: Page, path: readonly string[]): Promise<Locator> {
  const last = treeItem(page, path.at(-1)!);
  await last.first().waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
  const index = await page.locator(`${SIDEBAR} ${TREE_ROW}`).evaluateAll((rows, wanted) => {
    const ordered = rows
      .map((row) => ({
        index: Number(row.getAttribute('data-index')),
        level: Number(row.getAttribute('aria-level')),
        label: row.querySelector('.label-name')?.textContent?.trim() ?? '',
      }))
      .sort((a, b) => a.index - b.index);
    let start = 0;
    let found = -1;
    for (let depth = 0; depth < wanted.length; depth++) {
      found = -1;
      for (let i = start; i < ordered.length; i++) {
        const row = ordered[i]!;
        if (row.level < depth + 1) break; // left the parent's subtree
        if (row.level === depth + 1 && row.label === wanted[depth]) {
          found = i;
          break;
        }
      }
      if (found < 0) return -1;
      start = found + 1;
    }
    return ordered[found]!.index;
  }, path);
  if (index < 0) throw new Error(`No tree row at ${path.join(' › ')} (are its parents expanded and on screen?)`);
  return page.locator(`${SIDEBAR} ${TREE_ROW}[data-index="${index}"]`);
}

/** A tree row in the panel (e.g. the AWS Environments comparison) whose label is `label` (exact, or a RegExp). */
export function panelTreeItem(page: Page, label: string | RegExp): Locator {
  const name = page.locator('.label-name', { hasText: typeof label === 'string' ? new RegExp(`^${escapeRegExp(label)}$`) : label });
  return page.locator(`.part.panel ${TREE_ROW}`).filter({ has: name });
}

/** Labels of the visible tree rows, with two spaces of indent per level (for asserts and logs). */
export async function visibleTree(page: Page): Promise<string[]> {
  return page.locator(`${SIDEBAR} ${TREE_ROW}`).evaluateAll((rows) =>
    rows
      .map((row) => ({
        index: Number(row.getAttribute('data-index')),
        text: `${'  '.repeat(Number(row.getAttribute('aria-level')) - 1)}${row.querySelector('.label-name')?.textContent?.trim() ?? ''}`,
      }))
      .sort((a, b) => a.index - b.index)
      .map((row) => row.text),
  );
}

/** Expands a collapsed row and waits until it is expanded and its first child is drawn. */
export async function expand(row: Locator): Promise<void> {
  await row.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
  if ((await row.getAttribute('aria-expanded')) === 'false') await row.locator('.monaco-tl-twistie').click();
  await waitForAttribute(row, 'aria-expanded', 'true');
  // Children come from the extension host; wait for the row after this one to be one level deeper.
  const level = Number(await row.getAttribute('aria-level'));
  const index = Number(await row.getAttribute('data-index'));
  const list = row.locator('xpath=ancestor::*[contains(@class,"monaco-list-rows")][1]');
  await list.locator(`${TREE_ROW}[data-index="${index + 1}"][aria-level="${level + 1}"]`).waitFor({ state: 'attached', timeout: UI_TIMEOUT_MS });
}

export async function collapse(row: Locator): Promise<void> {
  if ((await row.getAttribute('aria-expanded')) === 'true') await row.locator('.monaco-tl-twistie').click();
  await waitForAttribute(row, 'aria-expanded', 'false');
}

/** Clicks an inline action (the icons shown on hover) of a tree row, by its label. */
export async function clickInlineAction(row: Locator, label: string): Promise<void> {
  await row.hover();
  await row.locator(`.actions a.action-label[aria-label^="${label}"]`).click();
}

/** Waits until the element matched by `locator` has attribute `name` equal to `value`. */
async function waitForAttribute(locator: Locator, name: string, value: string): Promise<void> {
  await locator.and(locator.page().locator(`[${name}="${value}"]`)).waitFor({ state: 'attached', timeout: UI_TIMEOUT_MS });
}

// ---- command palette and quick input ---------------------------------------------------

const QUICK_INPUT = '.quick-input-widget';

/**
 * Runs a command from the command palette by its full title, e.g. "AWS Secrets: Refresh":
 * F1, type the title, click the entry whose label is exactly that title.
 */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator(`${QUICK_INPUT} .quick-input-box input`);
  await input.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
  const exactLabel = page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(title)}$`) });
  const entry = page.locator(`${QUICK_INPUT} .monaco-list-row`).filter({ has: exactLabel }).first();
  // An open palette doesn't pick up commands registered after it opened (extensions still
  // loading), so when the entry isn't there, type the query again until it is.
  const deadline = Date.now() + UI_TIMEOUT_MS;
  for (;;) {
    await input.fill(`>${title}`);
    try {
      await entry.waitFor({ state: 'visible', timeout: 1000 });
      break;
    } catch (error) {
      if (Date.now() < deadline) {
        await input.fill('>');
        continue;
      }
      const shown = await page.locator(`${QUICK_INPUT} .monaco-list-row .label-name`).allInnerTexts();
      throw new Error(`The command palette has no entry "${title}" (hidden by a "when" clause?). It shows: ${JSON.stringify(shown)}`, { cause: error });
    }
  }
  await entry.click();
}

/** Waits for a quick input (input box or pick list), optionally one showing `text` (as its prompt, title or placeholder). */
export async function waitForQuickInput(page: Page, text?: string): Promise<Locator> {
  const widget = page.locator(QUICK_INPUT);
  await widget.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
  if (text !== undefined) {
    await widget.filter({ hasText: text }).or(widget.getByPlaceholder(text)).first().waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
  }
  return widget;
}

/** Types into the open quick input and accepts it with Enter; waits for the widget to close. */
export async function submitQuickInput(page: Page, value: string): Promise<void> {
  const input = page.locator(`${QUICK_INPUT} .quick-input-box input`);
  await input.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
  await input.fill(value);
  await input.press('Enter');
  await page.locator(QUICK_INPUT).waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
}

/**
 * Answers one step of a multi-step input: waits for the step whose prompt, title or placeholder
 * shows `question`, types `value`, presses Enter, and waits until that step has gone (the
 * next step, or nothing, takes its place).
 */
export async function answerInput(page: Page, question: string | RegExp, value: string): Promise<void> {
  const step = page.locator(QUICK_INPUT).filter({ hasText: question });
  await step.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
  const input = page.locator(`${QUICK_INPUT} .quick-input-box input`);
  await input.fill(value);
  await input.press('Enter');
  await step.waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
}

/** Answers a pick step: waits for the step showing `question`, clicks the item labelled `label`, waits for the step to go. */
export async function answerPick(page: Page, question: string | RegExp, label: string | RegExp): Promise<void> {
  const step = page
    .locator(QUICK_INPUT)
    .filter({ hasText: question })
    .or(page.locator(QUICK_INPUT).filter({ has: page.getByPlaceholder(question) }));
  await step.first().waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
  const item = page.locator(`${QUICK_INPUT} .monaco-list-row`, { has: page.locator('.label-name', { hasText: label }) }).first();
  await item.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
  await item.click();
  await step.first().waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
}

/**
 * Right-clicks a tree row and runs the context-menu entry with this label. The workbench
 * ignores a click that lands while the menu is still settling after the right-click, so the
 * click is repeated until the menu closes.
 */
export async function runContextMenu(row: Locator, label: string): Promise<void> {
  await row.click({ button: 'right' });
  const page = row.page();
  const menu = page.locator('.context-view.monaco-menu-container');
  const entry = menu.locator('.action-item:not(.disabled) .action-label', { hasText: new RegExp(`^${escapeRegExp(label)}$`) }).first();
  await entry.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
  const deadline = Date.now() + UI_TIMEOUT_MS;
  for (;;) {
    await entry.click();
    try {
      await menu.waitFor({ state: 'hidden', timeout: 1000 });
      return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`The context menu entry "${label}" did not run`, { cause: error });
    }
  }
}

/** Picks the entry with this label in an open quick pick. */
export async function pickQuickItem(page: Page, label: string | RegExp): Promise<void> {
  await page
    .locator(`${QUICK_INPUT} .monaco-list-row`, { has: page.locator('.label-name', { hasText: label }) })
    .first()
    .click();
}

// ---- notifications ---------------------------------------------------------------------

const TOAST = '.notifications-toasts .notification-toast';

/** The messages of the notification toasts on screen now. */
export async function notificationMessages(page: Page): Promise<string[]> {
  return (await page.locator(`${TOAST} .notification-list-item-message`).allInnerTexts()).map((text) => text.trim());
}

/** Waits for a toast whose message contains `text`; returns the toast (click its buttons with getByRole). */
export async function waitForNotification(page: Page, text: string | RegExp): Promise<Locator> {
  const toast = page.locator(TOAST).filter({ has: page.locator('.notification-list-item-message', { hasText: text }) });
  await toast.first().waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
  return toast.first();
}

/** Waits for a modal dialog (e.g. a confirmation) whose message contains `text`. */
export async function waitForDialog(page: Page, text: string | RegExp): Promise<Locator> {
  const dialog = page.locator('.monaco-dialog-box').filter({ hasText: text });
  await dialog.first().waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
  return dialog.first();
}

/** Clicks a button of the open modal dialog by its label and waits for the dialog to close. */
export async function clickDialogButton(page: Page, label: string): Promise<void> {
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.locator('.dialog-buttons .monaco-button', { hasText: label }).first().click();
  await dialog.waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
}

// ---- screenshots -----------------------------------------------------------------------

/**
 * Saves a PNG of the page to test/e2e/artifacts/`name`.png (git-ignored) and returns its path.
 * Use names like 'explorer/03-secrets-listed' to group a scenario's steps.
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  const path = join(E2E_ARTIFACTS_DIR, `${name}.png`);
  mkdirSync(join(path, '..'), { recursive: true });
  await page.screenshot({ path });
  return path;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
