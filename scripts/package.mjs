// Builds a release bundle and packages it as a VSIX (dist/aws-secrets-lens-VERSION.vsix).
// Everything the extension needs at run time is bundled, so the VSIX carries no node_modules.
// README links stay relative: the screenshots ship inside the VSIX, where VS Code shows the README.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const out = process.argv[2] ?? join('dist', `${pkg.name}-${pkg.version}.vsix`);
execFileSync(process.execPath, ['scripts/build.mjs', '--release'], { stdio: 'inherit' });
const require = createRequire(import.meta.url);
const vsce = join(dirname(require.resolve('@vscode/vsce/package.json')), 'vsce');
execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '-o', out], {
  stdio: 'inherit',
});
console.log(out);
