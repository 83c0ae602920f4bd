import type * as vscode from 'vscode';
import type { Logger } from './aws/types';

/**
 * A logger that writes to the extension's one LogOutputChannel with a component prefix.
 * Callers pass metadata only: names, operations, error codes — never a secret value.
 */
export function componentLogger(channel: vscode.LogOutputChannel, component: string): Logger {
  const prefix = `[${component}] `;
  return {
    trace: (message) => channel.trace(prefix + message),
    debug: (message) => channel.debug(prefix + message),
    info: (message) => channel.info(prefix + message),
    warn: (message) => channel.warn(prefix + message),
    error: (message) => channel.error(prefix + message),
  };
}
