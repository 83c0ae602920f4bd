// Starts code-server (the real VS Code workbench and extension host, served over HTTP) with
// its own temporary user-data and extensions folders, so nothing of the user's VS Code or
// home folder is read or written.
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { onCleanup } from './cleanup';
import { CODE_SERVER_ENTRY, NODE_BIN } from './paths';
import { freePort, runCommand, spawnGroup, tail, type GroupProcess } from './proc';
import { makeTempDir } from './tempDir';
import { waitFor } from './wait';

export interface CodeServerOptions {
  /** The folder the workbench opens. */
  folder: string;
  /** User settings (User/settings.json), merged over QUIET_SETTINGS. */
  settings?: Record<string, unknown>;
  /**
   * VSIX files installed with `--install-extension`, as a user would. (An unpacked folder
   * copied into the extensions dir is not enough once extensions.json exists: code-server marks
   * it "removed" at startup.)
   */
  vsixes?: readonly string[];
  /** Extra environment for code-server and so for the extension host. */
  env?: Record<string, string | undefined>;
  /** Port to try first; any free port is used when it's taken. */
  port?: number;
  /** Keep the event loop alive while code-server runs (`npm start`). */
  keepAlive?: boolean;
  /** Keep the temp folders (user data, logs) after stop, for debugging. */
  keepFiles?: boolean;
  /** On stop, copy code-server's log and VS Code's logs folder here (replacing what was there). */
  saveLogsTo?: string;
  startTimeoutMs?: number;
  /** VS Code's log level (`--log`), e.g. 'trace' so the leak test sees every line the extension can write. */
  logLevel?: 'trace' | 'debug' | 'info';
  /** Keep workspace trust on (and so ask about it), to test restricted mode. Default: trust disabled. */
  workspaceTrust?: boolean;
  log?: (line: string) => void;
}

export interface CodeServer {
  /** http://127.0.0.1:PORT/ */
  url: string;
  /** The URL that opens `folder`: http://127.0.0.1:PORT/?folder=/abs/folder */
  workbenchUrl: string;
  port: number;
  folder: string;
  userDataDir: string;
  extensionsDir: string;
  /** code-server's own stdout/stderr. */
  logFile: string;
  /** VS Code's logs (server, extension host, extension output channels) live under here. */
  logsDir: string;
  process: GroupProcess;
  stop(): Promise<void>;
}

/** Settings that keep the workbench quiet and the same on every run: no tours, no prompts. */
export const QUIET_SETTINGS: Readonly<Record<string, unknown>> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'git.openRepositoryInParentFolders': 'never',
};

/** Variables that must not leak from the caller's shell into the product under test. */
function isLeakyVariable(name: string): boolean {
  return /^(VSCODE_|ELECTRON_|AWS_|npm_)/.test(name) || ['NODE_OPTIONS', 'PORT', 'PASSWORD', 'HASHED_PASSWORD', 'GITHUB_TOKEN'].includes(name);
}

function cleanEnv(extra: Record<string, string | undefined>, xdgDataHome: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    // VSCODE_IPC_HOOK_CLI would make code-server hand its arguments to the VS Code it runs in;
    // AWS_* would add the caller's real credentials; NODE_OPTIONS might carry tsx's loader.
    if (!isLeakyVariable(name)) env[name] = value;
  }
  // code-server writes its own logs and state under $XDG_DATA_HOME/code-server: keep that temporary.
  env.XDG_DATA_HOME = xdgDataHome;
  for (const [name, value] of Object.entries(extra)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}

export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  const log = options.log ?? ((line: string) => console.log(`[harness] ${line}`));
  if (!existsSync(CODE_SERVER_ENTRY)) throw new Error('code-server is not installed: run `npm run harness:install` first');
  const root = makeTempDir('code-server', { keep: options.keepFiles });
  const userDataDir = join(root.path, 'user-data');
  const extensionsDir = join(root.path, 'extensions');
  const logFile = join(root.path, 'code-server.log');
  // An explicit config file, or code-server writes a default one (with a password) into ~/.config.
  const configFile = join(root.path, 'config.yaml');
  writeFileSync(configFile, 'auth: none\n');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), `${JSON.stringify({ ...QUIET_SETTINGS, ...options.settings }, null, 2)}\n`);
  const env = cleanEnv(options.env ?? {}, join(root.path, 'xdg-data'));
  const common = ['--config', configFile, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];

  for (const vsix of options.vsixes ?? []) {
    await runCommand(NODE_BIN, [CODE_SERVER_ENTRY, ...common, '--install-extension', vsix, '--force'], { env, logFile });
  }

  const port = await freePort('127.0.0.1', options.port);
  const args = [
    CODE_SERVER_ENTRY,
    ...common,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    ...(options.workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--ignore-last-opened',
    ...(options.logLevel ? ['--log', options.logLevel] : []),
    options.folder,
  ];
  const started = Date.now();
  const child = spawnGroup(NODE_BIN, args, { env, logFile, keepAlive: options.keepAlive });
  const unregister = onCleanup({ name: `code-server on port ${port}`, dispose: () => child.stop(), killNow: () => child.killNow() });
  const url = `http://127.0.0.1:${port}/`;
  const timeoutMs = options.startTimeoutMs ?? 60_000;
  try {
    await waitFor(
      async () => {
        const response = await fetch(`${url}healthz`);
        return response.ok;
      },
      {
        what: `code-server to answer on ${url}`,
        timeoutMs,
        abort: () =>
          child.exitStatus ? new Error(`code-server exited (${child.exitStatus}) before serving; its log ${logFile}:\n${tail(logFile)}`) : undefined,
        detail: () => `code-server did not start within ${timeoutMs / 1000} s; its log ${logFile}:\n${tail(logFile)}`,
      },
    );
  } catch (error) {
    unregister();
    await child.stop();
    root.dispose();
    throw error;
  }
  log(`code-server ready on ${url} in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  return {
    url,
    workbenchUrl: `${url}?folder=${options.folder.split('/').map(encodeURIComponent).join('/')}`,
    port,
    folder: options.folder,
    userDataDir,
    extensionsDir,
    logFile,
    logsDir: join(userDataDir, 'logs'),
    process: child,
    async stop() {
      unregister();
      await child.stop();
      // After the process is gone, so every log is flushed and closed.
      if (options.saveLogsTo) saveLogs(options.saveLogsTo, logFile, join(userDataDir, 'logs'));
      root.dispose();
    },
  };
}

function saveLogs(destination: string, logFile: string, logsDir: string): void {
  rmSync(destination, { recursive: true, force: true });
  mkdirSync(destination, { recursive: true });
  if (existsSync(logFile)) cpSync(logFile, join(destination, 'code-server.log'));
  if (existsSync(logsDir)) cpSync(logsDir, join(destination, 'vscode'), { recursive: true });
}
