// The CLI as people install it: `npm pack` of this repository, installed into an empty folder
// with `npm install --omit=dev` (nothing but the tarball and, if npm wants it, the registry), and
// run through `npx`. The package must carry only the CLI and need nothing at run time.

import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { REPO_ROOT } from '../harness/paths';
import { fake } from '../unit/detect/helpers';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
let work: string;
let tarball: string;
let packed: { path: string }[];
let installSeconds: number;

before(() => {
  work = mkdtempSync(path.join(tmpdir(), 'asl-pack-'));
  // --json: the tarball's name and file list; the prepack script builds dist/ first.
  const output = execFileSync(npm, ['pack', '--json', '--pack-destination', work], { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const [info] = JSON.parse(output.slice(output.indexOf('['))) as { filename: string; files: { path: string }[] }[];
  tarball = path.join(work, info.filename);
  packed = info.files;
  const project = path.join(work, 'project');
  mkdirSync(project);
  const started = Date.now();
  execFileSync(npm, ['install', '--omit=dev', '--no-audit', '--no-fund', '--no-save', tarball], { cwd: project, stdio: 'inherit' });
  installSeconds = (Date.now() - started) / 1000;
  process.stdout.write(`# npm install of the tarball: ${installSeconds.toFixed(1)} s\n`);
});
after(() => rmSync(work, { recursive: true, force: true }));

function npxScan(args: string[]) {
  // --no: never download a package of that name from the registry; only the installed one may run.
  return spawnSync(npx, ['--no', '--', 'aws-secrets-lens', ...args], {
    cwd: path.join(work, 'project'),
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
}

describe('npm package', () => {
  it('carries only the CLI, README, LICENSE and package.json, and declares no runtime dependency', () => {
    assert.deepEqual(packed.map((file) => file.path).sort(), ['LICENSE', 'README.md', 'dist/cli.js', 'package.json']);
    const manifest = JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' })) as Record<string, unknown>;
    assert.equal(manifest.dependencies, undefined);
    assert.deepEqual(manifest.bin, { 'aws-secrets-lens': './dist/cli.js' });
    assert.equal(manifest.private, undefined);
    const installed = readFileSync(path.join(work, 'project', 'node_modules', 'aws-secrets-lens', 'dist', 'cli.js'), 'utf8');
    assert.match(installed, /^#!\/usr\/bin\/env node\n/);
  });

  it('installed with --omit=dev, `npx aws-secrets-lens scan` exits 1 on a secret and 0 on clean code', () => {
    const project = path.join(work, 'project');
    mkdirSync(path.join(project, 'leaky'));
    writeFileSync(path.join(project, 'leaky', 'app.py'), `GITHUB_TOKEN = "${fake.github(31)}"\n`);
    mkdirSync(path.join(project, 'clean'));
    writeFileSync(path.join(project, 'clean', 'app.py'), 'import os\nGITHUB_TOKEN = os.environ["GITHUB_TOKEN"]\n');
    const leaky = npxScan(['scan', 'leaky']);
    assert.equal(leaky.status, 1, leaky.stderr);
    assert.match(leaky.stdout, /leaky\/app\.py:1:\d+ +error +Hard-coded GitHub token/);
    const clean = npxScan(['scan', 'clean']);
    assert.equal(clean.status, 0, clean.stderr);
    assert.match(clean.stdout, /No secrets found/);
  });

  it('--version prints the package version', () => {
    const { version } = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    const result = npxScan(['--version']);
    assert.equal(result.status, 0);
    assert.equal(result.stdout.trim(), version);
  });
});
