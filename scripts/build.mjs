// Bundles the extension, its lazily loaded AWS layer and the CLI with esbuild.
//   node scripts/build.mjs            development build with source maps
//   node scripts/build.mjs --release  minified, no source maps (what the VSIX ships)
//   node scripts/build.mjs --watch    rebuild on change
import * as esbuild from 'esbuild';
import { rmSync } from 'node:fs';

const release = process.argv.includes('--release');
const watch = process.argv.includes('--watch');

/**
 * Each entry is its own CommonJS file. `extension.js` stays small so activation is
 * fast; `aws.js` (the AWS SDK and everything that uses it), `detect.js` (the detector) and
 * `snippets.js` (code generators), `audit.js` and `policy.js` (the Access feature's logic) are required only when first needed (src/loading/lazyBundle.ts).
 */
export const entryPoints = {
  extension: 'src/extension.ts',
  aws: 'src/aws/runtime.ts',
  detect: 'src/detect/index.ts',
  snippets: 'src/snippets/index.ts',
  audit: 'src/audit/index.ts',
  policy: 'src/policy/index.ts',
  cli: 'src/cli.ts',
};

const options = {
  entryPoints,
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
  minify: release,
  sourcemap: release ? false : 'linked',
  legalComments: release ? 'none' : 'inline',
  logLevel: 'warning',
  metafile: true,
  // Prefer ES module builds: some packages' `main` is a UMD file whose internal requires esbuild can't follow.
  mainFields: ['module', 'main'],
};

rmSync('dist', { recursive: true, force: true });
if (watch) {
  const ctx = await esbuild.context(options);
  await ctx.watch();
  console.log('esbuild: watching for changes…');
} else {
  const result = await esbuild.build(options);
  for (const [file, out] of Object.entries(result.metafile.outputs)) {
    if (file.endsWith('.js')) console.log(`${file.padEnd(22)} ${(out.bytes / 1024).toFixed(1).padStart(8)} KB`);
  }
}
