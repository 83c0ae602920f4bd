import type * as vscode from 'vscode';

/**
 * Returned by a step when the user pressed the Back button. A registered symbol, so the
 * extension and its separately bundled tests agree on it.
 */
export const BACK: unique symbol = Symbol.for('aws-secrets-lens.back') as never;

interface StepOptions {
  readonly title: string;
  /** Position in a multi-step input; a Back button shows after the first step. */
  readonly step?: number;
  readonly totalSteps?: number;
}

export interface PickOptions<T extends vscode.QuickPickItem> extends StepOptions {
  readonly placeholder?: string;
  /** The item to highlight: the previous answer or the default. */
  readonly active?: (item: T) => boolean;
  /** Called as the user types (debounced), for lists searched on the server. */
  readonly search?: (text: string) => Promise<readonly T[]>;
  readonly matchOnDescription?: boolean;
}

export interface InputOptions extends StepOptions {
  readonly prompt: string;
  readonly value?: string;
  readonly placeholder?: string;
  /** Masks the typed text (values of secrets). */
  readonly password?: boolean;
  /** Checked as the user types. */
  readonly validate?: (value: string) => string | undefined;
  /** Checked on Enter (may call AWS); the box stays open with the message when it fails. */
  readonly validateOnAccept?: (value: string) => Promise<string | undefined>;
}

export interface MessageOptions {
  readonly modal?: boolean;
  readonly detail?: string;
}

/**
 * Every question the extension asks and every message it shows goes through here. The
 * extension uses the VS Code UI (vscodePrompts.ts); its in-host tests answer the same
 * questions from a script, and can read every message shown, to check none holds a value.
 * `undefined` means the user dismissed the question.
 */
export interface Prompts {
  pick<T extends vscode.QuickPickItem>(items: readonly T[] | (() => Promise<readonly T[]>), options: PickOptions<T>): Promise<T | typeof BACK | undefined>;
  input(options: InputOptions): Promise<string | typeof BACK | undefined>;
  info(message: string, ...actions: string[]): Promise<string | undefined>;
  warn(message: string, options: MessageOptions, ...actions: string[]): Promise<string | undefined>;
  error(message: string, ...actions: string[]): Promise<string | undefined>;
}
