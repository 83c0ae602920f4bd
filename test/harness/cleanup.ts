// One place that knows everything the harness started, so it can all be stopped on a normal
// exit, on failure, on Ctrl-C (SIGINT), on SIGTERM/SIGHUP and on an uncaught error.
//
// Each resource registers an async `dispose` (the polite way: stop code-server, close the
// browser, close the emulator) and, where it has one, a synchronous `killNow` that still
// works inside process.on('exit'), where nothing asynchronous runs any more.

export interface Cleanup {
  name: string;
  dispose: () => Promise<void>;
  killNow?: () => void;
}

const registered: Cleanup[] = [];
let handlersInstalled = false;
let signalled = false;

/**
 * True once a signal has started the shutdown. Code that sees its processes die then should
 * stay quiet and let the signal handler finish, rather than report a failure.
 */
export function shuttingDown(): boolean {
  return signalled;
}

/** Registers `cleanup`; the returned function unregisters it (call it after disposing). */
export function onCleanup(cleanup: Cleanup): () => void {
  installHandlers();
  registered.push(cleanup);
  return () => {
    const index = registered.indexOf(cleanup);
    if (index >= 0) registered.splice(index, 1);
  };
}

/** Disposes everything still registered, newest first, each with a time limit. */
export async function cleanupAll(timeoutMs = 15_000): Promise<void> {
  while (registered.length > 0) {
    const cleanup = registered.pop()!;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolvePromise) => {
      timer = setTimeout(() => {
        console.error(`[harness] cleanup of ${cleanup.name} took over ${timeoutMs / 1000} s; killing it`);
        cleanup.killNow?.();
        resolvePromise();
      }, timeoutMs);
    });
    try {
      await Promise.race([cleanup.dispose(), timeout]);
    } catch (error) {
      console.error(`[harness] cleanup of ${cleanup.name} failed: ${error instanceof Error ? error.message : String(error)}`);
      cleanup.killNow?.();
    } finally {
      clearTimeout(timer);
    }
  }
}

function killAllNow(): void {
  for (const cleanup of registered.splice(0).reverse()) {
    try {
      cleanup.killNow?.();
    } catch {
      // best effort: the process is exiting
    }
  }
}

function installHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  // Covers process.exit(), the end of the event loop and crashes by an uncaught error
  // (Node runs 'exit' listeners for those too).
  process.on('exit', killAllNow);
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const) {
    process.on(signal, () => {
      if (signalled) {
        // A second Ctrl-C: stop being polite.
        killAllNow();
        process.exit(code);
      }
      signalled = true;
      console.error(`\n[harness] ${signal}: stopping everything (press Ctrl-C again to kill at once)`);
      void cleanupAll().finally(() => process.exit(code));
    });
  }
}

/**
 * Runs a harness script's main(): exits with its code (0 when it returns nothing) after cleaning
 * up; on an error prints it with `label` and exits 1; on Ctrl-C leaves the exit to the signal handler.
 */
export function runMain(label: string, main: () => Promise<number | void>): void {
  main().then(
    async (code) => {
      await cleanupAll();
      process.exit(code ?? 0);
    },
    async (error: unknown) => {
      if (shuttingDown()) return;
      console.error(`[${label}] ${error instanceof Error ? error.message : String(error)}`);
      await cleanupAll();
      process.exit(1);
    },
  );
}
