// Installs, once, what the real-VS-Code tests and the demo need, into the git-ignored
// .vscode-test/ folder: Node 24 (code-server's runtime) and code-server, pinned. Checks the
// system packages too: chromium (for tests) and libkrb5-dev (to build code-server's kerberos
// module). A marker file written after a complete install makes the next run a no-op.
//
//   npm run harness:install            node, code-server, and chromium
//   node --import tsx test/harness/install.ts --no-browser
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CACHE_DIR, CHROMIUM_PATH, CODE_SERVER_DIR, CODE_SERVER_ENTRY, CODE_SERVER_VERSION, NODE_BIN, NODE_DIR, NODE_PACKAGE, NODE_VERSION } from './paths';
import { runCommand } from './proc';

export interface InstallOptions {
  /** Also make sure chromium is there (tests need it; `npm start` doesn't). Default true. */
  browser?: boolean;
  /** Progress lines go here; default console.log with a prefix. */
  log?: (line: string) => void;
}

export interface Installed {
  nodeBin: string;
  codeServerEntry: string;
  chromium?: string;
}

const defaultLog = (line: string) => console.log(`[harness] ${line}`);

/** Idempotent: returns at once when everything is already installed. */
export async function ensureInstalled(options: InstallOptions = {}): Promise<Installed> {
  const log = options.log ?? defaultLog;
  const browser = options.browser ?? true;
  const needsCodeServer = !isComplete(CODE_SERVER_DIR, CODE_SERVER_VERSION);
  ensureSystemPackages({ chromium: browser, krb5: needsCodeServer }, log);
  await ensureNode(log);
  if (needsCodeServer) await installCodeServer(log);
  return { nodeBin: NODE_BIN, codeServerEntry: CODE_SERVER_ENTRY, chromium: browser ? CHROMIUM_PATH : undefined };
}

// ---- system packages -------------------------------------------------------------------

interface SystemNeeds {
  chromium: boolean;
  krb5: boolean;
}

function ensureSystemPackages(needs: SystemNeeds, log: (line: string) => void): void {
  const isDebian = process.platform === 'linux' && existsSync('/etc/debian_version');
  const wanted: string[] = [];
  if (needs.chromium && !existsSync(CHROMIUM_PATH)) wanted.push('chromium');
  if (needs.krb5 && isDebian && !debianPackageInstalled('libkrb5-dev')) wanted.push('libkrb5-dev');
  if (wanted.length === 0) return;

  const command = `apt-get update && apt-get install -y --no-install-recommends ${wanted.join(' ')}`;
  const isRoot = process.getuid?.() === 0;
  if (!isDebian) {
    throw new Error(
      `Missing: ${wanted.join(', ')}. Install Chromium (or set CHROMIUM_PATH to a Chrome/Chromium binary)` +
        ' and the Kerberos development headers (libkrb5-dev / krb5-devel / `brew install krb5`), then run again.',
    );
  }
  if (!isRoot) throw new Error(`Missing Debian packages: ${wanted.join(', ')}. Install them with:\n  sudo sh -c '${command}'`);
  log(`installing Debian packages: ${wanted.join(' ')} (apt-get, about a minute)`);
  execFileSync('sh', ['-c', command], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

function debianPackageInstalled(name: string): boolean {
  try {
    return execFileSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).includes('install ok installed');
  } catch {
    return false;
  }
}

// ---- npm-packaged tools ----------------------------------------------------------------

/** `<prefix>/.complete` holds the version; written last, so a half-done install doesn't count. */
function markerFor(packageDir: string): string {
  return join(dirname(dirname(packageDir)), '.complete');
}

function isComplete(packageDir: string, version: string): boolean {
  const marker = markerFor(packageDir);
  return existsSync(marker) && readFileSync(marker, 'utf8').trim() === version;
}

/**
 * npm-installs `spec` into a fresh staging prefix, then renames it into place, so an install
 * that is interrupted (Ctrl-C, full disk) leaves nothing that looks finished.
 */
async function installPackage(spec: string, packageDir: string, version: string, env: NodeJS.ProcessEnv): Promise<void> {
  const prefix = dirname(dirname(packageDir));
  const staging = `${prefix}.staging-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  // A package.json of its own keeps npm from walking up into the repository's.
  writeFileSync(join(staging, 'package.json'), '{ "private": true }\n');
  const logFile = join(CACHE_DIR, `install-${spec.replace(/[^\w.-]+/g, '_')}.log`);
  rmSync(logFile, { force: true });
  try {
    await runCommand('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--loglevel=error', spec], { cwd: staging, env, logFile });
    writeFileSync(join(staging, '.complete'), `${version}\n`);
    rmSync(prefix, { recursive: true, force: true });
    renameSync(staging, prefix);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

async function ensureNode(log: (line: string) => void): Promise<void> {
  if (isComplete(NODE_DIR, NODE_VERSION) && existsSync(NODE_BIN)) return;
  mkdirSync(CACHE_DIR, { recursive: true });
  log(`installing Node ${NODE_VERSION} (npm package ${NODE_PACKAGE}) into ${CACHE_DIR}`);
  await installPackage(`${NODE_PACKAGE}@${NODE_VERSION}`, NODE_DIR, NODE_VERSION, process.env);
  const version = execFileSync(NODE_BIN, ['--version'], { encoding: 'utf8' }).trim();
  if (version !== `v${NODE_VERSION}`) throw new Error(`${NODE_BIN} reports ${version}, expected v${NODE_VERSION}`);
}

async function installCodeServer(log: (line: string) => void): Promise<void> {
  log(`installing code-server ${CODE_SERVER_VERSION} into ${CACHE_DIR} (first run only: about 2 minutes, 600 MB)`);
  const started = Date.now();
  // code-server's postinstall checks `node -v` and builds native modules: it must run on
  // Node 24 and compile against Node 24's headers, not the system Node's. Under `npm run`,
  // the outer npm's variables (npm_node_execpath, npm_config_*, NODE) would point the inner
  // npm back at the system Node, so they are dropped.
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!/^npm_/i.test(name) && !['NODE', 'NODE_OPTIONS', 'INIT_CWD'].includes(name)) env[name] = value;
  }
  env.PATH = `${dirname(NODE_BIN)}:${process.env.PATH ?? ''}`;
  env.npm_config_nodedir = NODE_DIR;
  await installPackage(`code-server@${CODE_SERVER_VERSION}`, CODE_SERVER_DIR, CODE_SERVER_VERSION, env);
  if (!existsSync(CODE_SERVER_ENTRY)) throw new Error(`code-server installed, but ${CODE_SERVER_ENTRY} is missing`);
  log(`code-server installed in ${Math.round((Date.now() - started) / 1000)} s`);
}

if (require.main === module) {
  const started = Date.now();
  ensureInstalled({ browser: !process.argv.includes('--no-browser') }).then(
    (installed) => {
      defaultLog(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s: node ${installed.nodeBin}, code-server ${installed.codeServerEntry}`);
    },
    (error: unknown) => {
      console.error(`[harness] install failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
