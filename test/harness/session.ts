// One call that brings up everything a real-VS-Code test or the demo needs:
//   emulator (seeded) → AWS profile files pointing at it → code-server with the product VSIX
//   installed → optionally headless chromium showing the workbench.
// and one dispose() that takes it all down again. Everything started is also registered with
// cleanup.ts, so Ctrl-C, SIGTERM, a crash or a forgotten dispose() leave no process behind.
import type { Page } from 'playwright-core';
import { startEmulator, type RunningEmulator } from '../emulator';
import { demoProfile, writeAwsProfiles, type AwsProfile, type AwsProfileFiles } from './awsProfiles';
import { openWorkbench, type OpenWorkbenchOptions, type WorkbenchBrowser } from './browser';
import { cleanupAll, onCleanup } from './cleanup';
import { startCodeServer, type CodeServer } from './codeServer';
import { ensureInstalled } from './install';
import { Env } from './paths';
import { freePort } from './proc';
import { makeTempDir } from './tempDir';
import { productVsix } from './vsix';

export interface SessionOptions {
  /** Workspace folder to open; default a new empty temp folder. */
  folder?: string;
  /** User settings for the workbench, e.g. { 'awsSecrets.regions': ['eu-west-1'] }. */
  settings?: Record<string, unknown>;
  /** AWS profiles written to the temp config files; default [demo] (us-east-1 on the emulator). */
  profiles?: readonly AwsProfile[];
  /** Emulator seed, and a port to try first (any free port when it is taken); default seed 'demo' on any free port. */
  emulator?: { seed?: 'demo' | 'none'; port?: number };
  /** More VSIX files installed beside the product (e.g. the in-host test runner). */
  extraVsixes?: readonly string[];
  /** Extra environment for code-server and the extension host. */
  env?: Record<string, string | undefined>;
  /** Let activate() return the test hooks (the in-host suite and the benchmark need them; a user's install never has them). */
  testHooks?: boolean;
  /** Also open the workbench in headless chromium (true, or options). Default false. */
  browser?: boolean | OpenWorkbenchOptions;
  /** code-server port to try first. */
  port?: number;
  /** Keep the process alive while code-server runs (for `npm start`). */
  keepAlive?: boolean;
  /** Copy code-server's and VS Code's logs here when the session ends. */
  saveLogsTo?: string;
  /** VS Code's log level for the session. */
  logLevel?: 'trace' | 'debug' | 'info';
  /** Keep workspace trust on, to test restricted mode. */
  workspaceTrust?: boolean;
  log?: (line: string) => void;
}

export interface Session {
  emulator: RunningEmulator;
  aws: AwsProfileFiles;
  codeServer: CodeServer;
  /** The workspace folder that is open. */
  folder: string;
  browser?: WorkbenchBrowser;
  /** browser.page, when a browser was asked for. */
  page?: Page;
  dispose(): Promise<void>;
}

export async function startSession(options: SessionOptions = {}): Promise<Session> {
  const log = options.log ?? ((line: string) => console.log(`[harness] ${line}`));
  const keepOpen = process.env[Env.keepOpen] === '1';
  const disposers: Array<() => Promise<void> | void> = [];
  const disposeAll = async () => {
    for (const dispose of disposers.splice(0).reverse()) await dispose();
  };
  try {
    await ensureInstalled({ browser: Boolean(options.browser), log });
    const vsix = await productVsix(log);

    const preferredPort = options.emulator?.port;
    const emulatorPort = preferredPort === undefined ? 0 : await freePort('127.0.0.1', preferredPort);
    const emulator = await startEmulator({ seed: options.emulator?.seed ?? 'demo', port: emulatorPort, host: '127.0.0.1' });
    const unregisterEmulator = onCleanup({ name: 'emulator', dispose: () => emulator.close() });
    disposers.push(async () => {
      unregisterEmulator();
      await emulator.close();
    });

    const aws = writeAwsProfiles(emulator.endpoint, options.profiles ?? [demoProfile()]);
    disposers.push(aws.dispose);

    let folder = options.folder;
    if (!folder) {
      const workspace = makeTempDir('workspace');
      disposers.push(workspace.dispose);
      folder = workspace.path;
    }

    const codeServer = await startCodeServer({
      folder,
      settings: options.settings,
      vsixes: [vsix, ...(options.extraVsixes ?? [])],
      env: { ...aws.env, [Env.emulator]: emulator.endpoint, [Env.testHooks]: options.testHooks ? '1' : undefined, ...options.env },
      port: options.port,
      keepAlive: options.keepAlive,
      keepFiles: keepOpen,
      saveLogsTo: options.saveLogsTo,
      logLevel: options.logLevel,
      workspaceTrust: options.workspaceTrust,
      log,
    });
    disposers.push(() => codeServer.stop());

    let browser: WorkbenchBrowser | undefined;
    if (options.browser) {
      browser = await openWorkbench(codeServer.workbenchUrl, options.browser === true ? {} : options.browser);
      disposers.push(() => browser?.close());
    }

    return {
      emulator,
      aws,
      codeServer,
      folder,
      browser,
      page: browser?.page,
      async dispose() {
        if (keepOpen) await waitForCtrlC(codeServer, log);
        await disposeAll();
      },
    };
  } catch (error) {
    await disposeAll();
    throw error;
  }
}

/**
 * AWS_SECRETS_LENS_KEEP_OPEN=1: instead of tearing down, say where everything is and wait.
 * Ctrl-C then runs the usual cleanup (cleanup.ts), and the process exits.
 */
async function waitForCtrlC(codeServer: CodeServer, log: (line: string) => void): Promise<never> {
  log(`${Env.keepOpen}=1: leaving the session open.`);
  log(`  workbench:        ${codeServer.workbenchUrl}`);
  log(`  code-server log:  ${codeServer.logFile}`);
  log(`  VS Code logs:     ${codeServer.logsDir}`);
  log('  press Ctrl-C to stop everything');
  // A timer keeps the event loop alive; the SIGINT handler in cleanup.ts ends the process.
  setInterval(() => undefined, 1 << 30);
  return new Promise<never>(() => undefined);
}

export { cleanupAll };
