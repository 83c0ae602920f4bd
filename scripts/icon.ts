// Renders media/icon.svg into media/icon.png (128×128, the Marketplace's icon size) with the same
// headless Chromium the tests use: `flock /tmp/aws-secrets-lens-harness.lock node --import tsx scripts/icon.ts`.
// The PNG is committed; run this again after changing the SVG.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../test/harness/browser';
import { runMain } from '../test/harness/cleanup';
import { REPO_ROOT } from '../test/harness/paths';

const SIZE = 128;

runMain('icon', async () => {
  const svg = readFileSync(join(REPO_ROOT, 'media', 'icon.svg'), 'utf8');
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE }, deviceScaleFactor: 1 });
    await page.setContent(`<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block}</style>${svg}`);
    const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: SIZE, height: SIZE } });
    writeFileSync(join(REPO_ROOT, 'media', 'icon.png'), png);
    console.log(`media/icon.png: ${SIZE}×${SIZE}, ${png.length} bytes`);
  } finally {
    await browser.close();
  }
});
