// The product as users get it: a VSIX built by the repository's own `npm run package` script.
// Packaged at most once per run: the first caller packages into a temp folder and publishes
// the path in AWS_SECRETS_LENS_VSIX, so later sessions and child processes reuse it.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Env, REPO_ROOT } from './paths';
import { runCommand } from './proc';
import { makeTempDir } from './tempDir';

let packaging: Promise<string> | undefined;

export function productVsix(log: (line: string) => void = (line) => console.log(`[harness] ${line}`)): Promise<string> {
  const given = process.env[Env.vsix];
  if (given && existsSync(given)) return Promise.resolve(given);
  packaging ??= packageProduct(log);
  return packaging;
}

async function packageProduct(log: (line: string) => void): Promise<string> {
  const started = Date.now();
  const dir = makeTempDir('vsix');
  const out = join(dir.path, 'aws-secrets-lens.vsix');
  const logFile = join(dir.path, 'package.log');
  log('building and packaging the extension (npm run package)');
  // scripts/package.mjs builds the release bundle, then runs vsce; its output only matters on failure.
  await runCommand(process.execPath, ['scripts/package.mjs', out], { cwd: REPO_ROOT, logFile });
  if (!existsSync(out)) throw new Error(`scripts/package.mjs finished but wrote no ${out}; see ${logFile}`);
  log(`packaged in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  process.env[Env.vsix] = out;
  return out;
}
