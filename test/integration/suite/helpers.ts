// Helpers for in-host tests: the product extension, the emulator (over HTTP: it runs in the
// launcher's process, not in the extension host) and waiting for conditions.
import * as vscode from 'vscode';
import type { FaultRule } from '../../emulator';
import { Env } from '../../harness/env';

export const PRODUCT_ID = 'secrets-lens.aws-secrets-lens';

export function productExtension(): vscode.Extension<unknown> {
  const extension = vscode.extensions.getExtension(PRODUCT_ID);
  if (!extension) throw new Error(`${PRODUCT_ID} is not installed in this extension host`);
  return extension;
}

/** Activates the product (a no-op when it already is) and returns what activate() returned. */
export async function activateProduct<T = unknown>(): Promise<T> {
  return (await productExtension().activate()) as T;
}

/** The emulator endpoint the launcher started, e.g. http://127.0.0.1:PORT. */
export function emulatorEndpoint(): string {
  const endpoint = process.env[Env.emulator];
  if (!endpoint) throw new Error(`${Env.emulator} is not set: run the suite with npm run test:integration`);
  return endpoint;
}

async function emulatorRequest(method: 'POST' | 'DELETE' | 'GET', path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${emulatorEndpoint()}/_emulator/${path}`, {
    method,
    headers: body === undefined ? undefined : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`emulator ${method} ${path}: HTTP ${response.status} ${await response.text()}`);
  const text = await response.text();
  return text ? (JSON.parse(text) as unknown) : undefined;
}

/** Injects one or more faults (throttling, access denied in a region, latency…). */
export async function addFault(rule: FaultRule | FaultRule[]): Promise<void> {
  await emulatorRequest('POST', 'faults', rule);
}

export async function clearFaults(): Promise<void> {
  await emulatorRequest('DELETE', 'faults');
}

/** Back to the seeded data, with no faults and zeroed stats. */
export async function resetEmulator(): Promise<void> {
  await emulatorRequest('POST', 'reset');
}

/** Requests the emulator received per `service.Operation`. */
export async function emulatorStats(): Promise<Record<string, number>> {
  return (await emulatorRequest('GET', 'stats')) as Record<string, number>;
}

/** Polls `probe` until it returns something truthy; no fixed sleeps in tests. */
export async function waitFor<T>(probe: () => T | undefined | false | Promise<T | undefined | false>, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const cause = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${cause}`);
    }
    await new Promise((resolvePromise) => setTimeout(resolvePromise, 50));
  }
}

/** Sets a user setting and returns a function that restores the previous value. */
export async function withSetting(section: string, value: unknown): Promise<() => Promise<void>> {
  const config = vscode.workspace.getConfiguration();
  const previous = config.inspect(section)?.globalValue;
  await config.update(section, value, vscode.ConfigurationTarget.Global);
  return async () => {
    await vscode.workspace.getConfiguration().update(section, previous, vscode.ConfigurationTarget.Global);
  };
}

/**
 * Unhandled promise rejections seen in this extension host while the suite runs (the listener
 * is installed when the suite loads, before any test). The last test file asserts there are none.
 */
export const unhandledRejections: string[] = [];
process.on('unhandledRejection', (reason) => {
  unhandledRejections.push(reason instanceof Error ? `${reason.message}\n${reason.stack ?? ''}` : String(reason));
});
