// Where the harness keeps things, and the pinned versions it installs. One place, so the
// installer, the launchers and the docs agree.
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '..', '..');

/** Git-ignored cache for the tools the harness installs (Node 24, code-server). */
export const CACHE_DIR = process.env.AWS_SECRETS_LENS_CACHE_DIR ?? join(REPO_ROOT, '.vscode-test');

/** code-server 4.139.1 embeds VS Code 1.139.1 and requires Node 24 exactly. */
export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_VERSION = '24.22.3';

/** npm serves Node's official binaries as `node-<platform>-<arch>` packages. */
export const NODE_PACKAGE = `node-${process.platform}-${process.arch}`;

export const NODE_DIR = join(CACHE_DIR, `node-${NODE_VERSION}`, 'node_modules', NODE_PACKAGE);
export const NODE_BIN = join(NODE_DIR, 'bin', 'node');
export const CODE_SERVER_DIR = join(CACHE_DIR, `code-server-${CODE_SERVER_VERSION}`, 'node_modules', 'code-server');
export const CODE_SERVER_ENTRY = join(CODE_SERVER_DIR, 'out', 'node', 'entry.js');

/** Debian's chromium; override with CHROMIUM_PATH on other systems. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The product under test: publisher.name from the root package.json. */
export const PRODUCT_ID = 'secrets-lens.aws-secrets-lens';

/** Screenshots and other things a person looks at after an E2E run (git-ignored). */
export const E2E_ARTIFACTS_DIR = process.env.AWS_SECRETS_LENS_ARTIFACTS ?? join(REPO_ROOT, 'test', 'e2e', 'artifacts');

/** Logs of the last runs (code-server's and VS Code's), copied out of the temp folders. */
export const LOGS_DIR = join(CACHE_DIR, 'logs');

export { Env } from './env';
