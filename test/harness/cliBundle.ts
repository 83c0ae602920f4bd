// The CLI as users run it: src/cli.ts bundled into one file, as scripts/build.mjs does, without
// touching dist/ (the tests of `scan` and `exec` run it as a child process).
import path from 'node:path';
import { build } from 'esbuild';
import { REPO_ROOT } from './paths';

export async function buildCli(outfile: string): Promise<string> {
  await build({
    entryPoints: [path.join(REPO_ROOT, 'src/cli.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    logLevel: 'silent',
  });
  return outfile;
}
