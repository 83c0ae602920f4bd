// Bundles the in-host suite (mocha + every suite/**/*.test.ts) with esbuild into one CommonJS
// file the extension host can load. Used by launch.ts (code-server) and desktop.ts
// (@vscode/test-electron). The generated entry registers one loader per test file, so mocha's
// 'pre-require' can put describe/it on the global object before each file runs.
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import * as esbuild from 'esbuild';
import { REPO_ROOT } from '../harness/paths';
import { runCommand } from '../harness/proc';

const HERE = __dirname;
const SUITE_DIR = join(HERE, 'suite');

/** Files under `dir` ending in `suffix` (default: suite/**\/*.test.ts), relative to test/integration, in a stable order. */
export function findTestFiles(dir = SUITE_DIR, suffix = '.test.ts'): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith(suffix))
    .map((file) => relative(HERE, join(dir, file)).split('\\').join('/'))
    .sort();
}

/**
 * `exports` is what the bundle's module.exports becomes:
 *  - 'runner': the runner extension's activate/deactivate (code-server)
 *  - 'suite':  the suite's run() (what @vscode/test-electron calls)
 */
export async function bundleSuite(outFile: string, exports: 'runner' | 'suite', files: readonly string[] = findTestFiles()): Promise<void> {
  const loaders = files.map((file) => `  { file: ${JSON.stringify(file)}, load: () => require(${JSON.stringify(`./${file}`)}) },`);
  const entry = [
    "const suite = require('./suite/index.ts');",
    `suite.registerTestFiles([\n${loaders.join('\n')}\n]);`,
    `module.exports = require(${JSON.stringify(exports === 'runner' ? './runner/extension.ts' : './suite/index.ts')});`,
  ].join('\n');
  await esbuild.build({
    stdin: { contents: entry, resolveDir: HERE, sourcefile: 'suite-entry.js', loader: 'js' },
    outfile: outFile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    // Tests read their fixture files (golden before/after texts) from the checkout they were built from.
    define: {
      'process.env.AWS_SECRETS_LENS_REPO_ROOT': JSON.stringify(REPO_ROOT),
      'process.env.AWS_SECRETS_LENS_UPDATE_GOLDEN': JSON.stringify(process.env.AWS_SECRETS_LENS_UPDATE_GOLDEN ?? ''),
    },
    sourcemap: 'linked',
    logLevel: 'error',
  });
}

/**
 * Builds the runner extension in `dir`/extension (package.json, extension.js = the bundle, and
 * its source map, which the launcher uses to map failure stacks) and packages it as
 * `dir`/runner.vsix. Returns the VSIX, the bundle, and the bundle's path suffix once installed.
 */
export async function buildRunnerVsix(dir: string, files?: readonly string[]): Promise<{ vsix: string; bundle: string; installedBundle: string }> {
  const extensionDir = join(dir, 'extension');
  mkdirSync(extensionDir, { recursive: true });
  copyFileSync(join(HERE, 'runner', 'package.json'), join(extensionDir, 'package.json'));
  await bundleSuite(join(extensionDir, 'extension.js'), 'runner', files);
  const vsix = join(dir, 'runner.vsix');
  // The test runner carries the suite's fake secrets on purpose (it tests their detection); it is never published.
  const vsce = join(dirname(require.resolve('@vscode/vsce/package.json')), 'vsce');
  await runCommand(
    process.execPath,
    [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--allow-package-all-secrets', '-o', vsix],
    {
      cwd: extensionDir,
      logFile: join(dir, 'vsce.log'),
    },
  );
  const manifest = JSON.parse(readFileSync(join(HERE, 'runner', 'package.json'), 'utf8')) as { publisher: string; name: string; version: string };
  // Where the bundle ends up once installed: <extensions dir>/publisher.name-version/extension.js
  const installedBundle = `${manifest.publisher}.${manifest.name}-${manifest.version}/extension.js`;
  return { vsix, bundle: join(extensionDir, 'extension.js'), installedBundle };
}
