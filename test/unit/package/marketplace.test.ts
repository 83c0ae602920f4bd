// What the Marketplace shows from package.json: the icon (a 128×128 PNG), categories VS Code knows,
// and the Get Started walkthrough, whose links and completion events must name real commands and
// views and whose media must ship in the VSIX (.vscodeignore's allow-list).
// Categories: code.visualstudio.com/api/references/extension-manifest ("categories").

import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import picomatch from 'picomatch';
import { REPO_ROOT } from '../detect/helpers';

interface Step {
  id: string;
  title: string;
  description: string;
  media: { image?: string; markdown?: string; altText?: string };
  completionEvents?: string[];
}
const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
  icon: string;
  categories: string[];
  contributes: {
    commands: { command: string }[];
    views: Record<string, { id: string }[]>;
    walkthroughs: { id: string; title: string; steps: Step[] }[];
  };
};
const commands = new Set(manifest.contributes.commands.map((c) => c.command));
const views = new Set(Object.values(manifest.contributes.views).flatMap((list) => list.map((v) => v.id)));

/** The VSIX allow-list: `**` excluded, then `!pattern`s put back. */
function shipsInVsix(file: string): boolean {
  const patterns = readFileSync(path.join(REPO_ROOT, '.vscodeignore'), 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('!'))
    .map((line) => line.slice(1).trim());
  return patterns.some((pattern) => picomatch(pattern)(file));
}

const CATEGORIES = [
  'AI',
  'Azure',
  'Chat',
  'Data Science',
  'Debuggers',
  'Education',
  'Extension Packs',
  'Formatters',
  'Keymaps',
  'Language Packs',
  'Linters',
  'Machine Learning',
  'Notebooks',
  'Other',
  'Programming Languages',
  'SCM Providers',
  'Snippets',
  'Testing',
  'Themes',
  'Visualization',
];

describe('Marketplace package', () => {
  it('the icon is a 128×128 PNG that ships in the VSIX', () => {
    const png = readFileSync(path.join(REPO_ROOT, manifest.icon));
    // PNG signature, then the IHDR chunk: width and height as 32-bit big-endian integers (PNG spec §11.2.2).
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    assert.equal(png.toString('latin1', 12, 16), 'IHDR');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
    assert.ok(shipsInVsix(manifest.icon));
  });

  it('categories are ones the Marketplace knows', () => {
    for (const category of manifest.categories) assert.ok(CATEGORIES.includes(category), category);
  });

  it('the walkthrough covers the five steps, with media that exist and ship, links and events that name real commands', () => {
    const [walkthrough] = manifest.contributes.walkthroughs;
    assert.deepEqual(
      walkthrough.steps.map((s) => s.id),
      ['connectProfile', 'browse', 'fixHardCodedSecret', 'runWithSecrets', 'addScannerToCi'],
    );
    for (const step of walkthrough.steps) {
      const media = step.media.image ?? step.media.markdown;
      assert.ok(media, `${step.id} has media`);
      assert.ok(existsSync(path.join(REPO_ROOT, media)), `${media} exists`);
      assert.ok(shipsInVsix(media), `${media} is in the VSIX`);
      if (step.media.image) assert.ok(step.media.altText, `${step.id}'s image has alt text`);
      for (const [, command] of step.description.matchAll(/\(command:([\w.]+)\)/g)) {
        const view = /^(.*)\.focus$/.exec(command)?.[1];
        assert.ok(commands.has(command) || (view !== undefined && views.has(view)), `${step.id} links to ${command}`);
      }
      for (const event of step.completionEvents ?? []) {
        const [kind, target] = event.split(':');
        if (kind === 'onCommand') assert.ok(commands.has(target), `${step.id}: ${event}`);
        else if (kind === 'onView') assert.ok(views.has(target), `${step.id}: ${event}`);
        else assert.fail(`${step.id}: unexpected completion event ${event}`);
      }
    }
  });
});
