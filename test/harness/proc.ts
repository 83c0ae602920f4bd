// Child processes the harness starts: one-shot commands (installers, packagers) and
// long-running servers (code-server) that must never outlive the harness.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { waitFor } from './wait';

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Send output here instead of the terminal; its tail goes into the error on failure. */
  logFile?: string;
}

/** Runs a command to completion; rejects with its exit code (and log tail) on failure. */
export function runCommand(command: string, args: readonly string[], options: RunOptions = {}): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const out = options.logFile ? openSync(options.logFile, 'a') : 'inherit';
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', out, out] });
    const closeLog = () => {
      if (typeof out === 'number') closeSync(out);
    };
    child.once('error', (error) => {
      closeLog();
      reject(new Error(`Could not run ${command}: ${error.message}`));
    });
    child.once('exit', (code, signal) => {
      closeLog();
      if (code === 0) return resolvePromise();
      const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      const log = options.logFile ? `\nLast lines of ${options.logFile}:\n${tail(options.logFile, 30)}` : '';
      reject(new Error(`${[command, ...args].join(' ')} ${how}${log}`));
    });
  });
}

/** Last `lines` lines of a text file, or '' if it doesn't exist yet. */
export function tail(file: string, lines = 20): string {
  if (!existsSync(file)) return '';
  return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

/**
 * Runs "$@" under a bash guard in a new process group. The guard holds the read end of a pipe
 * whose write end only the harness holds: if the harness dies in any way, SIGKILL included,
 * the pipe closes and the guard kills the whole group. Signal handlers alone can't cover that.
 */
const GUARD = [
  'exec 3<&0 </dev/null',
  '"$@" 3<&- &',
  'child=$!',
  '{ read -r _ <&3; kill -KILL -- -$$; } 2>/dev/null &',
  'watcher=$!',
  'exec 3<&-',
  'wait "$child"',
  'code=$?',
  'kill "$watcher" 2>/dev/null',
  'exit "$code"',
].join('\n');

export interface GroupProcess {
  readonly pid: number;
  /** Set once the process has exited: its exit code, or the signal that ended it. */
  readonly exitStatus: string | undefined;
  readonly exited: Promise<void>;
  /** SIGTERM to the whole group, then SIGKILL if anything is left after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
  /** Synchronous last resort for process 'exit' handlers: SIGKILL the whole group. */
  killNow(): void;
}

export interface GroupOptions {
  cwd?: string;
  env: NodeJS.ProcessEnv;
  logFile: string;
  /** Keep the harness's event loop alive while this runs (e.g. `npm start`); default false. */
  keepAlive?: boolean;
}

export function spawnGroup(command: string, args: readonly string[], options: GroupOptions): GroupProcess {
  const log = openSync(options.logFile, 'a');
  const child: ChildProcess = spawn('bash', ['-c', GUARD, 'harness-guard', command, ...args], {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ['pipe', log, log],
  });
  closeSync(log);
  if (child.pid === undefined) throw new Error(`Could not start ${command} (bash missing?)`);
  const pid = child.pid;
  let exitStatus: string | undefined;
  const exited = new Promise<void>((resolvePromise) => {
    child.once('exit', (code, signal) => {
      exitStatus = signal ?? `code ${code}`;
      resolvePromise();
    });
    child.once('error', (error) => {
      exitStatus = error.message;
      resolvePromise();
    });
  });
  if (!options.keepAlive) {
    // The pipe stays open, but neither it nor the child keeps the harness's event loop alive:
    // a harness that forgot to stop it still exits, and its exit handler or the guard cleans up.
    child.unref();
    (child.stdin as Socket | null)?.unref();
  }

  const groupAlive = () => {
    try {
      process.kill(-pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal);
    } catch {
      // already gone
    }
  };
  return {
    pid,
    get exitStatus() {
      return exitStatus;
    },
    exited,
    async stop(graceMs = 5000) {
      signalGroup('SIGTERM');
      try {
        await waitFor(() => !groupAlive(), { what: `process group ${pid} to exit`, timeoutMs: graceMs, intervalMs: 50 });
      } catch {
        signalGroup('SIGKILL');
        await waitFor(() => !groupAlive(), { what: `process group ${pid} to die after SIGKILL`, timeoutMs: 5000, intervalMs: 50 });
      }
    },
    killNow() {
      signalGroup('SIGKILL');
    },
  };
}

/** A free TCP port on `host`: `preferred` when it is free, otherwise one the OS picks. */
export async function freePort(host = '127.0.0.1', preferred?: number): Promise<number> {
  const tryListen = (port: number) =>
    new Promise<number | undefined>((resolvePromise) => {
      const server = createServer();
      server.once('error', () => resolvePromise(undefined));
      server.listen(port, host, () => {
        const address = server.address();
        const chosen = typeof address === 'object' && address ? address.port : undefined;
        server.close(() => resolvePromise(chosen));
      });
    });
  if (preferred !== undefined) {
    const port = await tryListen(preferred);
    if (port) return port;
  }
  const port = await tryListen(0);
  if (!port) throw new Error(`No free TCP port on ${host}`);
  return port;
}
