// Temporary folders that are removed with everything else the harness started.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onCleanup } from './cleanup';

const PREFIX = 'aws-secrets-lens-';
let swept = false;

/**
 * A new folder under the OS temp dir, removed on dispose or at exit (unless `keep`). Its name
 * carries this process's id, so the folders of a harness that was killed with SIGKILL (which
 * runs no cleanup) can be recognised and removed by the next run.
 */
export function makeTempDir(label: string, options: { keep?: boolean } = {}): { path: string; dispose: () => void } {
  if (!swept) sweepOrphans();
  const path = mkdtempSync(join(tmpdir(), `${PREFIX}${process.pid}-${label}-`));
  const remove = () => rmSync(path, { recursive: true, force: true });
  if (options.keep) return { path, dispose: () => undefined };
  const unregister = onCleanup({ name: `temp dir ${path}`, dispose: async () => remove(), killNow: remove });
  return {
    path,
    dispose: () => {
      unregister();
      remove();
    },
  };
}

function sweepOrphans(): void {
  swept = true;
  for (const name of readdirSync(tmpdir())) {
    const pid = Number(/^aws-secrets-lens-(\d+)-/.exec(name)?.[1]);
    if (!pid || pid === process.pid || isAlive(pid)) continue;
    rmSync(join(tmpdir(), name), { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
