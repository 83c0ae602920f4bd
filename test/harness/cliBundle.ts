// The CLI as users run it: src/cli.ts bundled into one file, as scripts/build.mjs does, without
// touching dist/ (the tests of `scan` and `exec` run it as a child process).
import { spawn } from 'node:child_process';
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

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a bundled CLI as a child process without blocking this one (an in-process emulator may have to answer it). */
export function runCli(cli: string, args: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}
