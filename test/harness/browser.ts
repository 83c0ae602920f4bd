// Debian's chromium driven by playwright-core (no browser download: the machine has no
// internet besides package registries). Opening the workbench is also what starts
// code-server's extension host, which only runs while a window is connected.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { onCleanup } from './cleanup';
import { CHROMIUM_PATH, Env } from './paths';
import { makeTempDir } from './tempDir';

/** Without the networking flags chromium keeps calling Google's hosts, which this machine refuses. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

export interface WorkbenchBrowser {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

export interface OpenWorkbenchOptions {
  viewport?: { width: number; height: number };
  /** How long the workbench may take to appear; the first load compiles a lot of JS. */
  timeoutMs?: number;
}

export async function launchChromium(): Promise<Browser> {
  const headed = process.env[Env.headed] === '1';
  // Chromium keeps its crash database under $XDG_CONFIG_HOME/chromium whatever the profile
  // folder is: point that (and its cache) at a temp folder so ~/.config stays untouched.
  const home = makeTempDir('chromium');
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: !headed,
    args: [...CHROMIUM_ARGS],
    env: { ...process.env, XDG_CONFIG_HOME: home.path, XDG_CACHE_HOME: home.path },
  });
  browser.once('disconnected', home.dispose);
  return browser;
}

/** Opens `url` (a code-server workbench URL) in a new headless chromium and waits for the workbench. */
export async function openWorkbench(url: string, options: OpenWorkbenchOptions = {}): Promise<WorkbenchBrowser> {
  const browser = await launchChromium();
  const close = async () => {
    unregister();
    await browser.close();
  };
  const unregister = onCleanup({ name: 'chromium', dispose: () => browser.close() });
  try {
    // The extension's clipboard calls go through the page's Clipboard API, which needs these permissions.
    const context = await browser.newContext({
      viewport: options.viewport ?? { width: 1400, height: 860 },
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    const page = await context.newPage();
    await page.goto(url);
    await waitForWorkbench(page, options.timeoutMs);
    return { browser, context, page, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** The workbench is usable once its activity bar is drawn and the window has a folder open. */
export async function waitForWorkbench(page: Page, timeoutMs = 60_000): Promise<void> {
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: timeoutMs });
  await page.locator('.activitybar .action-item').first().waitFor({ state: 'visible', timeout: timeoutMs });
}
