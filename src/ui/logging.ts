import type * as vscode from 'vscode';
import type { Logger } from '../aws/types';

/** A component's logger: it writes to the extension's one LogOutputChannel and can open it. */
export interface Log extends Logger {
  /** Shows the log (the "Show Log" button of an error). */
  show(): void;
}

/**
 * Creates the logger of one component. The prefix (`[aws] `) comes from here and nowhere
 * else, so messages are written without one. Callers pass metadata only: names, operations,
 * error codes — never a secret value. extension.ts creates each component's logger once.
 */
export function componentLogger(channel: vscode.LogOutputChannel, component: string): Log {
  const prefix = `[${component}] `;
  return {
    trace: (message) => channel.trace(prefix + message),
    debug: (message) => channel.debug(prefix + message),
    info: (message) => channel.info(prefix + message),
    warn: (message) => channel.warn(prefix + message),
    error: (message) => channel.error(prefix + message),
    show: () => channel.show(true),
  };
}
